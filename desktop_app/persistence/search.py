"""Chinese substring search over parties and complaint text, indexed on both databases.

What is searched: ``complaints.party_text`` (names, 身份证号, phones, respondents, case, aid and
archive numbers — kept by ``services.cases.refresh_derived``), ``request_text``, ``facts_text``
and ``reasons_text`` (the complaint's 请求, 事实 and 理由).
Matching is a case-insensitive substring match ("张伟" finds 张伟 and 张伟明).

**SQLite** — an FTS5 table with the ``trigram`` tokenizer, *contentless* (``content=''``: no
second copy of the text), kept in sync by triggers on ``complaints``. The three columns are
indexed as one document, each followed by two U+001F separators (:data:`PAD`):

* queries of 3+ characters: ``MATCH '"query"'`` (phrase of trigrams = exact substring; a
  trigram never spans two columns because the separators are never part of a query);
* queries of 1–2 characters match nothing through the trigram index (measured, SQLite
  3.40). Because every character is followed by at least two more (the padding), a text
  contains the 1–2 character query *q* exactly when one of its trigrams *starts with q*.
  The ``fts5vocab`` ``instance`` table over the index answers "which documents hold a
  trigram in [q, q+U+10FFFF)" with a range scan of the term b-tree — every match, indexed.

**PostgreSQL** — ``pg_trgm`` GIN index on the same concatenation for 3+ characters
(``ILIKE``); 1–2 characters use a GIN index on :func:`cd_search_grams` (all distinct 1- and
2-character substrings, as a ``text[]``) with ``@>``.

**Rare and frequent terms.** Driving a list by the match set is fast while the set is small
(a name, an ID number: tens of rows) and slow when a term is in a large part of the archive
("律师事务所": 600,000 of 1,000,000 cases — the whole set is read before ``ORDER BY … LIMIT``).
So a query is first *probed*: :func:`count_matches_up_to` counts matches through the index
and stops at :data:`FREQUENT_MATCHES` (a few ms at any size). Below that, the list is driven by
the match set (:func:`text_condition`); from that many on, the list walks its own sort index
and tests each row with :func:`row_condition` (a plain substring test on the row — with ≥ 0.5 %
of cases matching, a page of 100 fills after at most ~20,000 rows). Both give the same rows;
only the plan differs. A total over a frequent term is counted up to a cap
(:func:`capped_match_count`, driven by the index) — the list shows "10,000+".

The SQL of both lives here; ``RegistrationService._conditions`` calls :func:`text_condition`,
the migration 0002 calls :func:`install_sql`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, bindparam, column, func, literal_column, or_, select, table, text
from sqlalchemy.sql.elements import ColumnElement, TextClause

PAD = "\x1f\x1f"
FTS_TABLE = "complaints_fts"
VOCAB_TABLE = "complaints_fts_terms"
SEARCHED_COLUMNS = ("party_text", "request_text", "facts_text", "reasons_text")
# Highest code point: upper bound of "every term starting with q".
_TOP = "\U0010ffff"
# From this many matching cases on, a list walks its sort index instead of the match set.
# Measured at 1,000,000 cases (SQLite): driving by a set costs ~3.5 µs per match, testing a row
# ~4.7 µs; a page of 100 at 5,000 matches (0.5 %) needs ≤ 20,000 rows tested (~90 ms) but
# reading 5,000 matches costs ~20 ms — the crossover lies between, the walk wins above it.
FREQUENT_MATCHES = 5_000


def _sqlite_doc(prefix: str) -> str:
    return " || ".join(f"{prefix}.{c} || char(31, 31)" for c in SEARCHED_COLUMNS)


def _pg_doc(prefix: str = "") -> str:
    p = f"{prefix}." if prefix else ""
    return " || E'\\x1f' || ".join(f"{p}{c}" for c in SEARCHED_COLUMNS)


def sqlite_install_sql() -> list[str]:
    """DDL for SQLite: contentless trigram FTS5, its term-instance view, sync triggers, back-fill."""
    new_doc, old_doc = _sqlite_doc("new"), _sqlite_doc("old")
    cols = ", ".join(SEARCHED_COLUMNS)
    return [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, content='', tokenize='trigram')",
        f"CREATE VIRTUAL TABLE {VOCAB_TABLE} USING fts5vocab({FTS_TABLE}, 'instance')",
        f"CREATE TRIGGER complaints_fts_ai AFTER INSERT ON complaints BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, {new_doc}); END",
        f"CREATE TRIGGER complaints_fts_au AFTER UPDATE OF {cols} ON complaints BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, {old_doc}); "
        f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (new.id, {new_doc}); END",
        f"CREATE TRIGGER complaints_fts_ad AFTER DELETE ON complaints BEGIN "
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body) VALUES ('delete', old.id, {old_doc}); END",
        f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT c.id, {_sqlite_doc('c')} FROM complaints AS c",
    ]


def sqlite_index_cases_sql() -> str:
    """Add the cases from id ``?`` on to the search index (after a bulk load without the triggers)."""
    return f"INSERT INTO {FTS_TABLE}(rowid, body) SELECT c.id, {_sqlite_doc('c')} FROM complaints AS c WHERE c.id >= ?"


def sqlite_uninstall_sql() -> list[str]:
    return ["DROP TRIGGER IF EXISTS complaints_fts_ai", "DROP TRIGGER IF EXISTS complaints_fts_au",
            "DROP TRIGGER IF EXISTS complaints_fts_ad", f"DROP TABLE IF EXISTS {VOCAB_TABLE}",
            f"DROP TABLE IF EXISTS {FTS_TABLE}"]


# COST: computing the grams of a case's text is expensive. Without it the planner, expecting a
# frequent 1-character term to fill ``LIMIT 5000`` quickly, computed them row by row in a
# sequential scan (3 s at 20,000 cases) instead of reading the GIN index built on them.
PG_GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION cd_search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 100000 AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
    SELECT lower(substr(t, i, 1)) AS g FROM generate_series(1, char_length(t)) AS i
    UNION ALL
    SELECT lower(substr(t, i, 2)) FROM generate_series(1, char_length(t) - 1) AS i) AS s
$$
"""


