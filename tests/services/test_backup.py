"""Backups: online backup, rotation, daily check, verified restore; a killed writer loses nothing committed."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from desktop_app.config import AppConfig
from desktop_app.domain import models as m
from desktop_app.services.backup import BackupError, backup_if_due, list_backups, verify_backup_file
from desktop_app.services.security import register_services
from tests.services.scenario import written

register_services()
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _sqlite_only(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite file backups; PostgreSQL is covered by test_postgres_backup_uses_pg_dump")


def test_backup_rotation_and_restore_keeps_the_old_database(services, staff, db_url, tmp_path, clock):  # type: ignore[no-untyped-def]
    _sqlite_only(db_url)
    admin = staff.user("admin").backup.configure(tmp_path / "backups", keep=2)
    ref = staff.user("desk").registration.register(written())
    first = admin.create()
    for _ in range(3):
        clock.advance(days=1)
        admin.create()
    assert len(admin.list()) == 2 and first.path not in [b.path for b in admin.list()]
    keep = admin.list()[0]
    staff.user("desk").registration.register(written())  # after the backup: gone after restore
    before = admin.restore(keep.path)
    assert before.name.endswith(".before-restore")
    with sqlite3.connect(before) as old:
        assert old.execute("SELECT count(*) FROM complaints").fetchone()[0] == 2
    assert services.registration.count_cases() == 1
    assert services.registration.get_case(ref.id).case_no.endswith("第0001号")
    assert staff.user("admin").audit.verify().ok
    assert "从备份" in staff.user("admin").audit.recent()[0].summary


@pytest.mark.parametrize("content, reason", [
    (b"hello, not a database", "不是 SQLite"),
    (None, "缺少数据表"),
    ("truncate", "损坏"),
])
def test_restore_refuses_a_file_that_is_not_our_backup(services, staff, db_url, tmp_path, content, reason):  # type: ignore[no-untyped-def]
    _sqlite_only(db_url)
    admin = staff.user("admin").backup.configure(tmp_path / "backups", keep=5)
    staff.user("desk").registration.register(written())
    bad = tmp_path / "bad.db"
    if content is None:
        with sqlite3.connect(bad) as c:
            c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    elif content == "truncate":
        good = admin.create().path.read_bytes()
        bad.write_bytes(good[: len(good) // 3])
    else:
        bad.write_bytes(content)
    with pytest.raises(BackupError) as e:
        admin.restore(bad)
    assert reason in e.value.message or "完整性" in e.value.message
    assert services.registration.count_cases() == 1  # the current database is untouched
    assert not Path(str(db_url.split("///", 1)[1]) + ".before-restore").exists()


def test_daily_backup_only_when_the_last_is_older_than_a_day(services, db_url, tmp_path, clock):  # type: ignore[no-untyped-def]
    _sqlite_only(db_url)
    d = tmp_path / "b"
    assert backup_if_due(services.ctx.db, d, now=clock.now(), keep=3) is not None
    assert backup_if_due(services.ctx.db, d, now=clock.now() + dt.timedelta(hours=20), keep=3) is None
    made = backup_if_due(services.ctx.db, d, now=clock.now() + dt.timedelta(days=1, minutes=1), keep=3)
    assert made is not None and len(list_backups(d)) == 2
    verify_backup_file(made)


def test_postgres_backup_uses_pg_dump(services, staff, db_url, tmp_path):  # type: ignore[no-untyped-def]
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    admin = staff.user("admin").backup.configure(tmp_path / "pg", keep=3)
    info = admin.create()
    assert info.path.suffix == ".pgdump" and info.path.read_bytes()[:5] == b"PGDMP"
    with pytest.raises(BackupError, match="pg_restore"):
        admin.restore(info.path)


def test_postgres_backup_without_pg_dump_says_so_in_chinese(services, staff, db_url, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    if not db_url.startswith("postgresql"):
        pytest.skip("PostgreSQL only")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BackupError, match="未找到 PostgreSQL 备份程序 pg_dump"):
        staff.user("admin").backup.configure(tmp_path / "pg", keep=3).create()


# --------------------------------------------------------------------------- crash safety

WRITER = """
import datetime as dt, sys
from desktop_app.config import AppConfig
from desktop_app.domain.clock import FixedClock
from desktop_app.services.hub import open_services
from tests.services.scenario import written
hub = open_services(AppConfig(database_url=sys.argv[1], office_code="TL", office_name="铁岭县司法局",
                              office_short_name="铁司"), clock=FixedClock(dt.datetime(2025, 3, 3, 9)))
for i in range(10_000):
    ref = hub.registration.register(written())
    print("COMMITTED", ref.case_no, flush=True)
"""


def test_killing_a_writer_mid_run_loses_nothing_committed(services, db_url):  # type: ignore[no-untyped-def]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, db_url], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    committed = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("COMMITTED"):
            committed.append(line.split(" ", 1)[1].strip())
        if len(committed) >= 25:
            break
    os.kill(proc.pid, signal.SIGKILL)  # mid-run: the next registration is somewhere in its transaction
    proc.wait()
    rest = proc.stdout.read()
    committed += [x.split(" ", 1)[1].strip() for x in rest.splitlines() if x.startswith("COMMITTED")]
    engine = create_engine(db_url)
    with engine.connect() as conn:
        if db_url.startswith("sqlite"):
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        present = set(conn.execute(select(m.Complaint.case_no)).scalars())
        n_seq = conn.execute(select(func.max(m.NumberSequence.last_value))).scalar()
    engine.dispose()
    assert set(committed) <= present
    assert len(present) == n_seq  # no half-written case, no number used twice
    assert services.audit.verify().ok
