/// Decides whether a `README.md` without front matter is a Hub card that states nothing, from where
/// it lies: the repository exists (and is audited as stating no license) even when its card is bare.
///
/// Decisions (DOMAIN §7, "cards as found"):
/// - Named on the command line, a README is a card when its folders name a repository
///   (`…/<org>/<name>/README.md`, a category folder, the Hub cache): the user pointed at it.
/// - Found in a folder, it is a card when its path is Hub-shaped beyond doubt (the Hub cache,
///   `datasets/<org>/<name>`, `models/<org>/<name>`), when files only a Hub repository holds lie
///   beside it (`config.json`, `adapter_config.json`, weights), or when cards with front matter lie
///   at the same depth under the same folder (a folder of cards, `<root>/<org>/<name>/README.md`).
/// - Anything else (a project's `docs/README.md`) is plainly not a card and is skipped with a note.
public enum HubREADME {
    /// Whether the file is a README by name (`README.md`, any case).
    public static func isREADME(_ path: String) -> Bool {
        fileName(path).lowercased() == "readme.md"
    }

    /// Whether a README named on the command line is a card: its folders name a repository.
    public static func isNamedCard(_ path: String) -> Bool {
        guard isREADME(path), let found = HuggingFaceRepository.fromFolder(of: path) else { return false }
        return found.repository.id.contains("/") || found.kindFromLayout
    }

    /// Whether the path alone says Hub layout: the Hub cache, or a `datasets`/`models` category folder
    /// above `<org>/<name>`.
    public static func hasHubPath(_ path: String) -> Bool {
        let folders = path.split(separator: "/").dropLast()
        if folders.contains(where: { $0.hasPrefix("models--") || $0.hasPrefix("datasets--") }) { return true }
        guard folders.count >= 3 else { return false }
        let category = folders[folders.index(folders.endIndex, offsetBy: -3)]
        return (category == "datasets" || category == "models") && isNamedCard(path)
    }

    /// Whether a file name is one only a Hub repository holds beside its card.
    public static func isRepositoryFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if repositoryFiles.contains(lower) { return true }
        return repositoryFileSuffixes.contains { lower.hasSuffix($0) }
    }

    /// The folder of a path (`""` for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The folder that holds `<org>/<name>/README.md`, which a folder of cards shares; nil when the
    /// README lies less than two folders deep.
    public static func cardsFolder(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        return parts.dropLast(3).joined(separator: "/")
    }

    private static func fileName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    private static let repositoryFiles: Set<String> = [
        "config.json", "adapter_config.json", "generation_config.json", "tokenizer_config.json", "tokenizer.json",
        "model_index.json", "preprocessor_config.json", "model.safetensors.index.json", "pytorch_model.bin",
        "dataset_infos.json", "dataset_dict.json",
    ]
    private static let repositoryFileSuffixes = [".safetensors", ".gguf", ".parquet", ".arrow"]
}
