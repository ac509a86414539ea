"""Archive search (number, names, ID, respondent, year, ground, outcome, complaint text) and the lending log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import desktop_app.services.archive_search  # noqa: F401 - registers hub.archive_search until hub.py imports it
from desktop_app.domain.errors import TransitionRefused
from desktop_app.services.archive_search import NOT_ACCEPTED, SUBSTANTIATED, ArchiveQuery
from tests.services.issue5_cases import COMPLAINT_TEXT, build_cases


def test_search_fields_and_lending(services: Any, staff: Any, clock: Any) -> None:
    built = build_cases(services, staff, clock, count=8)
    archivist = staff.user("archivist")
    rejected = [b for b in built if b.fate == "not_accepted"]
    archive_nos = {b.case_id: archivist.archive.archive(b.case_id) for b in rejected}
    search = archivist.archive_search

    def ids(**kw: Any) -> set[int]:
        return {h.case_id for h in search.search(ArchiveQuery(**kw))}

    assert ids() == set(archive_nos)  # archived volumes only, by default
    first = rejected[0]
    assert ids(number=archive_nos[first.case_id]) == {first.case_id}
    assert ids(number=first.case_no) == {first.case_id}
    assert ids(party=first.complainant) == {first.case_id}
    assert ids(party=first.id_number) == {first.case_id}
    assert ids(party=first.id_number.lower()) == {first.case_id}  # ID typed with a lower-case x
    assert ids(respondent=first.respondents[0]) == {b.case_id for b in rejected if first.respondents[0] in b.respondents}
    assert ids(year=2025) == set(archive_nos) and ids(year=2024) == set()
    assert ids(outcome=NOT_ACCEPTED) == set(archive_nos)
    # Including unarchived cases: full text of the complaint (Chinese substring), ground, outcome.
    with_text = {b.case_id for i, b in enumerate(built) if i % 4 == 0}
    assert ids(full_text="一言不发", archived_only=False) == with_text
    assert ids(text="从未会见", archived_only=False) == with_text
    assert ids(full_text="100%_", archived_only=False) == set()  # LIKE wildcards are literal
    assert ids(ground_code="M3", archived_only=False) == {b.case_id for i, b in enumerate(built) if i % 7 == 0}
    substantiated = ids(outcome=SUBSTANTIATED, archived_only=False)
    assert substantiated and substantiated == ids(outcome="O2a", archived_only=False) | ids(outcome="O1c", archived_only=False)
    assert ids(outcome="O1c", archived_only=False) < substantiated
    assert search.count(ArchiveQuery(archived_only=False)) == len(built)
    hit = search.search(ArchiveQuery(number=first.case_no))[0]
    assert hit.archive_no == archive_nos[first.case_id] and hit.outcome == "不予受理"
    assert hit.complainant == first.complainant and "*" in hit.complainant_id_no

    # Lending log: lend, refuse a second loan, return.
    loan = archivist.archive.add_lending(first.case_id, "刘强", "复查", dt.date(2025, 6, 10), dt.date(2025, 6, 5))
    assert search.search(ArchiveQuery(number=first.case_no))[0].on_loan_to == "刘强"
    with pytest.raises(TransitionRefused, match="尚未归还"):
        archivist.archive.add_lending(first.case_id, "赵刚", "查阅", dt.date(2025, 6, 10))
    rows = search.lendings(first.case_id)
    assert [(r.borrower, r.returned_on, r.overdue) for r in rows] == [("刘强", None, True)]
    archivist.archive.return_lending(loan, dt.date(2025, 6, 12))
    assert search.lendings(first.case_id)[0].returned_on == dt.date(2025, 6, 12)
    assert search.lendings(open_only=True) == []
    assert search.search(ArchiveQuery(number=first.case_no))[0].on_loan_to == ""


def test_an_archive_number_fragment_and_a_capped_count(services: Any, staff: Any, clock: Any) -> None:
    """The archive number is in the search index: any part of it finds the volume; counts can stop at a cap."""
    built = build_cases(services, staff, clock, count=8)
    archivist = staff.user("archivist")
    rejected = [b for b in built if b.fate == "not_accepted"]
    numbers = {b.case_id: archivist.archive.archive(b.case_id) for b in rejected}
    search = archivist.archive_search
    case_id, number = next(iter(numbers.items()))
    tail = number[-6:]  # e.g. "0001号": what someone reads off a spine label
    assert case_id in {h.case_id for h in search.search(ArchiveQuery(number=tail))}
    assert case_id in {h.case_id for h in search.search(ArchiveQuery(text=tail))}
    assert search.count(ArchiveQuery()) == len(numbers)
    assert search.count(ArchiveQuery(), cap=1) == min(len(numbers), 2)  # 2 = "more than 1"
    assert search.count(ArchiveQuery(), cap=len(numbers)) == len(numbers)
