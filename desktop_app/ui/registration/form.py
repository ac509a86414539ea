"""法律援助投诉登记表 as a keyboard-first form (every channel, Art 6/7/8 fields).

The form is pure UI: :meth:`RegistrationForm.value` gives a ``RegistrationInput``,
:meth:`set_value` fills it, :meth:`show_errors` marks the fields a ``ValidationError``
names (``"complainants[0].id_number"`` …) in place. Saving and autosaving are done by
the pane (``case_workspace``), which owns the services.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Channel
from desktop_app.domain.errors import ValidationError
from desktop_app.rules.ruleset import RuleSet
from desktop_app.services.dto import RegistrationInput
from desktop_app.ui.registration.editors import (
    AgentEditor,
    ComplainantEditor,
    MaterialEditor,
    OtherProcedureEditor,
    RepeatingGroup,
    RespondentEditor,
    code_of,
    compact,
    fill_combo,
    set_combo_code,
    watch_edits,
)
from desktop_app.ui.widgets.field_box import EnterMovesFocus, FieldBox

WRITING_DIFFICULTIES = ["不识字/文化程度低", "年老", "残疾", "病患", "其他"]
_PATH_RE = re.compile(r"^(?P<group>[a-z_]+)\[(?P<index>\d+)\](?:\.(?P<field>[a-z_]+))?$")


translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


def parse_received_at(text: str) -> dt.datetime | None:
    """``"2025-03-03 09:30"`` (or just the date) → datetime; empty → None (= now)."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(
        translate(
            "RegistrationForm",
            "收到时间“{0}”格式不对，请按 年-月-日 时:分 填写，如 2025-03-03 09:30。",
        ).format(text)
    )


