import PedigreeDiagnostics
import PedigreeModel

/// Reads the SPDX 2.2/2.3 tag-value serialization into an `SPDX2Document`.
///
/// Grammar (SPDX 2.3 clause 5 and Annex "tag:value format"):
///
///     document  = { line }
///     line      = blank | "#" comment | tag ":" [ " "… ] value
///     tag       = letter { letter | digit }
///     value     = text-to-end-of-line
///               | "<text>" { any character, line breaks included } "</text>"
///
/// Sections begin with a tag that names a new element and run until the next one:
/// `PackageName` (a package), `FileName` (a file; a file that follows a package is contained by it),
/// `SnippetSPDXID` (a snippet), `LicenseID` (an extracted license), `Annotator` (an annotation, whose
/// target is `SPDXREF`). `Relationship: A TYPE B` may appear anywhere, optionally followed by
/// `RelationshipComment`. A malformed line is a warning at its line and column and is skipped; a file
/// without a single `Tag: value` line cannot be SPDX and is rejected.
struct SPDX2TagValueParser {
    let file: String
    /// Malformed lines reported one by one before the rest are summarised.
    static let maxReportedMalformedLines = 50

    private var diagnostics = DiagnosticCollector()
    private var document = SPDX2Document()
    private var documentIDSet = false

    private enum Section { case none, element, license, annotation }
    private var section = Section.none
    /// The element the current section describes, by its position in `document.elements`.
    private var current: Int?
    /// The package that files following it belong to.
    private var enclosingPackage: Int?
    private var currentLicense: Int?
    private var annotationTarget: String?
    private var annotationComment: String?
    private var annotations: [(target: String, comment: String)] = []
    private var sawCreator = false
    private var versionLocation: SourceLocation?
    private var malformedLines = 0
    private var validLines = 0

    init(file: String) { self.file = file }

