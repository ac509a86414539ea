"""答复与监督 tab (Art 16–18, T25): reply letter, service records, supervision tasks, withdrawal; 文书 list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import ServiceMethod
from desktop_app.services.investigation_extra import CaseInvestigation
from desktop_app.ui.widgets.date_edit import OptionalDateEdit

from .common import Section, fill_table, make_table, selected_id, set_print_button

SERVABLE_KINDS = ("reply", "extension_notice", "handling_decision", "transfer_letter", "stop_order",
                  "explanation_request")


class ReplySection(Section):
    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.reply_button = QPushButton(QCoreApplication.translate("ReplySection", "制作答复书(&R)"), self)
        self.reply_button.setObjectName("issueReply")
        self.reply_button.clicked.connect(self.issue_reply)
        top.addWidget(self.reply_button)
        top.addStretch(1)
        layout.addLayout(top)

        serve = QGroupBox(QCoreApplication.translate("ReplySection", "送达登记"), self)
        form = QFormLayout(serve)
        self.document = QComboBox(serve)
        self.document.setObjectName("serviceDocument")
        self.recipient = QLineEdit(serve)
        self.recipient.setObjectName("serviceRecipient")
        self.method = QComboBox(serve)
        self.method.setObjectName("serviceMethod")
        for m in ServiceMethod:
            self.method.addItem(m.label, m.value)
        self.served_on = OptionalDateEdit(serve)
        self.served_on.setObjectName("servedOn")
        self.tracking = QLineEdit(serve)
        self.tracking.setObjectName("trackingNo")
        self.undeliverable = QLineEdit(serve)
        self.serve_button = QPushButton(QCoreApplication.translate("ReplySection", "登记送达"), serve)
        self.serve_button.setObjectName("recordService")
        self.serve_button.clicked.connect(self.record_service)
        form.addRow(QCoreApplication.translate("ReplySection", "文书"), self.document)
        form.addRow(QCoreApplication.translate("ReplySection", "受送达人"), self.recipient)
        form.addRow(QCoreApplication.translate("ReplySection", "方式"), self.method)
        form.addRow(QCoreApplication.translate("ReplySection", "送达日期"), self.served_on)
        form.addRow(QCoreApplication.translate("ReplySection", "邮件单号"), self.tracking)
        form.addRow(QCoreApplication.translate("ReplySection", "无法送达原因"), self.undeliverable)
        form.addRow(self.serve_button)
        layout.addWidget(serve)

        sup = QGroupBox(QCoreApplication.translate("ReplySection", "执行监督（第十八条）"), self)
        sv = QVBoxLayout(sup)
        self.tasks = make_table([QCoreApplication.translate("ReplySection", "措施"), QCoreApplication.translate("ReplySection", "整改期限"), QCoreApplication.translate("ReplySection", "状态"),
                                 QCoreApplication.translate("ReplySection", "收到报告"), QCoreApplication.translate("ReplySection", "核查日期"),
                                 QCoreApplication.translate("ReplySection", "核查意见")], sup)
        self.tasks.setObjectName("supervisionTable")
        sv.addWidget(self.tasks)
        srow = QHBoxLayout()
        self.task_note = QLineEdit(sup)
        self.task_note.setObjectName("supervisionNote")
        self.task_note.setPlaceholderText(QCoreApplication.translate("ReplySection", "整改报告摘要 / 核查意见"))
        self.report_button = QPushButton(QCoreApplication.translate("ReplySection", "登记整改报告"), sup)
        self.report_button.setObjectName("reportRectification")
        self.verify_done = QPushButton(QCoreApplication.translate("ReplySection", "核查：整改到位"), sup)
        self.verify_done.setObjectName("verifyDone")
        self.verify_not = QPushButton(QCoreApplication.translate("ReplySection", "核查：整改不到位"), sup)
        self.report_button.clicked.connect(self.report)
        self.verify_done.clicked.connect(lambda: self.verify(True))
        self.verify_not.clicked.connect(lambda: self.verify(False))
        for w in (self.task_note, self.report_button, self.verify_done, self.verify_not):
            srow.addWidget(w)
        sv.addLayout(srow)
        layout.addWidget(sup)

        wd = QGroupBox(QCoreApplication.translate("ReplySection", "撤回投诉"), self)
        wf = QFormLayout(wd)
        self.withdraw_signed = QCheckBox(QCoreApplication.translate("ReplySection", "投诉人已在撤回申请（或撤回笔录）上签字/捺印"), wd)
        self.withdraw_signed.setObjectName("withdrawSigned")
        self.withdraw_reason = QLineEdit(wd)
        self.withdraw_reason.setObjectName("withdrawReason")
        self.terminate = QRadioButton(QCoreApplication.translate("ReplySection", "终止办理"), wd)
        self.terminate.setObjectName("withdrawTerminate")
        self.continue_ = QRadioButton(QCoreApplication.translate("ReplySection", "依职权继续办理"), wd)
        self.continue_.setObjectName("withdrawContinue")
        self.terminate.setChecked(True)
        choice = QWidget(wd)
        ch = QHBoxLayout(choice)
        ch.setContentsMargins(0, 0, 0, 0)
        ch.addWidget(self.terminate)
        ch.addWidget(self.continue_)
        ch.addStretch(1)
        self.head_note = QLineEdit(wd)
        self.withdraw_button = QPushButton(QCoreApplication.translate("ReplySection", "负责人决定"), wd)
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        wf.addRow(self.withdraw_signed)
        wf.addRow(QCoreApplication.translate("ReplySection", "撤回理由"), self.withdraw_reason)
        wf.addRow(QCoreApplication.translate("ReplySection", "负责人决定"), choice)
        wf.addRow(QCoreApplication.translate("ReplySection", "负责人意见"), self.head_note)
        wf.addRow(self.withdraw_button)
        layout.addWidget(wd)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def update_case(self, ov: CaseInvestigation) -> None:
        first = self.overview is None or self.overview.case_id != ov.case_id
        super().update_case(ov)
        set_print_button(self.reply_button, "reply", ov, ov.state == "DECIDED")
        current = getattr(self, "_prefer", None) or self.document.currentData()
        self._prefer = None
        self.document.clear()
        for d in ov.documents:
            if d.kind in SERVABLE_KINDS and not d.superseded:
                label = f"{d.title} {d.doc_no}" + (QCoreApplication.translate("ReplySection", "（已送达）") if d.served else "")
                self.document.addItem(label, d.id)
        index = self.document.findData(current)
        if index < 0:
            reply = ov.latest_document("reply")
            index = self.document.findData(reply.id) if reply else self.document.count() - 1
        self.document.setCurrentIndex(index)
        self.serve_button.setEnabled(self.document.count() > 0)
        if first:
            self.recipient.setText(ov.complainant)
            self.served_on.set_date(self.host.ctx.clock.today())
        fill_table(self.tasks, [[t.measure, t.due_date, t.status_label, t.report_received_on, t.verified_on, t.note]
                                for t in ov.supervision], [t.id for t in ov.supervision])
        if self.tasks.rowCount() and self.tasks.currentRow() < 0:
            self.tasks.selectRow(0)
        has_tasks = bool(ov.supervision)
        for b in (self.report_button, self.verify_done, self.verify_not):
            b.setEnabled(has_tasks)
        self.withdraw_button.setEnabled(ov.state in ("ACCEPTED", "INVESTIGATING", "DECISION_DRAFTED"))

    def issue_reply(self) -> None:
        case_id = self.case_id()
        self.write(lambda s: s.decisions.issue_reply(case_id),
                   done=QCoreApplication.translate("ReplySection", "答复书已生成，请打印盖章后送达投诉人并登记送达。"),
                   on_done=self._reply_issued)

    def _reply_issued(self, doc: object) -> None:
        self._prefer = doc.document_id  # type: ignore[attr-defined]  # serve what was just printed
        self.host.show_document(doc)

    def record_service(self) -> None:
        document_id = self.document.currentData()
        if document_id is None:
            return
        if self.served_on.problem():
            self.message.show_error(self.served_on.problem())
            return
        served_on = self.served_on.date() or self.host.ctx.clock.today()
        recipient, method = self.recipient.text().strip(), self.method.currentData()
        tracking, reason = self.tracking.text().strip(), self.undeliverable.text().strip()
        self.write(lambda s: s.documents.record_service(document_id, recipient_name=recipient, method=method,
                                                        served_on=served_on, tracking_no=tracking,
                                                        undeliverable_reason=reason),
                   done=QCoreApplication.translate("ReplySection", "已登记送达。"))

    def report(self) -> None:
        task_id = selected_id(self.tasks)
        if task_id is None:
            return
        note, today = self.task_note.text().strip(), self.host.ctx.clock.today()
        self.write(lambda s: s.decisions.report_rectification(task_id, today, note),
                   done=QCoreApplication.translate("ReplySection", "已登记整改报告。"), on_done=lambda _r: self.task_note.clear())

    def verify(self, done_ok: bool) -> None:
        task_id = selected_id(self.tasks)
        if task_id is None:
            return
        note, today = self.task_note.text().strip(), self.host.ctx.clock.today()
        self.write(lambda s: s.decisions.verify_rectification(task_id, done_ok, note, today),
                   done=QCoreApplication.translate("ReplySection", "已登记核查结果。"), on_done=lambda _r: self.task_note.clear())

    def withdraw(self) -> None:
        signed, reason = self.withdraw_signed.isChecked(), self.withdraw_reason.text().strip()
        terminate, note = self.terminate.isChecked(), self.head_note.text().strip()
        case_id = self.case_id()
        self.write(lambda s: s.decisions.withdraw(case_id, signed=signed, reason=reason, terminate=terminate,
                                                  head_note=note),
                   done=QCoreApplication.translate("ReplySection", "已决定终止办理，案件转为已撤回。") if terminate
                   else QCoreApplication.translate("ReplySection", "已记录撤回申请；负责人决定依职权继续办理。"))


class DocumentsSection(Section):
    """Every document of the case; preview (the stored PDF, byte for byte)."""

    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        layout = QVBoxLayout(self)
        self.table = make_table([QCoreApplication.translate("DocumentsSection", "文书"), QCoreApplication.translate("DocumentsSection", "文号"),
                                 QCoreApplication.translate("DocumentsSection", "版本"), QCoreApplication.translate("DocumentsSection", "日期"),
                                 QCoreApplication.translate("DocumentsSection", "页数"), QCoreApplication.translate("DocumentsSection", "已送达"),
                                 QCoreApplication.translate("DocumentsSection", "已被新版本取代")], self)
        self.table.setObjectName("documentTable")
        layout.addWidget(self.table, 1)
        self.preview_button = QPushButton(QCoreApplication.translate("DocumentsSection", "预览/打印所选文书"), self)
        self.preview_button.setObjectName("previewDocument")
        self.preview_button.clicked.connect(self.preview)
        self.table.doubleClicked.connect(lambda _i: self.preview())
        layout.addWidget(self.preview_button)
        layout.addWidget(self.message)

    def update_case(self, ov: CaseInvestigation) -> None:
        super().update_case(ov)
        fill_table(self.table, [[d.title, d.doc_no, d.version_no, d.issued_on, d.page_count, d.served, d.superseded]
                                for d in ov.documents], [d.id for d in ov.documents])

    def preview(self) -> None:
        doc_id = selected_id(self.table)
        if doc_id is not None:
            self.host.reprint(doc_id, self)
