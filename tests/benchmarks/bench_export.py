"""Benchmark: statistics workbook export vs. raw openpyxl write-only (issue 5/7 budget ≤ 1.5×).

Run:  /work/main/.venv/bin/python tests/benchmarks/bench_export.py [--rows 100000] [--repeat 2]

Both runs write the same 100,000 case rows (same cell values, including real dates) in the
same process; the baseline is the bare minimum: Workbook(write_only=True), one sheet, a header
row, ws.append(values) per row, save. The exporter additionally writes the summary and the
breakdown sheets with charts, styles, freeze panes, widths, filter and conditional format, and
checks cancellation / reports progress. The rows are built in memory beforehand so neither
timing includes generating them. Prints times and the ratio; not collected by pytest.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "exports")]

import lxml  # noqa: E402  (openpyxl uses it when installed; the budget assumes it)
import openpyxl  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from desktop_app.exports.statistics_xlsx import (  # noqa: E402
    CASE_LIST_COLUMNS,
    export_statistics_workbook,
)
from statistics_sample import make_report, synthetic_rows  # noqa: E402

BUDGET_RATIO = 1.5


def raw_openpyxl(rows_as_values: list[tuple], path: Path) -> float:
    started = time.perf_counter()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("案件台账")
    sheet.append([header for _, header, _ in CASE_LIST_COLUMNS])
    for values in rows_as_values:
        sheet.append(values)
    workbook.save(path)
    return time.perf_counter() - started


def exporter(rows: list, path: Path) -> float:
    report = make_report()
    started = time.perf_counter()
    result = export_statistics_workbook(report, iter(rows), path, total_rows=len(rows),
                                        progress=lambda done, total: None,
                                        cancelled=lambda: False)
    elapsed = time.perf_counter() - started
    assert result.case_rows_written == len(rows) and not result.cancelled
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best is kept")
    args = parser.parse_args()

    rows = list(synthetic_rows(args.rows))
    fields = [name for name, _, _ in CASE_LIST_COLUMNS]
    rows_as_values = [
        tuple(("是" if value else "否") if name == "overdue" else value
              for name, value in ((name, getattr(row, name)) for name in fields))
        for row in rows
    ]
    raw_times: list[float] = []
    export_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench_export_") as tmp:
        for run in range(args.repeat):
            # alternate the order so warm-up and cache effects do not favour one side
            order = ((raw_openpyxl, rows_as_values, raw_times), (exporter, rows, export_times))
            for func, data, sink in (order if run % 2 == 0 else order[::-1]):
                gc.collect()
                sink.append(func(data, Path(tmp) / f"{func.__name__}_{run}.xlsx"))
        raw_size = (Path(tmp) / "raw_openpyxl_0.xlsx").stat().st_size
        export_size = (Path(tmp) / "exporter_0.xlsx").stat().st_size

    raw, ours = min(raw_times), min(export_times)
    ratio = ours / raw
    print(f"machine: {platform.machine()} {platform.processor() or ''} cpus={os.cpu_count()} "
          f"python {platform.python_version()} openpyxl {openpyxl.__version__} "
          f"lxml {lxml.__version__}")
    print(f"rows: {args.rows:,} × {len(CASE_LIST_COLUMNS)} columns, best of {args.repeat}")
    print(f"{'measure':<34}{'seconds':>10}{'file MB':>10}")
    print(f"{'raw openpyxl write-only (baseline)':<34}{raw:>10.2f}{raw_size / 1e6:>10.1f}")
    print(f"{'export_statistics_workbook':<34}{ours:>10.2f}{export_size / 1e6:>10.1f}")
    verdict = "within budget" if ratio <= BUDGET_RATIO else "OVER BUDGET"
    print(f"ratio: {ratio:.2f}× (budget ≤ {BUDGET_RATIO}×) → {verdict}")
    return 0 if ratio <= BUDGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
