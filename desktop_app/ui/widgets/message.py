"""The inline message under a panel: green for done, red for a refusal (what to fix)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

OK_STYLE = "padding: 6px; background: #e6f4ea; color: #1d5a2b;"
ERROR_STYLE = "padding: 6px; background: #fdecea; color: #861b11;"


def show_message(label: QLabel, text: str, *, ok: bool = True) -> None:
    """Show ``text`` in ``label`` (hidden when empty), coloured by outcome."""
    label.setText(text)
    label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
    label.setVisible(bool(text))
