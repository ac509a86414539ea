"""延期 tab (Art 15): the team requests (reason, new date); the head — not the requester — decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.investigation_extra import CaseInvestigation

from .common import Section, fill_table, make_table, selected_id
from desktop_app.ui.widgets.date_edit import OptionalDateEdit


class ExtensionSection(Section):
    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        layout = QVBoxLayout(self)
        box = QGroupBox(QCoreApplication.translate("ExtensionSection", "申请延长办理期限（案情复杂，须经机关负责人批准并书面告知投诉人）"), self)
        form = QFormLayout(box)
        self.reason = QPlainTextEdit(box)
        self.reason.setObjectName("extensionReason")
        self.reason.setMaximumHeight(80)
        self.new_due = OptionalDateEdit(box)
        self.new_due.setObjectName("extensionNewDue")
        self.request_button = QPushButton(QCoreApplication.translate("ExtensionSection", "提交延期申请"), box)
        self.request_button.setObjectName("requestExtension")
        self.request_button.clicked.connect(self.request)
        form.addRow(QCoreApplication.translate("ExtensionSection", "理由"), self.reason)
        form.addRow(QCoreApplication.translate("ExtensionSection", "延长至"), self.new_due)
        form.addRow(self.request_button)
        layout.addWidget(box)
        self.table = make_table([QCoreApplication.translate("ExtensionSection", "状态"), QCoreApplication.translate("ExtensionSection", "原期满日"),
                                 QCoreApplication.translate("ExtensionSection", "延长至"), QCoreApplication.translate("ExtensionSection", "申请人"),
                                 QCoreApplication.translate("ExtensionSection", "审批人"), QCoreApplication.translate("ExtensionSection", "理由"),
                                 QCoreApplication.translate("ExtensionSection", "备注")], self)
        self.table.setObjectName("extensionTable")
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setObjectName("extensionNote")
        self.note.setPlaceholderText(QCoreApplication.translate("ExtensionSection", "负责人审批意见"))
        self.approve_button = QPushButton(QCoreApplication.translate("ExtensionSection", "批准延期（负责人）"), self)
        self.approve_button.setObjectName("approveExtension")
        self.reject_button = QPushButton(QCoreApplication.translate("ExtensionSection", "不批准"), self)
        self.reject_button.setObjectName("rejectExtension")
        self.notice_button = QPushButton(QCoreApplication.translate("ExtensionSection", "查看延期告知书"), self)
        self.notice_button.setObjectName("extensionNotice")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.notice_button.clicked.connect(self.show_notice)
        for w in (self.note, self.approve_button, self.reject_button, self.notice_button):
            row.addWidget(w)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def update_case(self, ov: CaseInvestigation) -> None:
        super().update_case(ov)
        fill_table(self.table, [[e.status_label + ("（逾期后延期）" if e.after_deadline else ""), e.previous_due,
                                 e.new_due, e.requested_by, e.approved_by, e.reason, e.decision_note]
                                for e in ov.extensions], [e.id for e in ov.extensions])
        active = ov.state in ("ACCEPTED", "INVESTIGATING", "DECISION_DRAFTED", "REOPENED")
        pending = ov.pending_extension
        self.request_button.setEnabled(active and pending is None)
        self.approve_button.setEnabled(pending is not None)
        self.reject_button.setEnabled(pending is not None)
        self.notice_button.setEnabled(any(e.notice_document_id for e in ov.extensions))
        if self.table.rowCount():
            self.table.selectRow(self.table.rowCount() - 1)

    def request(self) -> None:
        if self.new_due.problem():
            self.message.show_error(self.new_due.problem())
            return
        new_due = self.new_due.date()
        if new_due is None:
            self.message.show_error(QCoreApplication.translate("ExtensionSection", "请填写延长后的期满日期。"))
            return
        reason = self.reason.toPlainText().strip()
        case_id = self.case_id()
        self.write(lambda s: s.investigation.request_extension(case_id, reason, new_due),
                   done=QCoreApplication.translate("ExtensionSection", "延期申请已提交，等待机关负责人批准。"),
                   on_done=lambda _r: (self.reason.clear(), self.new_due.clear()))

    def decide(self, approve: bool) -> None:
        ov = self.overview
        pending = ov.pending_extension if ov else None
        if pending is None:
            return
        note = self.note.text().strip()

        def done(doc: Any) -> None:
            self.note.clear()
            if doc is not None:
                self.host.show_document(doc)
            elif approve:
                self.message.show_warning(QCoreApplication.translate("ExtensionSection", "已批准；延期告知书模板尚未就绪，请稍后打印并送达投诉人。"))

        self.write(lambda s: s.investigation.decide_extension(pending.id, approve, note),
                   done=QCoreApplication.translate("ExtensionSection", "已批准延期，办理期限重新计算；请将延期告知书送达投诉人。") if approve
                   else QCoreApplication.translate("ExtensionSection", "已决定不批准延期。"), on_done=done)

    def show_notice(self) -> None:
        ov = self.overview
        ids = [e.notice_document_id for e in (ov.extensions if ov else ()) if e.notice_document_id]
        if ids:
            self.host.reprint(ids[-1], self)