def pg_install_sql(*, with_trgm: bool = True) -> list[str]:
    """DDL for PostgreSQL (the pg_trgm extension is created separately: it may need a superuser)."""
    out = [PG_GRAMS_FUNCTION,
           f"CREATE INDEX IF NOT EXISTS ix_complaints_fts_grams ON complaints "
           f"USING gin (cd_search_grams({_pg_doc()}))"]
    if with_trgm:
        out.append(f"CREATE INDEX IF NOT EXISTS ix_complaints_fts_trgm ON complaints "
                   f"USING gin (({_pg_doc()}) gin_trgm_ops)")
    return out


def pg_uninstall_sql() -> list[str]:
    return ["DROP INDEX IF EXISTS ix_complaints_fts_trgm", "DROP INDEX IF EXISTS ix_complaints_fts_grams",
            "DROP FUNCTION IF EXISTS cd_search_grams(text)"]


def install(connection: Any) -> None:
    """Create the search structures on an open SQLAlchemy connection (used by migration 0002)."""
    name = connection.dialect.name
    if name == "sqlite":
        for sql in sqlite_install_sql():
            connection.exec_driver_sql(sql)
    elif name == "postgresql":
        with_trgm = True
        try:
            with connection.begin_nested():
                connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # no privilege: substring search still works, unindexed for 3+ chars
            with_trgm = False
        for sql in pg_install_sql(with_trgm=with_trgm):
            connection.exec_driver_sql(sql)


def uninstall(connection: Any) -> None:
    name = connection.dialect.name
    for sql in (sqlite_uninstall_sql() if name == "sqlite" else pg_uninstall_sql() if name == "postgresql" else []):
        connection.exec_driver_sql(sql)


def is_installed(connection: Any) -> bool:
    if connection.dialect.name == "sqlite":
        return connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).first() is not None
    if connection.dialect.name == "postgresql":
        return connection.exec_driver_sql(
            "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_complaints_fts_grams'").first() is not None
    return False


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, value: str) -> Any:
    """``column LIKE '%value%'`` with the value's own % and _ taken literally (no index: for rows
    already found some other way)."""
    return column.like(f"%{_escape_like(value.strip())}%", escape="\\")


