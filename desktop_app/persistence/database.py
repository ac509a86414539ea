"""Engine creation for SQLite (embedded default) and PostgreSQL (shared offices)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

SQLITE_BUSY_TIMEOUT_MS = 15_000


def normalise_url(url: str) -> str:
    """Accept a plain path or ``postgresql://`` and return a full SQLAlchemy URL."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers work while a writer commits; foreign keys are off by default in SQLite.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: committed data survives a crash
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    # Write units of work take the write lock at BEGIN (IMMEDIATE) so two writers queue on
    # busy_timeout instead of failing later with "database is locked" on lock upgrade;
    # reads stay DEFERRED so they never wait for a writer under WAL.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass
class Database:
    """One database: its engine and a session factory."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    write_session_factory: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def describe(self) -> str:
        """Human-readable location for the status bar (no password)."""
        u = make_url(self.url)
        if self.is_sqlite:
            return f"SQLite：{u.database}"
        return f"PostgreSQL：{u.host or 'localhost'}:{u.port or 5432}/{u.database}"

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (no commit)."""
        s = self.session_factory()
        try:
            yield s
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, echo: bool = False) -> Database:
    url = normalise_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, echo=echo, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000,
                                          "isolation_level": None},
            poolclass=NullPool if u.database in (None, "", ":memory:") else None,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        # jit=off: compiling a plan to machine code costs 100–300 ms per query at the window and only
        # pays off for long analytic queries; none of ours is one (measured: a 250 ms search).
        engine = create_engine(url, echo=echo, pool_pre_ping=True, pool_size=5, max_overflow=5,
                               connect_args={"options": "-c jit=off"})
    factory = sessionmaker(engine, expire_on_commit=False, autoflush=True)
    write_engine = engine.execution_options(sqlite_begin="IMMEDIATE")
    write_factory = sessionmaker(write_engine, expire_on_commit=False, autoflush=True)
    return Database(url=url, engine=engine, session_factory=factory, write_session_factory=write_factory)