    /// - Throws: `InputError` when the bytes are binary or hold no `Tag: value` line at all.
    mutating func parse(_ input: [UInt8]) throws(InputError) -> SPDX2Document {
        let bytes = try Self.utf8(input, file: file, diagnostics: &diagnostics)
        var lineStart = 0
        var lineNumber = 0
        let count = bytes.count
        while lineStart < count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let consumedUntil = handleLine(
                bytes, start: lineStart, end: contentEnd, lineNumber: lineNumber, fileEnd: count)
            if let consumedUntil {
                // A <text> block spanning lines: continue after its closing line.
                lineNumber = consumedUntil.lineNumber
                lineStart = consumedUntil.nextStart
            } else {
                lineStart = next
            }
        }
        finishAnnotation()
        if malformedLines > Self.maxReportedMalformedLines {
            diagnostics.warning(
                "spdx.tag-value.malformed-line",
                "\(malformedLines - Self.maxReportedMalformedLines) more malformed lines were skipped",
                at: SourceLocation(file: file, line: lineNumber, column: 1))
        }
        guard validLines > 0 else {
            throw InputError(
                "spdx.tag-value.no-tags", "expected SPDX tag-value lines ('Tag: value'), found none",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if !sawCreator {
            diagnostics.error(
                "spdx.missing-field", "document has no 'Creator'", at: SourceLocation(file: file, line: 1, column: 1))
        }
        if document.specVersion == nil {
            diagnostics.error(
                "spdx.missing-field", "document has no 'SPDXVersion'", at: SourceLocation(file: file, line: 1, column: 1))
        } else if let version = document.specVersion, !SPDX2Document.supportedVersions.contains(version) {
            diagnostics.error(
                "spdx.unsupported-version",
                "expected SPDXVersion 'SPDX-2.2' or 'SPDX-2.3', found '\(version)'; reading it as SPDX 2.3",
                at: versionLocation ?? SourceLocation(file: file, line: 1, column: 1))
        }
        for (position, element) in document.elements.enumerated() where element.spdxID.isEmpty {
            let id = "SPDXRef-\(element.kind.rawValue)-\(position + 1)"
            document.elements[position].spdxID = id
            diagnostics.error(
                "spdx.missing-id", "\(element.kind.rawValue) has no SPDXID; relationships cannot name it; called it '\(id)'",
                at: element.location)
        }
        for containment in pendingContainment {
            let fileID = document.elements[containment.file].spdxID
            document.elements[containment.package].hasFiles.append(SPDX2Document.Text(fileID, at: containment.location))
        }
        if !annotations.isEmpty {
            var byTarget: [String: [String]] = [:]
            for annotation in annotations { byTarget[annotation.target, default: []].append(annotation.comment) }
            for position in document.elements.indices {
                document.elements[position].annotations += byTarget[document.elements[position].spdxID] ?? []
            }
        }
        document.diagnostics = diagnostics.diagnostics
        return document
    }

    // MARK: - Lines

    /// Handles one line; returns where to continue when a `<text>` block ran over several lines.
    private mutating func handleLine(
        _ bytes: [UInt8], start: Int, end: Int, lineNumber: Int, fileEnd: Int
    ) -> (lineNumber: Int, nextStart: Int)? {
        var first = start
        while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
        if first == end || bytes[first] == UInt8(ascii: "#") { return nil }
        // tag = letter { letter | digit }, then ":"
        var colon = first
        while colon < end, Self.isTagByte(bytes[colon]) { colon += 1 }
        guard colon > first, colon < end, bytes[colon] == UInt8(ascii: ":"), Self.isLetter(bytes[first]) else {
            if end == fileEnd, colon == end {
                // The last line stops inside a tag, without its line break: the file was cut off.
                diagnostics.error(
                    "spdx.tag-value.truncated",
                    "the last line ends inside the tag '\(String(decoding: bytes[first..<end], as: UTF8.self))' without ':' or a line break; the file is truncated",
                    at: SourceLocation(file: file, line: lineNumber, column: Self.column(bytes, from: start, to: first)))
                return nil
            }
            malformed(bytes, start: start, end: end, line: lineNumber, column: Self.column(bytes, from: start, to: first))
            return nil
        }
        let tag = String(decoding: bytes[first..<colon], as: UTF8.self)
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        let location = SourceLocation(
            file: file, line: lineNumber, column: Self.column(bytes, from: start, to: valueStart))
        validLines += 1

        if Self.hasPrefix(bytes, at: valueStart, end: end, "<text>") {
            let textStart = valueStart + 6
            // Search for </text> from here, across lines.
            if let close = Self.find(bytes, "</text>", from: textStart, end: fileEnd) {
                let value = String(decoding: bytes[textStart..<close], as: UTF8.self)
                var closeLineNumber = lineNumber
                var index = textStart
                var lastLineStart = start
                while index < close {
                    if bytes[index] == 0x0A { closeLineNumber += 1; lastLineStart = index + 1 }
                    index += 1
                }
                var afterClose = close + 7
                var closeLineEnd = afterClose
                while closeLineEnd < fileEnd, bytes[closeLineEnd] != 0x0A { closeLineEnd += 1 }
                var trailing = afterClose
                while trailing < closeLineEnd, bytes[trailing] == 0x20 || bytes[trailing] == 0x09 || bytes[trailing] == 0x0D {
                    trailing += 1
                }
                if trailing < closeLineEnd {
                    diagnostics.warning(
                        "spdx.tag-value.malformed-line", "expected a line break after '</text>', found more text; it is ignored",
                        at: SourceLocation(
                            file: file, line: closeLineNumber, column: Self.column(bytes, from: lastLineStart, to: trailing)))
                }
                afterClose = closeLineEnd + 1
                apply(tag: tag, value: value, at: location)
                return (closeLineNumber, afterClose)
            }
            // Reading the rest of the file as one value would swallow every element after it.
            diagnostics.error(
                "spdx.tag-value.unterminated-text",
                "'<text>' of tag '\(tag)' is never closed by '</text>'; the file is truncated or damaged",
                at: location)
            return (lineNumber, fileEnd + 1)
        }
        var valueEnd = end
        while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 || bytes[valueEnd - 1] == 0x09 { valueEnd -= 1 }
        apply(tag: tag, value: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self), at: location, bytes: bytes, valueStart: valueStart, lineStart: start)
        return nil
    }

