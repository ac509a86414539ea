"""Domain layer: entities, enums, value objects and errors. No Qt, no I/O."""
