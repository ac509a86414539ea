"""处理意见 tab (Art 14): outcome per respondent from the rule set, transfers, proposal (T10), decision (T11)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.decisions import OUTCOME_TRANSFER, TRANSFER_KINDS, RespondentOutcomeInput, TransferInput
from desktop_app.services.investigation_extra import CaseInvestigation, OutcomeOption, ProposalRow, RespondentRef
from desktop_app.ui.widgets.date_edit import OptionalDateEdit

from .common import Section, fill_table, make_table, selected_id


class RespondentOutcomeBox(QGroupBox):
    """Outcome ticks for one respondent; the requires_* flags enable the fields they need."""

    def __init__(self, respondent: RespondentRef, outcomes: tuple[OutcomeOption, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(f"{respondent.name}（{respondent.type_label}）", parent)
        self.respondent = respondent
        self.outcomes = outcomes
        self.setObjectName(f"respondent_{respondent.id}")
        v = QVBoxLayout(self)
        grid = QGridLayout()
        self.boxes: dict[str, QCheckBox] = {}
        for i, o in enumerate(outcomes):
            box = QCheckBox(f"{o.code} {o.label}", self)
            box.setObjectName(f"outcome_{o.code}")
            box.toggled.connect(self._refresh)
            self.boxes[o.code] = box
            grid.addWidget(box, i // 3, i % 3)
        v.addLayout(grid)
        ticks = QHBoxLayout()
        self.minor = QCheckBox(QCoreApplication.translate("DecisionSection", "情节轻微"), self)
        self.minor.setObjectName("minor")
        self.corrected = QCheckBox(QCoreApplication.translate("DecisionSection", "及时纠正"), self)
        self.corrected.setObjectName("corrected")
        self.no_harm = QCheckBox(QCoreApplication.translate("DecisionSection", "没有造成危害后果"), self)
        self.no_harm.setObjectName("noHarm")
        ticks.addWidget(QLabel(QCoreApplication.translate("DecisionSection", "第十四条第（二）项："), self))
        for w in (self.minor, self.corrected, self.no_harm):
            ticks.addWidget(w)
        ticks.addStretch(1)
        v.addLayout(ticks)
        form = QFormLayout()
        self.due = OptionalDateEdit(self)
        self.due.setObjectName("rectificationDue")
        form.addRow(QCoreApplication.translate("DecisionSection", "整改期限"), self.due)
        self.targets: dict[str, QLineEdit] = {}
        self.target_labels: dict[str, QLabel] = {}
        for kind, label in TRANSFER_KINDS.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"transfer_{kind}")
            edit.setPlaceholderText(QCoreApplication.translate("DecisionSection", "接收机关，如：铁岭市律师协会"))
            lab = QLabel(label, self)
            form.addRow(lab, edit)
            self.targets[kind] = edit
            self.target_labels[kind] = lab
        self.facts = QPlainTextEdit(self)
        self.facts.setObjectName("factsFound")
        self.facts.setMaximumHeight(60)
        self.basis = QLineEdit(self)
        self.basis.setObjectName("basis")
        self.measures = QLineEdit(self)
        self.measures.setObjectName("measures")
        form.addRow(QCoreApplication.translate("DecisionSection", "查明的事实"), self.facts)
        form.addRow(QCoreApplication.translate("DecisionSection", "依据"), self.basis)
        form.addRow(QCoreApplication.translate("DecisionSection", "处理措施"), self.measures)
        v.addLayout(form)
        self._refresh()

    def _selected(self) -> list[OutcomeOption]:
        return [o for o in self.outcomes if self.boxes[o.code].isChecked()]

    def _refresh(self) -> None:
        chosen = self._selected()
        needs_minor = any(o.requires_minor_conditions for o in chosen)
        for w in (self.minor, self.corrected, self.no_harm):
            w.setEnabled(needs_minor)
        self.due.setEnabled(any(o.requires_due_date for o in chosen))
        wanted = {OUTCOME_TRANSFER.get(o.code) for o in chosen if o.requires_transfer_target} - {None}
        # O1d (纪律处分) may be handled by the organ itself or transferred: the field stays available.
        if any(o.code == "O1d" for o in chosen):
            wanted.add("DISCIPLINE")
        for kind, edit in self.targets.items():
            edit.setEnabled(kind in wanted)
            self.target_labels[kind].setEnabled(kind in wanted)

    def load(self, p: ProposalRow) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in p.outcome_codes)
        self.minor.setChecked(p.minor)
        self.corrected.setChecked(p.promptly_corrected)
        self.no_harm.setChecked(p.no_harm)
        self.due.set_date(p.rectification_due)
        for t in p.transfers:
            if t.get("kind") in self.targets:
                self.targets[t["kind"]].setText(t.get("target_organ", ""))
        self.facts.setPlainText(p.facts_found)
        self.basis.setText(p.basis)
        self.measures.setText(p.measures)

    def value(self) -> RespondentOutcomeInput:
        transfers = [TransferInput(kind=k, target_organ=e.text().strip()) for k, e in self.targets.items()
                     if e.isEnabled() and e.text().strip()]
        return RespondentOutcomeInput(
            respondent_id=self.respondent.id, outcome_codes=[o.code for o in self._selected()],
            minor=self.minor.isChecked() and self.minor.isEnabled(),
            promptly_corrected=self.corrected.isChecked() and self.corrected.isEnabled(),
            no_harm=self.no_harm.isChecked() and self.no_harm.isEnabled(),
            facts_found=self.facts.toPlainText().strip(), basis=self.basis.text().strip(),
            measures=self.measures.text().strip(), rectification_due=self.due.date() if self.due.isEnabled() else None,
            transfers=transfers)


class DecisionSection(Section):
    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        self.boxes: list[RespondentOutcomeBox] = []
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        inner = QWidget()
        self.inner_layout = QVBoxLayout(inner)
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        self.report = QPlainTextEdit(self)
        self.report.setObjectName("investigationReport")
        self.report.setPlaceholderText(QCoreApplication.translate("DecisionSection", "调查报告：查明的事实、证据、被投诉人的说明及分析"))
        self.report.setMaximumHeight(90)
        layout.addWidget(self.report)
        row = QHBoxLayout()
        self.propose_button = QPushButton(QCoreApplication.translate("DecisionSection", "提出拟处理意见"), self)
        self.propose_button.setObjectName("proposeDecision")
        self.propose_button.clicked.connect(self.propose)
        self.back_reason = QLineEdit(self)
        self.back_reason.setPlaceholderText(QCoreApplication.translate("DecisionSection", "退回理由"))
        self.back_button = QPushButton(QCoreApplication.translate("DecisionSection", "退回补充调查（负责人）"), self)
        self.back_button.setObjectName("backToInvestigation")
        self.back_button.clicked.connect(self.back)
        self.decided_on = OptionalDateEdit(self)
        self.decided_on.setObjectName("decidedOn")
        self.decide_button = QPushButton(QCoreApplication.translate("DecisionSection", "作出处理决定（负责人）"), self)
        self.decide_button.setObjectName("decide")
        self.decide_button.clicked.connect(self.decide)
        for w in (self.propose_button, self.back_reason, self.back_button, QLabel(QCoreApplication.translate("DecisionSection", "决定日期"), self),
                  self.decided_on, self.decide_button):
            row.addWidget(w)
        layout.addLayout(row)
        self.transfers = make_table([QCoreApplication.translate("DecisionSection", "移送类型"), QCoreApplication.translate("DecisionSection", "接收机关"),
                                     QCoreApplication.translate("DecisionSection", "移送日期"), QCoreApplication.translate("DecisionSection", "反馈"),
                                     QCoreApplication.translate("DecisionSection", "反馈日期")], self)
        self.transfers.setObjectName("transferTable")
        self.transfers.setMaximumHeight(120)
        layout.addWidget(self.transfers)
        frow = QHBoxLayout()
        self.feedback = QLineEdit(self)
        self.feedback.setObjectName("transferFeedback")
        self.feedback.setPlaceholderText(QCoreApplication.translate("DecisionSection", "接收机关反馈的处理结果"))
        self.feedback_button = QPushButton(QCoreApplication.translate("DecisionSection", "登记移送反馈"), self)
        self.feedback_button.clicked.connect(self.record_feedback)
        frow.addWidget(self.feedback, 1)
        frow.addWidget(self.feedback_button)
        layout.addLayout(frow)
        layout.addWidget(self.message)

    def update_case(self, ov: CaseInvestigation) -> None:
        first = self.overview is None or self.overview.case_id != ov.case_id
        super().update_case(ov)
        if first or [b.respondent.id for b in self.boxes] != [r.id for r in ov.respondents]:
            for b in self.boxes:
                b.setParent(None)
                b.deleteLater()
            self.boxes = [RespondentOutcomeBox(r, ov.outcomes, self) for r in ov.respondents]
            for b in self.boxes:
                self.inner_layout.addWidget(b)
            for p in ov.proposals:
                box = next((b for b in self.boxes if b.respondent.id == p.respondent_id), None)
                if box is not None:
                    box.load(p)
            self.report.setPlainText(ov.report)
            self.decided_on.set_date(self.host.ctx.clock.today())
        drafted = ov.state == "DECISION_DRAFTED"
        self.propose_button.setEnabled(ov.state in ("INVESTIGATING", "REOPENED"))
        self.back_button.setEnabled(drafted)
        self.decide_button.setEnabled(drafted)
        for b in self.boxes:
            b.setEnabled(ov.state in ("INVESTIGATING", "REOPENED"))
        fill_table(self.transfers, [[t.kind_label, t.target_organ, t.sent_on, t.feedback, t.feedback_on]
                                    for t in ov.transfers], [t.id for t in ov.transfers])
        self.feedback_button.setEnabled(bool(ov.transfers))

    def box_for(self, respondent_id: int) -> RespondentOutcomeBox:
        return next(b for b in self.boxes if b.respondent.id == respondent_id)

    def propose(self) -> None:
        for b in self.boxes:
            if b.due.isEnabled() and b.due.problem():
                self.message.show_error(b.due.problem())
                return
        outcomes = [b.value() for b in self.boxes]
        report = self.report.toPlainText().strip()
        case_id = self.case_id()
        self.write(lambda s: s.decisions.propose(case_id, outcomes, report),
                   done=QCoreApplication.translate("DecisionSection", "已提出拟处理意见，报机关负责人决定。"))

    def back(self) -> None:
        reason = self.back_reason.text().strip()
        case_id = self.case_id()
        self.write(lambda s: s.decisions.back_to_investigation(case_id, reason),
                   done=QCoreApplication.translate("DecisionSection", "已退回补充调查。"))

    def decide(self) -> None:
        if self.decided_on.problem():
            self.message.show_error(self.decided_on.problem())
            return
        day = self.decided_on.date()
        case_id = self.case_id()

        def done(docs: list[Any]) -> None:
            for doc in docs:
                self.host.show_document(doc)

        self.write(lambda s: s.decisions.decide(case_id, day),
                   done=QCoreApplication.translate("DecisionSection", "已作出处理决定；请在5个工作日内制作并送达答复书（第十六条）。"),
                   on_done=done)

    def record_feedback(self) -> None:
        transfer_id = selected_id(self.transfers)
        if transfer_id is None:
            self.message.show_error(QCoreApplication.translate("DecisionSection", "请先在移送表中选择一项。"))
            return
        text = self.feedback.text().strip()
        today = self.host.ctx.clock.today()
        self.write(lambda s: s.decisions.record_transfer_feedback(transfer_id, text, today),
                   done=QCoreApplication.translate("DecisionSection", "已登记移送反馈。"), on_done=lambda _r: self.feedback.clear())
