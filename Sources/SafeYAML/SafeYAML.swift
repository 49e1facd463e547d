// SafeYAML: the only Swift code that touches libyaml; bytes in, a positioned, bounded node tree out.
