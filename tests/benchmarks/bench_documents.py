"""Document rendering benchmark (prints figures; not part of the default test run).

Run: /work/main/.venv/bin/python tests/benchmarks/bench_documents.py
Budgets (issues 3 and 4): 20-page transcript ≤ 500 ms, 登记表 ≤ 300 ms.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.documents import register_fonts, render_document, version_hash  # noqa: E402
from tests.documents import samples  # noqa: E402


def _transcript_turns_for(pages: int) -> int:
    turns = 1
    while render_document("transcript", samples.transcript(turns)).page_count < pages:
        turns += 4
    return turns


def _measure(label: str, budget_ms: float, action, repeat: int = 7) -> None:
    action()  # warm-up (glyph caches)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    verdict = "OK" if median <= budget_ms else "OVER BUDGET"
    print(f"{label:<42} median {median:7.1f} ms  min {min(timings):7.1f} ms  "
          f"budget {budget_ms:5.0f} ms  {verdict}")


def main() -> None:
    start = time.perf_counter()
    register_fonts()
    print(f"{'font registration (once per process)':<42} {1000 * (time.perf_counter() - start):7.1f} ms")
    turns = _transcript_turns_for(20)
    transcript = samples.transcript(turns)
    pages = render_document("transcript", transcript).page_count
    _measure(f"transcript, {pages} pages ({turns} Q/A turns)", 500,
             lambda: render_document("transcript", transcript))
    form = samples.registration_form()
    form_pages = render_document("registration_form", form).page_count
    _measure(f"登记表 registration_form, {form_pages} pages", 300,
             lambda: render_document("registration_form", form))
    _measure("version_hash of the 20-page transcript", 50,
             lambda: version_hash("transcript", transcript))


if __name__ == "__main__":
    main()
