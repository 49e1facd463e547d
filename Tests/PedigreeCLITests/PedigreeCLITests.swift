// Tests for PedigreeCLI.
