"""Every list, search, dashboard and statistics query is served by an index (SQLite EXPLAIN QUERY PLAN).

A query plan line ``SCAN complaints`` without an index means the database reads every case:
fine at 500 cases, 1 s at 1,000,000. The plans are taken without ANALYZE statistics, as on a
fresh office database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.persistence import search
from desktop_app.services import registration
from desktop_app.services.demo import DemoResult
from desktop_app.services.dto import CaseFilter
from desktop_app.services.hub import Services

# Tables that grow with the number of cases.
BIG_TABLES = ("complaints", "complainants", "respondents", "handling_decisions", "transcripts",
              "supervision_tasks", "documents", "investigation_acts", "case_events", "archive_volumes")
FULL_SCAN = re.compile(r"^SCAN (\w+)(?: AS \w+)?$")


@pytest.fixture
def sqlite_services(services: Services, demo: DemoResult) -> Services:
    if not services.ctx.db.is_sqlite:
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's; PostgreSQL plans are printed by the benchmarks")
    with services.ctx.db.engine.connect() as conn:  # plans as on a database never analysed
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat4")
        conn.commit()
    services.ctx.db.engine.dispose()
    return services


def _captured(services: Services, action: Callable[[], Any]) -> Iterator[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, context: Any, executemany: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, params))

    event.listen(services.ctx.db.engine, "before_cursor_execute", capture)
    try:
        action()
    finally:
        event.remove(services.ctx.db.engine, "before_cursor_execute", capture)
    return iter(seen)


def _full_scans(services: Services, action: Callable[[], Any]) -> list[str]:
    problems = []
    for statement, params in _captured(services, action):
        with services.ctx.db.engine.connect() as conn:
            plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
        for line in plan:
            match = FULL_SCAN.match(line.strip())
            if match and match.group(1) in BIG_TABLES:
                problems.append(f"{line}  ← {' '.join(statement.split())}")
    return problems


LIST_FILTERS = [
    ("state + deadline", CaseFilter(states=["INVESTIGATING"]), "next_due_date", False),
    ("several states + deadline", CaseFilter(states=["ACCEPTED", "INVESTIGATING", "DECIDED"]), "next_due_date", False),
    ("open cases + deadline", CaseFilter(include_closed=False), "next_due_date", False),
    ("archived + deadline", CaseFilter(states=["ARCHIVED"]), "next_due_date", False),
    ("everything, newest first", CaseFilter(), "received_date", True),
    ("overdue", CaseFilter(overdue_only=True), "next_due_date", False),
    ("ground", CaseFilter(ground_code="M1"), "received_date", True),
    ("respondent type", CaseFilter(respondent_type="LAWYER"), "received_date", True),
    ("channel", CaseFilter(channel="PHONE"), "received_date", True),
    ("received in a year", CaseFilter(received_from=dt.date(2022, 1, 1), received_to=dt.date(2022, 12, 31)),
     "received_date", True),
    ("by complainant", CaseFilter(), "complainant", False),
    ("by respondent", CaseFilter(), "respondent", False),
    ("by case number", CaseFilter(), "case_no", True),
    ("search 2 characters", CaseFilter(text="张伟"), "received_date", True),
    ("search 1 character", CaseFilter(text="张"), "received_date", True),
    ("search 5 characters", CaseFilter(text="律师事务所"), "received_date", True),
    ("search + state", CaseFilter(text="律师", states=["ARCHIVED"]), "next_due_date", False),
]


SEARCH_FILTERS = [f for f in LIST_FILTERS if f[1].text] + [
    ("search 2 characters + open cases", CaseFilter(text="律师", include_closed=False), "received_date", True),
    ("search 3 characters + a year", CaseFilter(text="律师事", received_from=dt.date(2022, 1, 1),
                                                received_to=dt.date(2022, 12, 31)), "received_date", True),
    ("search by complainant", CaseFilter(text="律师"), "complainant", False),
]


@pytest.mark.parametrize("name, flt, sort, descending", LIST_FILTERS, ids=[f[0] for f in LIST_FILTERS])
def test_case_list_and_count_use_indexes(sqlite_services: Services, name: str, flt: CaseFilter, sort: str,
                                         descending: bool) -> None:
    reg = sqlite_services.registration
    scans = _full_scans(sqlite_services, lambda: (reg.list_cases(flt, sort=sort, descending=descending, limit=100),
                                                  reg.count_cases(flt), reg.count_cases(flt, cap=50)))
    assert scans == [], f"{name}: full table scan\n" + "\n".join(scans)


@pytest.mark.parametrize("walk_filtered_rows, intersect_filtered_rows", [(0, 0), (0, 1_000_000), (1_000_000, 1_000_000)],
                         ids=["matches drive count", "matches tested against filtered ids", "filtered rows tested"])
@pytest.mark.parametrize("name, flt, sort, descending", SEARCH_FILTERS, ids=[f[0] for f in SEARCH_FILTERS])
def test_search_of_a_frequent_term_walks_an_index(sqlite_services: Services, monkeypatch: pytest.MonkeyPatch,
                                                  name: str, flt: CaseFilter, sort: str, descending: bool,
                                                  walk_filtered_rows: int, intersect_filtered_rows: int) -> None:
    """A frequent term: the page walks the sort index, the capped count is index-driven too."""
    monkeypatch.setattr(search, "FREQUENT_MATCHES", 1)
    monkeypatch.setattr(registration, "WALK_FILTERED_ROWS", walk_filtered_rows)
    monkeypatch.setattr(registration, "INTERSECT_FILTERED_ROWS", intersect_filtered_rows)
    reg = sqlite_services.registration
    page_sql = [st for st, _ in _captured(sqlite_services, lambda: reg.list_cases(flt, sort=sort, limit=100))
                if "case_no" in st]
    if reg.count_cases(CaseFilter(text=flt.text)):  # (no match at all: nothing to walk for)
        assert page_sql and all(" LIKE " in st and "MATCH" not in st for st in page_sql)  # rows tested
    scans = _full_scans(sqlite_services, lambda: (reg.list_cases(flt, sort=sort, descending=descending, limit=100),
                                                  reg.count_cases(flt), reg.count_cases(flt, cap=50)))
    assert scans == [], f"{name}: full table scan\n" + "\n".join(scans)


def test_dashboard_uses_indexes(sqlite_services: Services) -> None:
    from desktop_app.services.deadlines import DeadlinesService

    svc = DeadlinesService(sqlite_services.ctx, sqlite_services.actor, sqlite_services)
    scans = _full_scans(sqlite_services, svc.dashboard)
    assert scans == [], "dashboard: full table scan\n" + "\n".join(scans)


def test_year_statistics_use_indexes(sqlite_services: Services) -> None:
    from desktop_app.services.statistics import StatisticsService

    svc = StatisticsService(sqlite_services.ctx, sqlite_services.actor, sqlite_services)
    scans = _full_scans(sqlite_services, lambda: svc.report(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert scans == [], "statistics of a year: full table scan\n" + "\n".join(scans)


def test_year_statistics_read_covering_indexes_only(sqlite_services: Services) -> None:
    """No statistics query reads the wide case rows (3 KB each): a year at 1,000,000 cases would
    read 150,000 of them per query. Only primary-key lookups of a few rows (extensions) are allowed."""
    from desktop_app.services.statistics import StatisticsService

    svc = StatisticsService(sqlite_services.ctx, sqlite_services.actor, sqlite_services)
    statements = list(_captured(sqlite_services, lambda: svc.report(dt.date(2024, 1, 1), dt.date(2024, 12, 31))))
    assert len(statements) >= 20
    row_reads = []
    for statement, params in statements:
        with sqlite_services.ctx.db.engine.connect() as conn:
            plan = [r[-1] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]
        for line in plan:
            reads_rows = re.match(r"^SEARCH (complaints|respondents)\b", line) and not re.search(
                r"COVERING INDEX|PRIMARY KEY", line)
            if reads_rows:
                row_reads.append(f"{line}\n    {' '.join(statement.split())[:300]}")
    assert row_reads == [], "statistics query reads case rows:\n" + "\n".join(row_reads)


ARCHIVE_QUERIES = [("name", {"party": "张"}), ("anything", {"text": "律师"}), ("number", {"number": "投档"}),
                   ("year", {"year": 2022}), ("ground + outcome", {"ground_code": "M1", "outcome": "SUBSTANTIATED"}),
                   ("complaint text, all cases", {"full_text": "收取", "archived_only": False})]


@pytest.mark.parametrize("frequent_from", [1, 1_000_000], ids=["frequent terms", "rare terms"])
@pytest.mark.parametrize("name, fields", ARCHIVE_QUERIES, ids=[q[0] for q in ARCHIVE_QUERIES])
def test_archive_search_uses_indexes(sqlite_services: Services, monkeypatch: pytest.MonkeyPatch, name: str,
                                     fields: dict[str, Any], frequent_from: int) -> None:
    from desktop_app.services.archive_search import ArchiveQuery, ArchiveSearchService

    monkeypatch.setattr(search, "FREQUENT_MATCHES", frequent_from)
    svc = ArchiveSearchService(sqlite_services.ctx, sqlite_services.actor, sqlite_services)
    q = ArchiveQuery(**fields)
    scans = _full_scans(sqlite_services, lambda: (svc.search(q), svc.count(q, cap=100)))
    # Volumes newest first: a walk of archive_volumes in key order that stops at the page or the cap.
    scans = [line for line in scans if not (line.startswith("SCAN archive_volumes ")
                                            and "ORDER BY archive_volumes.id DESC" in line and "LIMIT" in line)]
    assert scans == [], f"archive search {name}: full table scan\n" + "\n".join(scans)
