// SafeXML: the only Swift code that touches libxml2; bytes in, positioned element events out.
