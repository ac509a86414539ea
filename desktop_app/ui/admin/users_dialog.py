"""用户与角色: create users, give roles (several), unit (for recusal), deactivate — never delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import Role
from desktop_app.ui.tasks import TaskFailure


class UsersDialog(QDialog):
    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[Any] = []
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("用户与角色"))
        self.resize(900, 560)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("单位"),
                                              self.tr("状态")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)

        self.username = QLineEdit()
        self.username.setObjectName("userUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("userFullName")
        self.unit = QLineEdit()
        self.unit.setObjectName("userUnit")
        self.unit.setPlaceholderText(self.tr("所在单位（被投诉单位的工作人员须回避）"))
        self.password = QLineEdit()
        self.password.setObjectName("userPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("初始密码（首次登录须修改）"))
        self.role_boxes: dict[str, QCheckBox] = {}
        roles = QGridLayout()
        for i, r in enumerate(Role):
            box = QCheckBox(r.label)
            box.setObjectName(f"role_{r.value}")
            self.role_boxes[r.value] = box
            roles.addWidget(box, i // 4, i % 4)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.full_name)
        form.addRow(self.tr("单位"), self.unit)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow(self.tr("角色（可多选）"), roles)
        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        self.new_button = QPushButton(self.tr("新建用户"))
        self.new_button.setObjectName("userCreate")
        self.save_button = QPushButton(self.tr("保存角色和单位"))
        self.save_button.setObjectName("userSave")
        self.active_button = QPushButton(self.tr("停用"))
        self.active_button.setObjectName("userActive")
        close = QPushButton(self.tr("关闭"))
        self.new_button.clicked.connect(self.create_user)
        self.save_button.clicked.connect(self.save_user)
        self.active_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.reload()

    # -- data

    def reload(self) -> Any:
        admin = self.ctx.services.admin
        return self.ctx.tasks.read(lambda _: admin.list_users(), on_done=self._show, on_error=self._fail)

    def _show(self, users: list[Any]) -> None:
        self.users = [u for u in users if ":" not in u.username]  # placeholders of imported packages
        self.table.setRowCount(len(self.users))
        for row, u in enumerate(self.users):
            values = [u.username, u.full_name, "、".join(Role(r).label for r in u.roles), u.unit_name,
                      self.tr("在用") if u.active else self.tr("已停用")]
            for col, v in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()

    def selected_user(self) -> Any | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.users[rows.pop()] if len(rows) == 1 else None

    def _selected(self) -> None:
        u = self.selected_user()
        if u is None:
            return
        self.username.setText(u.username)
        self.full_name.setText(u.full_name)
        self.unit.setText(u.unit_name)
        self.password.clear()
        for code, box in self.role_boxes.items():
            box.setChecked(code in u.roles)
        self.active_button.setText(self.tr("停用") if u.active else self.tr("启用"))

    def checked_roles(self) -> list[str]:
        return [code for code, box in self.role_boxes.items() if box.isChecked()]

    def _fail(self, failure: TaskFailure) -> None:
        self.message.setText(failure.message)

    def _done(self, text: str) -> Any:
        def show(_: Any) -> None:
            self.message.setText(text)
            self.reload()
        return show

    # -- actions

    def create_user(self) -> Any:
        admin = self.ctx.services.admin
        username, name, pw, roles, unit = (self.username.text(), self.full_name.text(), self.password.text(),
                                           self.checked_roles(), self.unit.text())
        return self.ctx.tasks.write(lambda _: admin.create_user(username, name, pw, roles, unit_name=unit),
                                    on_done=self._done(self.tr("已创建用户 {0}，首次登录须修改密码。").format(username)),
                                    on_error=self._fail)

    def save_user(self) -> Any:
        u = self.selected_user()
        if u is None:
            self.message.setText(self.tr("请先在表格中选择一位用户。"))
            return None
        admin, users = self.ctx.services.admin, self.ctx.services.users
        roles, name, unit = self.checked_roles(), self.full_name.text(), self.unit.text()

        def save(_: Any) -> None:
            users.update_user(u.id, full_name=name, unit_name=unit, certificate_no=u.certificate_no)
            admin.set_roles(u.id, roles)
        return self.ctx.tasks.write(save, on_done=self._done(self.tr("已保存 {0} 的角色和单位。").format(u.full_name)),
                                    on_error=self._fail)

    def toggle_active(self) -> Any:
        u = self.selected_user()
        if u is None:
            self.message.setText(self.tr("请先在表格中选择一位用户。"))
            return None
        users = self.ctx.services.users
        text = self.tr("已停用 {0}（记录保留，不能再登录）。") if u.active else self.tr("已启用 {0}。")
        return self.ctx.tasks.write(lambda _: users.set_active(u.id, not u.active),
                                    on_done=self._done(text.format(u.full_name)), on_error=self._fail)
