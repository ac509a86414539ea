"""调查笔录 / 询问笔录 editor: header, 告知事项, question/answer turns typed fast, autosave.

Keyboard: in a 问 field Tab or Enter goes to its 答; in a 答 field Tab or Enter goes to the
next 问 (creating the next turn at the end). Shift+Tab goes back; Shift+Enter is a line
break inside a field. Ctrl+T opens the list of common questions (常用问题). Ctrl+S saves now.

Never lose a line: every change is written at once to a local crash-recovery file, and a
debounced save (``update_transcript`` on the write lane) follows. The recovery file is
removed only when the server holds exactly what is on screen.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.documents.models import standard_transcript_opening
from desktop_app.domain.enums import IntervieweeRole, Sex
from desktop_app.services.investigation import TranscriptInput, TurnInput
from desktop_app.ui.tasks import TaskFailure

from .common import MessageLabel

# 常用问题 (inserted with Ctrl+T). Plain data: an office can extend the list later.
COMMON_QUESTIONS: tuple[str, ...] = (
    "请介绍一下你的基本情况（姓名、工作单位、职务、联系方式）。",
    "你与本案法律援助事项是什么关系？",
    "你是什么时候接受指派（或申请法律援助）的？",
    "你是否向受援人收取过财物或者其他利益？请具体说明时间、地点、金额和经过。",
    "你会见受援人（被羁押人）几次？分别是什么时间？有无会见记录？",
    "开庭（调解、谈判）时你是否到场？未到场的原因是什么？",
    "你是否向他人泄露过受援人的个人隐私或者案件情况？",
    "你对投诉人反映的问题有什么要说明的？",
    "你能提供哪些证据材料证明你的说法？",
    "有无其他知情人可以证明？",
    "以上所说是否属实？你还有什么需要补充的吗？",
)

AUTOSAVE_MS = 1200


def recovery_directory() -> Path:
    """Where crash-recovery files live (the user's data dir; override with COMPLAINT_DESK_RECOVERY_DIR)."""
    override = os.environ.get("COMPLAINT_DESK_RECOVERY_DIR")
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".complaint-desk") / "recovery"


def _input_to_json(inp: TranscriptInput) -> dict[str, Any]:
    data = asdict(inp)
    for key in ("started_at", "ended_at"):
        data[key] = data[key].isoformat() if data[key] else None
    return data


def _input_from_json(data: dict[str, Any]) -> TranscriptInput:
    data = dict(data)
    for key in ("started_at", "ended_at"):
        data[key] = dt.datetime.fromisoformat(data[key]) if data.get(key) else None
    data["turns"] = [TurnInput(**t) for t in data.get("turns", [])]
    return TranscriptInput(**data)


class TurnTextEdit(QPlainTextEdit):
    """A 问 or 答 field: Tab/Enter advance, Shift+Tab goes back, Shift+Enter is a line break."""

    advance = Signal()
    retreat = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "q" or "a"
        self.setTabChangesFocus(False)
        self.setObjectName("question" if kind == "q" else "answer")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = max(1, int(self.document().documentLayout().documentSize().height()))
        height = self.fontMetrics().lineSpacing() * min(max(lines, 1), 12) + 12
        if self.height() != height:
            self.setFixedHeight(height)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            self.retreat.emit()
            return
        if key == Qt.Key.Key_Tab or (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift):
            self.advance.emit()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:  # noqa: A003
        # Tab never reaches keyPressEvent when Qt uses it for focus: catch it first.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.keyPressEvent(event)
            return True
        return super().event(event)


class TurnRow(QWidget):
    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setVerticalSpacing(2)
        self.q_label = QLabel(parent=self)
        self.a_label = QLabel(QCoreApplication.translate("TranscriptEditor", "答："), self)
        self.question = TurnTextEdit("q", self)
        self.answer = TurnTextEdit("a", self)
        grid.addWidget(self.q_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.question, 0, 1)
        grid.addWidget(self.a_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.answer, 1, 1)
        grid.setColumnStretch(1, 1)
        self.set_number(number)

    def set_number(self, number: int) -> None:
        self.number = number
        self.q_label.setText(QCoreApplication.translate("TranscriptEditor", "问{0}：").format(number))


