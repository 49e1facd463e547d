/// A file that is meant for Pedigree or for CI but is not an input: a policy, or a CI configuration.
///
/// Decisions: recognised by their top-level keys, never by file name. A policy has at least one key
/// only policies have (`deny`, `allow`, `severity`, `waivers`) and none only manifests have (`include`,
/// `components`, `relationships`); read as a manifest it would add a phantom component and its deny
/// list would be ignored. A GitHub Actions workflow has `jobs` and `on`; a GitLab CI file has `stages`,
/// or a job (a mapping with `script`); a pre-commit configuration has `repos`.
public enum MisplacedInput: Sendable, Hashable {
    case policy
    case gitHubWorkflow
    case gitLabCI
    case preCommitConfig

    static let policyOnlyKeys: Set<String> = ["deny", "allow", "severity", "waivers"]
    static let manifestOnlyKeys: Set<String> = ["include", "components", "relationships"]

    /// What the file is, from its top-level keys and which of them hold a mapping with a `script`.
    static func recognize(keys: Set<String>, keysOfJobs: Set<String> = []) -> MisplacedInput? {
        if !keys.isDisjoint(with: policyOnlyKeys), keys.isDisjoint(with: manifestOnlyKeys) { return .policy }
        if keys.contains("jobs"), keys.contains("on") { return .gitHubWorkflow }
        if keys.contains("stages") || !keysOfJobs.isEmpty { return .gitLabCI }
        if keys.contains("repos"), keys.isDisjoint(with: ["product", "pedigree"]) { return .preCommitConfig }
        return nil
    }

    /// The diagnostic code: stable, one per kind.
    public var code: String {
        switch self {
        case .policy: "input.policy-as-input"
        case .gitHubWorkflow, .gitLabCI, .preCommitConfig: "input.ci-config-as-input"
        }
    }

    /// What the file is, in words.
    public var description: String {
        switch self {
        case .policy: "a Pedigree policy"
        case .gitHubWorkflow: "a GitHub Actions workflow"
        case .gitLabCI: "a GitLab CI configuration"
        case .preCommitConfig: "a pre-commit configuration"
        }
    }

    /// What the user probably meant.
    public var hint: String {
        switch self {
        case .policy: "did you mean --policy?"
        case .gitHubWorkflow, .gitLabCI, .preCommitConfig: "give the SBOMs, model cards or pedigree.yaml the pipeline audits"
        }
    }
}
