"""Rule sets as data: content of the 2013/2025 files, selection by date, strict loading, patches."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from desktop_app.resources import resource_path
from desktop_app.rules.ruleset import (DOCUMENT_KINDS, RuleFileError, RuleRegistry, RuleSet,
                                       RuleSetNotFound, chinese_number)

D = dt.date.fromisoformat
RULES_DIR = resource_path("rules")


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.load_default()


@pytest.mark.parametrize(("received", "ruleset_id"), [
    ("2014-01-01", "2013"), ("2020-05-05", "2013"), ("2025-06-14", "2013"),
    ("2025-06-15", "2025"), ("2027-03-01", "2025"),
])
def test_case_bound_to_ruleset_in_force_on_receipt_date(registry, received, ruleset_id):
    assert registry.for_date(D(received)).id == ruleset_id


def test_receipt_before_2014_gives_a_clear_error(registry):
    with pytest.raises(RuleSetNotFound, match="早于最早的规则版本施行日 2014-01-01"):
        registry.for_date(D("2013-12-31"))
    with pytest.raises(RuleSetNotFound, match="2013、2025"):
        registry.get("2099")


def test_2013_set_cites_the_real_article_text(registry):
    rs = registry.get("2013")
    assert rs.articles["9"].items[2] == "投诉人仅对法律援助案件办理结果有异议的；"
    assert "一般应当在45日内办结" in rs.article_text(15)
    assert rs.articles["21"].text == "本办法自2014年1月1日起施行。"
    assert rs.citation(9, 3) == "《法律援助投诉处理办法》第九条第（三）项"
    assert rs.citation(21) == "《法律援助投诉处理办法》第二十一条"
    assert rs.reason("R9-3").notice_text == (
        "属于《法律援助投诉处理办法》第九条第（三）项规定的投诉人仅对法律援助案件办理结果有异议的情形")
    assert [g.item for g in rs.grounds.values()] == [1, 2, 3, 4]
    assert rs.sub_type("P5").ground == "M3"
    assert rs.clock("C1").length == 5 and rs.clock("C1").unit.value == "working_days"
    assert rs.clock("C2").length == 45 and rs.clock("C2").unit.value == "calendar_days"
    assert rs.clock("C2").warn_at_days == (30, 40, 43)
    assert rs.time_limits_confirmed and not rs.features.merging_allowed


def test_2013_reason_codes_and_outcomes_are_complete(registry):
    rs = registry.get("2013")
    assert set(rs.non_acceptance_reasons) == {
        "R9-1", "R9-2a", "R9-2b", "R9-2c", "R9-2d", "R9-2e", "R9-3", "R9-4",
        "R8-1", "R8-2", "R8-3", "R8-4", "R8-5", "RP-PHONE"}
    assert all(rs.reason(f"R9-2{x}").requires_other_procedure for x in "abcde")
    assert {c: rs.condition(c).failure_reason for c in rs.acceptance_conditions} == {
        f"A{i}": f"R8-{i}" for i in range(1, 6)}
    substantiated = {code for code, o in rs.outcomes.items() if o.substantiated}
    assert substantiated == {"O1a", "O1b", "O1c", "O1d", "O2a", "O2b", "O2c", "OX"}
    assert rs.outcome("O2c").requires_due_date and rs.outcome("O2c").requires_minor_conditions
    assert rs.outcome("OX").combinable and rs.outcome("OX").requires_transfer_target
    assert len(rs.minor_conditions) == 3


def test_2025_set_is_honest_about_what_is_unknown(registry):
    rs = registry.get("2025")
    assert rs.document_number == "司法部令第149号" and rs.effective_from == D("2025-06-15")
    assert rs.time_limits_confirmed is False
    assert rs.time_limits_note == "2025年办法时限尚未核实，暂按2013年办法时限计算"
    assert len(rs.grounds) == 7 and not rs.ground("G6").confirmed and rs.ground("G3").confirmed
    assert {"TRADE_UNION", "YOUTH_LEAGUE", "WOMENS_FEDERATION", "DISABLED_PERSONS_FEDERATION"} <= set(rs.respondent_types)
    assert rs.features.merging_allowed and rs.features.entrusted_investigation
    assert rs.features.one_time_supplement_notice.value == "required"
    assert "具体条款待核实" in rs.reason("R9-3").notice_text
    assert rs.clock("C1").length == 5  # carries the 2013 limits until confirmed


@pytest.mark.parametrize("ruleset_id", ["2013", "2025"])
def test_documents_and_archive_checklist_use_the_shared_kind_codes(registry, ruleset_id):
    rs = registry.get(ruleset_id)
    assert tuple(rs.documents) == DOCUMENT_KINDS
    for kind in ("accepted", "not_accepted", "withdrawn"):
        items = rs.archive_checklist.for_outcome(kind)
        assert {i.document for i in items} <= set(DOCUMENT_KINDS)
        assert {(i.document, i.condition.value) for i in items} >= {
            ("registration_form", "always"), ("oral_record", "oral"), ("poa", "agent")}
    accepted = {(i.document, i.condition.value) for i in rs.archive_checklist.accepted}
    assert {("extension_approval", "extended"), ("extension_notice", "extended"),
            ("transfer_letter", "transferred"), ("reply", "always")} <= accepted
    assert rs.format_document_number("acceptance_notice", office_short="昌", year=2025, seq=7) == "昌司援投受字〔2025〕第7号"
    assert rs.format_document_number("registration_form", office_short="昌", year=2025, seq=7) is None


def test_round_trip_and_patch_returns_a_new_validated_set(registry):
    rs = registry.get("2025")
    assert RuleSet.from_dict(rs.to_dict()) == rs
    confirmed = rs.apply_patch({"time_limits_confirmed": True, "time_limits_note": None,
                                "clocks": {"C1": {"length": 7}}})
    assert (confirmed.clock("C1").length, rs.clock("C1").length) == (7, 5)
    assert confirmed.time_limits_confirmed and not rs.time_limits_confirmed
    new_registry = registry.replace(confirmed)
    assert new_registry.for_date(D("2025-07-01")).clock("C1").length == 7
    with pytest.raises(RuleFileError, match=r"clocks\.C1\.length") as info:
        rs.apply_patch({"clocks": {"C1": {"length": "五"}}})
    assert "应为整数" in info.value.message
    with pytest.raises(RuleFileError, match="不能修改规则版本编号"):
        rs.apply_patch({"id": "2026"})
    with pytest.raises(RuleFileError, match="time_limits_note"):
        rs.apply_patch({"time_limits_note": None})


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 32)] == ["一", "十", "十一", "二十", "二十一", "三十二"]


# ---------------------------------------------------------------- malformed files

def _broken_copy(tmp_path: Path, edit) -> Path:
    data = json.loads((RULES_DIR / "2013.json").read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "2013.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _set(path: str, value):
    def edit(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[key]
        if value is KeyError:
            del data[last]
        else:
            data[last] = value
    return edit


@pytest.mark.parametrize(("edit", "key_path", "problem"), [
    (_set("clocks.C1.lenght", 5), "clocks.C1.lenght", "未知的键"),
    (_set("clocks.C1.length", KeyError), "clocks.C1.length", "缺少必填的键"),
    (_set("clocks.C1.length", "5"), "clocks.C1.length", "应为整数"),
    (_set("clocks.C1.length", 0), "clocks.C1.length", "正整数"),
    (_set("clocks.C2.unit", "weeks"), "clocks.C2.unit", "working_days"),
    (_set("effective_from", "2014-02-30"), "effective_from", "不存在"),
    (_set("effective_to", "2014/01/01"), "effective_to", "YYYY-MM-DD"),
    (_set("sub_types.P1.ground", "M9"), "sub_types.P1.ground", "不存在的投诉事项“M9”"),
    (_set("acceptance_conditions.A4.failure_reason", "R8-9"), "acceptance_conditions.A4.failure_reason", "R8-9"),
    (_set("grounds.M1.item", 9), "grounds.M1.item", "没有第9项"),
    (_set("non_acceptance_reasons.R9-3.notice_text", "属于仅对结果有异议的情形"), "non_acceptance_reasons.R9-3.notice_text",
     "第九条第（三）项"),
    (_set("documents.reply.number_pattern", "{office}投复〔{year}〕{seq}"), "documents.reply.number_pattern", "office"),
    (_set("documents.reply", KeyError), "documents.reply", "缺少文书种类"),
    (_set("archive_checklist.accepted", [{"document": "appeal", "condition": "always"}]),
     "archive_checklist.accepted[0].document", "appeal"),
    (_set("channels.PIGEON", {"allowed": True, "written": True, "needs_signature": False}), "channels.PIGEON", "渠道"),
    (_set("respondent_types.OUT_OF_SCOPE", KeyError), "respondent_types", "out_of_scope"),
])
def test_malformed_rule_file_names_file_key_and_problem(tmp_path, edit, key_path, problem):
    path = _broken_copy(tmp_path, edit)
    with pytest.raises(RuleFileError) as info:
        RuleSet.from_file(path)
    message = info.value.message
    assert "2013.json" in message and key_path in message and problem in message
    assert info.value.key_path == key_path
    assert "rule file" in message  # English part for the log


def test_duplicate_code_in_file_is_refused(tmp_path):
    text = (RULES_DIR / "2013.json").read_text(encoding="utf-8")
    text = text.replace('"grounds": {', '"grounds": {\n    "M2": {"label": "x", "article": 5, "item": 2, "confirmed": true},', 1)
    path = tmp_path / "2013.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError, match="“M2”重复"):
        RuleSet.from_file(path)


def test_invalid_json_names_line(tmp_path):
    path = tmp_path / "2013.json"
    path.write_text('{\n  "id": "2013",\n  oops\n}', encoding="utf-8")
    with pytest.raises(RuleFileError, match="第3行"):
        RuleSet.from_file(path)


def test_registry_refuses_overlapping_date_ranges(tmp_path):
    shutil.copy(RULES_DIR / "2025.json", tmp_path / "2025.json")
    _broken_copy(tmp_path, _set("effective_to", "2025-07-01"))
    with pytest.raises(RuleFileError, match="重叠"):
        RuleRegistry.from_directory(tmp_path)
    with pytest.raises(RuleFileError, match="没有规则文件"):
        RuleRegistry.from_directory(tmp_path / "empty")
