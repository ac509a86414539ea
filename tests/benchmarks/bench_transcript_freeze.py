"""Transcript signing benchmark (issue 4): freezing and hashing a signed transcript ≤ 50 ms.

The measured step is the service call that records the last page's signature: it checks every
page, computes the content hash of everything the interviewee signed, freezes the transcript and
writes the audit event — one transaction on the real database. Baseline in the same run: a
``record_page_signature`` on an earlier page (same transaction without the freeze).

Run: python3 tests/run.py --benchmarks bench_transcript_freeze
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.config import AppConfig  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.services.hub import open_services  # noqa: E402
from tests.conftest import TEST_CONFIG, _office_defaults, make_staff  # noqa: E402
from tests.services.scenario import accept, transcript_input, written  # noqa: E402

BUDGET_MS = 50.0
RUNS = 7


def main() -> int:
    url = os.environ.get("COMPLAINT_DESK_BENCH_DB_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    clock = FixedClock(dt.datetime(2025, 3, 3, 9, 0))
    hub = open_services(AppConfig(database_url=url, **TEST_CONFIG), clock=clock)
    _office_defaults(hub)
    staff = make_staff(hub)
    ids = staff.ids
    desk, reviewer, head, inv = (staff.user(k) for k in ("desk", "reviewer", "head", "inv1"))
    team = [ids["inv1"], ids["inv2"]]
    freeze_ms, page_ms, pages = [], [], 0
    for _ in range(RUNS):
        ref = desk.registration.register(written())
        accept(reviewer, ref.id)
        head.investigation.start_investigation(ref.id, team)
        tid = inv.investigation.create_transcript(ref.id, transcript_input(team, turns=230))
        doc = inv.investigation.print_transcript(tid)
        pages = doc.page_count
        for page in range(1, pages):
            t0 = time.perf_counter()
            inv.investigation.record_page_signature(tid, page, "SIGNED_AND_THUMBPRINTED")
            page_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        status = inv.investigation.record_page_signature(tid, pages, "SIGNED_AND_THUMBPRINTED")
        freeze_ms.append((time.perf_counter() - t0) * 1000)
        assert status == "FROZEN"
    db = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"\n调查笔录封存基准 / transcript freeze benchmark — {db}, {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"  transcript pages: {pages}; runs: {RUNS}")
    print(f"  {'measure':44s} {'median':>9s} {'max':>9s} {'budget':>9s}")
    print(f"  {'baseline: sign one page (no freeze)':44s} {statistics.median(page_ms):8.1f}ms "
          f"{max(page_ms):8.1f}ms {'':>9s}")
    verdict = "OK" if statistics.median(freeze_ms) <= BUDGET_MS else "OVER"
    print(f"  {'sign last page + freeze + content hash':44s} {statistics.median(freeze_ms):8.1f}ms "
          f"{max(freeze_ms):8.1f}ms {BUDGET_MS:7.0f}ms  {verdict}")
    hub.ctx.db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
