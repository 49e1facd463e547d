import PedigreeDiagnostics

/// The Hugging Face Hub cache as the Hub client leaves it: `models--<org>--<name>/` (or `datasets--…`)
/// holding `refs/main` (the revision of the main branch), `snapshots/<revision>/` (the repository's files,
/// each a symbolic link into `../../blobs/`) and `blobs/` (the contents, named by hash).
///
/// Decisions:
/// - One snapshot is read per repository: the one `refs/main` names, else the only one; with several
///   and no `refs/main` the newest name in sorted order is read and a warning says how to choose.
/// - Inside a snapshot, links are followed only to regular files inside the same repository folder;
///   a link that leaves it is a warning and is not read. `blobs/` and `refs/` are never listed.
enum HubCacheFolder {
    static func isRepositoryFolder(_ name: String) -> Bool {
        name.hasPrefix("models--") || name.hasPrefix("datasets--")
    }

    /// The snapshot folder of a cache repository to read, nil when it has none.
    static func snapshot(in repository: String, diagnostics: inout DiagnosticCollector) -> String? {
        let snapshots = repository + "/snapshots"
        if let revision = mainRevision(of: repository), SafeFile.entry(at: snapshots + "/" + revision) == .directory {
            return snapshots + "/" + revision
        }
        guard case .success(let names) = SafeFile.names(in: snapshots) else { return nil }
        let folders = names.filter { !$0.hasPrefix(".") && SafeFile.entry(at: snapshots + "/" + $0) == .directory }
        guard let chosen = folders.last else { return nil }
        if folders.count > 1 {
            diagnostics.warning(
                "input.hub-cache-revision",
                "'\(repository)' holds \(folders.count) snapshots and no refs/main; read '\(chosen)' (pass another snapshot folder to audit that revision)",
                at: SourceLocation(file: repository, line: 0, column: 0))
        }
        return snapshots + "/" + chosen
    }

    /// The revision `refs/main` names, when it is a plain hexadecimal commit id.
    private static func mainRevision(of repository: String) -> String? {
        guard let bytes = try? SafeFile.read(repository + "/refs/main", limits: InputLimits(maxFileBytes: 256)) else { return nil }
        let words = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 1 else { return nil }
        let revision = String(words[0])
        let isHex = !revision.isEmpty && revision.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        }
        return isHex ? revision : nil
    }

    /// For a path inside a cache snapshot that is a symbolic link, the regular file it points to when
    /// that lies inside the same repository folder; nil for any other path.
    static func linkedFile(_ path: String) -> String? {
        guard SafeFile.entry(at: path) == .symlink, let repository = repositoryFolder(of: path),
            let resolvedRepository = SafeFile.resolvedPath(repository), let target = SafeFile.resolvedPath(path),
            target.hasPrefix(resolvedRepository + "/"), SafeFile.entry(at: target) == .regularFile
        else { return nil }
        return target
    }

    /// `…/models--org--name` for a path `…/models--org--name/snapshots/<revision>/…`.
    static func repositoryFolder(of path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let index = parts.indices.last(where: { index in
            index + 2 < parts.count && isRepositoryFolder(String(parts[index])) && parts[index + 1] == "snapshots"
        }) else { return nil }
        return parts[...index].joined(separator: "/")
    }
}