def normalise_query(raw: str) -> str:
    """What is searched: the text without surrounding blanks and without the separator char."""
    return raw.replace("\x1f", "").strip()


def _sqlite_phrase(q: str) -> str:
    return '"' + q.replace('"', '""') + '"'


def _sqlite_match_ids(q: str) -> TextClause:
    """``SELECT`` of the ids of every matching case, from the index (column ``doc``)."""
    if len(q) >= 3:
        return text(f"SELECT rowid AS doc FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :cd_search_phrase"
                    ).bindparams(bindparam("cd_search_phrase", _sqlite_phrase(q)))
    low = q.lower()
    return text(f"SELECT DISTINCT doc FROM {VOCAB_TABLE} WHERE term >= :cd_search_lo AND term < :cd_search_hi"
                ).bindparams(bindparam("cd_search_lo", low), bindparam("cd_search_hi", low + _TOP))


def _pg_index_condition(q: str) -> ColumnElement[bool]:
    if len(q) >= 3:
        return text(f"({_pg_doc('complaints')}) ILIKE :cd_search_like ESCAPE '\\'").bindparams(
            bindparam("cd_search_like", f"%{_escape_like(q)}%"))  # type: ignore[return-value]
    return text(f"cd_search_grams({_pg_doc('complaints')}) @> ARRAY[CAST(:cd_search_gram AS text)]"
                ).bindparams(bindparam("cd_search_gram", q.lower()))  # type: ignore[return-value]


def text_condition(dialect_name: str, raw: str, *, id_column: Any = None,
                   frequent: bool = False) -> ColumnElement[bool] | None:
    """A WHERE condition on ``complaints`` for a substring search, served by an index.

    ``None`` when the query is empty. The result is used as ``select(...).where(cond)``.
    ``frequent=True`` (see :func:`is_frequent`) gives :func:`row_condition` instead: the same
    rows, tested one by one while the list walks its sort index.
    """
    q = normalise_query(raw)
    if not q:
        return None
    if frequent:
        return row_condition(dialect_name, q)
    id_col = id_column if id_column is not None else literal_column("complaints.id")
    if dialect_name == "sqlite":
        return id_col.in_(_sqlite_match_ids(q).columns(column("doc")))  # type: ignore[no-any-return]
    if dialect_name == "postgresql":
        return _pg_index_condition(q)
    raise ValueError(f"unsupported database: {dialect_name}")


def row_condition(dialect_name: str, raw: str) -> ColumnElement[bool] | None:
    """The substring test on one row, without the index (for frequent terms).

    Same matches as the index: each column on its own (a match never spans two columns),
    case-insensitive. SQLite's ``LIKE`` folds ASCII case only (Latin letters of ID numbers
    and e-mail addresses); Chinese text has no case.
    """
    q = normalise_query(raw)
    if not q:
        return None
    pattern = f"%{_escape_like(q)}%"
    if dialect_name == "sqlite":
        return or_(*(literal_column(f"complaints.{c}").like(pattern, escape="\\") for c in SEARCHED_COLUMNS))
    if dialect_name == "postgresql":
        return text(f"({_pg_doc('complaints')}) ILIKE :cd_search_row ESCAPE '\\'").bindparams(
            bindparam("cd_search_row", pattern))  # type: ignore[return-value]
    raise ValueError(f"unsupported database: {dialect_name}")


