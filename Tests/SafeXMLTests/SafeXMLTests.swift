// Tests for SafeXML.
