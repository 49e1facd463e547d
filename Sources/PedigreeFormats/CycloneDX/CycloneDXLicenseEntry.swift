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
            diagnostics.warning(
                "cyclonedx.license-id-and-name",
                "license has both 'id' '\(id.value)' and 'name' '\(name.value)'; the schema allows one, the id is used",
                at: location)
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
}
