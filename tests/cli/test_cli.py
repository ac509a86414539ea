"""The command line, run as a real subprocess (as an office would script it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, db: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop_app", *args, "--db", str(db)], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=check, timeout=120)


def test_rules_deadlines_json_around_national_day(tmp_path):
    r = cli("rules", "deadlines", "--received", "2025-09-30", "--accepted", "2025-10-09", "--decided",
            "2025-11-20", "--json", "--today", "2025-10-09", db=tmp_path / "a.db", check=True)
    out = json.loads(r.stdout)
    clocks = {c["clock"]: c for c in out["clocks"]}
    assert out["rule_set"] == "2025" and out["time_limits_confirmed"] is False
    assert clocks["C1"]["due_date"] == "2025-10-14"
    assert clocks["C2"]["due_date"] == "2025-11-24"  # day 45 is Sunday 11-23: rolls to Monday
    assert clocks["C2"]["raw_due_date"] == "2025-11-23"
    assert clocks["C3"]["due_date"] == "2025-11-27"
    assert any("调休上班" in line for line in clocks["C1"]["explanation"])


def test_rules_deadlines_2027_flags_unconfirmed_calendar(tmp_path):
    r = cli("rules", "deadlines", "--received", "2027-01-29", "--today", "2027-02-01", db=tmp_path / "a.db",
            check=True)
    assert "日历未确认" in r.stdout and "2027" in r.stdout


def test_rules_deadlines_rejects_a_bad_date(tmp_path):
    r = cli("rules", "deadlines", "--received", "2025-13-01", db=tmp_path / "a.db")
    assert r.returncode == 2 and "YYYY-MM-DD" in r.stderr


FACTS = {
    "channel": "LETTER", "complainant_role": "RECIPIENT", "anonymous": False, "agent": False,
    "respondent_type": "LAWYER", "request_stated": True, "facts_stated": True, "reasons_stated": True,
    "in_jurisdiction": True, "ground": "M2", "only_disputes_result": True, "conduct_alleged": False,
    "received_date": "2025-03-03",
}


def test_rules_review_result_only_is_not_accepted_with_article(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS, ensure_ascii=False), encoding="utf-8")
    r = cli("rules", "review", str(path), "--json", "--today", "2025-03-03", db=tmp_path / "a.db", check=True)
    out = json.loads(r.stdout)
    assert out["recommendation"] == "NOT_ACCEPT"
    assert any("第九条第（三）项" in f["citation"] for f in out["findings"])
    text = cli("rules", "review", str(path), "--today", "2025-03-03", db=tmp_path / "a.db", check=True).stdout
    assert "第九条第（三）项" in text


@pytest.mark.parametrize("patch,bad", [({"channel": "PIGEON"}, "channel"), ({"colour": "red"}, "colour"),
                                       ({"received_date": "3 March"}, "received_date")])
def test_rules_review_names_bad_keys_and_exits_2(tmp_path, patch, bad):
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS | patch, ensure_ascii=False), encoding="utf-8")
    r = cli("rules", "review", str(path), db=tmp_path / "a.db")
    assert r.returncode == 2
    assert bad in r.stderr


def test_rules_review_malformed_json_exits_2(tmp_path):
    path = tmp_path / "facts.json"
    path.write_text("{not json", encoding="utf-8")
    r = cli("rules", "review", str(path), db=tmp_path / "a.db")
    assert r.returncode == 2 and "第1行" in r.stderr


def test_print_lists_kinds_and_prints_a_case(tmp_path):
    db = tmp_path / "p.db"
    kinds = cli("print", "--list", db=db, check=True).stdout
    assert "registration_form" in kinds and "法律援助投诉登记表" in kinds
    cli("demo", "--cases", "5", "--seed", "7", db=db, check=True) if "demo" in _commands() else _one_case(db)
    case_no = _first_case_no(db)
    out = tmp_path / "form.pdf"
    r = cli("print", case_no, "registration_form", "--out", str(out), db=db, check=True)
    assert out.exists() and "已生成" in r.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert case_no in text.replace("\n", "") or "登记表" in text
    bad = cli("print", case_no, "no_such_kind", "--out", str(out), db=db)
    assert bad.returncode != 0 and "未知的文书类型" in bad.stderr


def _commands() -> str:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--help"], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT))).stdout


def _one_case(db: Path) -> None:
    code = f"""
import datetime as dt
from desktop_app.config import AppConfig
from desktop_app.services.hub import open_services
from desktop_app.services.dto import RegistrationInput, ComplainantInput, RespondentInput
hub = open_services(AppConfig(database_url='sqlite:///{db}'))
hub.registration.register(RegistrationInput(channel='LETTER', complainants=[ComplainantInput(name='张三')],
    respondents=[RespondentInput(type_code='LAWYER', name='李明')], request_text='请求', facts_text='事实',
    reasons_text='理由'))
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def _first_case_no(db: Path) -> str:
    import sqlite3
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT case_no FROM complaints WHERE state NOT IN ('ARCHIVED','MERGED') ORDER BY id LIMIT 1").fetchone()[0]
