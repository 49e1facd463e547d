// PedigreeCore: the pipeline read -> merge -> propagate -> evaluate -> report, as the CLI calls it.
// The stages' modules are re-exported so that the CLI and tools depend on this one module.
@_exported import PedigreeDiagnostics
@_exported import PedigreeEngine
@_exported import PedigreeFormats
@_exported import PedigreeLicenses
@_exported import PedigreeModel
@_exported import PedigreeReports
