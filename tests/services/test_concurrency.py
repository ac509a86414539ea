"""Several workstations: optimistic locking keeps the second editor's input; numbers stay unique under
concurrent registration from several processes (SQLite file and the PostgreSQL server)."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import re
from collections import defaultdict

import pytest

from desktop_app.domain.errors import ConflictError
from desktop_app.services.security import register_services
from tests.services.scenario import written

register_services()

PROCESSES, PER_PROCESS = 4, 25


def test_second_save_of_the_same_case_is_refused_and_its_input_kept(services, staff):  # type: ignore[no-untyped-def]
    ref = staff.user("desk").registration.register(written())
    first, second = staff.user("desk"), staff.user("head2")  # two workstations open the same case
    a, b = first.registration.get_case(ref.id), second.registration.get_case(ref.id)
    a.registration.facts_text = "第一位工作人员的修改。"
    first.registration.update_registration(ref.id, a.registration, expected_version=a.version)
    b.registration.facts_text = "第二位工作人员的修改。"
    with pytest.raises(ConflictError) as e:
        second.registration.update_registration(ref.id, b.registration, expected_version=b.version)
    assert "已被其他人修改" in e.value.message and "已保留" in e.value.message
    assert b.registration.facts_text == "第二位工作人员的修改。"  # the form's data is untouched
    assert services.registration.get_case(ref.id).registration.facts_text == "第一位工作人员的修改。"
    # After reopening, the second save goes through.
    fresh = second.registration.get_case(ref.id)
    second.registration.update_registration(ref.id, b.registration, expected_version=fresh.version)


def _register_many(db_url: str, n: int, worker: int) -> list[str]:
    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.hub import open_services
    from tests.services.scenario import written as make
    hub = open_services(AppConfig(database_url=db_url, office_code="TL", office_name="铁岭县司法局",
                                  office_short_name="铁司"), clock=FixedClock(dt.datetime(2025, 3, 3, 9)),
                        run_migrations=False)
    out = []
    for i in range(n):
        # Alternate years so two sequences are contended at once.
        inp = make(received_at=dt.datetime(2024 if (i + worker) % 2 else 2025, 2, 3, 9))
        out.append(hub.registration.register(inp).case_no)
    hub.ctx.db.dispose()
    return out


def test_case_numbers_unique_and_gap_free_under_concurrent_processes(services, db_url):  # type: ignore[no-untyped-def]
    ctx = mp.get_context("spawn")
    with ctx.Pool(PROCESSES) as pool:
        results = pool.starmap(_register_many, [(db_url, PER_PROCESS, w) for w in range(PROCESSES)])
    numbers = [n for r in results for n in r]
    assert len(numbers) == PROCESSES * PER_PROCESS == len(set(numbers))
    by_year: dict[int, list[int]] = defaultdict(list)
    for n in numbers:
        year, seq = re.search(r"〔(\d{4})〕第(\d+)号", n).groups()  # type: ignore[union-attr]
        by_year[int(year)].append(int(seq))
    for year, seqs in by_year.items():
        assert sorted(seqs) == list(range(1, len(seqs) + 1)), f"{year}年案号有缺号或重号"
    assert services.registration.count_cases() == PROCESSES * PER_PROCESS
    assert services.audit.verify().ok  # the audit chain stayed linear under concurrent writers
