import SafeYAML

extension YAMLNode {
    /// What the node is, for messages such as "expected a string for 'name', found a list".
    var yamlTypeDescription: String {
        switch kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "null" }
            if scalar.isPlain, scalar.tag == nil {
                if scalar.bool != nil { return "a boolean '\(scalar.value)'" }
                if scalar.int != nil || scalar.double != nil { return "a number '\(scalar.value)'" }
            }
            return "the string '\(scalar.value)'"
        }
    }

}
