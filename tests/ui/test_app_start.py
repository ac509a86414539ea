"""Start-up: the login dialog is on screen before the database is open, and becomes usable after."""

from __future__ import annotations

import time

import desktop_app.ui  # noqa: F401 - applies the PySide6 compatibility fix first
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

import desktop_app.app as app_module
from desktop_app.ui.login_dialog import LoginDialog


def test_login_dialog_paints_first_and_is_enabled_once_the_database_opened(qapp, tmp_path, monkeypatch):
    real_open = app_module.open_backend

    def slow_open(config, clock):  # a big database on a slow disk
        time.sleep(0.8)
        return real_open(config, clock)

    monkeypatch.setattr(app_module, "open_backend", slow_open)
    seen: dict[str, object] = {}

    def inspect_while_opening() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        seen["opening_message"] = dialog.message.text()
        seen["ok_enabled_while_opening"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        QTimer.singleShot(50, lambda: wait_until_ready(dialog, time.monotonic()))

    def wait_until_ready(dialog: LoginDialog, started: float) -> None:
        if dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled() or time.monotonic() - started > 60:
            seen["ready_page"] = dialog.current_page()
            seen["ok_enabled_when_ready"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
            dialog.reject()
        else:
            QTimer.singleShot(50, lambda: wait_until_ready(dialog, started))

    QTimer.singleShot(100, inspect_while_opening)
    code = app_module.main(["--db", str(tmp_path / "fresh.db")])
    assert code == 0  # cancelled at the login: the program ends quietly
    assert seen["opening_message"] == "正在打开数据库……"
    assert seen["ok_enabled_while_opening"] is False
    assert seen["ok_enabled_when_ready"] is True
    assert seen["ready_page"] == 0  # a fresh database: the first-start page (create the administrator)
