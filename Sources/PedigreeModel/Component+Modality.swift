extension Component {
    /// The property a reader sets when its format says a model takes images, audio or video as well
    /// as text (a Hub card's `pipeline_tag`, a GGUF vision projector).
    public static let multimodalProperty = "model.multimodal"

    /// Whether the component is a model that takes more than text, as far as its inputs or its name
    /// say: licenses such as Llama 3.2's scope some terms to the multimodal models (DOMAIN §5).
    ///
    /// Decisions: a reader's statement decides; without one, a name that marks a vision-language model
    /// (`…-Vision-…`, `…-VL-…`, LLaVA) does. A model of unstated modality is taken as text-only, since
    /// the vendors name their multimodal releases as such.
    public var isMultimodalModel: Bool {
        guard kind == .model else { return false }
        if let stated = properties[Self.multimodalProperty] { return stated == "true" }
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.contains { Self.multimodalNameMarks.contains(String($0)) }
    }

    private static let multimodalNameMarks: Set<String> = ["vision", "vl", "llava", "multimodal", "omni"]
}
