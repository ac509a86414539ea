"""the complaint's reasons (投诉理由) in the search index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

``persistence.search.SEARCHED_COLUMNS`` gained ``reasons_text``: the search structures are
built again (SQLite: FTS5 table, triggers and contents; PostgreSQL: the two GIN indexes).
"""
from __future__ import annotations

from alembic import op

from desktop_app.persistence import search

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    search.uninstall(bind)
    search.install(bind)


def downgrade() -> None:
    pass  # a wider index serves the older queries too
