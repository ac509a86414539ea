"""登录: first start creates the administrator; later username + password; forced password change.

The dialog calls the services through ``ctx.tasks`` (argon2 takes a noticeable moment, the
GUI thread never waits on it) and shows every refusal in place, in Chinese.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the services load in the background while this dialog is on screen
    from desktop_app.services.context import Actor
from desktop_app.ui.tasks import TaskFailure

PAGE_FIRST_ADMIN, PAGE_LOGIN, PAGE_CHANGE = 0, 1, 2


def _password_field(name: str) -> QLineEdit:
    w = QLineEdit()
    w.setObjectName(name)
    w.setEchoMode(QLineEdit.EchoMode.Password)
    return w


class LoginDialog(QDialog):
    """Result: ``actor`` (set when accepted)."""

    signed_in = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None, *, first_start: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self._old_password = ""
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("投诉处理台 · 登录"))
        self.setMinimumWidth(420)

        title = QLabel(self.tr("<h2>投诉处理台</h2><p>法律援助投诉处理</p>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._first_admin_page())
        self.pages.addWidget(self._login_page())
        self.pages.addWidget(self._change_page())
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("loginOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.pages)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.show_page(PAGE_FIRST_ADMIN if first_start else PAGE_LOGIN)

    # -- pages

    def _first_admin_page(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        intro = QLabel(self.tr("首次启动：请创建系统管理员账户。首次登录后须修改密码；"
                               "其他工作人员的账户由系统管理员在“用户与角色”中创建。"))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.admin_username = QLineEdit("admin")
        self.admin_username.setObjectName("adminUsername")
        self.admin_full_name = QLineEdit()
        self.admin_full_name.setObjectName("adminFullName")
        self.admin_password = _password_field("adminPassword")
        self.admin_password2 = _password_field("adminPassword2")
        form.addRow(self.tr("用户名"), self.admin_username)
        form.addRow(self.tr("姓名"), self.admin_full_name)
        form.addRow(self.tr("初始密码"), self.admin_password)
        form.addRow(self.tr("再次输入"), self.admin_password2)
        return w

    def _login_page(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = _password_field("password")
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        return w

    def _change_page(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        intro = QLabel(self.tr("首次登录或密码已被重置：请设置新密码（至少8位，须同时包含字母和数字）。"))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.new_password = _password_field("newPassword")
        self.new_password2 = _password_field("newPassword2")
        form.addRow(self.tr("新密码"), self.new_password)
        form.addRow(self.tr("再次输入"), self.new_password2)
        return w

    def show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        focus = {PAGE_FIRST_ADMIN: self.admin_full_name, PAGE_LOGIN: self.username,
                 PAGE_CHANGE: self.new_password}[page]
        focus.setFocus()

    def current_page(self) -> int:
        return self.pages.currentIndex()

    # -- start-up: the dialog shows at once; the database opens behind it

    def opening(self) -> None:
        """The database is still being opened: the user may type, but not submit yet."""
        self._busy(True)
        self.message.setStyleSheet("color: #555;")
        self.show_message(self.tr("正在打开数据库……"))

    def ready(self, *, first_start: bool) -> None:
        """The services are ready: show the right page (first start: create the administrator)."""
        self.message.setStyleSheet("color: #b00020;")
        self.show_message("")
        self._busy(False)
        if first_start:
            self.show_page(PAGE_FIRST_ADMIN)

    # -- actions

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def _fail(self, failure: TaskFailure) -> None:
        self._busy(False)
        self.show_message(failure.message)

    def submit(self) -> None:
        self.show_message("")
        page = self.current_page()
        users = self.ctx.services.users
        if page == PAGE_FIRST_ADMIN:
            if self.admin_password.text() != self.admin_password2.text():
                self.show_message(self.tr("两次输入的密码不一致。"))
                return
            username, name, pw = self.admin_username.text(), self.admin_full_name.text(), self.admin_password.text()
            if not name.strip():
                self.show_message(self.tr("请填写系统管理员的姓名。"))
                return

            def create(_: Any) -> Any:
                users.create_first_admin(username, name, pw)
                return users.login(username, pw)
            self._busy(True)
            self.ctx.tasks.write(create, on_done=self._logged_in, on_error=self._fail)
        elif page == PAGE_LOGIN:
            username, pw = self.username.text(), self.password.text()
            if not username.strip() or not pw:
                self.show_message(self.tr("请输入用户名和密码。"))
                return
            self._old_password = pw
            self._busy(True)
            self.ctx.tasks.write(lambda _: users.login(username, pw), on_done=self._logged_in, on_error=self._fail)
        else:
            new, new2 = self.new_password.text(), self.new_password2.text()
            if new != new2:
                self.show_message(self.tr("两次输入的新密码不一致。"))
                return
            assert self._pending is not None
            actor, old = self._pending, self._old_password
            admin = self.ctx.services.admin
            self._busy(True)
            self.ctx.tasks.write(lambda _: admin.change_password(actor.user_id, old, new),
                                 on_done=lambda _: self._finish(actor), on_error=self._fail)

    _pending: Actor | None = None

    def _logged_in(self, result: Any) -> None:
        self._busy(False)
        if self.current_page() == PAGE_FIRST_ADMIN:
            self._old_password = self.admin_password.text()
        if result.must_change_password:
            self._pending = result.actor
            self.password.clear()
            self.show_page(PAGE_CHANGE)
            return
        self._finish(result.actor)

    def _finish(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.signed_in.emit(actor)
        self.accept()
