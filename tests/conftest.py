"""Shared fixtures: a real database on SQLite and on the throw-away PostgreSQL, services, staff.

Every test that takes ``services`` runs twice: once on a fresh SQLite file (copied from a
migrated template) and once on PostgreSQL (a database per xdist worker, migrated once and
truncated between tests). No database is ever mocked.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop_app.config import AppConfig
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.models import Base
from desktop_app.persistence.database import open_database
from desktop_app.persistence.migrate import migrate
from desktop_app.services import admin as admin_module
from desktop_app.services.admin import hash_password as _real_hash
from desktop_app.services.context import Actor
from desktop_app.services.hub import Services, open_services

PG_ENV = "COMPLAINT_DESK_TEST_PG_URL"
TEST_NOW = dt.datetime(2025, 3, 3, 9, 0)  # a Monday under the 2013 rules, calendar confirmed


def _backends() -> list[str]:
    if os.environ.get(PG_ENV):
        return ["sqlite", "postgres"]
    if os.environ.get("CI"):
        raise RuntimeError(f"CI 必须在 PostgreSQL 上运行测试：环境变量 {PG_ENV} 未设置（请用 python3 tests/run.py）。")
    return ["sqlite"]


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(f"sqlite:///{path}")
    migrate(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_worker_url(worker_id: str) -> Iterator[str]:
    admin_url = os.environ[PG_ENV]
    name = f"cdesk_test_{worker_id}".replace("-", "_")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\''))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    db = open_database(url)
    migrate(db)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    db.dispose()
    yield url
    admin.dispose()


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        target = tmp_path / "complaints.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        return f"sqlite:///{target}"
    url = request.getfixturevalue("pg_worker_url")
    engine = create_engine(url)
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


TEST_CONFIG = dict(office_code="TL", office_name="铁岭县司法局", office_short_name="铁司")


@pytest.fixture
def services(db_url: str, clock: FixedClock) -> Iterator[Services]:
    config = AppConfig(database_url=db_url, **TEST_CONFIG)
    hub = open_services(config, clock=clock)
    _office_defaults(hub)
    yield hub
    hub.ctx.db.dispose()


def _office_defaults(hub: Services) -> None:
    from desktop_app.domain import models as m
    with hub.ctx.db.write_session_factory() as s, s.begin():
        office = s.query(m.Office).filter_by(code="TL").one()
        office.address, office.phone = "铁岭县政府路8号", "024-7666 1234"
        office.reconsideration_organ, office.litigation_court = "铁岭县人民政府", "铁岭县人民法院"
        s.add(m.SupervisedInstitution(office_id=office.id, name="铁岭县法律援助中心"))


@dataclass
class Staff:
    """The people of a county bureau, each with their own services."""

    hub: Services
    ids: dict[str, int]

    def user(self, key: str) -> Services:
        admin = self.hub.admin
        info = admin.user(self.ids[key])
        return self.hub.as_user(Actor(info.id, info.username, info.full_name, frozenset(info.roles), info.unit_name))


STAFF = {
    # key: (username, full name, roles, unit)
    "desk": ("wangli", "王丽", ["FRONT_DESK"], "铁岭县司法局"),
    "reviewer": ("zhaogang", "赵刚", ["REVIEWER"], "铁岭县司法局"),
    "head": ("liuqiang", "刘强", ["HEAD"], "铁岭县司法局"),
    "head2": ("sunhong", "孙红", ["HEAD", "REVIEWER"], "铁岭县司法局"),
    "inv1": ("chenjie", "陈杰", ["INVESTIGATOR"], "铁岭县司法局"),
    "inv2": ("zhoumin", "周敏", ["INVESTIGATOR"], "铁岭县司法局"),
    "inv_center": ("wuhao", "吴浩", ["INVESTIGATOR"], "铁岭县法律援助中心"),
    "archivist": ("zhengyan", "郑燕", ["ARCHIVIST"], "铁岭县司法局"),
    "admin": ("admin", "系统管理员", ["ADMIN"], "铁岭县司法局"),
}


@functools.lru_cache(maxsize=8)
def _cached_hash(password: str) -> str:
    return _real_hash(password)


def make_staff(hub: Services) -> Staff:
    """Create the bureau's people (see STAFF) on ``hub``'s database."""
    ids = {}
    for key, (username, name, roles, unit) in STAFF.items():
        ids[key] = hub.admin.create_user(username, name, "Passw0rd!", roles, unit_name=unit,
                                         certificate_no=f"辽司执{len(ids) + 1:04d}", must_change_password=False)
    return Staff(hub, ids)


@pytest.fixture
def staff(services: Services, monkeypatch: pytest.MonkeyPatch) -> Staff:
    # argon2 is deliberately slow; one hash per password per test process keeps the suite fast.
    monkeypatch.setattr(admin_module, "hash_password", _cached_hash)
    return make_staff(services)