    private mutating func malformed(_ bytes: [UInt8], start: Int, end: Int, line: Int, column: Int) {
        malformedLines += 1
        guard malformedLines <= Self.maxReportedMalformedLines else { return }
        var shown = String(decoding: bytes[start..<min(end, start + 60)], as: UTF8.self)
        if end - start > 60 { shown += "…" }
        diagnostics.warning(
            "spdx.tag-value.malformed-line", "expected 'Tag: value', found '\(shown)'; the line is skipped",
            at: SourceLocation(file: file, line: line, column: column))
    }

    // MARK: - Tags

    private mutating func apply(
        tag: String, value: String, at location: SourceLocation, bytes: [UInt8]? = nil, valueStart: Int = 0,
        lineStart: Int = 0
    ) {
        let text = SPDX2Document.Text(value, at: location)
        switch tag {
        case "SPDXVersion":
            document.specVersion = value
            versionLocation = location
        case "DocumentName": document.name = value
        case "Creator": sawCreator = true
        case "Created":
            if !SPDX2Document.isTimestamp(value) { diagnostics.append(SPDX2Document.timestampWarning(value, at: location)) }
        case "DocumentNamespace": document.namespace = value
        case "ExternalDocumentRef":
            let parts = Self.spaceSeparated(value).map(\.text)
            if parts.count >= 2 {
                document.externalDocuments[parts[0]] = parts[1]
            } else {
                diagnostics.warning(
                    "spdx.tag-value.malformed-value", "expected 'ExternalDocumentRef: DocumentRef-<id> <namespace> <checksum>', found '\(value)'",
                    at: location)
            }
        case "SPDXID":
            if section == .element, let current, document.elements[current].spdxID.isEmpty {
                document.elements[current].spdxID = value
            } else if section == .none, !documentIDSet {
                document.documentID = value
                documentIDSet = true
            } else {
                diagnostics.warning(
                    "spdx.tag-value.unexpected-tag", "'SPDXID' here names no new element; expected it right after PackageName or FileName",
                    at: location)
            }
        case "PackageName":
            startElement(.package, id: "", at: location)
            updateCurrent { $0.name = value }
        case "FileName":
            startElement(.file, id: "", at: location)
            updateCurrent { $0.fileName = value }
        case "SnippetSPDXID":
            startElement(.snippet, id: value, at: location)
        case "LicenseID":
            finishAnnotation()
            section = .license
            current = nil
            currentLicense = document.extractedLicenses.count
            document.extractedLicenses.append(ExtractedLicense(id: value, location: location))
        case "ExtractedText": updateLicense { $0.text = value }
        case "LicenseName": updateLicense { $0.name = value }
        case "LicenseCrossReference": updateLicense { $0.seeAlso.append(value) }
        case "Annotator":
            finishAnnotation()
            section = .annotation
            annotationTarget = nil
            annotationComment = nil
        case "AnnotationComment": if section == .annotation { annotationComment = value }
        case "SPDXREF": if section == .annotation { annotationTarget = value }
        case "Relationship":
            relationship(value, at: location, bytes: bytes, valueStart: valueStart, lineStart: lineStart)
        case "RelationshipComment":
            if !document.relationships.isEmpty { document.relationships[document.relationships.count - 1].comment = value }
        case "PackageVersion": updateCurrent { $0.version = value }
        case "PackageFileName": updateCurrent { $0.fileName = value }
        case "PackageSupplier": updateCurrent { $0.supplier = value }
        case "PackageOriginator": updateCurrent { $0.originator = value }
        case "PackageDownloadLocation": updateCurrent { $0.downloadLocation = value }
        case "PackageHomePage": updateCurrent { $0.homepage = value }
        case "PrimaryPackagePurpose": updateCurrent { $0.primaryPurpose = text }
        case "PackageLicenseConcluded", "LicenseConcluded", "SnippetLicenseConcluded":
            updateCurrent { $0.licenseConcluded = text }
        case "PackageLicenseDeclared": updateCurrent { $0.licenseDeclared = text }
        case "PackageLicenseInfoFromFiles", "LicenseInfoInFile", "LicenseInfoInSnippet":
            updateCurrent { $0.licenseInfo.append(text) }
        case "PackageLicenseComments", "LicenseComments", "SnippetLicenseComments":
            updateCurrent { $0.licenseComments = value }
        case "PackageCopyrightText", "FileCopyrightText", "SnippetCopyrightText":
            updateCurrent { $0.copyrightText = value }
        case "PackageComment", "FileComment", "SnippetComment":
            updateCurrent { $0.comment = value }
        case "SnippetName": updateCurrent { $0.name = value }
        case "SnippetFromFileSPDXID": updateCurrent { $0.snippetFromFile = text }
        case "PackageChecksum", "FileChecksum":
            let parts = value.split(separator: ":", maxSplits: 1)
            if parts.count == 2 {
                updateCurrent { $0.checksums.append((parts[0].spdxTrimmedText, parts[1].spdxTrimmedText)) }
            } else {
                diagnostics.warning(
                    "spdx.tag-value.malformed-value", "expected '\(tag): <algorithm>: <value>', found '\(value)'", at: location)
            }
        case "ExternalRef":
            let parts = Self.spaceSeparated(value, maxParts: 3).map(\.text)
            if parts.count == 3 {
                updateCurrent {
                    $0.externalReferences.append(.init(category: parts[0], type: parts[1], locator: parts[2], location: location))
                }
            } else {
                diagnostics.warning(
                    "spdx.tag-value.malformed-value", "expected 'ExternalRef: <category> <type> <locator>', found '\(value)'",
                    at: location)
            }
        case "FilesAnalyzed":
            if value != "true" && value != "false" {
                diagnostics.error(
                    "spdx.invalid-type", "expected 'FilesAnalyzed' to be 'true' or 'false', found '\(value)'",
                    at: location)
            }
        default:
            break  // Tags that say nothing about licenses or lineage (Creator, FileType, PackageSummary…).
        }
    }

