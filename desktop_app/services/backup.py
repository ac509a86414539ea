"""数据备份与恢复: SQLite online backup API, rotation, verified restore; pg_dump for PostgreSQL.

A backup is a complete SQLite database file written with ``sqlite3.Connection.backup``
(consistent while other workstations keep working). Restore refuses any file that is not a
database of this program (Alembic version table with a revision we know, our tables,
``PRAGMA integrity_check``), copies it to a temporary file beside the live database and
verifies that copy, saves the current database as ``*.before-restore``, and only then
replaces the live content in one SQLite transaction (the backup API writes the destination
atomically: a crash half-way leaves the old database).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from desktop_app.domain.enums import Role
from desktop_app.domain.errors import DomainError
from desktop_app.persistence.database import Database
from desktop_app.services.base import ServiceBase

BACKUP_PREFIX = "complaints-"
BACKUP_SUFFIX = ".db"
PG_BACKUP_SUFFIX = ".pgdump"
_NAME_RE = re.compile(r"^complaints-(\d{8}-\d{6})(?:-(\w+))?(?:-\d+)?\.(db|pgdump)$")
# Tables a database of this program always has (an older revision still has these).
CORE_TABLES = frozenset({"alembic_version", "offices", "users", "complaints", "audit_events"})


class BackupError(DomainError):
    """A backup or restore refused; the message says why and what to do."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: dt.datetime
    size: int
    reason: str  # manual / daily / exit / before-restore

    @property
    def label(self) -> str:
        reasons = {"manual": "手动", "daily": "每日自动", "exit": "退出时自动"}
        return f"{self.created_at:%Y-%m-%d %H:%M:%S}  {reasons.get(self.reason, self.reason)}  " \
               f"{self.size / 1024 / 1024:.1f} MB"


def sqlite_file(db: Database) -> Path:
    if not db.is_sqlite:
        raise BackupError("该操作只适用于 SQLite 数据库。")
    name = make_url(db.url).database
    if not name or name == ":memory:":
        raise BackupError("内存数据库无法备份。")
    return Path(name)


def _known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop_app.persistence.migrate import MIGRATIONS_DIR
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()}


def verify_backup_file(path: Path) -> None:
    """Raise BackupError (Chinese, names the problem) unless ``path`` is a sound database of this program."""
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}。")
    with path.open("rb") as f:
        header = f.read(16)
    if header != b"SQLite format 3\x00":
        raise BackupError(f"文件 {path.name} 不是本程序的备份（不是 SQLite 数据库文件）。")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise BackupError(f"无法打开备份文件 {path.name}：{e}") from None
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            raise BackupError(f"备份文件 {path.name} 已损坏：{e}") from None
        if result != ["ok"]:
            raise BackupError(f"备份文件 {path.name} 未通过完整性检查（{'；'.join(result[:3])}），不能用于恢复。")
        missing = CORE_TABLES - tables
        if missing:
            raise BackupError(f"文件 {path.name} 不是本程序的备份（缺少数据表：{'、'.join(sorted(missing))}）。")
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if rev is None or rev[0] not in _known_revisions():
            raise BackupError(f"文件 {path.name} 的数据库版本（{rev[0] if rev else '无'}）不是本程序已知的版本，"
                              "请使用同一版本程序制作的备份。")
    finally:
        conn.close()


def _backup_name(now: dt.datetime, reason: str, directory: Path, suffix: str) -> Path:
    base = f"{BACKUP_PREFIX}{now:%Y%m%d-%H%M%S}-{reason}"
    path = directory / f"{base}{suffix}"
    n = 1
    while path.exists():
        path = directory / f"{base}-{n}{suffix}"
        n += 1
    return path


def list_backups(directory: Path) -> list[BackupInfo]:
    """Backups in ``directory``, newest first."""
    if not directory.is_dir():
        return []
    out = []
    for p in directory.iterdir():
        mt = _NAME_RE.match(p.name)
        if not mt or not p.is_file():
            continue
        created = dt.datetime.strptime(mt.group(1), "%Y%m%d-%H%M%S")
        out.append(BackupInfo(p, created, p.stat().st_size, mt.group(2) or "manual"))
    return sorted(out, key=lambda b: (b.created_at, b.path.name), reverse=True)


