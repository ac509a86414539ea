"""A form field with its error message in place (red border + Chinese text under it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Red border on ``widget`` (the dynamic property lets style sheets react too)."""
    widget.setProperty("invalid", invalid)
    # A per-widget sheet beats any window sheet and needs no re-polish dance.
    widget.setStyleSheet(INVALID_STYLE if invalid else "")


class FieldBox(QWidget):
    """Wraps one editor: ``set_error("…")`` marks it, ``clear_error()`` unmarks it.

    The message label is hidden while there is no error, so a valid form is compact.
    """

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        # No focus proxy: Qt 6 would put the box itself into the Tab chain a second time.

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        mark_invalid(self.editor, bool(message))

    def clear_error(self) -> None:
        self.set_error("")

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisibleTo(self) else ""

    def has_error(self) -> bool:
        return bool(self.error())


class EnterMovesFocus(QObject):
    """Event filter: Enter/Return in a line edit moves to the next field instead of submitting.

    Keyboard-first forms: a clerk types a field, presses Enter, and lands on the next one;
    nothing is ever submitted by Enter (saving is Ctrl+S).
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            key_event = event if isinstance(event, QKeyEvent) else None
            if (
                key_event is not None
                and key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                watched.focusNextChild()
                return True
        return False
