// PedigreeFormats: one reader per input format, content detection, and merging into the lineage graph.