def prune_backups(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (only files this program named)."""
    removed = []
    for info in list_backups(directory)[max(keep, 1):]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def create_backup(db: Database, directory: Path, *, now: dt.datetime, keep: int, reason: str = "manual") -> Path:
    """Write a consistent copy of the database into ``directory``; keep the newest ``keep``."""
    directory.mkdir(parents=True, exist_ok=True)
    if db.is_postgres:
        target = _pg_dump(db, directory, now, reason)
    else:
        source = sqlite_file(db)
        target = _backup_name(now, reason, directory, BACKUP_SUFFIX)
        tmp = target.with_name(target.name + ".part")
        src = sqlite3.connect(str(source), timeout=15)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)  # online backup API: a consistent snapshot while others write
                dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained single file
            finally:
                dst.close()
        finally:
            src.close()
        try:
            verify_backup_file(tmp)
        except BackupError:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, target)
    prune_backups(directory, keep)
    return target


def _pg_dump(db: Database, directory: Path, now: dt.datetime, reason: str) -> Path:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise BackupError("未找到 PostgreSQL 备份程序 pg_dump。请在本机安装 PostgreSQL 客户端"
                          "（Debian/Ubuntu：apt-get install postgresql-client），或由数据库服务器管理员备份。")
    url = make_url(db.url).set(drivername="postgresql")
    target = _backup_name(now, reason, directory, PG_BACKUP_SUFFIX)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    conninfo = url.set(password=None).render_as_string(hide_password=False)
    r = subprocess.run([exe, "--format=custom", "--no-owner", f"--file={target}", f"--dbname={conninfo}"],
                       env=env, capture_output=True, text=True, check=False)
    if r.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump 备份失败（退出码 {r.returncode}）：{r.stderr.strip()[:300]}")
    return target


def last_backup_time(directory: Path) -> dt.datetime | None:
    backups = list_backups(directory)
    return backups[0].created_at if backups else None


def backup_if_due(db: Database, directory: Path, *, now: dt.datetime, keep: int) -> Path | None:
    """Daily backup: make one when the newest is older than a day (checked at start)."""
    last = last_backup_time(directory)
    if last is not None and now - last < dt.timedelta(days=1):
        return None
    return create_backup(db, directory, now=now, keep=keep, reason="daily")


def restore_backup(db: Database, backup_file: Path) -> Path:
    """Replace the live SQLite database with a verified backup; returns the *.before-restore file.

    Other connections of this process should be closed afterwards (the caller restarts).
    """
    if db.is_postgres:
        raise BackupError("PostgreSQL 数据库请由服务器管理员用 pg_restore 恢复，例如："
                          f"pg_restore --clean --no-owner --dbname=… {backup_file.name}")
    verify_backup_file(backup_file)
    live = sqlite_file(db)
    tmp = live.with_name(live.name + ".restore-tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    try:
        verify_backup_file(tmp)  # the copy we are about to install, not only the original
        before = live.with_name(live.name + ".before-restore")
        conn = sqlite3.connect(str(live), timeout=15)
        try:
            old = sqlite3.connect(str(before.with_name(before.name + ".part")))
            try:
                conn.backup(old)
                old.execute("PRAGMA journal_mode=DELETE")
            finally:
                old.close()
            os.replace(before.with_name(before.name + ".part"), before)
            new = sqlite3.connect(str(tmp))
            try:
                new.backup(conn)  # one write transaction on the live database: all or nothing
            finally:
                new.close()
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":  # pragma: no cover - defensive
                raise BackupError("恢复后的数据库未通过完整性检查；原数据库保存在 " + str(before))
        finally:
            conn.close()
    finally:
        tmp.unlink(missing_ok=True)
    db.engine.dispose()  # pooled connections must not keep a stale schema cache
    return before


class BackupService(ServiceBase):
    """Backups for administrators (GUI dialog and CLI)."""

    def __init__(self, ctx, actor, hub=None, *, directory: Path | None = None,  # type: ignore[no-untyped-def]
                 keep: int = 14):
        super().__init__(ctx, actor, hub)
        self.directory = directory
        self.keep = keep

    def configure(self, directory: Path, keep: int) -> "BackupService":
        self.directory, self.keep = Path(directory), keep
        return self

    def _dir(self) -> Path:
        if self.directory is None:
            from desktop_app.config import AppConfig
            return AppConfig.load().resolved_backup_dir
        return self.directory

    def create(self, reason: str = "manual") -> BackupInfo:
        if reason == "manual":
            self.actor.require(Role.ADMIN, action="备份数据库")
        with self.uow() as uow:
            uow.audit("backup.create", entity="database", summary=f"备份数据库（{reason}）")
        path = create_backup(self.ctx.db, self._dir(), now=self.ctx.clock.now(), keep=self.keep, reason=reason)
        return next(b for b in list_backups(path.parent) if b.path == path)

    def list(self) -> list[BackupInfo]:
        self.actor.require(Role.ADMIN, action="查看备份")
        return list_backups(self._dir())

    def backup_if_due(self) -> Path | None:
        return backup_if_due(self.ctx.db, self._dir(), now=self.ctx.clock.now(), keep=self.keep)

    def restore(self, backup_file: Path) -> Path:
        self.actor.require(Role.ADMIN, action="从备份恢复数据库")
        before = restore_backup(self.ctx.db, Path(backup_file))
        from desktop_app.persistence.migrate import migrate
        migrate(self.ctx.db)  # an older backup is brought to the current schema
        self.ctx.invalidate_calendar()
        self.ctx.invalidate_rules()
        with self.uow() as uow:
            uow.audit("backup.restore", entity="database",
                      summary=f"从备份 {Path(backup_file).name} 恢复数据库；原数据库另存为 {before.name}")
        return before


def _register() -> None:
    from desktop_app.services.hub import EXTRA_SERVICES
    EXTRA_SERVICES["backup"] = BackupService


_register()