class TurnsEditor(QWidget):
    """The question/answer body. ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[TurnRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self._read_only = False

    def turns(self) -> list[TurnInput]:
        out = [TurnInput(r.question.toPlainText(), r.answer.toPlainText()) for r in self.rows]
        while out and not out[-1].question.strip() and not out[-1].answer.strip():
            out.pop()  # a trailing empty turn is the cursor's next line, not content
        return out

    def set_turns(self, turns: list[TurnInput]) -> None:
        for r in self.rows:
            r.setParent(None)
            r.deleteLater()
        self.rows = []
        for t in turns:
            row = self.add_turn()
            row.question.setPlainText(t.question)
            row.answer.setPlainText(t.answer)
        if not self._read_only:
            self.add_turn()

    def add_turn(self) -> TurnRow:
        row = TurnRow(len(self.rows) + 1, self)
        row.question.setReadOnly(self._read_only)
        row.answer.setReadOnly(self._read_only)
        self._layout.insertWidget(len(self.rows), row)
        self.rows.append(row)
        row.question.textChanged.connect(self.changed)
        row.answer.textChanged.connect(self.changed)
        row.question.advance.connect(lambda r=row: r.answer.setFocus())
        row.answer.advance.connect(lambda r=row: self._next_question(r))
        row.question.retreat.connect(lambda r=row: self._previous_answer(r))
        row.answer.retreat.connect(lambda r=row: r.question.setFocus())
        return row

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for r in self.rows:
            r.question.setReadOnly(read_only)
            r.answer.setReadOnly(read_only)

    def _next_question(self, row: TurnRow) -> None:
        index = self.rows.index(row)
        if index == len(self.rows) - 1:
            if self._read_only:
                return
            nxt = self.add_turn()
        else:
            nxt = self.rows[index + 1]
        nxt.question.setFocus()
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(nxt)

    def _previous_answer(self, row: TurnRow) -> None:
        index = self.rows.index(row)
        if index > 0:
            self.rows[index - 1].answer.setFocus()

    def focused_field(self) -> TurnTextEdit | None:
        for r in self.rows:
            for f in (r.question, r.answer):
                if f.hasFocus():
                    return f
        return None

    def insert_question(self, text: str) -> TurnRow:
        """Put a common question into the current (or next empty) 问 and go to its 答."""
        field = self.focused_field()
        row = next((r for r in self.rows if field in (r.question, r.answer)), None)
        if row is None or field is row.answer or row.question.toPlainText().strip():
            row = next((r for r in self.rows if not r.question.toPlainText().strip()
                        and not r.answer.toPlainText().strip()), None) or self.add_turn()
        row.question.setPlainText(text)
        row.answer.setFocus()
        return row


class TranscriptEditor(QWidget):
    """Edits one transcript. The section owns saving; the editor owns the form and recovery file.

    Signals: ``save_requested`` (debounce elapsed or Ctrl+S) — the section then calls
    :meth:`save`.
    """

    saved = Signal(int)  # transcript id after a successful save
    save_failed = Signal(str)

    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.host = host
        self.case_id: int | None = None
        self.transcript_id: int | None = None
        self.version: int | None = None
        self.status = "DRAFT"
        self._loading = False
        self._saving = False
        self._pending = False
        self._saved_json: str | None = None
        self._after_save: list[Any] = []
        self.people: dict[int, str] = {}
        self.office_name = ""
        self.purpose = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self._build()

    # ------------------------------------------------------------------ form
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("transcriptState")
        self.state_label.setWordWrap(True)
        outer.addWidget(self.state_label)
        self.recovery_bar = QWidget(self)
        bar = QHBoxLayout(self.recovery_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.recovery_label = QLabel(self.recovery_bar)
        self.recovery_label.setStyleSheet("color: #6e4400;")
        self.restore_button = QPushButton(QCoreApplication.translate("TranscriptEditor", "恢复未保存的内容"), self.recovery_bar)
        self.discard_button = QPushButton(QCoreApplication.translate("TranscriptEditor", "丢弃"), self.recovery_bar)
        bar.addWidget(self.recovery_label, 1)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.discard_button)
        self.recovery_bar.hide()
        self.restore_button.clicked.connect(self.restore_recovery)
        self.discard_button.clicked.connect(self.discard_recovery)
        outer.addWidget(self.recovery_bar)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self.scroll = scroll
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        v = QVBoxLayout(body)

        head = QGridLayout()
        self.title = QComboBox(body)
        self.title.addItems(["调查笔录", "询问笔录"])
        self.started = QDateTimeEdit(body)
        self.ended = QDateTimeEdit(body)
        for w in (self.started, self.ended):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
            w.setCalendarPopup(True)
        self.place = QLineEdit(body)
        self.place.setObjectName("place")
        self.investigators = QListWidget(body)
        self.investigators.setObjectName("transcriptInvestigators")
        self.investigators.setFlow(QListWidget.Flow.LeftToRight)
        self.recorder = QComboBox(body)
        self.interviewee = QLineEdit(body)
        self.interviewee.setObjectName("intervieweeName")
        self.role = QComboBox(body)
        for r in IntervieweeRole:
            self.role.addItem(r.label, r.value)
        self.sex = QComboBox(body)
        for s in Sex:
            self.sex.addItem(s.label, s.value)
        self.id_number = QLineEdit(body)
        self.unit = QLineEdit(body)
        self.phone = QLineEdit(body)
        labels = [(QCoreApplication.translate("TranscriptEditor", "文书"), self.title), (QCoreApplication.translate("TranscriptEditor", "开始时间"), self.started),
                  (QCoreApplication.translate("TranscriptEditor", "结束时间"), self.ended), (QCoreApplication.translate("TranscriptEditor", "地点"), self.place),
                  (QCoreApplication.translate("TranscriptEditor", "被调查人"), self.interviewee), (QCoreApplication.translate("TranscriptEditor", "身份"), self.role),
                  (QCoreApplication.translate("TranscriptEditor", "性别"), self.sex), (QCoreApplication.translate("TranscriptEditor", "身份证件号码"), self.id_number),
                  (QCoreApplication.translate("TranscriptEditor", "工作单位/职务"), self.unit), (QCoreApplication.translate("TranscriptEditor", "联系电话"), self.phone),
                  (QCoreApplication.translate("TranscriptEditor", "记录人"), self.recorder)]
        for i, (text, w) in enumerate(labels):
            head.addWidget(QLabel(text, body), i // 2, (i % 2) * 2)
            head.addWidget(w, i // 2, (i % 2) * 2 + 1)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(3, 1)
        head.addWidget(QLabel(QCoreApplication.translate("TranscriptEditor", "调查人员（≥2）"), body), 6, 0)
        head.addWidget(self.investigators, 6, 1, 1, 3)
        self.investigators.setMaximumHeight(34)
        v.addLayout(head)

        opening_row = QHBoxLayout()
        opening_row.addWidget(QLabel(QCoreApplication.translate("TranscriptEditor", "告知事项"), body))
        opening_row.addStretch(1)
        self.opening_button = QPushButton(QCoreApplication.translate("TranscriptEditor", "插入标准告知事项"), body)
        self.opening_button.setObjectName("insertOpening")
        self.opening_button.clicked.connect(self.insert_standard_opening)
        opening_row.addWidget(self.opening_button)
        v.addLayout(opening_row)
        self.opening = QPlainTextEdit(body)
        self.opening.setObjectName("opening")
        self.opening.setMaximumHeight(90)
        v.addWidget(self.opening)

        turns_row = QHBoxLayout()
        turns_row.addWidget(QLabel(QCoreApplication.translate("TranscriptEditor", "问答（Tab/回车：问→答→下一问；Shift+回车换行；"
                                                         "Ctrl+T 常用问题）"), body))
        turns_row.addStretch(1)
        self.template_button = QPushButton(QCoreApplication.translate("TranscriptEditor", "常用问题(&T)"), body)
        self.template_button.setObjectName("questionTemplates")
        self.template_button.clicked.connect(self.show_templates)
        turns_row.addWidget(self.template_button)
        v.addLayout(turns_row)
        self.turns = TurnsEditor(body)
        v.addWidget(self.turns)
        v.addStretch(1)

        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveState")
        self.message = MessageLabel(self)
        outer.addWidget(self.message)
        outer.addWidget(self.save_label)

        self.template_menu = QMenu(self)
        self.template_menu.setObjectName("templateMenu")
        for q in COMMON_QUESTIONS:
            action = self.template_menu.addAction(q)
            action.triggered.connect(lambda _c=False, text=q: self.turns.insert_question(text))
        QShortcut(QKeySequence("Ctrl+T"), self, activated=self.show_templates,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        for w in (self.place, self.interviewee, self.id_number, self.unit, self.phone):
            w.textChanged.connect(self._changed)
        for c in (self.title, self.role, self.sex, self.recorder):
            c.currentIndexChanged.connect(self._changed)
        self.started.dateTimeChanged.connect(self._changed)
        self.ended.dateTimeChanged.connect(self._changed)
        self.opening.textChanged.connect(self._changed)
        self.turns.changed.connect(self._changed)
        self.investigators.itemChanged.connect(self._on_investigators_changed)

    # ------------------------------------------------------------------ people
    def set_people(self, people: dict[int, str]) -> None:
        """Investigators who may be on the transcript (id → name)."""
        self.people = dict(people)

    def _fill_investigators(self, checked: list[int]) -> None:
        was_loading, self._loading = self._loading, True
        self.investigators.clear()
        for uid, name in self.people.items():
            item = QListWidgetItem(name, self.investigators)
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if uid in checked else Qt.CheckState.Unchecked)
        self._fill_recorder(None)
        self._loading = was_loading

    def _fill_recorder(self, recorder_id: int | None) -> None:
        current = recorder_id if recorder_id is not None else self.recorder.currentData()
        self.recorder.blockSignals(True)
        self.recorder.clear()
        for uid in self.investigator_ids():
            self.recorder.addItem(self.people.get(uid, str(uid)), uid)
        index = self.recorder.findData(current)
        self.recorder.setCurrentIndex(index if index >= 0 else self.recorder.count() - 1)
        self.recorder.blockSignals(False)

    def investigator_ids(self) -> list[int]:
        return [self.investigators.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.investigators.count())
                if self.investigators.item(i).checkState() == Qt.CheckState.Checked]

    def set_investigators(self, ids: list[int]) -> None:
        for i in range(self.investigators.count()):
            item = self.investigators.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                               else Qt.CheckState.Unchecked)

    def _on_investigators_changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._fill_recorder(None)
        self._changed()

    # ------------------------------------------------------------------ data
    def form_input(self) -> TranscriptInput:
        def py(edit: QDateTimeEdit) -> dt.datetime:
            return edit.dateTime().toPython().replace(second=0, microsecond=0)

        return TranscriptInput(
            investigator_ids=self.investigator_ids(), recorder_id=self.recorder.currentData(),
            started_at=py(self.started), ended_at=py(self.ended), place=self.place.text().strip(),
            interviewee_name=self.interviewee.text().strip(), interviewee_role=self.role.currentData(),
            interviewee_sex=self.sex.currentData(), interviewee_id_number=self.id_number.text().strip(),
            interviewee_unit=self.unit.text().strip(), interviewee_phone=self.phone.text().strip(),
            opening_text=self.opening.toPlainText(), turns=self.turns.turns(), title=self.title.currentText())

    def _set_form(self, inp: TranscriptInput) -> None:
        self._loading = True
        try:
            self.title.setCurrentText(inp.title or "调查笔录")
            now = self.host.ctx.clock.now()
            self.started.setDateTime(QDateTime(inp.started_at or now.replace(second=0, microsecond=0)))
            self.ended.setDateTime(QDateTime(inp.ended_at or inp.started_at or now.replace(second=0, microsecond=0)))
            self.place.setText(inp.place)
            self.interviewee.setText(inp.interviewee_name)
            self.role.setCurrentIndex(max(0, self.role.findData(inp.interviewee_role)))
            self.sex.setCurrentIndex(max(0, self.sex.findData(inp.interviewee_sex)))
            self.id_number.setText(inp.interviewee_id_number)
            self.unit.setText(inp.interviewee_unit)
            self.phone.setText(inp.interviewee_phone)
            self._fill_investigators(inp.investigator_ids)
            self._fill_recorder(inp.recorder_id)
            self.opening.setPlainText(inp.opening_text)
            self.turns.set_turns(inp.turns)
        finally:
            self._loading = False

    def start_new(self, case_id: int, defaults: TranscriptInput) -> None:
        self._reset(case_id, None, None, "DRAFT")
        self._set_form(defaults)
        self._saved_json = None
        self._set_read_only(False)
        self.state_label.setText(QCoreApplication.translate("TranscriptEditor", "新笔录（草稿）：填写后自动保存。"))
        self._offer_recovery()

    def load(self, view: Any) -> None:
        """Show a TranscriptView from the service."""
        self._reset(view.complaint_id, view.id, view.version, view.status)
        self._set_form(view.data)
        self._saved_json = json.dumps(_input_to_json(self.form_input()), ensure_ascii=False, sort_keys=True)
        frozen = view.status == "FROZEN"
        self._set_read_only(frozen)
        if frozen:
            self.state_label.setText(QCoreApplication.translate("TranscriptEditor", "已封存：被调查人已逐页签字/捺印确认，内容不能再修改。"
                                                          "内容哈希 {0}").format(view.content_hash))
            self.state_label.setStyleSheet("color: #1d3a6e; font-weight: bold;")
        else:
            text = QCoreApplication.translate("TranscriptEditor", "草稿") if view.status == "DRAFT" else \
                QCoreApplication.translate("TranscriptEditor", "已打印，等待被调查人逐页签字/捺印（修改内容后须重新打印）")
            if view.previous_id:
                text += QCoreApplication.translate("TranscriptEditor", "　· 更正第 {0} 号笔录").format(view.previous_id)
            self.state_label.setText(text)
            self.state_label.setStyleSheet("")
        self._offer_recovery()

    def _reset(self, case_id: int, transcript_id: int | None, version: int | None, status: str) -> None:
        self._timer.stop()
        self.case_id, self.transcript_id, self.version, self.status = case_id, transcript_id, version, status
        self._pending = False
        self.message.clear_message()
        self.save_label.setText("")

    def _set_read_only(self, read_only: bool) -> None:
        for w in (self.place, self.interviewee, self.id_number, self.unit, self.phone):
            w.setReadOnly(read_only)
        for w in (self.title, self.role, self.sex, self.recorder, self.started, self.ended, self.investigators,
                  self.opening_button, self.template_button):
            w.setEnabled(not read_only)
        self.opening.setReadOnly(read_only)
        self.turns.set_read_only(read_only)

    def is_read_only(self) -> bool:
        return self.status == "FROZEN"

    def insert_standard_opening(self) -> None:
        names = tuple(self.people.get(uid, "") for uid in self.investigator_ids())
        text = standard_transcript_opening(self.office_name or "本机关", names, self.purpose or "投诉事项")
        self.opening.setPlainText(text)
        if not self.turns.rows or not any(r.question.toPlainText() for r in self.turns.rows):
            pass
        first = self.turns.rows[0] if self.turns.rows else self.turns.add_turn()
        first.question.setFocus()

    def show_templates(self) -> None:
        if self.is_read_only():
            return
        field = self.turns.focused_field()
        anchor = field.mapToGlobal(field.cursorRect().bottomLeft()) if field is not None else \
            self.template_button.mapToGlobal(self.template_button.rect().bottomLeft())
        self.template_menu.popup(anchor)

    # ------------------------------------------------------------------ saving
    def _changed(self, *_args: Any) -> None:
        if self._loading or self.case_id is None or self.is_read_only():
            return
        self.write_recovery()
        self.save_label.setText(QCoreApplication.translate("TranscriptEditor", "有未保存的修改（已存本机恢复文件）…"))
        self._timer.start()

    def has_unsaved_changes(self) -> bool:
        return self._current_json() != self._saved_json

    def _current_json(self) -> str:
        return json.dumps(_input_to_json(self.form_input()), ensure_ascii=False, sort_keys=True)

    def recovery_path(self) -> Path | None:
        if self.case_id is None:
            return None
        return recovery_directory() / f"transcript-{self.case_id}-{self.transcript_id or 'new'}.json"

    def write_recovery(self) -> None:
        path = self.recovery_path()
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"case_id": self.case_id, "transcript_id": self.transcript_id, "version": self.version,
                   "written_at": dt.datetime.now().isoformat(timespec="seconds"),
                   "input": _input_to_json(self.form_input())}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a crash mid-write never leaves half a file

    def _drop_recovery(self, transcript_id: int | None) -> None:
        for tid in {transcript_id, None} if transcript_id else {None}:
            path = recovery_directory() / f"transcript-{self.case_id}-{tid or 'new'}.json"
            if path.exists():
                path.unlink()

    def _offer_recovery(self) -> None:
        path = self.recovery_path()
        self.recovery_bar.hide()
        if path is None or not path.exists():
            return
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            saved = json.dumps(payload["input"], ensure_ascii=False, sort_keys=True)
        except (ValueError, KeyError):
            return
        if saved == self._current_json():
            path.unlink()
            return
        if self.is_read_only():
            return
        self._recovery_payload = payload
        self.recovery_label.setText(QCoreApplication.translate("TranscriptEditor", "发现 {0} 未保存到数据库的笔录内容（程序意外退出？）。")
                                    .format(payload.get("written_at", "")))
        self.recovery_bar.show()

    def restore_recovery(self) -> None:
        payload = getattr(self, "_recovery_payload", None)
        if payload is None:
            return
        self._set_form(_input_from_json(payload["input"]))
        self.recovery_bar.hide()
        self._changed()

    def discard_recovery(self) -> None:
        path = self.recovery_path()
        if path is not None and path.exists():
            path.unlink()
        self.recovery_bar.hide()

    def save(self, then: Any = None) -> None:
        """Save now (create on first save). ``then()`` runs after a successful save."""
        self._timer.stop()
        if then is not None:
            self._after_save.append(then)
        if self.case_id is None or self.is_read_only():
            self._run_after_save()
            return
        if self._saving:
            self._pending = True
            return
        if self.transcript_id is not None and not self.has_unsaved_changes():
            self._run_after_save()
            return
        inp = self.form_input()
        snapshot = self._current_json()
        case_id, tid, version = self.case_id, self.transcript_id, self.version
        self._saving = True
        self.save_label.setText(QCoreApplication.translate("TranscriptEditor", "正在保存…"))

        def job(s: Any) -> Any:
            if tid is None:
                new_id = s.investigation.create_transcript(case_id, inp)
                return new_id, s.investigation.get_transcript(new_id).version
            return tid, s.investigation.update_transcript(tid, inp, expected_version=version)

        self.host.ctx.tasks.write(lambda _c, svc=self.host.ctx.services: job(svc),
                                  on_done=lambda result: self._on_saved(result, snapshot),
                                  on_error=self._on_save_failed)

    def _on_saved(self, result: tuple[int, int], snapshot: str) -> None:
        self._saving = False
        new_id, version = result
        was_new = self.transcript_id is None
        self.transcript_id, self.version = new_id, version
        self._saved_json = snapshot
        self.message.clear_message()
        if was_new:
            self._drop_recovery(None)
        if self.has_unsaved_changes():
            self.write_recovery()  # typed while saving: keep it safe and save again
            self._timer.start()
        else:
            self._drop_recovery(new_id)
            self.save_label.setText(QCoreApplication.translate("TranscriptEditor", "已保存 {0}").format(
                self.host.ctx.clock.now().strftime("%H:%M")))
        if self._pending:
            self._pending = False
            self.save()
        self.saved.emit(new_id)
        self._run_after_save()

    def _on_save_failed(self, failure: TaskFailure) -> None:
        self._saving = False
        self._pending = False
        self._after_save.clear()
        self.save_label.setText(QCoreApplication.translate("TranscriptEditor", "未保存：内容保留在屏幕和本机恢复文件中。"))
        self.message.show_error(failure.message)
        self.save_failed.emit(failure.message)

    def _run_after_save(self) -> None:
        callbacks, self._after_save = self._after_save, []
        for fn in callbacks:
            fn()
