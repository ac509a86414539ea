"""Administration dialogs (users and roles)."""
