"""Shared helpers of the benchmark scripts: machine info, the cached 1,000,000-case database,
timing and the printed table. Not a benchmark itself (leading underscore)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sqlalchemy import make_url  # noqa: E402

BENCH_DB_URL_ENV = "COMPLAINT_DESK_BENCH_DB_URL"
CASES_ENV = "COMPLAINT_DESK_BENCH_CASES"
CACHE_DIR = Path(os.environ.get("COMPLAINT_DESK_BENCH_CACHE", "/tmp/complaint_desk_bench"))
DEFAULT_CASES = 1_000_000
SEED = 7
TODAY = dt.datetime(2026, 11, 24, 9, 0)  # fixed "today" so every run sees the same deadlines


def bench_cases() -> int:
    return int(os.environ.get(CASES_ENV, DEFAULT_CASES))


def machine_info() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{platform.node()} · {cpu} · {os.cpu_count()} cores · {mem} · load {load:.1f} · "
            f"Python {platform.python_version()} · {platform.system()} {platform.release()}")


def schema_key(n: int, seed: int) -> str:
    from desktop_app.services.demo import DEMO_DATA_VERSION

    # Later revisions are applied to a cached database when it is opened (open_services migrates),
    # so the key holds only what changes the generated data.
    h = hashlib.sha256(f"{n}/{seed}/{DEMO_DATA_VERSION}".encode())
    return h.hexdigest()[:16]


def open_hub(url: str) -> Any:
    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.hub import open_services

    return open_services(AppConfig.load(database_url=url), clock=FixedClock(TODAY))


def prepared_database(n: int | None = None, *, seed: int = SEED, say: Callable[[str], None] = print) -> str:
    """URL of a database holding ``n`` demo cases.

    SQLite: generated once per schema+seed+size into CACHE_DIR and reused (the URL given by
    tests/run.py is then ignored: copying 1.5 GB per script would dominate the run).
    PostgreSQL: generated into the database tests/run.py created for this script.
    """
    from desktop_app.services.demo import generate_demo

    n = bench_cases() if n is None else n
    url = os.environ.get(BENCH_DB_URL_ENV, "")
    if url and not url.startswith("sqlite"):
        hub = open_hub(url)
        started = time.perf_counter()
        result = generate_demo(hub, n, seed=seed)
        say(f"生成 {n:,} 件演示案件（PostgreSQL）用时 {time.perf_counter() - started:.0f} s")
        del result
        hub.ctx.db.dispose()
        return url
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    path = CACHE_DIR / f"demo_{n}_{schema_key(n, seed)}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".partial")
        for p in CACHE_DIR.glob(tmp.name + "*"):
            p.unlink()
        hub = open_hub(f"sqlite:///{tmp}")
        started = time.perf_counter()
        generate_demo(hub, n, seed=seed)
        with hub.ctx.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        hub.ctx.db.dispose()
        say(f"生成 {n:,} 件演示案件（SQLite）用时 {time.perf_counter() - started:.0f} s → {path}")
        tmp.rename(path)
    return f"sqlite:///{path}"


def database_size(url: str) -> str:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        size = sum(p.stat().st_size for p in Path(u.database).parent.glob(Path(u.database).name + "*"))
        return f"{size / 1024 / 1024:,.0f} MiB (SQLite file)"
    from sqlalchemy import create_engine

    from desktop_app.persistence.database import normalise_url

    eng = create_engine(normalise_url(url))
    with eng.connect() as c:
        size = c.exec_driver_sql("SELECT pg_database_size(current_database())").scalar()
    eng.dispose()
    return f"{size / 1024 / 1024:,.0f} MiB (PostgreSQL database)"


def timed(fn: Callable[[], Any], *, repeat: int = 5, warmup: int = 1) -> tuple[float, Any]:
    """Median wall time in milliseconds over ``repeat`` runs after ``warmup`` runs."""
    result = None
    for _ in range(warmup):
        result = fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


@dataclass
class Row:
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    budget: str = ""
    ok: bool | None = None


def print_table(title: str, url: str, rows: list[Row], notes: list[str] = ()) -> bool:  # type: ignore[assignment]
    print(f"\n{title}")
    print(f"机器 machine: {machine_info()}")
    print(f"数据库 database: {make_url(url).get_backend_name()} · {database_size(url)}")
    w = max(len(r.name) for r in rows) + 2
    print(f"{'figure'.ljust(w)}{'value':>12}  {'baseline (same run)':<42}{'budget':<18}result")
    all_ok = True
    for r in rows:
        base = f"{r.baseline_name} {r.baseline:,.1f} {r.unit}" if r.baseline is not None else r.baseline_name
        verdict = "" if r.ok is None else ("OK" if r.ok else "OVER BUDGET")
        all_ok &= r.ok is not False
        print(f"{r.name.ljust(w)}{r.value:>10,.1f} {r.unit:<2} {base:<42}{r.budget:<18}{verdict}")
    for n in notes:
        print(f"  · {n}")
    return all_ok


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def copy_database(url: str, target_url: str) -> None:
    """Not used for SQLite by default (see prepared_database)."""
    src, dst = make_url(url).database, make_url(target_url).database
    shutil.copyfile(src, dst)


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, text=True, capture_output=True, **kw)
