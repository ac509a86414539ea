"""One complaint at the desk: the 登记表 (new or opened case), duplicates, acceptance
review, documents — with the case's clocks always in view."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Channel, DeadlineStatus, SignatureStatus
from desktop_app.domain.errors import ConflictError, ValidationError
from desktop_app.rules.ruleset import RuleSet
from desktop_app.services.dto import (
    CaseDetail,
    CaseRef,
    DuplicateHit,
    GeneratedDocument,
    RegistrationInput,
)
from desktop_app.ui.widgets.message import show_message
from desktop_app.ui.context import UiContext
from desktop_app.ui.registration.dialogs import SignatureDialog
from desktop_app.ui.registration.documents_panel import DocumentsPanel
from desktop_app.ui.registration.draft import Draft, DraftStore
from desktop_app.ui.registration.form import RegistrationForm
from desktop_app.ui.registration.review_panel import ReviewPanel
from desktop_app.ui.table_models import DEADLINE_COLOURS
from desktop_app.ui.tasks import TaskFailure

AUTOSAVE_MS = 3000
DUPLICATE_DEBOUNCE_MS = 600


translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


def clock_html(detail: CaseDetail) -> str:
    parts = []
    for c in detail.clocks:
        try:
            colours = DEADLINE_COLOURS.get(DeadlineStatus(c.status))
        except ValueError:
            colours = None
        style = (
            f"background:{colours.background.name()};color:{colours.foreground.name()};"
            if colours
            else "background:#e6f4ea;color:#1d5a2b;"
        )
        due = c.due.isoformat() if c.due else translate("CaseWorkspace", "未起算")
        met = (
            translate("CaseWorkspace", "，{0}完成").format(c.met_on.isoformat()) if c.met_on else ""
        )
        parts.append(
            f"<span style='{style} padding:2px 6px;'>"
            f"&nbsp;{c.label}：{due}（{c.status_label}{met}）&nbsp;</span>"
        )
    return "&nbsp; ".join(parts)


class CaseWorkspace(QWidget):
    """``back_requested``: return to the list; ``open_case``: open another case (duplicates);
    ``saved``: a registration was stored (the list refreshes)."""

    back_requested = Signal()
    open_case_requested = Signal(int)
    saved = Signal(object)

    def __init__(self, ctx: UiContext, drafts: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drafts = drafts
        self.setObjectName("caseWorkspace")
        self.case_id: int | None = None
        self.detail: CaseDetail | None = None
        self.rules: RuleSet | None = None
        self.dirty = False
        self.saving = False
        self.active_dialog: Any = None

        # -- header: case number, state, clocks, banners ------------------------------------
        self.back_button = QPushButton(translate("CaseWorkspace", "← 返回列表"))
        self.back_button.setObjectName("backToList")
        self.back_button.clicked.connect(self.back_requested.emit)
        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.state_label = QLabel()
        self.state_label.setObjectName("caseState")
        self.clocks = QLabel()
        self.clocks.setObjectName("caseClocks")
        self.clocks.setTextFormat(Qt.TextFormat.RichText)
        self.banner = QLabel()
        self.banner.setObjectName("signatureBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4d6; color: #6e4400; padding: 6px; border: 1px solid #f0d48a;"
        )
        self.banner.hide()
        self.message = QLabel()
        self.message.setObjectName("workspaceMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.title)
        head.addWidget(self.state_label)
        head.addStretch(1)
        head.addWidget(self.clocks)

        # -- actions -------------------------------------------------------------------------
        self.save_button = QPushButton(translate("CaseWorkspace", "保存登记 (Ctrl+S)"))
        self.save_button.setObjectName("saveRegistration")
        self.print_button = QPushButton(translate("CaseWorkspace", "打印登记表 (Ctrl+P)"))
        self.print_button.setObjectName("printRegistrationForm")
        self.oral_button = QPushButton(translate("CaseWorkspace", "打印口头投诉记录(&K)"))
        self.oral_button.setObjectName("printOralRecord")
        self.sign_button = QPushButton(translate("CaseWorkspace", "确认签字/捺印…(&I)"))
        self.sign_button.setObjectName("confirmSignature")
        self.complete_button = QPushButton(translate("CaseWorkspace", "完成登记(&H)"))
        self.complete_button.setObjectName("completeRegistration")
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_registration_form)
        self.oral_button.clicked.connect(self.print_oral_record)
        self.sign_button.clicked.connect(lambda: self.open_signature_dialog())
        self.complete_button.clicked.connect(self.complete_registration)
        actions = QHBoxLayout()
        for b in (
            self.save_button,
            self.print_button,
            self.oral_button,
            self.sign_button,
            self.complete_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        self.autosave_label = QLabel()
        self.autosave_label.setStyleSheet("color: #666;")
        actions.addWidget(self.autosave_label)

        # -- tabs ------------------------------------------------------------------------------
        self.form = RegistrationForm(ctx.clock.today, self)
        self.form.setMinimumWidth(640)
        self.duplicates = QListWidget()
        self.duplicates.setObjectName("duplicateList")
        self.duplicates.setWordWrap(True)
        self.duplicates.itemActivated.connect(self._open_duplicate)
        self.duplicates.itemClicked.connect(self._open_duplicate)
        self.duplicates_title = QLabel(translate("CaseWorkspace", "可能重复/再次投诉"))
        self.duplicates_title.setStyleSheet("font-weight: bold;")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.duplicates_title)
        hint = QLabel(
            translate(
                "CaseWorkspace",
                "同一投诉人（身份证号，或同名同电话）或同一被投诉人及事项的此前投诉。单击打开。",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        side_layout.addWidget(hint)
        side_layout.addWidget(self.duplicates, 1)
        form_page = QSplitter(Qt.Orientation.Horizontal)
        form_page.addWidget(self.form)
        form_page.addWidget(side)
        form_page.setStretchFactor(0, 4)
        form_page.setStretchFactor(1, 1)
        form_page.setSizes([1000, 230])
        form_page.setChildrenCollapsible(False)
        self.review = ReviewPanel(ctx, self)
        self.documents = DocumentsPanel(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(form_page, translate("CaseWorkspace", "登记表"))
        self.tabs.addTab(self.review, translate("CaseWorkspace", "受理审查"))
        self.tabs.addTab(self.documents, translate("CaseWorkspace", "文书与送达"))

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        # -- behaviour ---------------------------------------------------------------------------
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for seq, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence.StandardKey.Print, self.print_registration_form),
            (QKeySequence("Escape"), self._escape),
        ):
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_now)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_DEBOUNCE_MS)
        self._dup_timer.timeout.connect(self.search_duplicates)
        self.form.changed.connect(self._on_form_changed)
        self.review.case_changed.connect(self.reload)
        self.review.document_issued.connect(self._show_issued)
        self.documents.case_changed.connect(self.reload)
        self._update_actions()

    # -- opening ---------------------------------------------------------------------------
    def new_registration(self, draft: Draft | None = None) -> None:
        self.case_id = None
        self.detail = None
        self.title.setText(translate("CaseWorkspace", "新登记"))
        self.autosave_label.clear()
        self.state_label.setText("")
        self.clocks.setText("")
        self.banner.hide()
        self._say("")
        self.duplicates.clear()
        if draft is not None:
            self.form.set_value(draft.form)
            self.dirty = True
        else:
            self.form.clear()
            self.dirty = False
        self.form.set_read_only(False)
        self.tabs.setCurrentIndex(0)
        self._load_rules_for(self.ctx.clock.today())
        self._update_actions()
        self.form.channel.setFocus()

    def open_case(self, case_id: int, draft: Draft | None = None) -> None:
        if case_id != self.case_id:
            self.tabs.setCurrentIndex(0)
            self.autosave_label.clear()
            self.dirty = False
        self.case_id = case_id
        self._pending_draft = draft
        self.title.setText(translate("CaseWorkspace", "正在打开…"))
        self._say("")
        self.duplicates.clear()
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id

        def load(_c: Any) -> tuple[CaseDetail, RuleSet]:
            services = self.ctx.services
            detail = services.registration.get_case(case_id)
            return detail, services.ctx.rule_set(detail.rule_set_id)

        self.ctx.tasks.read(
            load, on_done=self._show_case, on_error=self._fail, key=f"workspace-case:{id(self)}"
        )

    def _show_case(self, loaded: tuple[CaseDetail, RuleSet]) -> None:
        detail, rules = loaded
        first_show = self.detail is None or self.detail.id != detail.id
        self.detail = detail
        self.rules = rules
        self.title.setText(detail.case_no)
        self.state_label.setText(f"【{detail.state_label}】 {detail.channel_label}  {rules.title}")
        self.clocks.setText(clock_html(detail))
        self.clocks.setToolTip(
            "\n\n".join(f"{c.label}\n" + "\n".join(c.explanation) for c in detail.clocks)
        )
        self.form.set_rules(rules)
        draft = getattr(self, "_pending_draft", None)
        if first_show or not self.dirty:
            if draft is not None and draft.case_id == detail.id:
                self.form.set_value(draft.form)
                self.dirty = True
                self._say(
                    translate("CaseWorkspace", "已恢复未保存的修改（{0}）。请检查后保存。").format(
                        draft.saved_at.strftime("%m-%d %H:%M")
                    ),
                    ok=True,
                )
            else:
                self.form.set_value(detail.registration)
                self.dirty = False
            self._pending_draft = None
        editable = (
            not detail.read_only
            and not detail.masked
            and detail.state in ("RECEIVED", "REGISTERED", "UNDER_REVIEW", "AWAITING_SUPPLEMENT")
        )
        self.form.set_read_only(not editable)
        self._update_banner(detail)
        self.review.set_case(detail, rules)
        self.documents.set_case(detail)
        self._update_actions()
        if first_show:
            self.search_duplicates()

    def _update_banner(self, detail: CaseDetail) -> None:
        channel = Channel(detail.channel)
        pending = (
            channel.needs_signature and detail.record_signature == SignatureStatus.PENDING.value
        )
        if not pending:
            self.banner.hide()
            return
        c1 = next((c for c in detail.clocks if c.code == "C1"), None)
        due = (
            c1.due.isoformat()
            if c1 is not None and c1.due
            else translate("CaseWorkspace", "（未计算）")
        )
        if channel is Channel.PHONE:
            text = translate(
                "CaseWorkspace",
                "签字待补：电话投诉须取得书面投诉或经投诉人签字的记录。受理期限 {0}，"
                "到期仍未补签的，依规定作出处理。",
            ).format(due)
        else:
            text = translate(
                "CaseWorkspace",
                "口头投诉：请打印口头投诉记录，向投诉人宣读后由其签字或捺印，再“确认签字/捺印”。"
                "受理期限 {0}。",
            ).format(due)
        self.banner.setText(text)
        self.banner.show()

    def _load_rules_for(self, day: dt.date) -> None:
        self.ctx.tasks.read(
            lambda _c: self.ctx.services.ctx.rule_set_for(day),
            on_done=self._set_new_rules,
            on_error=self._fail,
        )

    def _set_new_rules(self, rules: RuleSet) -> None:
        if self.case_id is None:
            self.rules = rules
            self.form.set_rules(rules)

    def _update_actions(self) -> None:
        d = self.detail
        received = d is not None and d.state == "RECEIVED"
        needs_signature = d is not None and Channel(d.channel).needs_signature
        self.save_button.setEnabled(self.form.widget().isEnabled())
        self.print_button.setEnabled(d is not None)
        self.oral_button.setVisible(needs_signature)
        self.sign_button.setVisible(needs_signature and received)
        self.complete_button.setVisible(received)
        self.tabs.setTabEnabled(1, d is not None)
        self.tabs.setTabEnabled(2, d is not None)

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> None:
        """Ctrl+S. Local problems are shown first; a refused save keeps every field as typed."""
        if self.saving or not self.form.widget().isEnabled():
            return
        local = self.form.local_errors()
        if local:
            self.form.show_errors(local)
            return
        value = self.form.value()
        self.autosave_now()  # the draft survives even if the process dies while saving
        self.saving = True
        if self.case_id is None:

            def job(_c: Any) -> CaseRef:
                return self.ctx.services.registration.register(value)
        else:
            case_id, version = self.case_id, self.detail.version if self.detail else 0
            reason = self.form.correction_reason.text().strip()

            def job(_c: Any) -> CaseRef:
                return self.ctx.services.registration.update_registration(
                    case_id, value, expected_version=version, correction_reason=reason
                )

        self.ctx.tasks.write(job, on_done=self._on_saved, on_error=self._on_save_failed)

    def _on_saved(self, ref: CaseRef) -> None:
        self.saving = False
        was_new = self.case_id is None
        self.drafts.discard(None if was_new else ref.id)
        self.dirty = False
        self.form.clear_errors()
        self.case_id = ref.id
        self._say(
            translate("CaseWorkspace", "已保存：{0}（{1}）。").format(
                ref.case_no, self._state_text(ref.state)
            ),
            ok=True,
        )
        self.saved.emit(ref)
        self.reload()

    @staticmethod
    def _state_text(state: str) -> str:
        from desktop_app.domain.enums import CaseState

        return CaseState(state).label

    def _on_save_failed(self, failure: TaskFailure) -> None:
        self.saving = False
        exc = failure.exception
        if isinstance(exc, ValidationError):
            errors = exc.errors or [exc]
            self.form.show_errors(errors)
            self._say(
                translate(
                    "CaseWorkspace",
                    "未保存：请按红框提示修改后再保存（Ctrl+S）。已填写的内容都保留着。",
                ),
                ok=False,
            )
        elif isinstance(exc, ConflictError):
            self._say(
                failure.message
                + translate(
                    "CaseWorkspace",
                    " 您填写的内容仍保留在表中（草稿已保存）；请记下修改，重新打开案件后再填入。",
                ),
                ok=False,
            )
        else:
            self._say(
                failure.message + translate("CaseWorkspace", " 已填写的内容仍保留。"), ok=False
            )

    # -- autosave ----------------------------------------------------------------------------
    def _on_form_changed(self) -> None:
        self.dirty = True
        if not self._autosave.isActive():
            self._autosave.start()
        self._dup_timer.start()

    def set_autosave_interval(self, ms: int) -> None:
        self._autosave.setInterval(ms)

    def autosave_now(self) -> Path | None:
        if not self.dirty or not self.form.widget().isEnabled():
            return None
        d = self.detail
        draft = Draft(
            form=self.form.value(),
            saved_at=self.ctx.clock.now(),
            case_id=self.case_id,
            case_no=d.case_no if d else "",
            version=d.version if d else None,
        )
        try:
            path = self.drafts.save(draft)
        except OSError as exc:
            self.autosave_label.setText(translate("CaseWorkspace", "草稿未能保存：{0}").format(exc))
            return None
        self.autosave_label.setText(
            translate("CaseWorkspace", "草稿已自动保存 {0}").format(
                draft.saved_at.strftime("%H:%M:%S")
            )
        )
        return path

    # -- duplicates -------------------------------------------------------------------------------
    def search_duplicates(self) -> None:
        value: RegistrationInput = self.form.value()
        exclude = self.case_id
        self.ctx.tasks.read(
            lambda _c: self.ctx.services.registration.find_duplicates(
                value, exclude_case_id=exclude
            ),
            on_done=self._show_duplicates,
            on_error=lambda _f: None,
            key=f"duplicates:{id(self)}",
        )

    def _show_duplicates(self, hits: list[DuplicateHit]) -> None:
        self.duplicates.clear()
        for h in hits:
            outcome = translate("CaseWorkspace", "结果：{0}").format(h.outcome)
            item = QListWidgetItem(
                f"{h.case_no}\n{h.received_date.isoformat()} · {h.why}\n"
                f"{h.complainant} → {h.respondent}\n{outcome}"
            )
            item.setData(Qt.ItemDataRole.UserRole, h.case_id)
            self.duplicates.addItem(item)
        self.duplicates_title.setText(
            translate("CaseWorkspace", "可能重复/再次投诉（{0}）").format(len(hits))
            if hits
            else translate("CaseWorkspace", "可能重复/再次投诉")
        )

    def _open_duplicate(self, item: QListWidgetItem) -> None:
        case_id = item.data(Qt.ItemDataRole.UserRole)
        if case_id is not None:
            self.open_case_requested.emit(int(case_id))

    # -- oral record, signature, completion ------------------------------------------------------
    def print_registration_form(self) -> None:
        if self.detail is None:
            self._say(
                translate("CaseWorkspace", "请先保存登记（Ctrl+S），再打印登记表。"), ok=False
            )
            return
        self.tabs.setCurrentWidget(self.documents)
        self.documents.generate("registration_form")

    def print_oral_record(self) -> None:
        if self.detail is None:
            return
        self.tabs.setCurrentWidget(self.documents)
        self.documents.generate("oral_record")

    def open_signature_dialog(self) -> SignatureDialog:
        dialog = SignatureDialog(self)
        dialog.accepted.connect(lambda: self._confirm_signature(dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _confirm_signature(self, dialog: SignatureDialog) -> None:
        assert self.case_id is not None
        case_id, answer = self.case_id, dialog.answer()

        def job(_c: Any) -> CaseRef:
            reg = self.ctx.services.registration
            reg.confirm_record_signature(case_id, answer.status, answer.note)
            return reg.complete_registration(case_id)

        def failed(failure: TaskFailure) -> None:
            self._fail(failure)
            self.reload()  # the signature may be stored even if completion was refused

        self.ctx.tasks.write(
            job,
            on_done=lambda ref: (
                self._say(
                    translate("CaseWorkspace", "已确认签字/捺印，登记完成（{0}）。").format(
                        self._state_text(ref.state)
                    ),
                    ok=True,
                ),
                self.reload(),
                self.saved.emit(ref),
            ),
            on_error=failed,
        )

    def complete_registration(self) -> None:
        if self.case_id is None:
            return
        case_id = self.case_id
        self.ctx.tasks.write(
            lambda _c: self.ctx.services.registration.complete_registration(case_id),
            on_done=lambda ref: (
                self._say(translate("CaseWorkspace", "登记完成。"), ok=True),
                self.reload(),
                self.saved.emit(ref),
            ),
            on_error=self._fail,
        )

    def _show_issued(self, doc: GeneratedDocument) -> None:
        self.documents.show_document(doc)

    # -- feedback ------------------------------------------------------------------------------
    def _escape(self) -> None:
        if not self.dirty:
            self.back_requested.emit()

    def _fail(self, failure: TaskFailure) -> None:
        self._say(failure.message, ok=False)

    def _say(self, text: str, *, ok: bool = True) -> None:
        show_message(self.message, text, ok=ok)

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""
