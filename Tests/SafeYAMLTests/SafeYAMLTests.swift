// Tests for SafeYAML.
