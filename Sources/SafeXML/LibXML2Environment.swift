internal import CLibXML2
import FoundationEssentials

/// The libxml2 settings every parse relies on: some hold for the process, some for one thread.
///
/// `xmlInitParser` and the external entity loader are process-wide, so they are set once, by a
/// static `let` (Swift runs its initialiser exactly once, thread-safely). libxml2 keeps its error
/// callbacks per thread, and a thread that never set them writes errors to stderr, so every parse
/// silences the thread it runs on.
enum LibXML2Environment {
    private static let processWide: Bool = {
        xmlInitParser()
        // Without a DTD nothing should ask for an external entity; if anything does, it gets nothing,
        // so no file is opened and no URL fetched whatever the document says.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Makes libxml2 usable on the calling thread, without output to stderr.
    static func prepareCurrentThread() {
        _ = processWide
        pedigree_xml_silence_generic_errors()
        xmlSetStructuredErrorFunc(nil) { _, _ in }
    }
}
