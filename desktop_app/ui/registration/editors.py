"""Building blocks of the registration form: one editor per party / list item, and the
repeating group that holds several of them ("添加投诉人" …).

Every editor exposes ``boxes`` (field name → :class:`FieldBox`) so that a service's
``ValidationError.errors[].field`` such as ``"complainants[0].id_number"`` can be shown
in place, and ``value()`` / ``set_value()`` over the plain input dataclasses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import ComplainantRole, IdType, PoaScope
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import validate_id_number
from desktop_app.services.dto import (
    AgentInput,
    ComplainantInput,
    MaterialInput,
    OtherProcedureInput,
    RespondentInput,
)
from desktop_app.services.validation import OTHER_PROCEDURE_KINDS
from desktop_app.ui.widgets.date_edit import OptionalDateEdit
from desktop_app.ui.widgets.field_box import EnterMovesFocus, FieldBox

V = TypeVar("V")


translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


def fill_combo(
    combo: QComboBox, choices: list[tuple[str, str]], *, empty: str | None = None
) -> None:
    """(Re)fill a code combo keeping the selected code; ``empty`` adds a "please choose" row."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, "")
    for code, label in choices:
        combo.addItem(label, code)
    index = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def compact(combo: QComboBox, chars: int = 14) -> QComboBox:
    """Long statutory labels must not widen the form: size the combo by ``chars``."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def set_combo_code(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))


def code_of(combo: QComboBox) -> str:
    data = combo.currentData()
    return str(data) if data is not None else ""


def watch_edits(
    root: QWidget, slot: Callable[[], None], enter_filter: EnterMovesFocus | None = None
) -> None:
    """Call ``slot`` (without arguments) whenever any input under ``root`` changes."""

    def fire(*_args: object) -> None:
        slot()

    for w in root.findChildren(QLineEdit):
        w.textChanged.connect(fire)
        if enter_filter is not None:
            w.installEventFilter(enter_filter)
    for w in root.findChildren(QPlainTextEdit):
        w.textChanged.connect(fire)
        w.setTabChangesFocus(True)  # Tab leaves the text box: keyboard-only registration
    for w in root.findChildren(QComboBox):
        w.currentIndexChanged.connect(fire)
    for w in root.findChildren(QCheckBox):
        w.toggled.connect(fire)
    for w in root.findChildren(QSpinBox):
        w.valueChanged.connect(fire)


class ItemEditor(QFrame, Generic[V]):
    """Base of one list item's editor."""

    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.boxes: dict[str, FieldBox] = {}
        self.title_label = QLabel(self)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.remove_button = QPushButton(translate("RegistrationForm", "删除"), self)
        self.remove_button.setObjectName("removeItem")
        self.remove_button.clicked.connect(self.remove_requested.emit)

    def box(self, name: str, editor: QWidget) -> FieldBox:
        fb = FieldBox(editor, self)
        editor.setObjectName(name)
        self.boxes[name] = fb
        return fb

    def set_number(self, number: int, noun: str) -> None:
        self.title_label.setText(
            translate("RegistrationForm", "第{0}名{1}").format(number, noun)
            if noun
            else f"{number}."
        )

    def value(self) -> V:
        raise NotImplementedError

    def set_value(self, value: V) -> None:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for fb in self.boxes.values():
            fb.clear_error()

    def tab_widgets(self) -> list[QWidget]:
        """Inputs in reading order (the form chains them for Tab)."""
        return [fb.editor for fb in self.boxes.values()]

    def is_blank(self) -> bool:
        """Nothing typed: the row is left out of the saved form (a ready empty row is no error)."""
        return not any(w.text().strip() for w in self.findChildren(QLineEdit)) and not any(
            w.toPlainText().strip() for w in self.findChildren(QPlainTextEdit)
        )


def _header(editor: ItemEditor[Any]) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(editor.title_label)
    row.addStretch(1)
    row.addWidget(editor.remove_button)
    return row


