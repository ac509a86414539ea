"""The front-desk registration pane's parts: case list, form, review panel, documents, dialogs."""
