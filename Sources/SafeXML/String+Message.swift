extension String {
    /// The text shortened to at most 120 characters, so that a 50,000-character name from a hostile
    /// document does not become a 50,000-character diagnostic.
    var shortenedForMessage: String {
        guard count > 120 else { return self }
        return String(prefix(119)) + "…"
    }
}
