"""Pure-Python rules engine: rule sets (versioned statute data), working-day calendar,
deadline clocks and the acceptance review. No database session, no Qt."""
