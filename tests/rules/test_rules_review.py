"""Acceptance review: requirements §8 scenarios as a table, and strict fact-sheet parsing."""

from __future__ import annotations

import pytest

from desktop_app.domain.enums import Decision
from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.review import FactSheetError, parse_fact_sheet, review
from desktop_app.rules.ruleset import RuleRegistry

REGISTRY = RuleRegistry.load_default()
CALENDAR = WorkingCalendar()

# A complete, acceptable written complaint (received Monday 2025-03-03; C1 due 2025-03-10).
BASE = {
    "received_date": "2025-03-03", "channel": "LETTER", "complainant_role": "RECIPIENT",
    "respondent_type": "LAWYER", "respondent_identified": True, "request_stated": True,
    "facts_stated": True, "reasons_stated": True, "in_jurisdiction": True, "ground": "M2",
}
A, N, S = Decision.ACCEPT, Decision.NOT_ACCEPT, Decision.NEEDS_SUPPLEMENT

SCENARIOS = [
    # id, changes to BASE, expected recommendation, expected decisive codes
    ("base", {}, A, {"M2", "A1-A5"}),
    ("T02 agent without POA", {"agent": True, "poa_submitted": False}, S, set()),
    ("T02 POA still missing at C1", {"agent": True, "poa_submitted": False, "review_date": "2025-03-10"}, N, {"R8-1"}),
    ("T03 POA limited scope", {"agent": True, "poa_submitted": True,
                               "poa_scope": ["FILE_COMPLAINT", "SUBMIT_MATERIALS"]}, A, {"M2", "A1-A5"}),
    ("T04 only the result", {"only_disputes_result": True, "conduct_alleged": False, "ground": None}, N, {"R9-3"}),
    ("T05 result plus conduct", {"only_disputes_result": True, "conduct_alleged": True, "sub_type": "P11"}, A,
     {"M2", "A1-A5"}),
    ("T06a discipline body", {"ground": "M3", "pending_procedure": "discipline",
                              "pending_procedure_organ": "县纪委监委 2025-02-10 受理"}, N, {"R9-2e"}),
    ("T06b lawsuit pending", {"pending_procedure": "litigation", "pending_procedure_organ": "县人民法院"}, N, {"R9-2a"}),
    ("T06c petition office", {"pending_procedure": "petition", "pending_procedure_organ": "县信访局"}, N, {"R9-2d"}),
    ("T07 repeat, nothing new", {"channel": "EMAIL", "already_handled": True, "earlier_case": "昌司援投复字〔2024〕第3号"},
     N, {"R9-1"}),
    ("T07 repeat with new evidence", {"channel": "EMAIL", "already_handled": True, "new_evidence": True}, A,
     {"M2", "A1-A5"}),
    ("T11 wrong jurisdiction", {"in_jurisdiction": False, "competent_organ": "邻县司法局"}, N, {"R8-4"}),
    ("T12 judge", {"respondent_type": "OUT_OF_SCOPE", "ground": None, "not_a_violation": True}, N, {"R8-5", "R9-4"}),
    ("T13 anonymous e-mail", {"channel": "EMAIL", "anonymous": True, "complainant_role": None,
                              "respondent_type": "GRASSROOTS_WORKER", "ground": "M3"}, N, {"R8-1"}),
    ("T14 phone, not yet signed", {"channel": "PHONE", "signed": False}, S, set()),
    ("T14 phone, never signed by C1", {"channel": "PHONE", "signed": False, "review_date": "2025-03-10"}, N,
     {"RP-PHONE"}),
    ("T14 phone, signed at county office", {"channel": "PHONE", "signed": True}, A, {"M2", "A1-A5"}),
    ("T15 illegible fax", {"channel": "FAX", "respondent_identified": False, "request_stated": False,
                           "facts_stated": False}, S, set()),
    ("T15 not cured by C1", {"channel": "FAX", "respondent_identified": False, "request_stated": False,
                             "facts_stated": False, "review_date": "2025-03-11"}, N, {"R8-2", "R8-3"}),
]


@pytest.mark.parametrize(("changes", "expected", "codes"), [s[1:] for s in SCENARIOS], ids=[s[0] for s in SCENARIOS])
def test_scenarios(changes, expected, codes):
    facts = parse_fact_sheet({**BASE, **changes})
    result = review(facts, REGISTRY.for_date(facts.received_date), CALENDAR)
    assert result.recommendation is expected
    assert {f.code for f in result.findings} == codes
    assert result.clocks[0].clock == "C1" and result.clocks[0].due_date.isoformat() == "2025-03-10"


