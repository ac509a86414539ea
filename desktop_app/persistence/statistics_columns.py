"""Access paths of the statistics report (统计): covering indexes and the columns they need.

A year of a large office is ~150,000 cases. Reading 150,000 complaint rows (3 KB each, most
of it complaint text) costs seconds; reading the same facts from a narrow index costs
~15 ms. So every statistics query is answered from one of the covering indexes below,
and the facts that used to need a join or a per-case computation are kept as columns:

* ``complaints.acceptance_due`` / ``reply_due`` — the C1 (受理审查, incl. the 2025 补正 pause)
  and C3 (答复) due dates, as ``services.cases.refresh_derived`` computes them;
* ``complaints.complainant_count`` — live complainants (S4 集体投诉);
* ``respondents.case_received_date`` / ``case_decided_on`` / ``case_office_code`` — the
  case's dimensions, ``respondents.outcome_key`` — the respondent's live 处理结果 codes
  joined by commas, and ``respondents.substantiated`` — whether one of them is 属实
  (S18, S25, S27 count per respondent).

``refresh_derived`` keeps them for one case (ORM); :func:`refresh_copies` and
:func:`backfill_due_dates` recompute them set-wise (migration 0003, exchange import).

The indexes are per dialect: SQLite covers the JSON code lists too (stored as text);
PostgreSQL cannot put ``json`` in a b-tree key, and reads those few columns from the heap.
They are created by raw SQL (migration 0003), not declared on the model.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text



@dataclass(frozen=True)
class StatisticsIndex:
    name: str
    table: str
    columns: tuple[str, ...]
    sqlite_only: tuple[str, ...] = ()  # JSON columns: key columns on SQLite, left out on PostgreSQL

    def create_sql(self, dialect: str) -> str:
        cols = self.columns + (self.sqlite_only if dialect == "sqlite" else ())
        return f"CREATE INDEX IF NOT EXISTS {self.name} ON {self.table} ({', '.join(cols)})"


# Leading column = the date a statistic is counted by; the rest = what it groups or filters on.
STATISTICS_INDEXES: tuple[StatisticsIndex, ...] = (
    StatisticsIndex("ix_stat_received", "complaints",
                    ("received_date", "source_office_code", "channel", "complainant_count", "merged_into_id",
                     "decision"), ("decision_reasons",)),
    StatisticsIndex("ix_stat_received_ground", "complaints",
                    ("received_date", "source_office_code", "ground_code", "substantiated"), ("subtype_codes",)),
    StatisticsIndex("ix_stat_decision", "complaints",
                    ("decision_date", "received_date", "decision", "source_office_code", "acceptance_notice_sent_on",
                     "acceptance_due", "state", "closed_on"), ("decision_reasons",)),
    StatisticsIndex("ix_stat_accepted", "complaints", ("accepted_on", "handler_id", "source_office_code")),
    StatisticsIndex("ix_stat_handled", "complaints",
                    ("handling_decided_on", "accepted_on", "handler_id", "source_office_code", "handling_due",
                     "substantiated", "state", "closed_on")),
    StatisticsIndex("ix_stat_reply", "complaints",
                    ("reply_sent_on", "handling_decided_on", "received_date", "source_office_code", "reply_due",
                     "state", "closed_on")),
    StatisticsIndex("ix_stat_resp_received", "respondents",
                    ("case_received_date", "type_code", "substantiated", "case_office_code", "retired_at",
                     "case_decided_on", "name")),
    StatisticsIndex("ix_stat_resp_decided", "respondents",
                    ("case_decided_on", "outcome_key", "case_office_code", "retired_at")),
    StatisticsIndex("ix_stat_acts", "investigation_acts", ("kind", "occurred_on", "retired_at", "complaint_id")),
    StatisticsIndex("ix_stat_transfers", "transfers", ("sent_on", "kind", "complaint_id")),
)
def install_indexes(connection: Any) -> None:
    for index in STATISTICS_INDEXES:
        connection.exec_driver_sql(index.create_sql(connection.dialect.name))


def reinstall_indexes(connection: Any, names: Sequence[str]) -> None:
    """Drop and create these indexes again from their current definition (a later migration)."""
    for index in STATISTICS_INDEXES:
        if index.name in names:
            connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
            connection.exec_driver_sql(index.create_sql(connection.dialect.name))


def uninstall_indexes(connection: Any) -> None:
    for index in STATISTICS_INDEXES:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")


def outcome_key(codes: Sequence[Any]) -> str:
    """The stored form of a respondent's outcome codes: sorted, distinct, comma-joined."""
    return ",".join(sorted({str(c) for c in codes}))


