"""A date field that may be empty (QDateEdit cannot be blank), typed as YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

_DATE_RE = re.compile(r"^\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?\s*$")


def parse_date(text: str) -> dt.date | None:
    """``"2025-03-03"``, ``"2025.3.3"``, ``"2025年3月3日"`` or ``"20250303"`` → date.

    Raises ``ValueError`` with a Chinese message when the text is not a valid date.
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(f"日期“{text}”格式不对，请按 年-月-日 填写，如 2025-03-03。")
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise ValueError(f"日期“{text}”不存在，请核对年月日。") from None


class OptionalDateEdit(QLineEdit):
    """Line edit for an optional date; :meth:`date` returns ``None`` when empty.

    ``date_changed`` fires with the parsed date (or ``None``) after editing finishes;
    an unparsable text leaves :meth:`problem` set, for the caller to show in place.
    """

    date_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("年-月-日")
        self.setMaxLength(12)
        self.editingFinished.connect(self._on_edited)

    def date(self) -> dt.date | None:
        """The date typed, or ``None`` when empty or invalid (see :meth:`problem`)."""
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def problem(self) -> str:
        try:
            parse_date(self.text())
        except ValueError as exc:
            return str(exc)
        return ""

    def set_date(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    def _on_edited(self) -> None:
        value = self.date()
        if value is not None:
            self.setText(value.isoformat())  # normalise 2025.3.3 → 2025-03-03
        self.date_changed.emit(value)
