"""Persistence: engine + pragmas, unit of work, sequences, migrations, read queries."""
