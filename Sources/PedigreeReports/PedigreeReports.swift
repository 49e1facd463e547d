// PedigreeReports: one writer per report format; writers only render what the engine concluded.
