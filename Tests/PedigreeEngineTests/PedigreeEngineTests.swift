// Tests for PedigreeEngine.
