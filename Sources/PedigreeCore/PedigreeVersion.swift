/// The version printed by `pedigree --version` and written into reports.
public enum PedigreeVersion {
    public static let current = "0.1.0"
}
