"""Login dialog, users & roles dialog, audit view and backup dialog driven offscreen on a real database."""

from __future__ import annotations

from types import SimpleNamespace

import desktop_app.ui  # noqa: F401 - PySide6 compatibility fix first
from desktop_app.services.security import register_services
from desktop_app.ui.admin.users_dialog import UsersDialog
from desktop_app.ui.audit_view import AuditView
from desktop_app.ui.backup_dialog import BackupDialog
from desktop_app.ui.login_dialog import PAGE_CHANGE, PAGE_FIRST_ADMIN, PAGE_LOGIN, LoginDialog
from tests.services.scenario import written

register_services()


def _ctx(hub, tasks):  # type: ignore[no-untyped-def]
    return SimpleNamespace(services=hub.as_user(hub.actor), tasks=tasks)


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.clear()
    qtbot.keyClicks(widget, text)  # ASCII only (Chinese via setText)


def test_first_start_creates_admin_then_forces_a_new_password(qtbot, services, tasks):  # type: ignore[no-untyped-def]
    ctx = _ctx(services, tasks)
    dlg = LoginDialog(ctx, first_start=ctx.services.users.needs_first_admin())
    qtbot.addWidget(dlg)
    assert dlg.current_page() == PAGE_FIRST_ADMIN
    dlg.admin_full_name.setText("县局管理员")
    _type(qtbot, dlg.admin_password, "Start2025a")
    _type(qtbot, dlg.admin_password2, "Start2025b")
    dlg.submit()
    assert "不一致" in dlg.message.text()
    _type(qtbot, dlg.admin_password2, "Start2025a")
    dlg.submit()
    qtbot.waitUntil(lambda: dlg.current_page() == PAGE_CHANGE, timeout=10_000)
    _type(qtbot, dlg.new_password, "short")
    _type(qtbot, dlg.new_password2, "short")
    dlg.submit()
    qtbot.waitUntil(lambda: "至少8位" in dlg.message.text(), timeout=10_000)
    _type(qtbot, dlg.new_password, "Better2025c")
    _type(qtbot, dlg.new_password2, "Better2025c")
    with qtbot.waitSignal(dlg.signed_in, timeout=10_000):
        dlg.submit()
    assert dlg.actor is not None and dlg.actor.has("ADMIN") and dlg.actor.full_name == "县局管理员"
    assert not services.users.login("admin", "Better2025c").must_change_password


def test_wrong_password_is_shown_in_place_and_lockout_reported(qtbot, services, staff, tasks):  # type: ignore[no-untyped-def]
    dlg = LoginDialog(_ctx(services, tasks))
    qtbot.addWidget(dlg)
    assert dlg.current_page() == PAGE_LOGIN
    _type(qtbot, dlg.username, "wangli")
    for _ in range(5):
        _type(qtbot, dlg.password, "Wrong-pass1")
        dlg.submit()
        qtbot.waitUntil(lambda: dlg.buttons.isEnabled() and "错误" in dlg.message.text(), timeout=10_000)
    _type(qtbot, dlg.password, "Passw0rd!")
    dlg.submit()
    qtbot.waitUntil(lambda: "锁定" in dlg.message.text(), timeout=10_000)
    assert dlg.actor is None


def test_normal_login_returns_the_actor_with_roles(qtbot, services, staff, tasks):  # type: ignore[no-untyped-def]
    dlg = LoginDialog(_ctx(services, tasks))
    qtbot.addWidget(dlg)
    _type(qtbot, dlg.username, "sunhong")
    _type(qtbot, dlg.password, "Passw0rd!")
    with qtbot.waitSignal(dlg.signed_in, timeout=10_000) as sig:
        dlg.submit()
    assert sig.args[0].full_name == "孙红" and sig.args[0].has("HEAD") and sig.args[0].has("REVIEWER")


def test_users_dialog_creates_user_with_several_roles_and_deactivates(qtbot, services, staff, tasks):  # type: ignore[no-untyped-def]
    dlg = UsersDialog(SimpleNamespace(services=staff.user("admin"), tasks=tasks))
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 9, timeout=10_000)
    _type(qtbot, dlg.username, "lina")
    dlg.full_name.setText("李娜")
    dlg.unit.setText("铁岭县司法局")
    _type(qtbot, dlg.password, "Passw0rd1")
    dlg.role_boxes["FRONT_DESK"].setChecked(True)
    dlg.role_boxes["REVIEWER"].setChecked(True)
    dlg.create_user()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 10, timeout=10_000)
    info = next(u for u in services.admin.list_users() if u.username == "lina")
    assert info.roles == ["FRONT_DESK", "REVIEWER"] and info.must_change_password
    dlg.table.selectRow(9)
    dlg.toggle_active()
    qtbot.waitUntil(lambda: "已停用" in dlg.message.text(), timeout=10_000)
    assert not services.admin.user(info.id).active  # kept, not deleted


def test_users_dialog_refused_to_non_admin_says_which_role(qtbot, services, staff, tasks):  # type: ignore[no-untyped-def]
    dlg = UsersDialog(SimpleNamespace(services=staff.user("desk"), tasks=tasks))
    qtbot.addWidget(dlg)
    _type(qtbot, dlg.username, "x1")
    dlg.full_name.setText("某人")
    _type(qtbot, dlg.password, "Passw0rd1")
    dlg.role_boxes["FRONT_DESK"].setChecked(True)
    dlg.create_user()
    qtbot.waitUntil(lambda: "系统管理员" in dlg.message.text(), timeout=10_000)


def test_audit_view_shows_who_when_and_before_after(qtbot, services, staff, tasks):  # type: ignore[no-untyped-def]
    desk = staff.user("desk")
    ref = desk.registration.register(written())
    d = desk.registration.get_case(ref.id)
    d.registration.facts_text = "新的事实。"
    desk.registration.update_registration(ref.id, d.registration, expected_version=d.version)
    view = AuditView(SimpleNamespace(services=staff.user("head"), tasks=tasks), ref.id, ref.case_no)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() >= 2, timeout=10_000)
    texts = [view.tree.topLevelItem(i).text(2) for i in range(view.tree.topLevelItemCount())]
    assert texts[0] == "登记投诉" and "修改登记信息" in texts
    upd = view.tree.topLevelItem(texts.index("修改登记信息"))
    assert upd.text(1) == "王丽"
    child = next(upd.child(i) for i in range(upd.childCount()) if upd.child(i).text(3) == "facts_text")
    assert child.text(5) == "新的事实。"


def test_backup_dialog_backs_up_now(qtbot, services, staff, tasks, tmp_path, db_url):  # type: ignore[no-untyped-def]
    admin = staff.user("admin")
    backup = admin.backup.configure(tmp_path / "bk", 5)
    dlg = BackupDialog(SimpleNamespace(services=admin, tasks=tasks), backup)
    qtbot.addWidget(dlg)
    if not db_url.startswith("sqlite"):
        return
    dlg.create_backup()
    qtbot.waitUntil(lambda: dlg.list.count() == 1, timeout=10_000)
    assert "已备份到" in dlg.status.text() and dlg.selected_path().exists()
