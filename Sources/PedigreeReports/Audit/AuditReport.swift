import PedigreeEngine
import PedigreeModel

/// What an audit report renders: the engine's result plus the facts about the run it came from.
public struct AuditReport: Sendable {
    /// One input file as read.
    public struct Input: Sendable, Hashable {
        public var path: String
        public var format: InputFormat
        public var specVersion: String?

        public init(path: String, format: InputFormat, specVersion: String? = nil) {
            self.path = path
            self.format = format
            self.specVersion = specVersion
        }
    }

    public var result: AuditResult
    public var inputs: [Input]
    public var toolName: String
    public var toolVersion: String

    public init(result: AuditResult, inputs: [Input] = [], toolName: String = "pedigree", toolVersion: String) {
        self.result = result
        self.inputs = inputs
        self.toolName = toolName
        self.toolVersion = toolVersion
    }
}

/// A report format; writers only render, they decide nothing.
public protocol ReportWriter: Sendable {
    func write(_ report: AuditReport) -> String
}
