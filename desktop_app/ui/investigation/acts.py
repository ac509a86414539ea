"""调查活动 tab (Art 11–13): explanation request, file call-up, verification, department opinions,
order to stop; the evidence list; their PDFs when the document kinds are available."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.domain.enums import InvestigationActKind
from desktop_app.services.investigation_extra import CaseInvestigation
from desktop_app.ui.tasks import TaskFailure
from desktop_app.ui.widgets.date_edit import OptionalDateEdit

from .common import MessageLabel, Section, fill_table, make_table, selected_id, set_print_button

# Document printed for an act of this kind (subject = the act).
ACT_DOCUMENT = {
    InvestigationActKind.EXPLANATION_REQUEST.value: "explanation_request",
    InvestigationActKind.STOP_ORDER.value: "stop_order",
    InvestigationActKind.FILE_CALLUP.value: "file_callup",
    InvestigationActKind.DEPARTMENT_OPINION.value: "department_opinion",
}


class ActsSection(Section):
    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        layout = QVBoxLayout(self)
        self.art13_label = QLabel(self)
        self.art13_label.setObjectName("continuingViolation")
        self.art13_label.setWordWrap(True)
        self.art13_label.setStyleSheet("color: #861b11; font-weight: bold;")
        self.art13_label.hide()
        layout.addWidget(self.art13_label)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(split, 1)

        form_box = QGroupBox(QCoreApplication.translate("ActsSection", "登记调查活动"), split)
        form = QFormLayout(form_box)
        self.kind = QComboBox(form_box)
        self.kind.setObjectName("actKind")
        for k in InvestigationActKind:
            self.kind.addItem(k.label, k.value)
        self.occurred = OptionalDateEdit(form_box)
        self.title = QLineEdit(form_box)
        self.counterpart = QLineEdit(form_box)
        self.counterpart.setObjectName("counterpart")
        self.place = QLineEdit(form_box)
        self.summary = QPlainTextEdit(form_box)
        self.summary.setObjectName("actSummary")
        self.summary.setMaximumHeight(80)
        self.due = OptionalDateEdit(form_box)
        self.due.setObjectName("actDue")
        self.file_ref = QLineEdit(form_box)
        self.file_ref.setObjectName("fileRef")
        self.original = QCheckBox(QCoreApplication.translate("ActsSection", "调阅原件（不勾选为复制件）"), form_box)
        self.original.setObjectName("fileOriginal")
        self.promised_return = OptionalDateEdit(form_box)
        self.promised_return.setObjectName("promisedReturn")
        form.addRow(QCoreApplication.translate("ActsSection", "类型"), self.kind)
        form.addRow(QCoreApplication.translate("ActsSection", "日期"), self.occurred)
        form.addRow(QCoreApplication.translate("ActsSection", "标题"), self.title)
        form.addRow(QCoreApplication.translate("ActsSection", "对象（单位/个人/部门）"), self.counterpart)
        form.addRow(QCoreApplication.translate("ActsSection", "地点"), self.place)
        form.addRow(QCoreApplication.translate("ActsSection", "内容摘要"), self.summary)
        self.due_label = QLabel(QCoreApplication.translate("ActsSection", "答复期限"), form_box)
        form.addRow(self.due_label, self.due)
        self.file_ref_label = QLabel(QCoreApplication.translate("ActsSection", "案卷名称或编号"), form_box)
        form.addRow(self.file_ref_label, self.file_ref)
        form.addRow("", self.original)
        self.return_label = QLabel(QCoreApplication.translate("ActsSection", "约定归还日期"), form_box)
        form.addRow(self.return_label, self.promised_return)
        self.confirm_box = QWidget(form_box)
        cb = QVBoxLayout(self.confirm_box)
        cb.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = MessageLabel(self.confirm_box)
        self.confirm_button = QPushButton(QCoreApplication.translate("ActsSection", "确认不妨碍正常办案，按约定日期归还并登记"), self.confirm_box)
        self.confirm_button.setObjectName("confirmCallup")
        self.confirm_button.clicked.connect(lambda: self.record(acknowledged=True))
        cb.addWidget(self.confirm_text)
        cb.addWidget(self.confirm_button)
        self.confirm_box.hide()
        form.addRow(self.confirm_box)
        self.record_button = QPushButton(QCoreApplication.translate("ActsSection", "登记(&R)"), form_box)
        self.record_button.setObjectName("recordAct")
        self.record_button.clicked.connect(lambda: self.record())
        form.addRow(self.record_button)
        form.addRow(self.message)

        right = QWidget(split)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.table = make_table([QCoreApplication.translate("ActsSection", "日期"), QCoreApplication.translate("ActsSection", "类型"), QCoreApplication.translate("ActsSection", "对象"),
                                 QCoreApplication.translate("ActsSection", "期限"), QCoreApplication.translate("ActsSection", "完成/归还"), QCoreApplication.translate("ActsSection", "调查人员"),
                                 QCoreApplication.translate("ActsSection", "摘要")], right)
        self.table.setObjectName("actTable")
        rv.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.completed = OptionalDateEdit(right)
        self.completed.setObjectName("completedOn")
        self.completion_note = QLineEdit(right)
        self.completion_note.setPlaceholderText(QCoreApplication.translate("ActsSection", "如：收到书面说明；案卷已归还"))
        self.complete_button = QPushButton(QCoreApplication.translate("ActsSection", "登记完成/归还"), right)
        self.complete_button.setObjectName("completeAct")
        self.complete_button.clicked.connect(self.complete)
        self.print_act_button = QPushButton(QCoreApplication.translate("ActsSection", "打印所选活动的文书"), right)
        self.print_act_button.setObjectName("printAct")
        self.print_act_button.clicked.connect(self.print_selected)
        for w in (self.completed, self.completion_note, self.complete_button, self.print_act_button):
            row.addWidget(w)
        rv.addLayout(row)

        ev_box = QGroupBox(QCoreApplication.translate("ActsSection", "证据材料清单"), right)
        ev = QVBoxLayout(ev_box)
        self.evidence_table = make_table([QCoreApplication.translate("ActsSection", "证据"), QCoreApplication.translate("ActsSection", "来源"),
                                          QCoreApplication.translate("ActsSection", "收集日期"), QCoreApplication.translate("ActsSection", "页数"),
                                          QCoreApplication.translate("ActsSection", "原件")], ev_box)
        self.evidence_table.setObjectName("evidenceTable")
        ev.addWidget(self.evidence_table, 1)
        er = QHBoxLayout()
        self.ev_description = QLineEdit(ev_box)
        self.ev_description.setObjectName("evidenceDescription")
        self.ev_description.setPlaceholderText(QCoreApplication.translate("ActsSection", "证据名称，如：银行转账凭证"))
        self.ev_source = QLineEdit(ev_box)
        self.ev_source.setPlaceholderText(QCoreApplication.translate("ActsSection", "来源"))
        self.ev_pages = QSpinBox(ev_box)
        self.ev_pages.setRange(1, 9999)
        self.ev_original = QCheckBox(QCoreApplication.translate("ActsSection", "原件"), ev_box)
        self.ev_button = QPushButton(QCoreApplication.translate("ActsSection", "登记证据"), ev_box)
        self.ev_button.setObjectName("addEvidence")
        self.ev_button.clicked.connect(self.add_evidence)
        self.ev_print = QPushButton(QCoreApplication.translate("ActsSection", "打印证据清单"), ev_box)
        self.ev_print.setObjectName("printEvidenceList")
        self.ev_print.clicked.connect(lambda: self.host.print_document("evidence_list", None, self))
        for w in (self.ev_description, self.ev_source, self.ev_pages, self.ev_original, self.ev_button, self.ev_print):
            er.addWidget(w)
        ev.addLayout(er)
        rv.addWidget(ev_box, 1)
        split.addWidget(form_box)
        split.addWidget(right)
        split.setSizes([420, 800])

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.original.toggled.connect(lambda _on: self.confirm_box.hide())
        self.table.itemSelectionChanged.connect(self._update_print)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        is_request = kind == InvestigationActKind.EXPLANATION_REQUEST.value
        is_callup = kind == InvestigationActKind.FILE_CALLUP.value
        for w in (self.due, self.due_label):
            w.setVisible(is_request)
        for w in (self.file_ref, self.file_ref_label, self.original, self.return_label, self.promised_return):
            w.setVisible(is_callup)
        self.confirm_box.hide()
        self.counterpart.setPlaceholderText(
            QCoreApplication.translate("ActsSection", "调阅对象（从谁处调阅）") if is_callup else QCoreApplication.translate("ActsSection", "被投诉人/有关单位/部门"))

    def update_case(self, ov: CaseInvestigation) -> None:
        super().update_case(ov)
        if not self.occurred.text():
            self.occurred.set_date(self.host.ctx.clock.today())
        fill_table(self.table, [[a.occurred_on, a.kind_label, a.counterpart or a.details.get("from_whom", ""),
                                 a.due_date, a.completed_on, "、".join(a.investigators),
                                 a.summary or a.details.get("file_ref", "")] for a in ov.acts],
                   [a.id for a in ov.acts])
        fill_table(self.evidence_table, [[e.description, e.source, e.collected_on, e.pages, e.is_original]
                                         for e in ov.evidence], [e.id for e in ov.evidence])
        stop_orders = [a for a in ov.acts if a.kind == InvestigationActKind.STOP_ORDER]
        if ov.continuing_violation:
            self.art13_label.setText(QCoreApplication.translate("ActsSection", "存在持续违法违规行为（第十三条）：已于 {0} 责令被投诉人立即停止。")
                                     .format(stop_orders[-1].occurred_on.isoformat() if stop_orders else ""))
            self.art13_label.show()
        else:
            self.art13_label.hide()
        set_print_button(self.ev_print, "evidence_list", ov)
        self._update_print()

    def _selected_act(self) -> Any:
        act_id = selected_id(self.table)
        if self.overview is None or act_id is None:
            return None
        return next((a for a in self.overview.acts if a.id == act_id), None)

    def _update_print(self) -> None:
        act = self._selected_act()
        kind = ACT_DOCUMENT.get(act.kind) if act is not None else None
        if kind is None:
            self.print_act_button.setEnabled(False)
            self.print_act_button.setToolTip(QCoreApplication.translate("ActsSection", "请选择说明情况、调阅案卷、部门意见或责令停止的记录。"))
        else:
            set_print_button(self.print_act_button, kind, self.overview)

    def print_selected(self) -> None:
        act = self._selected_act()
        if act is not None and act.kind in ACT_DOCUMENT:
            self.host.print_document(ACT_DOCUMENT[act.kind], act.id, self)

    def record(self, acknowledged: bool = False) -> None:
        ov = self.overview
        if ov is None:
            return
        for field in (self.occurred, self.due, self.promised_return):
            if field.isVisible() and field.problem():
                self.message.show_error(field.problem())
                return
        kind = self.kind.currentData()
        details: dict[str, Any] = {}
        if kind == InvestigationActKind.FILE_CALLUP.value:
            details = {"file_ref": self.file_ref.text().strip(), "from_whom": self.counterpart.text().strip(),
                       "original": self.original.isChecked()}
            if self.promised_return.date():
                details["promised_return"] = self.promised_return.date().isoformat()
            if acknowledged:
                if self.promised_return.date() is None:
                    self.confirm_text.show_error(QCoreApplication.translate("ActsSection", "请填写约定归还日期后再确认。"))
                    return
                details["obstruction_acknowledged"] = True
        team = [p.id for p in ov.team]
        occurred = self.occurred.date() or self.host.ctx.clock.today()
        due = self.due.date() if kind == InvestigationActKind.EXPLANATION_REQUEST.value else None
        title, place, counterpart = self.title.text().strip(), self.place.text().strip(), self.counterpart.text().strip()
        summary = self.summary.toPlainText().strip()
        case_id = ov.case_id

        def job(s: Any) -> int:
            return s.investigation.record_act(case_id, kind, investigator_ids=team, occurred_on=occurred, title=title,
                                              place=place, counterpart=counterpart, summary=summary, due_date=due,
                                              details=details)

        def failed(failure: TaskFailure) -> None:
            if getattr(failure.exception, "code", "") == "aid_case_open":
                # Art 11: offer the confirm-with-return-date path instead of a dead end.
                self.confirm_text.show_warning(failure.message)
                self.confirm_box.show()
                self.promised_return.setFocus()

        def done(_act_id: int) -> None:
            self.confirm_box.hide()
            for w in (self.title, self.counterpart, self.place, self.file_ref):
                w.clear()
            self.summary.clear()
            self.due.clear()
            self.promised_return.clear()
            self.original.setChecked(False)

        self.write(job, done=QCoreApplication.translate("ActsSection", "已登记：{0}。").format(InvestigationActKind(kind).label),
                   on_done=done, on_error=failed)

    def complete(self) -> None:
        act = self._selected_act()
        if act is None:
            self.message.show_error(QCoreApplication.translate("ActsSection", "请先在右侧表中选择一项调查活动。"))
            return
        day = self.completed.date() or self.host.ctx.clock.today()
        note = self.completion_note.text().strip()
        self.write(lambda s: s.investigation.complete_act(act.id, day, note),
                   done=QCoreApplication.translate("ActsSection", "已登记完成：{0}（{1}）。").format(act.kind_label, day.isoformat()),
                   on_done=lambda _r: (self.completion_note.clear(), self.completed.clear()))

    def add_evidence(self) -> None:
        ov = self.overview
        if ov is None:
            return
        description, source = self.ev_description.text().strip(), self.ev_source.text().strip()
        pages, original = self.ev_pages.value(), self.ev_original.isChecked()
        today: dt.date = self.host.ctx.clock.today()
        case_id = ov.case_id
        self.write(lambda s: s.investigation.add_evidence(case_id, description, source=source, collected_on=today,
                                                          pages=pages, is_original=original),
                   done=QCoreApplication.translate("ActsSection", "已登记证据：{0}。").format(description),
                   on_done=lambda _r: (self.ev_description.clear(), self.ev_source.clear()))
