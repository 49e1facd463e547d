import PedigreeModel

extension Manifest {
    /// The document with its card or adapter config named by the repository id this manifest gives
    /// its path (`components[].card`), or the document unchanged.
    ///
    /// Applied after loading rather than while reading, because a folder's files are read in name
    /// order and the manifest naming a card may come after the card.
    public func applyingHuggingFaceIDs(to document: SBOMDocument) -> SBOMDocument {
        guard document.format == .huggingFaceCard || document.format == .adapterConfig,
            let id = huggingFaceID(forFileAt: document.path), var own = document.components.first
        else { return document }
        let kind: HuggingFaceRepository.Kind = own.kind == .dataset ? .dataset : .model
        guard let repository = HuggingFaceRepository.parse(id, kind: kind), repository.ref != own.ref else { return document }
        let oldRef = own.ref
        own.ref = repository.ref
        own.name = repository.id
        own.purl = repository.purl
        own.supplier = repository.organization
        own.properties["huggingface.url"] = repository.url
        var renamed = document
        renamed.components[0] = own
        renamed.edges = document.edges.compactMap { edge in
            guard edge.from == oldRef else { return edge }
            guard edge.to != repository.ref else { return nil }
            var moved = edge
            moved.from = repository.ref
            return moved
        }
        return renamed
    }
}
