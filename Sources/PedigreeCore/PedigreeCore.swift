// PedigreeCore: the pipeline read -> merge -> propagate -> evaluate -> report, as the CLI calls it.
@_exported import PedigreeDiagnostics
@_exported import PedigreeModel
