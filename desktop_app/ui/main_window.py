"""The main window: navigation, panes, menus, status bar, shortcuts, privacy mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app.resources import resource_path
from desktop_app.ui.archive_pane import ArchivePane
from desktop_app.ui.context import StatusInfo, UiContext
from desktop_app.ui.dashboard_pane import DashboardPane
from desktop_app.ui.investigation_pane import InvestigationPane
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.registration_pane import RegistrationPane
from desktop_app.ui.statistics_pane import StatisticsPane
from desktop_app.ui.tasks import TaskFailure, TaskHandle


@dataclass(frozen=True)
class PaneSpec:
    key: str
    factory: Callable[[UiContext, QWidget | None], Pane]
    icon: str


# Navigation order = Ctrl+1 … Ctrl+5.
PANES: tuple[PaneSpec, ...] = (
    PaneSpec("dashboard", DashboardPane, "dashboard.svg"),
    PaneSpec("registration", RegistrationPane, "registration.svg"),
    PaneSpec("investigation", InvestigationPane, "investigation.svg"),
    PaneSpec("archive", ArchivePane, "archive.svg"),
    PaneSpec("statistics", StatisticsPane, "statistics.svg"),
)

SETTINGS_GROUP = "main_window"

STYLE_SHEET = """
QListWidget#navigation { border: none; background: #f2f4f7; font-size: 11pt; padding-top: 6px; }
QListWidget#navigation::item { padding: 10px 8px; }
QListWidget#navigation::item:selected { background: #a61b1b; color: white; }
QLabel#paneTitle { font-size: 16pt; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#paneHint { color: #555555; }
QLabel#calendarWarning { background: #ffe7ad; color: #6e4400; padding: 1px 6px; }
QLabel#statusError { color: #861b11; }
QWidget#privacyScreen { background: #ffffff; }
QLabel#privacyTitle { font-size: 24pt; color: #a61b1b; }
QLabel#privacyHint { color: #999999; }
"""


class ElidingLabel(QLabel):
    """A status-bar label that shortens its text with … instead of clipping it.

    The full text stays available as the tooltip (paths and rule-set names are long).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full_text = ""
        self._mode = mode
        self.setMinimumWidth(80)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full_text = text
        self.setToolTip(text)
        self._update_elided()

    def full_text(self) -> str:
        return self._full_text

    def text(self) -> str:  # noqa: D102 - tests and callers read the full text
        return self._full_text

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        width = self.fontMetrics().horizontalAdvance(self._full_text) + 8
        return QSize(width, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(80, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._update_elided()

    def _update_elided(self) -> None:
        width = max(self.width() - 4, 10)
        QLabel.setText(self, self.fontMetrics().elidedText(self._full_text, self._mode, width))


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", name)))


class MainWindow(QMainWindow):
    """Top-level window. ``settings`` defaults to the application's QSettings.

    Panes are created the first time they are shown (or asked for with :meth:`pane`),
    so start-up does not pay for pages nobody opened.
    """

    pane_changed = Signal(str)
    privacy_changed = Signal(bool)
    status_refreshed = Signal(dict)

    def __init__(self, ctx: UiContext, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._settings = settings if settings is not None else QSettings()
        self._panes: dict[str, Pane] = {}
        self._containers: dict[str, QWidget] = {}
        self._current_key = ""
        self._privacy = False
        self._status_task: TaskHandle[StatusInfo] | None = None

        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("投诉处理台"))
        self.setWindowIcon(icon("app.svg"))
        self.setStyleSheet(STYLE_SHEET)

        self._build_central()
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.ctx.tasks.busy_changed.connect(self._on_busy_changed)

        self._restore_settings()
        self.refresh_status()

    # -- construction -------------------------------------------------------------
    def _pane_titles(self) -> dict[str, str]:
        # Titles here (not only in the panes) so navigation needs no pane instance.
        return {
            "dashboard": self.tr("工作台"),
            "registration": self.tr("投诉登记"),
            "investigation": self.tr("调查记录"),
            "archive": self.tr("归档"),
            "statistics": self.tr("统计"),
        }

    def _build_central(self) -> None:
        titles = self._pane_titles()
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(22, 22))
        self.navigation.setFixedWidth(150)
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users have Ctrl+1…5
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        for number, spec in enumerate(PANES, start=1):
            item = QListWidgetItem(icon(spec.icon), titles[spec.key])
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"{titles[spec.key]} (Ctrl+{number})")
            self.navigation.addItem(item)
            container = QWidget(self.pages)
            container.setObjectName(f"{spec.key}_container")
            layout = QVBoxLayout(container)
            layout.setContentsMargins(12, 8, 12, 8)
            self._containers[spec.key] = container
            self.pages.addWidget(container)
        self.navigation.currentRowChanged.connect(self._on_navigation_row)

        self.workspace = QWidget(self)
        row = QHBoxLayout(self.workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)

        self.privacy_screen = self._build_privacy_screen()
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.workspace)
        self.screens.addWidget(self.privacy_screen)
        self.setCentralWidget(self.screens)

    def _build_privacy_screen(self) -> QWidget:
        screen = QWidget(self)
        screen.setObjectName("privacyScreen")
        screen.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(screen)
        layout.addStretch(1)
        title = QLabel(self.tr("投诉处理台"), screen)
        title.setObjectName("privacyTitle")
        hint = QLabel(self.tr("屏幕内容已隐藏。工作人员按 F12 恢复。"), screen)
        hint.setObjectName("privacyHint")
        for label in (title, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        return screen

    def _build_actions(self) -> None:
        titles = self._pane_titles()
        self.pane_actions: dict[str, QAction] = {}
        self._pane_group = QActionGroup(self)
        self._pane_group.setExclusive(True)
        for number, spec in enumerate(PANES, start=1):
            action = QAction(icon(spec.icon), titles[spec.key], self)
            action.setObjectName(f"action_pane_{spec.key}")
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_pane(key))
            self._pane_group.addAction(action)
            self.pane_actions[spec.key] = action

        def make(name: str, text: str, shortcut: QKeySequence | str | None,
                 slot: Callable[[], object]) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False: slot())
            return action

        self.action_new_registration = make(
            "action_new_registration", self.tr("新登记(&N)"), "F2", self.start_new_registration)
        self.action_backup = make("action_backup", self.tr("备份数据库(&B)…"), None,
                                  self._on_backup)
        self.action_restore = make("action_restore", self.tr("从备份恢复(&R)…"), None,
                                   self._on_restore)
        self.action_quit = make("action_quit", self.tr("退出(&X)"), "Ctrl+Q", self.close)
        self.action_search = make("action_search", self.tr("查找(&F)"), "Ctrl+F",
                                  self.focus_search)
        self.action_privacy = make("action_privacy", self.tr("隐私模式(&P)"), "F12",
                                   lambda: self.set_privacy_mode(not self._privacy))
        self.action_privacy.setCheckable(True)
        self.action_refresh_status = make("action_refresh_status", self.tr("刷新状态栏"), None,
                                          self.refresh_status)
        self.action_about = make("action_about", self.tr("关于投诉处理台(&A)"), None,
                                 self.show_about)
        self.action_users = make("action_users", self.tr("用户与角色(&U)…"), None, self._on_users)
        self.action_verify_audit = make("action_verify_audit", self.tr("校验审计日志(&V)"), None,
                                        self._on_verify_audit)
        # Window-level actions keep their shortcuts while the menu bar is hidden (privacy mode).
        self.addActions([*self.pane_actions.values(), self.action_new_registration,
                         self.action_search, self.action_privacy, self.action_quit])

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        file_menu.setObjectName("menu_file")
        file_menu.addAction(self.action_new_registration)
        file_menu.addSeparator()
        file_menu.addAction(self.action_backup)
        file_menu.addAction(self.action_restore)
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)

        view_menu = bar.addMenu(self.tr("视图(&V)"))
        view_menu.setObjectName("menu_view")
        for action in self.pane_actions.values():
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.action_search)
        view_menu.addAction(self.action_privacy)
        view_menu.addAction(self.action_refresh_status)

        admin_menu = bar.addMenu(self.tr("系统管理(&S)"))
        admin_menu.setObjectName("menu_admin")
        admin_menu.addAction(self.action_users)
        admin_menu.addAction(self.action_verify_audit)

        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(self.action_about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.database_label = ElidingLabel(self.tr("正在读取数据库信息…"), self,
                                           mode=Qt.TextElideMode.ElideMiddle)
        self.database_label.setObjectName("databaseLabel")
        self.rule_set_label = ElidingLabel("", self)
        self.rule_set_label.setObjectName("ruleSetLabel")
        self.calendar_warning_label = QLabel("", self)
        self.calendar_warning_label.setObjectName("calendarWarning")
        self.calendar_warning_label.hide()
        self.user_label = QLabel("", self)
        self.user_label.setObjectName("userLabel")
        self.busy_label = QLabel(self.tr("正在处理…"), self)
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.hide()
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.calendar_warning_label)
        bar.addPermanentWidget(self.rule_set_label, 1)
        bar.addPermanentWidget(self.user_label)

    # -- panes ------------------------------------------------------------------
    def pane_keys(self) -> list[str]:
        return [spec.key for spec in PANES]

    def current_pane_key(self) -> str:
        return self._current_key

    def pane(self, key: str) -> Pane:
        """The pane for ``key``, created on first use."""
        existing = self._panes.get(key)
        if existing is not None:
            return existing
        spec = next((s for s in PANES if s.key == key), None)
        if spec is None:
            raise KeyError(key)
        container = self._containers[key]
        pane = spec.factory(self.ctx, container)
        container.layout().addWidget(pane)
        self._panes[key] = pane
        request = getattr(pane, "open_case_requested", None)  # e.g. a dashboard line double-clicked
        if request is not None:
            request.connect(self.open_case)
        return pane

    def created_panes(self) -> dict[str, Pane]:
        return dict(self._panes)

    def show_pane(self, key: str) -> Pane:
        pane = self.pane(key)
        index = self.pane_keys().index(key)
        self.pages.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(index)
            self.navigation.blockSignals(False)
        self.pane_actions[key].setChecked(True)
        if key != self._current_key:
            self._current_key = key
            pane.activated()
            self.pane_changed.emit(key)
        return pane

    def current_pane(self) -> Pane | None:
        return self._panes.get(self._current_key)

    def _on_navigation_row(self, row: int) -> None:
        if 0 <= row < len(PANES):
            self.show_pane(PANES[row].key)

    def start_new_registration(self) -> None:
        """F2: open the registration pane on an empty form."""
        if self._privacy:
            return
        pane = self.show_pane("registration")
        if not pane.start_new_registration():
            self.statusBar().showMessage(self.tr("登记表尚未就绪"), 4000)

    def focus_search(self) -> None:
        """Ctrl+F: the current pane's search field."""
        pane = self.current_pane()
        if pane is None or not pane.focus_search():
            self.statusBar().showMessage(self.tr("本页面没有搜索框"), 4000)

    # -- privacy mode -------------------------------------------------------------
    def is_privacy_mode(self) -> bool:
        return self._privacy

    def set_privacy_mode(self, hidden: bool) -> None:
        """F12: blank the window for the public side of the desk, and back."""
        if hidden == self._privacy:
            return
        self._privacy = hidden
        self.screens.setCurrentWidget(self.privacy_screen if hidden else self.workspace)
        self.menuBar().setVisible(not hidden)
        self.statusBar().setVisible(not hidden)
        for action in [*self.pane_actions.values(), self.action_new_registration,
                       self.action_search, self.action_backup, self.action_restore]:
            action.setEnabled(not hidden)
        self.action_privacy.setChecked(hidden)
        if hidden:
            self.privacy_screen.setFocus()
        for pane in self._panes.values():
            pane.privacy_changed(hidden)
        self.privacy_changed.emit(hidden)

    # -- status bar -------------------------------------------------------------
    def refresh_status(self) -> TaskHandle[StatusInfo]:
        """Ask the context for database / rule set / calendar status off the GUI thread."""
        status_info = self.ctx.status_info
        self._status_task = self.ctx.tasks.read(
            lambda _control: status_info(), on_done=self._show_status,
            on_error=self._show_status_error, key=f"main-window-status:{id(self)}")
        return self._status_task

    def _show_status(self, info: StatusInfo) -> None:
        self.database_label.setText(self.tr("数据库：{0}").format(info["database"]))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setStyleSheet("")
        self.rule_set_label.setText(self.tr("规则：{0}").format(info["rule_set"]))
        warning = info.get("calendar_warning")
        self.calendar_warning_label.setText(f"⚠ {warning}" if warning else "")
        self.calendar_warning_label.setVisible(bool(warning))
        user = info.get("user") or ""
        self.user_label.setText(self.tr("用户：{0}").format(user) if user else "")
        self.status_refreshed.emit(dict(info))

    def _show_status_error(self, failure: TaskFailure) -> None:
        self.database_label.setText(self.tr("无法读取数据库信息：{0}").format(failure.message))
        self.database_label.setStyleSheet("color: #861b11;")

    def _on_busy_changed(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    # -- menu commands ------------------------------------------------------------
    def _info_box(self, title: str, text: str) -> QMessageBox:
        # Non-modal (open, not exec) so nothing blocks the event loop or a test.
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _on_backup(self) -> None:
        self._open_backup_dialog()

    def _on_restore(self) -> None:
        self._open_backup_dialog()

    def _open_backup_dialog(self) -> None:
        from desktop_app.ui.backup_dialog import BackupDialog
        from desktop_app.ui.startup import configure_backups

        config = getattr(self.ctx, "config", None)
        if config is None:
            self._info_box(self.tr("备份与恢复"), self.tr("当前没有程序配置，无法确定备份目录。"))
            return
        dialog = BackupDialog(self.ctx, configure_backups(self.ctx.services, config), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_users(self) -> None:
        from desktop_app.ui.admin.users_dialog import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_verify_audit(self) -> None:
        def verify(_control: object) -> object:
            return self.ctx.services.audit.verify()

        def done(report: object) -> None:
            ok = bool(report.ok)
            text = "\n".join(report.lines())
            box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
                              self.tr("校验审计日志"), str(text), QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

        self.ctx.tasks.read(verify, on_done=done,
                            on_error=lambda f: self._info_box(self.tr("校验审计日志"), f.message))

    # -- opening a case from anywhere (dashboard, scanner, search) -----------------
    CASE_PANE_BY_STATE = {
        "RECEIVED": "registration", "REGISTERED": "registration", "AWAITING_SUPPLEMENT": "registration",
        "UNDER_REVIEW": "registration", "ACCEPTED": "investigation", "INVESTIGATING": "investigation",
        "DECISION_DRAFTED": "investigation", "DECIDED": "investigation", "REPLIED": "investigation",
        "SUPERVISING": "investigation", "REOPENED": "investigation", "NOT_ACCEPTED": "archive",
        "WITHDRAWN": "archive", "MERGED": "registration", "ARCHIVED": "archive",
    }

    def open_case(self, case_id: int) -> None:
        """Show the pane that handles the case in its current state, with the case opened."""
        def state_of(_control: object) -> str:
            return self.ctx.services.registration.get_case(case_id).state

        def show(state: str) -> None:
            pane = self.show_pane(self.CASE_PANE_BY_STATE.get(state, "registration"))
            opener = getattr(pane, "open_case", None)
            if callable(opener):
                opener(case_id)

        self.ctx.tasks.read(state_of, on_done=show,
                            on_error=lambda f: self.statusBar().showMessage(f.message, 8000))

    def show_about(self) -> QMessageBox:
        text = self.tr(
            "<h3>投诉处理台 {0}</h3>"
            "<p>法律援助投诉处理：登记、受理审查、调查、处理决定、答复、执行监督和立卷归档。</p>"
            "<p>依据《法律援助投诉处理办法》（司法部，2013年；2025年修订）。</p>"
        ).format(desktop_app.__version__)
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("关于投诉处理台"), text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("aboutBox")
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- settings ---------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        geometry = s.value("geometry")
        state = s.value("state")
        last_pane = s.value("pane", "dashboard")
        s.endGroup()
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.show_pane(last_pane if last_pane in self.pane_keys() else "dashboard")

    def save_settings(self) -> None:
        s = self._settings
        s.beginGroup(SETTINGS_GROUP)
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState())
        s.setValue("pane", self._current_key)
        s.endGroup()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
