"""The C2 handling clock (Art 15), always visible above the case's tabs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_app.domain.enums import DeadlineStatus
from desktop_app.services.investigation_extra import CaseInvestigation

from .common import tr

COLOURS = {
    DeadlineStatus.OK: ("#d6f0dc", "#1d5a2b"), DeadlineStatus.DUE_SOON: ("#ffe7ad", "#6e4400"),
    DeadlineStatus.DUE_TODAY: ("#ffcf73", "#5e3500"), DeadlineStatus.OVERDUE: ("#f6c3bf", "#861b11"),
    DeadlineStatus.MET: ("#e0e8f5", "#1d3a6e"), DeadlineStatus.MET_LATE: ("#f6c3bf", "#861b11"),
    DeadlineStatus.UNCONFIRMED: ("#e0e0e0", "#3f3f3f"),
}


def clock_text(ov: CaseInvestigation, today: dt.date) -> tuple[str, str, DeadlineStatus | None]:
    """(main line, warning line, status) of the C2 clock."""
    c2 = ov.handling_clock
    if c2 is None or c2.due is None:
        return QCoreApplication.translate("ClockBanner", "办理期限：案件尚未受理"), "", None
    status = DeadlineStatus(c2.status)
    day_no = (today - ov.accepted_on).days if ov.accepted_on else None
    left = (c2.due - today).days
    main = QCoreApplication.translate("ClockBanner", "办理期限（第十五条）：{0}　{1}").format(c2.due.isoformat(), status.label)
    if c2.met_on is not None:
        main += QCoreApplication.translate("ClockBanner", "　（{0} 作出处理决定）").format(c2.met_on.isoformat())
    elif day_no is not None:
        main += QCoreApplication.translate("ClockBanner", "　受理后第 {0} 日，距期满 {1} 日").format(day_no, left) if left >= 0 else \
            QCoreApplication.translate("ClockBanner", "　受理后第 {0} 日，已逾期 {1} 日").format(day_no, -left)
    ext = [e for e in ov.extensions if e.status == "APPROVED"]
    pending = ov.pending_extension
    if ext:
        last = ext[-1]
        main += QCoreApplication.translate("ClockBanner", "　已延期至 {0}（{1}批准）").format(last.new_due.isoformat(), last.approved_by)
    if pending is not None:
        main += QCoreApplication.translate("ClockBanner", "　延期申请待负责人批准（拟延至 {0}）").format(pending.new_due.isoformat())
    c3 = ov.reply_clock
    if c3 is not None and c3.due is not None and ov.handling_decided_on is not None:
        main += QCoreApplication.translate("ClockBanner", "\n答复期限（第十六条）：{0}　{1}").format(
            c3.due.isoformat(), QCoreApplication.translate("ClockBanner", "已于 {0} 送达").format(c3.met_on.isoformat()) if c3.met_on
            else DeadlineStatus(c3.status).label)
    warning = ""
    if c2.met_on is None and day_no is not None and not ext:
        passed = [d for d in ov.handling_warn_days if day_no >= d]
        if passed:
            warning = QCoreApplication.translate("ClockBanner", "已到受理后第 {0} 日提醒点：45日内应当办结；案情复杂确需延期的，"
                                        "请在期满前申请并经机关负责人批准，书面告知投诉人。").format(max(passed))
    if status is DeadlineStatus.OVERDUE and c2.met_on is None:
        warning = QCoreApplication.translate("ClockBanner", "办理期限已过！延期申请将被标记为“逾期后延期”。")
    return main, warning, status


class ClockBanner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.case_label = QLabel(self)
        self.case_label.setObjectName("caseLabel")
        self.case_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("clockLabel")
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("clockWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #861b11;")
        column = QWidget(self)
        from PySide6.QtWidgets import QVBoxLayout
        v = QVBoxLayout(column)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.clock_label)
        v.addWidget(self.warning_label)
        layout.addWidget(self.case_label)
        layout.addWidget(column, 1)

    def update_case(self, ov: CaseInvestigation, today: dt.date) -> None:
        self.case_label.setText(f"{ov.case_no}　{ov.state_label}")
        main, warning, status = clock_text(ov, today)
        self.clock_label.setText(main)
        bg, fg = COLOURS.get(status, ("#eeeeee", "#333333")) if status else ("#eeeeee", "#333333")
        self.clock_label.setStyleSheet(f"background: {bg}; color: {fg}; padding: 4px 8px; border-radius: 4px;")
        self.warning_label.setText(warning)
        self.warning_label.setVisible(bool(warning))