class ComplainantEditor(ItemEditor[ComplainantInput]):
    """投诉人: role, identity (GB 11643 check on leaving the field), contact."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._extra = ComplainantInput()
        self.name = QLineEdit()
        self.role = compact(QComboBox(), 8)
        fill_combo(self.role, ComplainantRole.choices())
        self.id_type = compact(QComboBox(), 8)
        fill_combo(self.id_type, IdType.choices())
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(translate("RegistrationForm", "18位，末位可为X"))
        self.id_hint = QLabel()
        self.id_hint.setStyleSheet("color: #555;")
        self.id_hint.hide()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.relationship = QLineEdit()
        self.relationship.setPlaceholderText(
            translate("RegistrationForm", "利害关系人须填写与法律援助事项的关系")
        )
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("RegistrationForm", "姓名")), 0, 0)
        grid.addWidget(self.box("name", self.name), 0, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "身份")), 0, 2)
        grid.addWidget(self.box("role", self.role), 0, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "证件类型")), 1, 0)
        grid.addWidget(self.box("id_type", self.id_type), 1, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "证件号码")), 1, 2)
        grid.addWidget(self.box("id_number", self.id_number), 1, 3)
        grid.addWidget(self.id_hint, 2, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "联系电话")), 3, 0)
        grid.addWidget(self.box("phone", self.phone), 3, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "与援助事项关系")), 3, 2)
        grid.addWidget(self.box("relationship_text", self.relationship), 3, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "住址")), 4, 0)
        grid.addWidget(self.box("address", self.address), 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(_header(self))
        layout.addLayout(grid)
        self.id_number.editingFinished.connect(self.check_id_number)

    def check_id_number(self) -> bool:
        """Validate the 身份证号 in place (check digit, birth date); show birth date and sex."""
        text = self.id_number.text().strip().upper()
        self.id_hint.clear()
        self.id_hint.hide()
        if not text or code_of(self.id_type) != IdType.RESIDENT_ID:
            self.boxes["id_number"].clear_error()
            return True
        try:
            info = validate_id_number(text, self._today())
        except ValidationError as exc:
            self.boxes["id_number"].set_error(exc.message)
            return False
        self.boxes["id_number"].clear_error()
        self.id_hint.setText(
            translate("RegistrationForm", "出生日期 {0}，{1}").format(
                info.birth_date.isoformat(), info.sex.label
            )
        )
        self.id_hint.show()
        return True

    def value(self) -> ComplainantInput:
        x = self._extra
        return ComplainantInput(
            name=self.name.text().strip(),
            role=code_of(self.role),
            sex=x.sex,
            id_type=code_of(self.id_type),
            id_number=self.id_number.text().strip().upper(),
            birth_date=x.birth_date,
            ethnicity=x.ethnicity,
            phone=self.phone.text().strip(),
            address=self.address.text().strip(),
            postcode=x.postcode,
            email=x.email,
            work_unit=x.work_unit,
            relationship_text=self.relationship.text().strip(),
            special_groups=list(x.special_groups),
        )

    def set_value(self, value: ComplainantInput) -> None:
        self._extra = value
        self.name.setText(value.name)
        set_combo_code(self.role, value.role)
        set_combo_code(self.id_type, value.id_type)
        self.id_number.setText(value.id_number)
        self.phone.setText(value.phone)
        self.address.setText(value.address)
        self.relationship.setText(value.relationship_text)


class AgentEditor(ItemEditor[AgentInput]):
    """代理人 (Art 7): POA submitted and its scope (委托权限)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._extra = AgentInput()
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.phone = QLineEdit()
        self.relationship = QLineEdit()
        self.is_guardian = QCheckBox(
            translate("RegistrationForm", "监护人（法定代理，无需授权委托书）")
        )
        self.poa_submitted = QCheckBox(translate("RegistrationForm", "已提交授权委托书"))
        self.poa_received_on = OptionalDateEdit()
        self.scope: dict[str, QCheckBox] = {}
        scope_row = QHBoxLayout()
        for code, label in PoaScope.choices():
            box = QCheckBox(label)
            box.setObjectName(f"scope_{code}")
            self.scope[code] = box
            scope_row.addWidget(box)
        scope_row.addStretch(1)
        scope_widget = QWidget()
        scope_widget.setLayout(scope_row)
        scope_row.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("RegistrationForm", "姓名")), 0, 0)
        grid.addWidget(self.box("name", self.name), 0, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "与投诉人关系")), 0, 2)
        grid.addWidget(self.box("relationship_text", self.relationship), 0, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "身份证号")), 1, 0)
        grid.addWidget(self.box("id_number", self.id_number), 1, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "联系电话")), 1, 2)
        grid.addWidget(self.box("phone", self.phone), 1, 3)
        grid.addWidget(self.poa_submitted, 2, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "收到日期")), 2, 2)
        grid.addWidget(self.box("poa_received_on", self.poa_received_on), 2, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "委托权限")), 3, 0)
        grid.addWidget(self.box("poa_scope", scope_widget), 3, 1, 1, 3)
        grid.addWidget(self.is_guardian, 4, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(_header(self))
        layout.addLayout(grid)

    def tab_widgets(self) -> list[QWidget]:
        return [
            self.name,
            self.relationship,
            self.id_number,
            self.phone,
            self.poa_submitted,
            self.poa_received_on,
            *self.scope.values(),
            self.is_guardian,
        ]

    def value(self) -> AgentInput:
        x = self._extra
        return AgentInput(
            name=self.name.text().strip(),
            id_number=self.id_number.text().strip().upper(),
            phone=self.phone.text().strip(),
            address=x.address,
            relationship_text=self.relationship.text().strip(),
            is_guardian=self.is_guardian.isChecked(),
            poa_submitted=self.poa_submitted.isChecked(),
            poa_received_on=self.poa_received_on.date(),
            poa_scope=[code for code, box in self.scope.items() if box.isChecked()],
            poa_scope_other=x.poa_scope_other,
            poa_term=x.poa_term,
            represents=x.represents,
        )

    def set_value(self, value: AgentInput) -> None:
        self._extra = value
        self.name.setText(value.name)
        self.id_number.setText(value.id_number)
        self.phone.setText(value.phone)
        self.relationship.setText(value.relationship_text)
        self.is_guardian.setChecked(value.is_guardian)
        self.poa_submitted.setChecked(value.poa_submitted)
        self.poa_received_on.set_date(value.poa_received_on)
        for code, box in self.scope.items():
            box.setChecked(code in value.poa_scope)


class RespondentEditor(ItemEditor[RespondentInput]):
    """被投诉人: type from the case's rule set."""

    def __init__(self, types: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_code = compact(QComboBox())
        self._wanted_type = ""
        self.set_types(types)
        self.name = QLineEdit()
        self.name.setPlaceholderText(translate("RegistrationForm", "不清楚时填“不详”"))
        self.unit_name = QLineEdit()
        self.licence_no = QLineEdit()
        self.contact = QLineEdit()
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("RegistrationForm", "类型")), 0, 0)
        grid.addWidget(self.box("type_code", self.type_code), 0, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "名称/姓名")), 0, 2)
        grid.addWidget(self.box("name", self.name), 0, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "所在单位")), 1, 0)
        grid.addWidget(self.box("unit_name", self.unit_name), 1, 1)
        grid.addWidget(QLabel(translate("RegistrationForm", "执业/工作证号")), 1, 2)
        grid.addWidget(self.box("licence_no", self.licence_no), 1, 3)
        grid.addWidget(QLabel(translate("RegistrationForm", "联系方式")), 2, 0)
        grid.addWidget(self.box("contact", self.contact), 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(_header(self))
        layout.addLayout(grid)

    def set_types(self, types: list[tuple[str, str]]) -> None:
        fill_combo(self.type_code, types, empty=translate("RegistrationForm", "（请选择类型）"))
        if self._wanted_type and not code_of(self.type_code):
            set_combo_code(
                self.type_code, self._wanted_type
            )  # the rule set arrived after the value

    def value(self) -> RespondentInput:
        return RespondentInput(
            type_code=code_of(self.type_code)
            or (self._wanted_type if self.type_code.count() <= 1 else ""),
            name=self.name.text().strip(),
            unit_name=self.unit_name.text().strip(),
            licence_no=self.licence_no.text().strip(),
            contact=self.contact.text().strip(),
        )

    def set_value(self, value: RespondentInput) -> None:
        self._wanted_type = value.type_code
        set_combo_code(self.type_code, value.type_code)
        self.name.setText(value.name)
        self.unit_name.setText(value.unit_name)
        self.licence_no.setText(value.licence_no)
        self.contact.setText(value.contact)


class MaterialEditor(ItemEditor[MaterialInput]):
    """One received material: name, pages, original or copy (one line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.name = QLineEdit()
        self.name.setPlaceholderText(
            translate("RegistrationForm", "材料名称，如 投诉信、收条复印件")
        )
        self.pages = QSpinBox()
        self.pages.setRange(0, 9999)
        self.pages.setValue(1)
        self.pages.setSuffix(translate("RegistrationForm", " 页"))
        self.is_original = QCheckBox(translate("RegistrationForm", "原件"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title_label)
        row.addWidget(self.box("name", self.name), 3)
        row.addWidget(self.box("pages", self.pages))
        row.addWidget(self.is_original)
        row.addWidget(self.remove_button)

    def tab_widgets(self) -> list[QWidget]:
        return [self.name, self.pages, self.is_original]

    def value(self) -> MaterialInput:
        return MaterialInput(
            name=self.name.text().strip(),
            pages=self.pages.value(),
            is_original=self.is_original.isChecked(),
        )

    def set_value(self, value: MaterialInput) -> None:
        self.name.setText(value.name)
        self.pages.setValue(value.pages)
        self.is_original.setChecked(value.is_original)


class OtherProcedureEditor(ItemEditor[OtherProcedureInput]):
    """Another procedure on the same matter (Art 9(1)(2)): kind, organ, date, reference no."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._extra = OtherProcedureInput()
        self.kind = compact(QComboBox(), 8)
        fill_combo(
            self.kind,
            list(OTHER_PROCEDURE_KINDS.items()),
            empty=translate("RegistrationForm", "（程序类型）"),
        )
        self.organ = QLineEdit()
        self.organ.setPlaceholderText(translate("RegistrationForm", "受理机关"))
        self.started_on = OptionalDateEdit()
        self.reference_no = QLineEdit()
        self.reference_no.setPlaceholderText(translate("RegistrationForm", "文号/案号"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title_label)
        row.addWidget(self.box("kind", self.kind))
        row.addWidget(self.box("organ", self.organ), 2)
        row.addWidget(self.box("started_on", self.started_on))
        row.addWidget(self.box("reference_no", self.reference_no), 1)
        row.addWidget(self.remove_button)

    def value(self) -> OtherProcedureInput:
        return OtherProcedureInput(
            kind=code_of(self.kind),
            organ=self.organ.text().strip(),
            started_on=self.started_on.date(),
            reference_no=self.reference_no.text().strip(),
            status=self._extra.status,
        )

    def set_value(self, value: OtherProcedureInput) -> None:
        self._extra = value
        set_combo_code(self.kind, value.kind)
        self.organ.setText(value.organ)
        self.started_on.set_date(value.started_on)
        self.reference_no.setText(value.reference_no)


class RepeatingGroup(QWidget, Generic[V]):
    """A list of item editors with an "添加…" button; emits ``changed`` on any edit and
    ``structure_changed`` when a row is added or removed (the form re-chains Tab)."""

    changed = Signal()
    structure_changed = Signal()

    def __init__(
        self,
        noun: str,
        factory: Callable[[], ItemEditor[V]],
        *,
        add_text: str,
        numbered_title: bool = True,
        enter_filter: EnterMovesFocus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.noun = noun if numbered_title else ""
        self._factory = factory
        self._enter_filter = enter_filter
        self.editors: list[ItemEditor[V]] = []
        self.value_editors: list[ItemEditor[V]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(lambda: self.add().tab_widgets()[0].setFocus())
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add(self, value: V | None = None) -> ItemEditor[V]:
        editor = self._factory()
        if value is not None:
            editor.set_value(value)
        self.editors.append(editor)
        self._layout.insertWidget(self._layout.count() - 1, editor)
        editor.remove_requested.connect(lambda e=editor: self.remove(e))
        watch_edits(editor, self.changed.emit, self._enter_filter)
        self._renumber()
        self.structure_changed.emit()
        self.changed.emit()
        return editor

    def remove(self, editor: ItemEditor[V]) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
            editor.setParent(None)
            editor.deleteLater()
            self._renumber()
            self.structure_changed.emit()
            self.changed.emit()

    def _renumber(self) -> None:
        for i, e in enumerate(self.editors, 1):
            e.set_number(i, self.noun)

    def values(self) -> list[V]:
        """Values of the rows that have content; ``value_editors`` maps their indices back."""
        self.value_editors = [e for e in self.editors if not e.is_blank()]
        return [e.value() for e in self.value_editors]

    def editor_for_value(self, index: int) -> ItemEditor[V] | None:
        """The editor behind ``values()[index]`` (service errors name value indices)."""
        editors = self.value_editors
        return editors[index] if 0 <= index < len(editors) else None

    def tab_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for e in self.editors:
            out += e.tab_widgets()
        return [*out, self.add_button]

    def set_values(self, values: list[V]) -> None:
        for e in list(self.editors):
            self.editors.remove(e)
            e.setParent(None)
            e.deleteLater()
        for v in values:
            self.add(v)

    def set_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def clear_errors(self) -> None:
        self.set_error("")
        for e in self.editors:
            e.clear_errors()
