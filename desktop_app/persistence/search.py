"""Chinese substring search over parties and complaint text, indexed on both databases.

What is searched: ``complaints.party_text`` (names, 身份证号, phones, respondents, case and aid
numbers — kept by ``services.cases.refresh_derived``), ``request_text`` and ``facts_text``.
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

The SQL of both lives here; ``RegistrationService._conditions`` calls :func:`text_condition`,
the migration 0002 calls :func:`install_sql`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, column, literal_column, text
from sqlalchemy.sql.elements import ColumnElement

PAD = "\x1f\x1f"
FTS_TABLE = "complaints_fts"
VOCAB_TABLE = "complaints_fts_terms"
SEARCHED_COLUMNS = ("party_text", "request_text", "facts_text")
# Highest code point: upper bound of "every term starting with q".
_TOP = "\U0010ffff"


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


def sqlite_uninstall_sql() -> list[str]:
    return ["DROP TRIGGER IF EXISTS complaints_fts_ai", "DROP TRIGGER IF EXISTS complaints_fts_au",
            "DROP TRIGGER IF EXISTS complaints_fts_ad", f"DROP TABLE IF EXISTS {VOCAB_TABLE}",
            f"DROP TABLE IF EXISTS {FTS_TABLE}"]


PG_GRAMS_FUNCTION = r"""
CREATE OR REPLACE FUNCTION cd_search_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
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


def normalise_query(raw: str) -> str:
    """What is searched: the text without surrounding blanks and without the separator char."""
    return raw.replace("\x1f", "").strip()


def text_condition(dialect_name: str, raw: str, *, id_column: Any = None) -> ColumnElement[bool] | None:
    """A WHERE condition on ``complaints`` for a substring search, served by an index.

    ``None`` when the query is empty. The result is used as ``select(...).where(cond)``.
    """
    q = normalise_query(raw)
    if not q:
        return None
    id_col = id_column if id_column is not None else literal_column("complaints.id")
    if dialect_name == "sqlite":
        if len(q) >= 3:
            phrase = '"' + q.replace('"', '""') + '"'
            sub = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :cd_search_phrase").bindparams(
                bindparam("cd_search_phrase", phrase))
        else:
            low = q.lower()
            sub = text(f"SELECT doc FROM {VOCAB_TABLE} WHERE term >= :cd_search_lo AND term < :cd_search_hi"
                       ).bindparams(bindparam("cd_search_lo", low), bindparam("cd_search_hi", low + _TOP))
        return id_col.in_(sub.columns(column("doc")))  # type: ignore[no-any-return]
    if dialect_name == "postgresql":
        if len(q) >= 3:
            return text(f"({_pg_doc('complaints')}) ILIKE :cd_search_like ESCAPE '\\'").bindparams(
                bindparam("cd_search_like", f"%{_escape_like(q)}%"))  # type: ignore[return-value]
        return text(f"cd_search_grams({_pg_doc('complaints')}) @> ARRAY[CAST(:cd_search_gram AS text)]"
                    ).bindparams(bindparam("cd_search_gram", q.lower()))  # type: ignore[return-value]
    raise ValueError(f"unsupported database: {dialect_name}")


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
