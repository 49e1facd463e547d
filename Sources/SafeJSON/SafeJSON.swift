// SafeJSON: a positioned, bounded JSON scanner (UTF-8 validated, duplicate keys rejected).
