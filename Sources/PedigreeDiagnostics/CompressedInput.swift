/// A compressed file, told by its first bytes: Pedigree reads no compressed input.
///
/// Decisions: inputs are never decompressed, since an archive can grow a thousandfold (a 1 MB gzip
/// became 1 GiB through libxml2) and each format would need its own bounded decoder; the user
/// decompresses with the tool named here and audits the result. XML is refused the same way before
/// libxml2 sees it, because libxml2 inflates gzip silently.
public struct CompressedInput: Sendable, Hashable {
    /// The compression's common name (`gzip`, `zstd` ...).
    public var name: String
    /// The signature the file starts with.
    public var magic: [UInt8]
    /// The command that decompresses it, keeping the original (the file name is appended).
    public var decompressCommand: String

    /// The compressions whose files are common beside SBOMs (upstream test assets, CI artefacts).
    public static let known: [CompressedInput] = [
        CompressedInput(name: "gzip", magic: [0x1F, 0x8B], decompressCommand: "gzip -dk"),
        CompressedInput(name: "xz", magic: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], decompressCommand: "xz -dk"),
        CompressedInput(name: "zstd", magic: [0x28, 0xB5, 0x2F, 0xFD], decompressCommand: "zstd -d"),
        CompressedInput(name: "bzip2", magic: [0x42, 0x5A, 0x68], decompressCommand: "bzip2 -dk"),
        CompressedInput(name: "zip", magic: [0x50, 0x4B, 0x03, 0x04], decompressCommand: "unzip"),
    ]

    /// The compression `bytes` start with, if any.
    public static func detect(_ bytes: [UInt8]) -> CompressedInput? {
        known.first { bytes.starts(with: $0.magic) }
    }

    /// The signature as hex bytes, as messages quote it (`28 b5 2f fd`).
    public var magicDescription: String {
        magic.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    /// What to run on `path` to get the text back, quoted for a POSIX shell.
    public func decompression(of path: String) -> String {
        var quoted = "'"
        for character in path { quoted += character == "'" ? "'\\''" : String(character) }
        return "\(decompressCommand) \(quoted)'"
    }
}
