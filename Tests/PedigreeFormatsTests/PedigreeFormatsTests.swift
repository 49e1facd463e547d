// Tests for PedigreeFormats.