    private mutating func startElement(_ kind: SPDX2Document.Element.Kind, id: String, at location: SourceLocation) {
        finishAnnotation()
        section = .element
        current = document.elements.count
        document.elements.append(SPDX2Document.Element(kind: kind, spdxID: id, location: location))
        switch kind {
        case .package:
            enclosingPackage = current
        case .file:
            if let enclosingPackage { pendingContainment.append((enclosingPackage, document.elements.count - 1, location)) }
        case .snippet:
            break
        }
    }

    /// Files found after a package, resolved once their SPDXID is known.
    private var pendingContainment: [(package: Int, file: Int, location: SourceLocation)] = []

    private mutating func updateCurrent(_ change: (inout SPDX2Document.Element) -> Void) {
        guard section == .element, let current else { return }
        change(&document.elements[current])
    }

    private mutating func updateLicense(_ change: (inout ExtractedLicense) -> Void) {
        guard section == .license, let currentLicense else { return }
        change(&document.extractedLicenses[currentLicense])
    }

    private mutating func finishAnnotation() {
        if section == .annotation, let target = annotationTarget, let comment = annotationComment {
            annotations.append((target, comment))
        }
        if section == .annotation { section = current == nil ? .none : .element }
        annotationTarget = nil
        annotationComment = nil
    }

