"""Audit log: hash chain verification names edited and deleted rows; per-case history; CLI."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from desktop_app.cli.main import main as cli_main
from desktop_app.domain.errors import PermissionDenied
from desktop_app.services.security import register_services
from tests.services.scenario import written

register_services()


def _raw(db_url: str, sql: str, **params: object) -> None:
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    engine.dispose()


def _case_with_history(staff):  # type: ignore[no-untyped-def]
    desk = staff.user("desk")
    ref = desk.registration.register(written())
    detail = desk.registration.get_case(ref.id)
    inp = detail.registration
    inp.facts_text = "补充：收取现金1500元。"
    desk.registration.update_registration(ref.id, inp, expected_version=detail.version)
    desk.documents.generate(ref.id, "registration_form")
    return ref


def test_untouched_chain_verifies(services, staff):  # type: ignore[no-untyped-def]
    _case_with_history(staff)
    report = staff.user("admin").audit.verify()
    assert report.ok, report.lines()
    assert report.checked >= 10
    assert "校验通过" in report.lines()[0]


def test_row_edited_behind_the_programs_back_is_named(services, staff, db_url):  # type: ignore[no-untyped-def]
    ref = _case_with_history(staff)
    events = staff.user("head").audit.events_for_case(ref.id)
    target = next(e for e in events if e.action == "case.update")
    _raw(db_url, "UPDATE audit_events SET summary = :s WHERE id = :i", s="无修改", i=target.id)
    report = staff.user("admin").audit.verify()
    assert not report.ok
    [problem] = [p for p in report.problems if p.kind == "edited"]
    assert problem.event_id == target.id
    assert f"第{target.id}条" in problem.message and "修改登记信息" in problem.message
    assert target.at.strftime("%Y-%m-%d %H:%M:%S") in problem.message


def test_deleted_row_is_named(services, staff, db_url):  # type: ignore[no-untyped-def]
    _case_with_history(staff)
    _raw(db_url, "DELETE FROM audit_events WHERE id = 5")
    report = staff.user("admin").audit.verify()
    assert not report.ok
    assert [p.kind for p in report.problems] == ["deleted"]
    assert "第5条审计记录已被删除" in report.problems[0].message


def test_deleting_the_last_rows_and_relinking_is_still_caught(services, staff, db_url):  # type: ignore[no-untyped-def]
    _case_with_history(staff)
    # Deleting a row and renumbering the rest (a careful forger) breaks the link or the hash.
    _raw(db_url, "DELETE FROM audit_events WHERE id = 3")
    _raw(db_url, "UPDATE audit_events SET id = id - 1 WHERE id > 3")
    report = staff.user("admin").audit.verify()
    assert not report.ok
    assert any(p.event_id == 3 for p in report.problems)


def test_cli_audit_verify_exit_codes_and_names_the_row(services, staff, db_url, capsys):  # type: ignore[no-untyped-def]
    _case_with_history(staff)
    assert cli_main(["audit", "verify", "--db", db_url]) == 0
    assert "校验通过" in capsys.readouterr().out
    _raw(db_url, "UPDATE audit_events SET username = 'mallory' WHERE id = 4")
    assert cli_main(["audit", "verify", "--db", db_url]) == 1
    out = capsys.readouterr().out
    assert "第4条" in out and "已被修改" in out


def test_case_history_shows_who_when_before_and_after(services, staff):  # type: ignore[no-untyped-def]
    ref = _case_with_history(staff)
    events = staff.user("head").audit.events_for_case(ref.id)
    actions = [e.action for e in events]
    assert actions[0] == "case.register" and "case.update" in actions and "document.print" in actions
    update = next(e for e in events if e.action == "case.update")
    assert update.user_name == "王丽" and update.action_label == "修改登记信息"
    changes = {k: (b, a) for k, b, a in update.changes()}
    assert changes["facts_text"][1] == "补充：收取现金1500元。"
    assert "1000元" in changes["facts_text"][0]


def test_front_desk_cannot_read_the_audit_log_and_is_told_which_role(services, staff):  # type: ignore[no-untyped-def]
    ref = _case_with_history(staff)
    with pytest.raises(PermissionDenied) as e:
        staff.user("desk").audit.events_for_case(ref.id)
    assert "机关负责人" in e.value.message and "王丽" in e.value.message


def test_login_print_and_export_are_audited(services, staff, tmp_path):  # type: ignore[no-untyped-def]
    import datetime as dt
    ref = _case_with_history(staff)
    services.users.login("wangli", "Passw0rd!")
    with pytest.raises(PermissionDenied):
        services.users.login("wangli", "wrong-password1")
    staff.user("head").exchange.export(dt.date(2025, 1, 1), dt.date(2025, 12, 31), tmp_path / "p.zip")
    recent = [e.action for e in staff.user("admin").audit.recent()]
    for action in ("user.login", "user.login_failed", "exchange.export", "document.print"):
        assert action in recent
    assert any(e.action == "document.print" for e in staff.user("head").audit.events_for_case(ref.id))