def count_matches_up_to(session: Any, dialect_name: str, raw: str, limit: int) -> int:
    """How many cases match, counted through the index and stopping at ``limit`` (no other filter)."""
    q = normalise_query(raw)
    if not q:
        return 0
    if dialect_name == "sqlite":
        ids = _sqlite_match_ids(q).columns(column("doc")).subquery()
        inner = select(ids.c.doc).limit(limit).subquery()
    else:
        inner = select(literal_column("1").label("one")).select_from(table("complaints")).where(
            _pg_index_condition(q)).limit(limit).subquery()
        if len(q) < 3:
            # A term in most cases makes a sequential scan look cheaper under LIMIT, but it computes
            # cd_search_grams for every row it reads (2–6 s); the GIN index answers in milliseconds.
            session.execute(text("SET LOCAL enable_seqscan = off"))
            try:
                return int(session.scalar(select(func.count()).select_from(inner)) or 0)
            finally:
                session.execute(text("SET LOCAL enable_seqscan = on"))
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def is_frequent(session: Any, dialect_name: str, raw: str) -> bool:
    """True when at least :data:`FREQUENT_MATCHES` cases match (the list should walk its index)."""
    return count_matches_up_to(session, dialect_name, raw, FREQUENT_MATCHES) >= FREQUENT_MATCHES


def capped_match_count(dialect_name: str, raw: str, filters: list[Any], cap: int, *, complaints: Any,
                       walk_filtered: bool = False, intersect: bool = False) -> Select[Any]:
    """``SELECT count(*)`` of the cases matching ``raw`` and ``filters``, stopping after ``cap`` cases.

    By default driven by the index on SQLite: each match is joined to its case by rowid and
    the count stops as soon as ``cap`` cases passed the filters. ``walk_filtered=True`` walks
    the cases the filters leave (through their index) and tests each row instead — cheaper
    when the filters leave few cases (a state, a week), since a frequent term may be rare
    among them. ``intersect=True`` (a middling number of cases left, e.g. the open ones)
    reads the filtered case ids from their index into a set and tests each match against
    it, so no case row is read. On PostgreSQL the planner chooses either way.
    ``complaints`` is the table object the ``filters`` are written on.
    """
    q = normalise_query(raw)
    one = literal_column("1").label("one")
    if dialect_name == "sqlite" and q and not walk_filtered:
        filtered_ids = select(complaints.c.id).where(*filters)
        if len(q) >= 3:
            ids = _sqlite_match_ids(q).columns(column("doc")).subquery("cd_match")
            if intersect:
                inner = select(one).select_from(ids).where(ids.c.doc.in_(filtered_ids))
            else:
                inner = select(one).select_from(ids.join(complaints, complaints.c.id == ids.c.doc)).where(*filters)
        else:  # DISTINCT on the outer query streams (a DISTINCT subquery would be read in full)
            terms = table(VOCAB_TABLE, column("doc"), column("term"))
            in_range = [terms.c.term >= q.lower(), terms.c.term < q.lower() + _TOP]
            if intersect:
                inner = select(terms.c.doc).distinct().where(*in_range, terms.c.doc.in_(filtered_ids))
            else:
                inner = (select(complaints.c.id).distinct()
                         .select_from(terms.join(complaints, complaints.c.id == terms.c.doc))
                         .where(*in_range, *filters))
    else:
        cond = row_condition(dialect_name, q) if q else None
        inner = select(one).select_from(complaints).where(*filters, *([cond] if cond is not None else []))
    return select(func.count()).select_from(inner.limit(cap).subquery())


def capped_row_count(filters: list[Any], cap: int, *, complaints: Any) -> Select[Any]:
    """``SELECT count(*)`` of the cases the ``filters`` leave, stopping after ``cap`` (index only)."""
    inner = select(literal_column("1").label("one")).select_from(complaints).where(*filters).limit(cap)
    return select(func.count()).select_from(inner.subquery())


# ----------------------------------------------------------------------------- list indexes

# Plain indexes for sorting the case list by a column at any size (also on the model).
LIST_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_complaints_first_complainant": ("first_complainant", "id"),
    "ix_complaints_first_respondent": ("first_respondent", "id"),
    # statistics of a period (decisions by decision date)
    "ix_complaints_decision_date": ("decision_date",),
}
# Same, on other tables: table -> {index name: columns}.
OTHER_INDEXES: dict[str, dict[str, tuple[str, ...]]] = {
    "investigation_acts": {"ix_investigation_acts_due_date": ("due_date",),  # deadline dashboard
                           "ix_investigation_acts_occurred_on": ("occurred_on",)},  # statistics
}