def _id_filter(column: str, complaint_ids: Sequence[int] | None) -> tuple[str, dict[str, Any]]:
    if complaint_ids is None:
        return "", {}
    ids = ",".join(str(int(i)) for i in complaint_ids) or "-1"
    return f" AND {column} IN ({ids})", {}


def refresh_copies(connection: Any, complaint_ids: Sequence[int] | None = None) -> None:
    """Recompute ``complainant_count`` and the respondents' copies for these cases (None: all)."""
    where_c, _ = _id_filter("complaints.id", complaint_ids)
    where_r, _ = _id_filter("respondents.complaint_id", complaint_ids)
    connection.execute(text(
        "UPDATE complaints SET complainant_count = (SELECT count(*) FROM complainants k "
        "WHERE k.complaint_id = complaints.id AND k.retired_at IS NULL) WHERE 1 = 1" + where_c))
    connection.execute(text(
        "UPDATE respondents SET case_received_date = c.received_date, case_decided_on = c.handling_decided_on, "
        "case_office_code = c.source_office_code FROM complaints c WHERE c.id = respondents.complaint_id" + where_r))
    # Outcome codes are a JSON list per decision: decoded here rather than with per-dialect JSON SQL.
    rows = connection.execute(text(
        "SELECT hd.respondent_id, c.rule_set_id, hd.outcome_codes FROM handling_decisions hd "
        "JOIN respondents ON respondents.id = hd.respondent_id JOIN complaints c ON c.id = hd.complaint_id "
        "WHERE hd.retired_at IS NULL" + where_r)).all()
    codes: dict[int, set[str]] = {}
    rule_set_of: dict[int, str] = {}
    for respondent_id, rule_set_id, raw in rows:
        value = json.loads(raw) if isinstance(raw, str) else (raw or [])
        codes.setdefault(respondent_id, set()).update(str(x) for x in value)
        rule_set_of[respondent_id] = rule_set_id
    connection.execute(text("UPDATE respondents SET outcome_key = '', substantiated = NULL "
                            "WHERE outcome_key <> '' OR substantiated IS NOT NULL" + where_r))
    if codes:
        rules = _rules(connection)
        connection.execute(text("UPDATE respondents SET outcome_key = :key, substantiated = :subst WHERE id = :id"), [
            {"key": outcome_key(list(v)), "subst": substantiated(rules[rule_set_of[k]], v), "id": k}
            for k, v in codes.items()])


def substantiated(rules: Any, codes: Any) -> bool:
    """Whether the outcome codes include one the rule set marks 属实 (查实)."""
    return any(c in rules.outcomes and rules.outcomes[c].substantiated for c in codes)


