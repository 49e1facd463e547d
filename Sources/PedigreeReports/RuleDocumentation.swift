import PedigreeEngine

/// What each rule of the catalogue checks and how its findings are usually fixed, for reports that
/// describe rules (SARIF rule descriptors, the Markdown and HTML legends).
public struct RuleDocumentation: Sendable, Hashable {
    public var rule: RuleID
    /// A PascalCase name (SARIF `reportingDescriptor.name`).
    public var name: String
    /// One sentence: what the rule finds.
    public var summary: String
    /// When it fires, in full.
    public var description: String
    /// How findings of the rule are usually resolved.
    public var remediation: String

    public static func of(_ rule: RuleID) -> RuleDocumentation {
        switch rule {
        case .nonCommercial:
            RuleDocumentation(
                rule: rule, name: "NonCommercial",
                summary: "A non-commercial or research-only license term reaches a commercial product.",
                description: "A component licensed for non-commercial or research use only (CC-BY-NC, research licenses, non-commercial model licenses) is part of a product that is used commercially, directly or through a model fine-tuned from it, trained on it or linked with it.",
                remediation: "Replace the component with one licensed for commercial use, obtain a commercial license from its licensor, or audit the product as non-commercial if it is.")
        case .usageThreshold:
            RuleDocumentation(
                rule: rule, name: "UsageThreshold",
                summary: "A license's usage threshold (monthly or daily active users, revenue) is exceeded.",
                description: "The license grants rights only below a stated number of monthly or daily active users or annual revenue (for example Llama's 700 million monthly active users), and the product's stated figures exceed it.",
                remediation: "Request a separate license from the licensor, or replace the component. Check the date at which the license measures the figure.")
        case .copyleftConflict:
            RuleDocumentation(
                rule: rule, name: "CopyleftConflict",
                summary: "Two license terms in one derivative work cannot both be met.",
                description: "A component and the terms that reach it over derivative, link and dependency edges form one work whose licenses contradict each other: GPL-2.0-only with Apache-2.0, a GPL with a non-commercial or use-restricted license, CC-BY-SA with CC-BY-NC, or two different strong copyleft licenses.",
                remediation: "Replace one side of the conflict, or keep the two in separate works (relate them with 'contains' or 'runs' instead of linking or deriving).")
        case .copyleftDistribution:
            RuleDocumentation(
                rule: rule, name: "CopyleftDistribution",
                summary: "Strong copyleft reaches a distributed product under an incompatible outbound license.",
                description: "A strong copyleft license (GPL) reaches a product shipped as a binary or on devices whose outbound license is not the same copyleft or one the copyleft allows.",
                remediation: "License the product under a compatible license and offer its source, replace the component, or keep it a separate program.")
        case .networkCopyleft:
            RuleDocumentation(
                rule: rule, name: "NetworkCopyleft",
                summary: "Network copyleft (AGPL) reaches a hosted product under an incompatible outbound license.",
                description: "A network copyleft license reaches a product offered as a service whose outbound license is not a compatible network copyleft, so users interacting with it over the network are owed its source.",
                remediation: "License the product under the network copyleft and offer its source to users, replace the component, or run it unmodified as a separate service (relate it with 'runs').")
        case .outputRestriction:
            RuleDocumentation(
                rule: rule, name: "OutputRestriction",
                summary: "A model learned from outputs whose terms forbid it.",
                description: "A model was trained on, distilled from or fine-tuned with outputs of a model or service whose terms forbid using them to improve or build other models (Llama 2 and 3, OpenAI's and Anthropic's terms, Tongyi Qianwen).",
                remediation: "Retrain without those outputs, or use a teacher whose terms allow training on its outputs.")
        case .useRestrictionFlowdown:
            RuleDocumentation(
                rule: rule, name: "UseRestrictionFlowdown",
                summary: "Use restrictions that must flow down are missing from a derivative's license.",
                description: "A license with use restrictions that derivatives must carry (the OpenRAIL family, Gemma, DeepSeek, the Llama acceptable use policy) reaches a derivative whose own outbound license does not include them as enforceable terms.",
                remediation: "Release the derivative under the upstream license, or under a license that includes its use restrictions as enforceable terms.")
        case .naming:
            RuleDocumentation(
                rule: rule, name: "Naming",
                summary: "A derivative's name lacks the prefix its license requires.",
                description: "A license reaching a derivative model requires its name to begin with a prefix (Llama 3.1 and later: 'Llama'), and the derivative's name does not.",
                remediation: "Rename the derivative so that its name begins with the required prefix.")
        case .noDerivatives:
            RuleDocumentation(
                rule: rule, name: "NoDerivatives",
                summary: "A no-derivatives work is modified, fine-tuned or trained on.",
                description: "A work licensed without the right to make derivatives (CC-BY-ND and the like) is modified, fine-tuned, merged, quantized or, under the policy's training-data interpretation, trained on.",
                remediation: "Use the work unmodified, obtain permission from its licensor, or replace it.")
        case .hostedService:
            RuleDocumentation(
                rule: rule, name: "HostedService",
                summary: "A license forbids offering the work as a hosted service, and the product is one.",
                description: "A license forbids or requires a separate license for offering the work as a hosted or managed service (MNPL, Stability's non-commercial terms, HFOIL's paid hosting), and the product is distributed as SaaS.",
                remediation: "Obtain a hosting license from the licensor, replace the component, or distribute the product instead of hosting it.")
        case .territory:
            RuleDocumentation(
                rule: rule, name: "Territory",
                summary: "A territorial carve-out in a license covers one of the product's regions.",
                description: "A license withholds rights in some regions or from entities domiciled there (Llama 3.2 and later multimodal models in the EU), and the product is offered in such a region.",
                remediation: "Check whether the carve-out applies to the product's entity and use; otherwise replace the component or leave the region.")
        case .deniedLicense:
            RuleDocumentation(
                rule: rule, name: "DeniedLicense",
                summary: "A license the policy denies is present.",
                description: "A component is licensed under a license or license category the policy file lists under 'deny' (and 'allow' does not list), or, when the policy only lists 'allow', under a license it does not list.",
                remediation: "Replace the component, or waive the finding in the policy with a reason and an expiry date.")
        case .unknownLicense:
            RuleDocumentation(
                rule: rule, name: "UnknownLicense",
                summary: "A component has no usable license.",
                description: "The component's license is missing, NOASSERTION, NONE or text that names no license Pedigree knows. Unknown is never treated as permissive.",
                remediation: "Find the component's license and state it as an SPDX expression in the SBOM or the manifest.")
        case .licenseMismatch:
            RuleDocumentation(
                rule: rule, name: "LicenseMismatch",
                summary: "A declared license contradicts the facts or the component's own lineage.",
                description: "The license a component declares contradicts what is known of that component and version, or differs from the license its base model requires derivatives to carry (license drift).",
                remediation: "Check the license of this version of the component and correct the SBOM, or declare the license its lineage requires.")
        case .ambiguousLicense:
            RuleDocumentation(
                rule: rule, name: "AmbiguousLicense",
                summary: "A license statement has no single meaning.",
                description: "The component lists several licenses without saying whether all apply or one may be chosen, or names a license family (BSD, OpenRAIL) rather than a license.",
                remediation: "State one SPDX expression with AND or OR, naming exact license versions.")
        case .attribution:
            RuleDocumentation(
                rule: rule, name: "Attribution",
                summary: "A notice, a display string or a copy of a license is owed.",
                description: "A shipped component's license requires a notice, a 'Built with …' display, a copy of the license or its NOTICE file to accompany the release.",
                remediation: "Ship the notices with the release; 'pedigree notice' writes them.")
        case .sourceOffer:
            RuleDocumentation(
                rule: rule, name: "SourceOffer",
                summary: "Copyleft source must be offered with the release.",
                description: "A shipped component is under a copyleft license that requires its source (with any changes) to be provided or offered to those who receive the product or, for network copyleft, use it over a network.",
                remediation: "Publish the component's source with your changes, or include a written offer for it.")
        }
    }
}
