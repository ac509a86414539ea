"""Dialogs of the front desk: signature confirmation, service (送达), supplement notice,
non-acceptance reasons. Each validates what it can locally and returns plain values;
the caller runs the service through ``ctx.tasks`` and shows the service's message in
the dialog's own error line when it refuses (the dialog then stays open).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import ServiceMethod, SignatureStatus
from desktop_app.rules.ruleset import RuleSet
from desktop_app.ui.registration.editors import code_of, fill_combo
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.field_box import FieldBox

translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


def _article_item(rules: RuleSet, article: int | None, item: int | None) -> str:
    """ "第九条第（三）项" without the statute's title (the dialog is about that statute)."""
    return rules.citation(article, item).rsplit("》", 1)[-1]


class _Dialog(QDialog):
    """Common frame: a form, an error line, OK/Cancel. OK runs :meth:`check` first."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.submitted = False

    def check(self) -> str:
        """Return a Chinese problem to show, or "" when the input is complete."""
        return ""

    def try_accept(self) -> None:
        problem = self.check()
        if problem:
            self.show_error(problem)
            return
        self.error.hide()
        self.submitted = True
        self.accept()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


@dataclass(frozen=True)
class SignatureAnswer:
    status: str
    note: str


class SignatureDialog(_Dialog):
    """确认签字/捺印 on the printed 口头投诉记录 (Art 6)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("FrontDeskDialogs", "确认签字/捺印"), parent)
        self.setObjectName("signatureDialog")
        hint = QLabel(
            translate(
                "FrontDeskDialogs",
                "请将打印的口头投诉记录向投诉人宣读或交其阅看，确认无误后由投诉人签字或捺印。",
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for status in (
            SignatureStatus.SIGNED,
            SignatureStatus.THUMBPRINTED,
            SignatureStatus.SIGNED_AND_THUMBPRINTED,
            SignatureStatus.REFUSED,
            SignatureStatus.NOT_POSSIBLE,
        ):
            radio = QRadioButton(status.label)
            radio.setObjectName(f"sig_{status.value}")
            self.group.addButton(radio)
            self.radios[status.value] = radio
            self.form.addRow(radio)
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            translate("FrontDeskDialogs", "拒签或无法签字时必填：情况及两名见证工作人员")
        )
        self.form.addRow(translate("FrontDeskDialogs", "说明"), self.note)

    def answer(self) -> SignatureAnswer:
        status = next((code for code, r in self.radios.items() if r.isChecked()), "")
        return SignatureAnswer(status, self.note.text().strip())

    def check(self) -> str:
        a = self.answer()
        if not a.status:
            return translate("FrontDeskDialogs", "请选择已签字、已捺印，或拒签/无法签字。")
        if a.status in (SignatureStatus.REFUSED, SignatureStatus.NOT_POSSIBLE) and not a.note:
            return translate(
                "FrontDeskDialogs", "投诉人拒签或无法签字时，须注明情况（由两名工作人员见证）。"
            )
        return ""


@dataclass(frozen=True)
class ServiceAnswer:
    method: str
    served_on: dt.date
    recipient_role: str
    recipient_name: str
    tracking_no: str
    address: str
    proof_note: str
    undeliverable_reason: str


RECIPIENT_ROLES = [("COMPLAINANT", "投诉人本人"), ("AGENT", "代理人（委托权限含接收文书）")]


class ServiceDialog(_Dialog):
    """登记送达: method, date, recipient, proof (the acceptance clock is met only by this)."""

    def __init__(
        self,
        document_title: str,
        today: dt.date,
        *,
        complainants: list[str],
        agents: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("FrontDeskDialogs", "登记送达：{0}").format(document_title), parent
        )
        self.setObjectName("serviceDialog")
        self._today = today
        self._people = {"COMPLAINANT": complainants, "AGENT": agents}
        self.method = QComboBox()
        fill_combo(self.method, ServiceMethod.choices())
        self.served_on = OptionalDateEdit()
        self.served_on.set_date(today)
        self.recipient_role = QComboBox()
        fill_combo(self.recipient_role, RECIPIENT_ROLES)
        self.recipient_name = QComboBox()
        self.recipient_name.setEditable(True)
        self.tracking_no = QLineEdit()
        self.tracking_no.setPlaceholderText(translate("FrontDeskDialogs", "挂号信/EMS 单号"))
        self.address = QLineEdit()
        self.proof_note = QLineEdit()
        self.proof_note.setPlaceholderText(
            translate("FrontDeskDialogs", "如：受送达人签收送达回证；邮件回执；发送记录截图")
        )
        self.undeliverable_reason = QLineEdit()
        self.undeliverable_reason.setPlaceholderText(
            translate("FrontDeskDialogs", "如：匿名投诉，无联系地址")
        )
        self.boxes = {
            name: FieldBox(w)
            for name, w in (
                ("tracking_no", self.tracking_no),
                ("undeliverable_reason", self.undeliverable_reason),
                ("recipient_name", self.recipient_name),
                ("served_on", self.served_on),
            )
        }
        self.form.addRow(translate("FrontDeskDialogs", "送达方式(&M)"), self.method)
        self.form.addRow(translate("FrontDeskDialogs", "送达日期(&D)"), self.boxes["served_on"])
        self.form.addRow(translate("FrontDeskDialogs", "受送达人身份"), self.recipient_role)
        self.form.addRow(
            translate("FrontDeskDialogs", "受送达人(&R)"), self.boxes["recipient_name"]
        )
        self.form.addRow(translate("FrontDeskDialogs", "邮件单号(&T)"), self.boxes["tracking_no"])
        self.form.addRow(translate("FrontDeskDialogs", "送达地址"), self.address)
        self.form.addRow(translate("FrontDeskDialogs", "送达凭证"), self.proof_note)
        self.form.addRow(
            translate("FrontDeskDialogs", "无法送达原因"), self.boxes["undeliverable_reason"]
        )
        self.method.currentIndexChanged.connect(self._update)
        self.recipient_role.currentIndexChanged.connect(self._fill_people)
        self._fill_people()
        self._update()

    def _fill_people(self) -> None:
        self.recipient_name.clear()
        self.recipient_name.addItems(self._people.get(code_of(self.recipient_role), []))

    def _update(self) -> None:
        method = code_of(self.method)
        self.tracking_no.setEnabled(method == ServiceMethod.POST)
        self.undeliverable_reason.setEnabled(method == ServiceMethod.UNDELIVERABLE)
        self.recipient_name.setEnabled(method != ServiceMethod.UNDELIVERABLE)

    def answer(self) -> ServiceAnswer:
        return ServiceAnswer(
            method=code_of(self.method),
            served_on=self.served_on.date() or self._today,
            recipient_role=code_of(self.recipient_role),
            recipient_name=self.recipient_name.currentText().strip()
            if self.recipient_name.isEnabled()
            else "",
            tracking_no=self.tracking_no.text().strip(),
            address=self.address.text().strip(),
            proof_note=self.proof_note.text().strip(),
            undeliverable_reason=self.undeliverable_reason.text().strip(),
        )

    def check(self) -> str:
        for fb in self.boxes.values():
            fb.clear_error()
        a = self.answer()
        if self.served_on.problem():
            self.boxes["served_on"].set_error(self.served_on.problem())
            return self.served_on.problem()
        if a.method == ServiceMethod.POST and not a.tracking_no:
            self.boxes["tracking_no"].set_error(
                translate("FrontDeskDialogs", "邮寄送达请填写邮件单号。")
            )
            return translate("FrontDeskDialogs", "邮寄送达请填写邮件单号（挂号/EMS）。")
        if a.method == ServiceMethod.UNDELIVERABLE and not a.undeliverable_reason:
            self.boxes["undeliverable_reason"].set_error(
                translate("FrontDeskDialogs", "请注明无法送达的原因。")
            )
            return translate("FrontDeskDialogs", "无法送达时请注明原因（如匿名投诉、无联系地址）。")
        if a.method != ServiceMethod.UNDELIVERABLE and not a.recipient_name:
            self.boxes["recipient_name"].set_error(
                translate("FrontDeskDialogs", "请填写受送达人。")
            )
            return translate("FrontDeskDialogs", "请填写受送达人。")
        return ""

    def show_field_error(self, field: str | None, message: str) -> None:
        if field in self.boxes:
            self.boxes[field].set_error(message)
        self.show_error(message)


class SupplementDialog(_Dialog):
    """一次性告知补正: every missing item at once, with a due date."""

    def __init__(
        self,
        items: list[str],
        default_due: dt.date,
        today: dt.date,
        *,
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("FrontDeskDialogs", "一次性告知补正"), parent)
        self.setObjectName("supplementDialog")
        self._today = today
        hint = QLabel(
            translate(
                "FrontDeskDialogs",
                "请一次性列出需要补正的全部事项（每行一项）。补正告知只能发出一次。",
            )
            + ("\n" + note if note else "")
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.items = QPlainTextEdit()
        self.items.setPlainText("\n".join(items))
        self.items.setTabChangesFocus(True)
        self.items.setMinimumHeight(120)
        self.due = OptionalDateEdit()
        self.due.set_date(default_due)
        self.form.addRow(translate("FrontDeskDialogs", "补正事项(&I)"), self.items)
        self.form.addRow(translate("FrontDeskDialogs", "补正期限(&D)"), self.due)

    def item_list(self) -> list[str]:
        return [x.strip() for x in self.items.toPlainText().splitlines() if x.strip()]

    def check(self) -> str:
        if not self.item_list():
            return translate("FrontDeskDialogs", "请列出需要补正的全部事项（一次性告知）。")
        if self.due.problem():
            return self.due.problem()
        due = self.due.date()
        if due is None or due <= self._today:
            return translate("FrontDeskDialogs", "补正期限应晚于今天。")
        return ""


class NotAcceptDialog(_Dialog):
    """不予受理: reason codes of the rule set (each with its article and item)."""

    def __init__(
        self,
        rules: RuleSet,
        proposed: list[str],
        *,
        competent_organ: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("FrontDeskDialogs", "不予受理"), parent)
        self.setObjectName("notAcceptDialog")
        self.reasons: dict[str, QCheckBox] = {}
        for code, reason in rules.non_acceptance_reasons.items():
            box = QCheckBox(
                f"{code} {reason.label}（{_article_item(rules, reason.article, reason.item)}）"
            )
            box.setObjectName(f"reason_{code}")
            box.setChecked(code in proposed)
            self.reasons[code] = box
            self.form.addRow(box)
        self.competent_organ = QLineEdit(competent_organ)
        self.competent_organ.setPlaceholderText(
            translate("FrontDeskDialogs", "不属于本机关管辖时必填，将写入通知书")
        )
        self.note = QLineEdit()
        self.form.addRow(translate("FrontDeskDialogs", "有管辖权的机关"), self.competent_organ)
        self.form.addRow(translate("FrontDeskDialogs", "备注"), self.note)

    def codes(self) -> list[str]:
        return [c for c, b in self.reasons.items() if b.isChecked()]

    def check(self) -> str:
        if not self.codes():
            return translate(
                "FrontDeskDialogs", "不予受理须选择理由（将在通知书中引用具体条款项）。"
            )
        if "R8-4" in self.codes() and not self.competent_organ.text().strip():
            return translate(
                "FrontDeskDialogs", "以不属于本机关管辖不予受理时，请填写有管辖权的机关。"
            )
        return ""