def _format_received(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M")


class RegistrationForm(QScrollArea):
    """The whole 登记表. ``changed`` fires on every edit (autosave, duplicate search)."""

    changed = Signal()

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationForm")
        self.setWidgetResizable(True)
        self._today = today
        self._rules: RuleSet | None = None
        self._extra = RegistrationInput()
        self._loading = False
        self._enter = EnterMovesFocus(self)
        self.boxes: dict[str, FieldBox] = {}
        inner = QWidget()
        self.setWidget(inner)
        outer = QVBoxLayout(inner)

        self.summary = QLabel(inner)
        self.summary.setObjectName("formErrorSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(
            "background: #fdecea; color: #861b11; padding: 6px; border: 1px solid #f5c2bd;"
        )
        self.summary.hide()
        outer.addWidget(self.summary)

        # -- 收件信息 ------------------------------------------------------------
        intake = QGroupBox(translate("RegistrationForm", "收件信息"), inner)
        grid = QGridLayout(intake)
        self.channel = compact(QComboBox(), 10)
        fill_combo(self.channel, Channel.choices())
        self.received_at = QLineEdit()
        self.received_at.setPlaceholderText(
            translate("RegistrationForm", "留空为当前时间；格式 2025-03-03 09:30")
        )
        self.receiver_name = QLineEdit()
        self.receiver_name.setPlaceholderText(translate("RegistrationForm", "留空为当前登录人"))
        self.transferred_from = QLineEdit()
        self.transferred_from.setPlaceholderText(
            translate("RegistrationForm", "转来时填写转交机关")
        )
        self.anonymous = QCheckBox(translate("RegistrationForm", "匿名投诉(&M)"))
        self.sensitive = QCheckBox(translate("RegistrationForm", "敏感案件(&S)"))
        self.sensitive_reason = QLineEdit()
        self.sensitive_reason.setPlaceholderText(
            translate("RegistrationForm", "敏感原因（如涉及家暴、隐私）")
        )
        self.writing_difficulty = compact(QComboBox(), 10)
        self.writing_difficulty.setEditable(True)
        fill_combo(self.writing_difficulty, [(x, x) for x in WRITING_DIFFICULTIES], empty="")
        self.writing_label = QLabel(translate("RegistrationForm", "书面投诉困难原因(&W)"))
        self.writing_label.setBuddy(self.writing_difficulty)
        self._label(
            grid, translate("RegistrationForm", "投诉渠道(&C)"), self.channel, 0, 0, "channel"
        )
        self._label(
            grid,
            translate("RegistrationForm", "收到时间(&T)"),
            self.received_at,
            0,
            2,
            "received_at",
        )
        self._label(
            grid, translate("RegistrationForm", "接收人"), self.receiver_name, 1, 0, "receiver_name"
        )
        self._label(
            grid,
            translate("RegistrationForm", "转来机关"),
            self.transferred_from,
            1,
            2,
            "transferred_from",
        )
        grid.addWidget(self.writing_label, 2, 0)
        grid.addWidget(self._box("writing_difficulty", self.writing_difficulty), 2, 1)
        flags = QHBoxLayout()
        flags.addWidget(self.anonymous)
        flags.addWidget(self.sensitive)
        flags.addStretch(1)
        grid.addLayout(flags, 2, 2, 1, 2)
        self._label(
            grid,
            translate("RegistrationForm", "敏感原因"),
            self.sensitive_reason,
            3,
            2,
            "sensitive_reason",
        )
        self.correction_reason = QLineEdit()
        self.correction_reason.setPlaceholderText(
            translate("RegistrationForm", "更改已登记的收到时间时必填")
        )
        self._label(
            grid,
            translate("RegistrationForm", "更正理由"),
            self.correction_reason,
            3,
            0,
            "correction_reason",
        )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addWidget(intake)

        # -- parties -----------------------------------------------------------
        self.complainants: RepeatingGroup[Any] = RepeatingGroup(
            translate("RegistrationForm", "投诉人"),
            lambda: ComplainantEditor(self._today),
            add_text=translate("RegistrationForm", "添加投诉人(&R)"),
            enter_filter=self._enter,
        )
        self.agents: RepeatingGroup[Any] = RepeatingGroup(
            translate("RegistrationForm", "代理人"),
            AgentEditor,
            add_text=translate("RegistrationForm", "添加代理人（授权委托）(&G)"),
            enter_filter=self._enter,
        )
        self.respondents: RepeatingGroup[Any] = RepeatingGroup(
            translate("RegistrationForm", "被投诉人"),
            lambda: RespondentEditor(self._respondent_types()),
            add_text=translate("RegistrationForm", "添加被投诉人(&B)"),
            enter_filter=self._enter,
        )
        for title, group in (
            (translate("RegistrationForm", "投诉人"), self.complainants),
            (translate("RegistrationForm", "代理人"), self.agents),
            (translate("RegistrationForm", "被投诉人"), self.respondents),
        ):
            box = QGroupBox(title, inner)
            QVBoxLayout(box).addWidget(group)
            outer.addWidget(box)
            group.changed.connect(self._emit_changed)

        # -- 投诉内容 (Art 6: request, facts, reasons, time) -----------------------
        content = QGroupBox(translate("RegistrationForm", "投诉内容"), inner)
        form = QFormLayout(content)
        self.request_text = QPlainTextEdit()
        self.facts_text = QPlainTextEdit()
        self.reasons_text = QPlainTextEdit()
        for w, h in ((self.request_text, 60), (self.facts_text, 110), (self.reasons_text, 60)):
            w.setMinimumHeight(h)
        self.event_time_text = QLineEdit()
        self.event_time_text.setPlaceholderText(
            translate("RegistrationForm", "事件发生的时间，如 2025年1月至2月")
        )
        self.ground = compact(QComboBox(), 24)
        self.subtypes_box = QWidget()
        self.subtype_checks: dict[str, QCheckBox] = {}
        self._subtype_layout = QGridLayout(self.subtypes_box)
        self._subtype_layout.setContentsMargins(0, 0, 0, 0)
        form.addRow(
            translate("RegistrationForm", "投诉请求(&Q)"),
            self._box("request_text", self.request_text),
        )
        form.addRow(
            translate("RegistrationForm", "主要事实(&F)"), self._box("facts_text", self.facts_text)
        )
        form.addRow(
            translate("RegistrationForm", "理由(&Y)"), self._box("reasons_text", self.reasons_text)
        )
        form.addRow(
            translate("RegistrationForm", "事件时间(&E)"),
            self._box("event_time_text", self.event_time_text),
        )
        form.addRow(
            translate("RegistrationForm", "投诉事项(&K)"), self._box("ground_code", self.ground)
        )
        form.addRow(
            translate("RegistrationForm", "细分类型"), self._box("subtype_codes", self.subtypes_box)
        )
        outer.addWidget(content)

        # -- 法律援助事项 ------------------------------------------------------------
        aid = QGroupBox(translate("RegistrationForm", "相关法律援助事项"), inner)
        grid = QGridLayout(aid)
        self.aid_case_no = QLineEdit()
        self.aid_institution = QLineEdit()
        self.aid_institution.setPlaceholderText(
            translate("RegistrationForm", "指派机构（决定管辖）")
        )
        self.aid_case_cause = QLineEdit()
        self.aid_handler = QLineEdit()
        self._label(
            grid,
            translate("RegistrationForm", "援助案件编号(&D)"),
            self.aid_case_no,
            0,
            0,
            "aid_case_no",
        )
        self._label(
            grid,
            translate("RegistrationForm", "指派机构"),
            self.aid_institution,
            0,
            2,
            "aid_institution",
        )
        self._label(
            grid, translate("RegistrationForm", "案由"), self.aid_case_cause, 1, 0, "aid_case_cause"
        )
        self._label(
            grid, translate("RegistrationForm", "承办人"), self.aid_handler, 1, 2, "aid_handler"
        )
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        outer.addWidget(aid)

        # -- materials and other procedures -----------------------------------------
        self.materials: RepeatingGroup[Any] = RepeatingGroup(
            translate("RegistrationForm", "材料"),
            MaterialEditor,
            add_text=translate("RegistrationForm", "添加材料(&L)"),
            enter_filter=self._enter,
        )
        self.other_procedures: RepeatingGroup[Any] = RepeatingGroup(
            translate("RegistrationForm", "程序"),
            OtherProcedureEditor,
            add_text=translate("RegistrationForm", "添加其他程序(&O)"),
            enter_filter=self._enter,
        )
        for title, group in (
            (translate("RegistrationForm", "收到的材料"), self.materials),
            (
                translate(
                    "RegistrationForm", "同一事项的其他程序（诉讼、复议、信访、纪检、此前投诉）"
                ),
                self.other_procedures,
            ),
        ):
            box = QGroupBox(title, inner)
            QVBoxLayout(box).addWidget(group)
            outer.addWidget(box)
            group.changed.connect(self._emit_changed)
        outer.addStretch(1)
        for group in self._groups():
            group.structure_changed.connect(self.fix_tab_order)

        watch_edits(intake, self._emit_changed, self._enter)
        watch_edits(content, self._emit_changed, self._enter)
        watch_edits(aid, self._emit_changed, self._enter)
        self.channel.currentIndexChanged.connect(self._update_channel_fields)
        self.received_at.editingFinished.connect(self._check_received_at)
        self.clear()
        self.fix_tab_order()

    # -- keyboard ------------------------------------------------------------------
    def _groups(self) -> list[RepeatingGroup[Any]]:
        return [
            self.complainants,
            self.agents,
            self.respondents,
            self.materials,
            self.other_procedures,
        ]

    def tab_chain(self) -> list[QWidget]:
        """Every input in reading order: what Tab walks through."""
        return [
            self.channel,
            self.received_at,
            self.receiver_name,
            self.transferred_from,
            self.writing_difficulty,
            self.anonymous,
            self.sensitive,
            self.correction_reason,
            self.sensitive_reason,
            *self.complainants.tab_widgets(),
            *self.agents.tab_widgets(),
            *self.respondents.tab_widgets(),
            self.request_text,
            self.facts_text,
            self.reasons_text,
            self.event_time_text,
            self.ground,
            *self.subtype_checks.values(),
            self.aid_case_no,
            self.aid_institution,
            self.aid_case_cause,
            self.aid_handler,
            *self.materials.tab_widgets(),
            *self.other_procedures.tab_widgets(),
        ]

    def fix_tab_order(self) -> None:
        """Rows added later would otherwise be reached last: chain Tab explicitly."""
        chain = self.tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- construction helpers ------------------------------------------------------
    def _box(self, name: str, editor: QWidget) -> FieldBox:
        editor.setObjectName(name)
        fb = FieldBox(editor)
        self.boxes[name] = fb
        return fb

    def _label(
        self, grid: QGridLayout, text: str, editor: QWidget, row: int, col: int, name: str
    ) -> None:
        label = QLabel(text)
        label.setBuddy(editor)
        grid.addWidget(label, row, col)
        grid.addWidget(self._box(name, editor), row, col + 1)

    def _respondent_types(self) -> list[tuple[str, str]]:
        if self._rules is None:
            return []
        return [(code, t.label) for code, t in self._rules.respondent_types.items()]

    # -- rule set -----------------------------------------------------------------
    def rules(self) -> RuleSet | None:
        return self._rules

    def set_rules(self, rules: RuleSet) -> None:
        """Codes (respondent types, grounds, sub-types) of the case's rule set."""
        self._rules = rules
        loading, self._loading = self._loading, True
        try:
            fill_combo(
                self.ground,
                [(c, f"{c} {g.label}") for c, g in rules.grounds.items()],
                empty=translate("RegistrationForm", "（尚未分类）"),
            )
            if not code_of(self.ground) and self._extra.ground_code:
                set_combo_code(self.ground, self._extra.ground_code)
            for i in range(self.ground.count()):
                self.ground.setItemData(i, self.ground.itemText(i), Qt.ItemDataRole.ToolTipRole)
            for e in self.respondents.editors:
                assert isinstance(e, RespondentEditor)
                e.set_types(self._respondent_types())
            checked = {c for c, b in self.subtype_checks.items() if b.isChecked()}
            for b in self.subtype_checks.values():
                b.setParent(None)
                b.deleteLater()
            self.subtype_checks = {}
            for i, (code, sub) in enumerate(rules.sub_types.items()):
                short = sub.label if len(sub.label) <= 16 else sub.label[:15] + "…"
                b = QCheckBox(f"{code} {short}")
                b.setToolTip(sub.label)
                b.setObjectName(f"subtype_{code}")
                b.setChecked(code in checked or code in self._extra.subtype_codes)
                b.toggled.connect(self._emit_changed)
                self.subtype_checks[code] = b
                self._subtype_layout.addWidget(b, i // 3, i % 3)
                b.show()  # added after the form was shown: not shown by the layout on its own
        finally:
            self._loading = loading
        self.fix_tab_order()

    # -- value ------------------------------------------------------------------------
    def value(self) -> RegistrationInput:
        """The form as typed. An unparsable receipt time is left to :meth:`local_errors`."""
        x = self._extra
        try:
            received_at = parse_received_at(self.received_at.text())
        except ValueError:
            received_at = None
        if x.received_at is not None and self.received_at.text().strip() == _format_received(
            x.received_at
        ):
            received_at = (
                x.received_at
            )  # unchanged: keep the stored seconds (a change needs a reason)
        difficulty = self.writing_difficulty.currentText().strip()
        return RegistrationInput(
            channel=code_of(self.channel),
            received_at=received_at,
            receiver_name=self.receiver_name.text().strip(),
            transferred_from=self.transferred_from.text().strip(),
            anonymous=self.anonymous.isChecked(),
            sensitive=self.sensitive.isChecked(),
            sensitive_reason=self.sensitive_reason.text().strip(),
            priority=x.priority,
            writing_difficulty=difficulty
            if code_of(self.channel) == Channel.IN_PERSON_ORAL
            else "",
            complainants=self.complainants.values(),
            agents=self.agents.values(),
            respondents=self.respondents.values(),
            request_text=self.request_text.toPlainText().strip(),
            facts_text=self.facts_text.toPlainText().strip(),
            reasons_text=self.reasons_text.toPlainText().strip(),
            event_time_text=self.event_time_text.text().strip(),
            # Until the rule set's codes have arrived, keep the codes the form was given.
            ground_code=code_of(self.ground) if self._rules is not None else x.ground_code,
            subtype_codes=[c for c, b in self.subtype_checks.items() if b.isChecked()]
            if self._rules is not None
            else list(x.subtype_codes),
            aid_case_no=self.aid_case_no.text().strip(),
            aid_case_cause=self.aid_case_cause.text().strip(),
            aid_institution=self.aid_institution.text().strip(),
            aid_case_type=x.aid_case_type,
            aid_litigation=x.aid_litigation,
            aid_case_open=x.aid_case_open,
            aid_applied_on=x.aid_applied_on,
            aid_assigned_on=x.aid_assigned_on,
            aid_handler=self.aid_handler.text().strip(),
            materials=self.materials.values(),
            other_procedures=self.other_procedures.values(),
        )

    def set_value(self, value: RegistrationInput) -> None:
        self._loading = True
        try:
            self._extra = value
            set_combo_code(self.channel, value.channel)
            self.received_at.setText(
                _format_received(value.received_at) if value.received_at else ""
            )
            self.receiver_name.setText(value.receiver_name)
            self.transferred_from.setText(value.transferred_from)
            self.anonymous.setChecked(value.anonymous)
            self.sensitive.setChecked(value.sensitive)
            self.sensitive_reason.setText(value.sensitive_reason)
            self.writing_difficulty.setCurrentText(value.writing_difficulty)
            self.complainants.set_values(list(value.complainants))
            self.agents.set_values(list(value.agents))
            self.respondents.set_values(list(value.respondents))
            self.request_text.setPlainText(value.request_text)
            self.facts_text.setPlainText(value.facts_text)
            self.reasons_text.setPlainText(value.reasons_text)
            self.event_time_text.setText(value.event_time_text)
            set_combo_code(
                self.ground, value.ground_code
            )  # refilled in set_rules if codes arrive later
            for code, b in self.subtype_checks.items():
                b.setChecked(code in value.subtype_codes)
            self.aid_case_no.setText(value.aid_case_no)
            self.aid_institution.setText(value.aid_institution)
            self.aid_case_cause.setText(value.aid_case_cause)
            self.aid_handler.setText(value.aid_handler)
            self.correction_reason.clear()
            self.materials.set_values(list(value.materials))
            self.other_procedures.set_values(list(value.other_procedures))
        finally:
            self._loading = False
        self.clear_errors()
        self._update_channel_fields()

    def clear(self) -> None:
        """An empty form for a new complaint: one complainant and one respondent row ready."""
        from desktop_app.services.dto import ComplainantInput, RespondentInput

        self.set_value(
            RegistrationInput(
                channel=Channel.LETTER.value,
                complainants=[ComplainantInput()],
                respondents=[RespondentInput()],
            )
        )

    def set_read_only(self, read_only: bool) -> None:
        self.widget().setEnabled(not read_only)

    # -- errors ---------------------------------------------------------------------------
    def local_errors(self) -> list[ValidationError]:
        """Problems detectable without the database (shown before anything is sent)."""
        errors: list[ValidationError] = []
        self.value()  # fixes which rows count (blank rows are left out), as the service sees them
        try:
            parse_received_at(self.received_at.text())
        except ValueError as exc:
            errors.append(ValidationError(str(exc), field="received_at"))
        for i, e in enumerate(self.complainants.value_editors):
            assert isinstance(e, ComplainantEditor)
            if not e.check_id_number():
                errors.append(
                    ValidationError(
                        translate("RegistrationForm", "第{0}名投诉人：{1}").format(
                            i + 1, e.boxes["id_number"].error()
                        ),
                        field=f"complainants[{i}].id_number",
                    )
                )
        for i, e in enumerate(self.agents.value_editors):
            assert isinstance(e, AgentEditor)
            problem = e.poa_received_on.problem()
            if problem:
                errors.append(ValidationError(problem, field=f"agents[{i}].poa_received_on"))
        for i, e in enumerate(self.other_procedures.value_editors):
            assert isinstance(e, OtherProcedureEditor)
            problem = e.started_on.problem()
            if problem:
                errors.append(ValidationError(problem, field=f"other_procedures[{i}].started_on"))
        return errors

    def field_box(self, path: str) -> FieldBox | RepeatingGroup[Any] | None:
        """The widget a service error's ``field`` names, or None."""
        match = _PATH_RE.match(path)
        if match:
            group = getattr(self, match["group"], None)
            if isinstance(group, RepeatingGroup):
                editor = group.editor_for_value(int(match["index"]))
                if editor is not None:
                    return editor.boxes.get(match["field"] or "") or group
                return group
            return None
        if path in self.boxes:
            return self.boxes[path]
        group = getattr(self, path, None)
        return group if isinstance(group, RepeatingGroup) else None

    def show_errors(self, errors: list[ValidationError], summary: str = "") -> int:
        """Mark every named field in place; the rest go to the summary at the top.

        Returns how many errors were placed at a field. Focuses the first marked field.
        """
        self.clear_errors()
        placed = 0
        unplaced: list[str] = []
        first: QWidget | None = None
        for e in errors:
            target = self.field_box(e.field) if e.field else None
            if isinstance(target, FieldBox):
                target.set_error(e.message)
                placed += 1
                first = first or target.editor
            elif isinstance(target, RepeatingGroup):
                target.set_error(e.message)
                placed += 1
                first = first or target.add_button
            else:
                unplaced.append(e.message)
        lines = ([summary] if summary else []) + unplaced
        if errors and not summary:
            lines.insert(
                0,
                translate("RegistrationForm", "有 {0} 处需要修改，已在相应位置用红框标出。").format(
                    len(errors)
                ),
            )
        self.set_summary("\n".join(lines))
        if first is not None:
            self.ensureWidgetVisible(first)
            first.setFocus()
        return placed

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    def clear_errors(self) -> None:
        for fb in self.boxes.values():
            fb.clear_error()
        for group in (
            self.complainants,
            self.agents,
            self.respondents,
            self.materials,
            self.other_procedures,
        ):
            group.clear_errors()
        self.set_summary("")

    def errors_shown(self) -> dict[str, str]:
        """Field path → message currently shown (for tests and the status line)."""
        out = {name: fb.error() for name, fb in self.boxes.items() if fb.error()}
        for gname in ("complainants", "agents", "respondents", "materials", "other_procedures"):
            group: RepeatingGroup[Any] = getattr(self, gname)
            if group.error_label.isVisibleTo(group):
                out[gname] = group.error_label.text()
            for i, editor in enumerate(group.editors):
                for fname, fb in editor.boxes.items():
                    if fb.error():
                        out[f"{gname}[{i}].{fname}"] = fb.error()
        return out

    # -- behaviour ------------------------------------------------------------------------
    def _emit_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _check_received_at(self) -> None:
        try:
            parse_received_at(self.received_at.text())
            self.boxes["received_at"].clear_error()
        except ValueError as exc:
            self.boxes["received_at"].set_error(str(exc))

    def _update_channel_fields(self) -> None:
        channel = code_of(self.channel)
        oral = channel == Channel.IN_PERSON_ORAL
        self.writing_label.setVisible(oral)
        self.boxes["writing_difficulty"].setVisible(oral)
        self.boxes["transferred_from"].setEnabled(
            channel in (Channel.TRANSFERRED, Channel.OFFICE_POINT)
        )