def _review(**changes):
    facts = parse_fact_sheet({**BASE, **changes})
    return review(facts, REGISTRY.for_date(facts.received_date), CALENDAR)


def test_non_acceptance_finding_prints_article_and_item():
    result = _review(only_disputes_result=True, conduct_alleged=False)
    finding = result.findings[0]
    assert (finding.article, finding.item) == (9, 3)
    assert finding.text == "属于《法律援助投诉处理办法》第九条第（三）项规定的投诉人仅对法律援助案件办理结果有异议的情形"
    assert next(r for r in result.reasons if r.code == "R9-3").applies is True


def test_every_condition_and_reason_is_evaluated():
    result = _review(agent=True, poa_submitted=False)
    assert [c.code for c in result.conditions] == ["A1", "A2", "A3", "A4", "A5"]
    assert {c.code: c.status for c in result.conditions}["A1"] == "unknown"
    assert [r.code for r in result.reasons] == ["R9-1", "R9-2a", "R9-2b", "R9-2c", "R9-2d", "R9-2e", "R9-3", "R9-4"]
    assert result.supplement_items == ("授权委托书（须载明委托权限）",)


def test_one_time_supplement_notice_lists_everything_missing_at_once():
    result = _review(channel="FAX", respondent_identified=False, request_stated=False, facts_stated=False)
    assert result.supplement_items == ("明确的被投诉人（机构或人员的名称）", "明确的投诉请求",
                                       "具体的投诉事实（时间、经过、涉及的法律援助事项）")
    assert any("不因补正中止" in a for a in result.advisories)


def test_t03_notices_go_to_complainant_unless_poa_covers_receiving_documents():
    assert _review(agent=True, poa_submitted=True, poa_scope=["FILE_COMPLAINT"]).notices_to == ("投诉人",)
    assert _review(agent=True, poa_submitted=True, poa_scope=["RECEIVE_DOCUMENTS"]).notices_to == ("投诉人", "代理人")


def test_t13_anonymous_cannot_be_notified():
    result = _review(anonymous=True, complainant_role=None)
    assert result.notice_possible is False and result.notices_to == ()


def test_t11_notice_names_the_competent_organ():
    result = _review(in_jurisdiction=False, competent_organ="邻县司法局")
    assert "邻县司法局" in result.findings[0].text


def test_2025_rules_accept_mass_organisation_respondent_and_suggest_merging():
    result = _review(received_date="2025-07-01", ground="G3", respondent_type="WOMENS_FEDERATION",
                     open_duplicate_case="昌司援投〔2025〕第0003号")
    assert result.ruleset_id == "2025" and result.recommendation is A
    assert any("合并办理" in a for a in result.advisories)
    assert "2025年办法时限尚未核实，暂按2013年办法时限计算" in result.clocks[0].explanation


def test_2013_ground_code_is_refused_under_2025_rules():
    with pytest.raises(FactSheetError) as info:
        _review(received_date="2025-07-01")  # ground M2 does not exist in the 2025 set
    assert info.value.bad_keys == ["ground"] and "G1" in info.value.message


def test_fact_sheet_error_names_every_bad_key():
    with pytest.raises(FactSheetError) as info:
        parse_fact_sheet({"channel": "PIGEON", "signed": "yes", "colour": "red", "pending_procedure": "court",
                          "poa_scope": ["EVERYTHING"]})
    assert set(info.value.bad_keys) == {"channel", "signed", "colour", "pending_procedure", "poa_scope", "received_date"}
    for key in info.value.bad_keys:
        assert f"“{key}”" in info.value.message


def test_fact_sheet_accepts_chinese_labels_and_nulls():
    facts = parse_fact_sheet({"received_date": "2025-03-03", "channel": "电子邮件", "complainant_role": "受援人",
                              "facts_stated": None, "anonymous": None})
    assert facts.channel.value == "EMAIL" and facts.complainant_role.value == "RECIPIENT"
    assert facts.facts_stated is None and facts.anonymous is False


def test_result_serialises_for_the_cli():
    data = _review().to_dict()
    assert data["recommendation"] == "ACCEPT" and data["clocks"][0]["due_date"] == "2025-03-10"
    assert "审查建议：受理" in _review().lines()
