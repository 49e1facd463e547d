import ArgumentParser

/// The exit codes of every command (DOMAIN §6), named once.
extension ExitCode {
    /// 1: blocking findings (`audit`), or new blocking findings (`store reaudit`).
    static let blockingFindings = ExitCode(1)
    /// 2: an input, the policy, the baseline or an output file could not be used.
    static let unusableInput = ExitCode(2)
    /// 64: the command line is wrong (ArgumentParser's `validationFailure`, EX_USAGE).
    static let usageError = ExitCode.validationFailure
}
