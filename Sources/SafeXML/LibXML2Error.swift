internal import CLibXML2
import FoundationEssentials

/// The first error libxml2 reported for a document, copied out of libxml2's memory.
struct LibXML2Error {
    var domain: Int32
    var code: Int32
    var message: String
    /// 1-based; 0 when libxml2 did not know.
    var line: Int
    /// 1-based, in code points; 0 when libxml2 did not know.
    var column: Int
    var string1: String?
    var string2: String?
    var integer1: Int

    static let internalError = Int32(XML_ERR_INTERNAL_ERROR.rawValue)
    static let noMemory = Int32(XML_ERR_NO_MEMORY.rawValue)
    static let documentEmpty = Int32(XML_ERR_DOCUMENT_EMPTY.rawValue)
    static let documentEnd = Int32(XML_ERR_DOCUMENT_END.rawValue)
    static let undeclaredEntity = Int32(XML_ERR_UNDECLARED_ENTITY.rawValue)
    static let undeclaredEntityWarning = Int32(XML_WAR_UNDECLARED_ENTITY.rawValue)
    static let tagNameMismatch = Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue)
    static let attributeValueTooLong = Int32(XML_ERR_ATTRIBUTE_NOT_FINISHED.rawValue)
}

/// Receives libxml2's structured errors for one reader and keeps the first real one.
///
/// A class because libxml2 hands it back as an opaque context pointer (through `Unmanaged`); it
/// lives as long as the `LibXML2Reader` that owns it and is used on that reader's thread only.
/// Warnings are ignored; errors, including namespace errors libxml2 would recover from, are kept.
final class LibXML2ErrorRecorder {
    private(set) var first: LibXML2Error?

    func record(_ error: UnsafeMutablePointer<xmlError>) {
        guard first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let value = error.pointee
        first = LibXML2Error(
            domain: value.domain,
            code: value.code,
            message: value.message.map { String(cString: $0) } ?? "",
            line: Int(value.line),
            column: Int(value.int2),
            string1: value.str1.map { String(cString: $0) },
            string2: value.str2.map { String(cString: $0) },
            integer1: Int(value.int1))
    }
}
