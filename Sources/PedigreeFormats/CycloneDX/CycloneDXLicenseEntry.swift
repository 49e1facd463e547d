import PedigreeDiagnostics

/// The checks one CycloneDX license entry gets whatever its serialisation: what JSON and XML both
/// state (`id`, `name`, `url`, `text` with its `encoding`), checked once, with the same diagnostics.
struct CycloneDXLicenseEntry {
    var id: CycloneDXText?
    var name: CycloneDXText?
    var url: CycloneDXText?
    /// `text.content` (JSON) or the `<text>` element's content (XML), as written.
    var text: CycloneDXText?
    var encoding: CycloneDXText?
    /// Where the license object or element starts.
    var location: SourceLocation

    /// The license as the document builder reads it, after every schema rule the entry breaks is reported.
    func checked(diagnostics: inout DiagnosticCollector) -> CycloneDXLicense {
        if let id { CycloneDXSchemaRules.checkLicenseID(id, diagnostics: &diagnostics) }
        if id == nil, name == nil {
            diagnostics.error("cyclonedx.license-without-id-or-name", "a license needs an 'id' or a 'name'", at: location)
        } else if let id, let name {
            checkIDAndName(id: id, name: name, diagnostics: &diagnostics)
        }
        var usable: CycloneDXText?
        if let encoding, !CycloneDXSchemaRules.licenseTextEncodings.contains(encoding.value) {
            diagnostics.error(
                "cyclonedx.invalid-encoding", "license text 'encoding' must be 'base64', found '\(encoding.value)'",
                at: encoding.location)
        } else if let text, id == nil {
            // With an id the text is not needed; a valid BOM may quote anything there.
            usable = CycloneDXLicenseText.decoded(text, base64: encoding != nil, diagnostics: &diagnostics)
        }
        return CycloneDXLicense(
            content: .license(id: id, name: name, url: url), text: usable, acknowledgement: nil, location: location)
    }

    /// An entry with both an `id` and a `name` breaks every schema from 1.2 to 1.7 (JSON `oneOf`,
    /// XML `xs:choice`).
    ///
    /// Decisions: a name that only repeats the id loses nothing, so the id is read with a warning; any
    /// other name may state a different license, and a reader cannot tell (it knows no licenses), so
    /// reading either would drop a fact: the entry is an error, the document unusable until one goes.
    private func checkIDAndName(id: CycloneDXText, name: CycloneDXText, diagnostics: inout DiagnosticCollector) {
        func folded(_ text: String) -> String { String(text.lowercased().filter { !$0.isWhitespace }) }
        if folded(id.value) == folded(name.value) {
            diagnostics.warning(
                "cyclonedx.license-id-and-name",
                "license has both 'id' '\(id.value)' and 'name' '\(name.value)', which repeats it; "
                    + "the schema allows one, the id is read",
                at: name.location)
        } else {
            diagnostics.error(
                "cyclonedx.license-id-and-name",
                "license has both 'id' '\(id.value)' and 'name' '\(name.value)'; CycloneDX allows one of them, "
                    + "and reading either would drop the other: keep the id if it is the license, else the name",
                at: name.location)
        }
    }
}
