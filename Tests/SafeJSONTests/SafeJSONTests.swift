// Tests for SafeJSON.
