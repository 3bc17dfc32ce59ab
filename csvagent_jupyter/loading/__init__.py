"""Loading a CSV: sniff, parse, type, profile, cache. No Jupyter and no database here."""
