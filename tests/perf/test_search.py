"""Chinese substring search finds every match — 1, 2, 3 and more characters — on both databases."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, update

from desktop_app.domain import models as m
from desktop_app.persistence import search
from desktop_app.services import registration
from desktop_app.services.demo import DemoResult
from desktop_app.services.dto import CaseFilter
from desktop_app.services.hub import Services


def _documents(services: Services) -> dict[int, str]:
    with services.ctx.db.session() as s:
        rows = s.execute(select(m.Complaint.id, m.Complaint.party_text, m.Complaint.request_text,
                                m.Complaint.facts_text, m.Complaint.reasons_text)).all()
    return {r.id: "\n".join((r.party_text, r.request_text, r.facts_text, r.reasons_text)) for r in rows}


def _expected(docs: dict[int, str], query: str) -> set[int]:
    q = query.lower()
    return {i for i, text in docs.items() if any(q in part.lower() for part in text.split("\n"))}


def _found(services: Services, query: str) -> set[int]:
    rows = services.registration.list_cases(CaseFilter(text=query), limit=100_000)
    assert services.registration.count_cases(CaseFilter(text=query)) == len(rows)
    return {r.id for r in rows}


@pytest.fixture(params=["by match set", "walking the list"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both plans of a search: rare terms drive by the match set, frequent ones walk the list's index."""
    if request.param == "walking the list":  # every term counts as frequent on the small database
        monkeypatch.setattr(search, "FREQUENT_MATCHES", 1)
    return str(request.param)


def test_every_match_for_queries_of_every_length(services: Services, demo: DemoResult, plan: str) -> None:
    docs = _documents(services)
    with services.ctx.db.session() as s:
        names = [n for n in s.scalars(select(m.Complainant.name)) if len(n) in (2, 3)]
        ids = list(s.scalars(select(m.Complainant.id_number)))
    rng = random.Random(5)
    two_char = next(n for n in names if len(n) == 2)
    three_char = next(n for n in names if len(n) == 3)
    id_with_x = next((i for i in ids if i.endswith("X")), ids[0])
    queries = [
        two_char,                       # 张伟: a whole 2-character name
        two_char[0],                    # a surname alone (1 character)
        three_char,                     # 3-character name via the trigram index
        three_char[1:],                 # a given name (2 characters, inside a word)
        "律师事务所",                     # respondent unit
        "收取费用",                       # complaint text
        id_with_x[-6:].lower(),         # ID number tail, lower-case x finds X
        ids[1][6:10],                   # 4 digits (birth year)
        "援",                            # 1 character in case numbers and text
        "。",                            # punctuation, 1 character
        "无此内容的查询",                  # nothing
    ]
    for _ in range(5):  # random 2-character slices of complaint text
        text = rng.choice(list(docs.values())).split("\n")[2]
        k = rng.randrange(0, max(1, len(text) - 2))
        queries.append(text[k:k + 2])
    for q in queries:
        expected = _expected(docs, q)
        assert _found(services, q) == expected, f"search {q!r}"
    assert _expected(docs, two_char) and _expected(docs, three_char)


def test_search_follows_edits_of_parties_and_text(services: Services, demo: DemoResult) -> None:
    with services.ctx.db.write_session_factory() as s, s.begin():
        case_id = s.scalar(select(m.Complaint.id).order_by(m.Complaint.id).limit(1))
        s.execute(update(m.Complaint).where(m.Complaint.id == case_id).values(
            facts_text="承办律师在庭审中睡觉", party_text="欧阳娜娜 13800000000"))
    assert _found(services, "庭审中睡觉") == {case_id}
    assert _found(services, "娜娜") == {case_id}
    assert case_id in _found(services, "睡")
    with services.ctx.db.write_session_factory() as s, s.begin():
        s.execute(update(m.Complaint).where(m.Complaint.id == case_id).values(facts_text="已更正"))
    assert _found(services, "庭审中睡觉") == set()
    assert case_id not in _found(services, "睡觉")
    assert _found(services, "欧阳娜娜") == {case_id}
    with services.ctx.db.write_session_factory() as s, s.begin():  # the complaint's reasons (投诉理由) too
        s.execute(update(m.Complaint).where(m.Complaint.id == case_id).values(reasons_text="援助律师私下索要茶水费"))
    assert _found(services, "索要茶水费") == {case_id}
    assert case_id in _found(services, "茶水")


def test_search_combines_with_filters(services: Services, demo: DemoResult, plan: str) -> None:
    docs = _documents(services)
    with services.ctx.db.session() as s:
        state_of = dict(s.execute(select(m.Complaint.id, m.Complaint.state)).all())
    q = "律师"
    expected = {i for i in _expected(docs, q) if state_of[i] == "ARCHIVED"}
    rows = services.registration.list_cases(CaseFilter(text=q, states=["ARCHIVED"]), sort="next_due_date",
                                            descending=False, limit=100_000)
    assert {r.id for r in rows} == expected and expected


@pytest.mark.parametrize("walk_filtered_rows, intersect_filtered_rows", [(0, 0), (0, 1_000_000), (1_000_000, 1_000_000)],
                         ids=["matches drive", "matches tested against filtered ids", "filtered rows tested"])
def test_capped_total_of_a_frequent_term_says_more_than(services: Services, demo: DemoResult,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       walk_filtered_rows: int, intersect_filtered_rows: int) -> None:
    monkeypatch.setattr(search, "FREQUENT_MATCHES", 10)
    monkeypatch.setattr(registration, "WALK_FILTERED_ROWS", walk_filtered_rows)
    monkeypatch.setattr(registration, "INTERSECT_FILTERED_ROWS", intersect_filtered_rows)
    docs = _documents(services)
    reg = services.registration
    for q, flt in (("律师", CaseFilter(text="律师")), ("律", CaseFilter(text="律", include_closed=False)),
                   ("援助", CaseFilter(text="援助", states=["ARCHIVED"]))):
        exact = reg.count_cases(flt)
        assert exact > 30, q
        assert reg.count_cases(flt, cap=30) == 31  # "more than 30"
        assert registration.capped_total(reg.count_cases(flt, cap=30), 30) == (30, True)
        assert reg.count_cases(flt, cap=exact) == exact  # below the cap: the exact figure
        assert registration.capped_total(reg.count_cases(flt, cap=exact), exact) == (exact, False)
    with services.ctx.db.session() as s:
        names = [n for n in s.scalars(select(m.Complainant.name)) if len(n) == 3]
    rare = next(n for n in names if 0 < len(_expected(docs, n)) < 10)  # a rare term: exact below the cap
    assert reg.count_cases(CaseFilter(text=rare), cap=30) == len(_expected(docs, rare))
    assert reg.count_cases(CaseFilter(text="无此内容的查询"), cap=30) == 0
