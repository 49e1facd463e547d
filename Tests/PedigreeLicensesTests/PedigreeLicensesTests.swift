// Tests for PedigreeLicenses.
