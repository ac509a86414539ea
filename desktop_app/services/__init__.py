"""Use cases: the only API the UI and the CLI call (one transaction each, audited)."""
