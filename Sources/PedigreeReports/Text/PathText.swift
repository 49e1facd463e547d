import PedigreeEngine

/// A lineage path as one line of plain text: `app --runs--> model --fine-tuned-from--> base`.
///
/// Steps read from the product down to the component whose term is concerned; an edge Pedigree added
/// to attach an unreached component is marked `(attached)`.
enum PathText {
    static func plain(_ path: [PathStep], name: (PathStep) -> String = { $0.ref.rawValue }) -> String {
        var out = ""
        for step in path {
            out += name(step)
            if let edge = step.edge { out += " --" + edge.rawValue + (step.attached ? " (attached)" : "") + "--> " }
        }
        return out
    }
}