    /// `Relationship: A TYPE B`, each part with its own column.
    private mutating func relationship(
        _ value: String, at location: SourceLocation, bytes: [UInt8]?, valueStart: Int, lineStart: Int
    ) {
        // Parts as (byte offset within the value, text); columns count characters from the line start.
        let parts = Self.spaceSeparated(value)
        guard parts.count == 3 else {
            diagnostics.warning(
                "spdx.tag-value.malformed-value",
                "expected 'Relationship: <SPDXID> <TYPE> <SPDXID>', found '\(value)'", at: location)
            return
        }
        func located(_ part: (offset: Int, text: String)) -> SPDX2Document.Text {
            var column = location.column
            if let bytes {
                column = Self.column(bytes, from: lineStart, to: valueStart + part.offset)
            } else {
                column += String(decoding: value.utf8.prefix(part.offset), as: UTF8.self).unicodeScalars.count
            }
            return SPDX2Document.Text(part.text, at: SourceLocation(file: file, line: location.line, column: column))
        }
        document.relationships.append(
            SPDX2Document.Relationship(from: located(parts[0]), type: located(parts[1]), to: located(parts[2])))
    }

    /// The space- or tab-separated words of `value` with their byte offsets, split on bytes (fast
    /// on the hundreds of thousands of relationship lines a large SBOM has).
    static func spaceSeparated(_ value: String, maxParts: Int = .max) -> [(offset: Int, text: String)] {
        var parts: [(offset: Int, text: String)] = []
        let utf8 = Array(value.utf8)
        var index = 0
        while index < utf8.count {
            while index < utf8.count, utf8[index] == 0x20 || utf8[index] == 0x09 { index += 1 }
            guard index < utf8.count else { break }
            let start = index
            if parts.count == maxParts - 1 {
                var end = utf8.count
                while end > start, utf8[end - 1] == 0x20 || utf8[end - 1] == 0x09 { end -= 1 }
                parts.append((start, String(decoding: utf8[start..<end], as: UTF8.self)))
                break
            }
            while index < utf8.count, utf8[index] != 0x20, utf8[index] != 0x09 { index += 1 }
            parts.append((start, String(decoding: utf8[start..<index], as: UTF8.self)))
        }
        return parts
    }

    // MARK: - Bytes

    /// UTF-8 bytes of the input: a UTF-16 file (with its byte order mark) is converted, a UTF-8 mark
    /// dropped, invalid UTF-8 replaced with a warning.
    static func utf8(_ input: [UInt8], file: String, diagnostics: inout DiagnosticCollector) throws(InputError) -> [UInt8] {
        if let order = UTF16Input.byteOrderMark(input) { return try UTF16Input.transcode(input, order: order, path: file) }
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.prefix(8192).contains(0) {
            throw InputError(
                "spdx.tag-value.binary", "expected SPDX tag-value text, found binary data (a NUL byte)",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        if let invalid = firstInvalidUTF8(bytes) {
            // Replacing the bytes would alter a license id or name: nothing is read.
            var lineStart = 0
            var line = 1
            for index in 0..<invalid where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            throw InputError(
                "spdx.tag-value.invalid-utf8",
                "expected UTF-8 text, found the byte 0x\(String(bytes[invalid], radix: 16, uppercase: true)) that starts no valid UTF-8 sequence",
                at: SourceLocation(file: file, line: line, column: column(bytes, from: lineStart, to: invalid)))
        }
        return bytes
    }

    /// The offset of the first byte that is not part of a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The 1-based column (in Unicode scalars) of `offset` in the line starting at `lineStart`.
    static func column(_ bytes: [UInt8], from lineStart: Int, to offset: Int) -> Int {
        var column = 1
        var index = lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    static func isTagByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func hasPrefix(_ bytes: [UInt8], at index: Int, end: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= end else { return false }
        return prefix.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    static func find(_ bytes: [UInt8], _ needle: StaticString, from start: Int, end: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, end - start >= count else { return nil }
        return needle.withUTF8Buffer { buffer -> Int? in
            let first = buffer[0]
            var index = start
            while index + count <= end {
                if bytes[index] == first {
                    var matched = true
                    for offset in 1..<count where bytes[index + offset] != buffer[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}

extension Substring {
    fileprivate var spdxTrimmedText: String { String(self).spdxTrimmed }
}