def backfill_due_dates(connection: Any, complaint_ids: Sequence[int] | None = None) -> None:
    """Compute ``acceptance_due`` (C1) and ``reply_due`` (C3) for these cases (None: all).

    Both depend only on the rule set and one start date — except C1 under a rule set whose
    补正 pauses it, computed per case from its latest supplement request — so each distinct
    (rule set, date) is computed once, as ``services.cases.case_clocks`` would.
    """
    from desktop_app.rules.clocks import compute_case_clocks, compute_deadline

    rules, calendar = _rules(connection), _calendar(connection)
    where, _ = _id_filter("id", complaint_ids)
    closed = "state IN ('WITHDRAWN', 'MERGED') OR decision = 'NOT_ACCEPT'"
    for rule_set_id, received in connection.execute(text(
            "SELECT DISTINCT rule_set_id, received_date FROM complaints WHERE received_date IS NOT NULL" + where)).all():
        r = rules[rule_set_id]
        day = _date(received)
        due = compute_deadline(r.clocks["C1"], calendar, day, r).due_date
        connection.execute(text("UPDATE complaints SET acceptance_due = :due WHERE rule_set_id = :r "
                                "AND received_date = :d" + where), {"due": due, "r": rule_set_id, "d": day})
    connection.execute(text(f"UPDATE complaints SET reply_due = NULL WHERE ({closed} OR handling_decided_on IS NULL)"
                            + where))
    for rule_set_id, decided in connection.execute(text(
            f"SELECT DISTINCT rule_set_id, handling_decided_on FROM complaints WHERE handling_decided_on IS NOT NULL "
            f"AND NOT ({closed})" + where)).all():
        r = rules[rule_set_id]
        day = _date(decided)
        due = compute_deadline(r.clocks["C3"], calendar, day, r).due_date
        connection.execute(text(f"UPDATE complaints SET reply_due = :due WHERE rule_set_id = :r "
                                f"AND handling_decided_on = :d AND NOT ({closed})" + where),
                           {"due": due, "r": rule_set_id, "d": day})
    pausing = [rid for rid, r in rules.items() if r.features.supplement_pauses_acceptance_clock]
    if not pausing:
        return
    where_c, _ = _id_filter("c.id", complaint_ids)
    rows = connection.execute(text(
        "SELECT c.id, c.rule_set_id, c.received_date, s.created_at, s.due_date, s.fulfilled_on "
        "FROM complaints c JOIN supplement_requests s ON s.complaint_id = c.id "
        "WHERE s.id = (SELECT max(s2.id) FROM supplement_requests s2 WHERE s2.complaint_id = c.id) "
        f"AND c.rule_set_id IN ({', '.join(repr(p) for p in pausing)})" + where_c)).all()
    updates = []
    for cid, rule_set_id, received, created_at, due_date, fulfilled in rows:
        if due_date is None:
            continue
        sent = _datetime(created_at).date()
        clocks = compute_case_clocks(rules[rule_set_id], calendar, _date(received), supplement_sent=sent,
                                     supplement_days=max(1, (_date(due_date) - sent).days),
                                     supplement_received=_date(fulfilled) if fulfilled else None)
        updates.append({"due": clocks["C1"].due_date, "id": cid})
    if updates:
        connection.execute(text("UPDATE complaints SET acceptance_due = :due WHERE id = :id"), updates)


def _rules(connection: Any) -> dict[str, Any]:
    """Every rule set with the administrators' patches applied (as ``ServiceContext.rule_set``)."""
    from desktop_app.rules.ruleset import RuleRegistry

    out = {}
    patches = connection.execute(text("SELECT rule_set_id, patch FROM rule_set_revisions ORDER BY id")).all()
    for base in RuleRegistry.load_default().all():
        r = base
        for rid, patch in patches:
            if rid == base.id:
                r = r.apply_patch(json.loads(patch) if isinstance(patch, str) else patch)
        out[base.id] = r
    return out


def _calendar(connection: Any) -> Any:
    """The working calendar with the office's overrides (as ``ServiceContext.calendar``)."""
    from desktop_app.domain.enums import CalendarDayKind as Kind
    from desktop_app.rules.calendar import CalendarOverride as Override, WorkingCalendar

    rows = connection.execute(text(
        "SELECT day, kind, note FROM calendar_overrides WHERE retired_at IS NULL ORDER BY id")).all()
    years = {int(y) for (y,) in connection.execute(text("SELECT year FROM calendar_confirmed_years")).all()}
    return WorkingCalendar(overrides=[Override(_date(d), Kind(k), n) for d, k, n in rows], confirmed_years=years)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else (
        value.date() if isinstance(value, dt.datetime) else dt.date.fromisoformat(str(value)[:10]))


def _datetime(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
