"""Archive volume benchmark (prints figures; not part of the default test run).

Run: /work/main/.venv/bin/python tests/benchmarks/bench_volume.py   (or python3 tests/run.py --benchmarks bench_volume)
Budget (issue 5): the whole-volume PDF of a typical case (≈ 10+ documents including a 6-page
transcript and its signed scans) ≤ 2 s.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.config import AppConfig  # noqa: E402
from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.services.archive_volume import build_volume_pdf  # noqa: E402
from desktop_app.services.hub import open_services  # noqa: E402
from tests.conftest import TEST_CONFIG, _office_defaults, make_staff  # noqa: E402
from tests.documents.lifecycle import run_full_case  # noqa: E402

BUDGET_S = 2.0


def main() -> int:
    url = os.environ.get("COMPLAINT_DESK_BENCH_DB_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    clock = FixedClock(dt.datetime(2025, 3, 3, 9, 0))
    hub = open_services(AppConfig(database_url=url, **TEST_CONFIG), clock=clock)
    _office_defaults(hub)
    staff = make_staff(hub)
    run = run_full_case(staff, clock, turns=32)
    with hub.ctx.db.session() as s:
        build_volume_pdf(hub.ctx, s, run.case_id)  # warm-up (fonts, glyph caches)
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            volume = build_volume_pdf(hub.ctx, s, run.case_id)
            timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    verdict = "OK" if median <= BUDGET_S else "OVER BUDGET"
    print(f"database {hub.ctx.db.describe()}")
    print(f"volume: {len(volume.toc)} items, {volume.toc[-1][5]} numbered pages, PDF {volume.page_count} pages, "
          f"{len(volume.pdf) / 1024:.0f} KiB; transcript {run.ids['transcript_pages']} pages")
    print(f"{'whole-volume PDF (build_volume_pdf)':<42} median {median * 1000:7.1f} ms  "
          f"min {min(timings) * 1000:7.1f} ms  budget {BUDGET_S * 1000:5.0f} ms  {verdict}")
    hub.ctx.db.dispose()
    return 0 if median <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
