// Tests for PedigreeDiagnostics.
