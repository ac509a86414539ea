"""search (SQLite FTS5 trigram / PostgreSQL pg_trgm) and list indexes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Only the additions of issue 7 (fast at any size); the SQL lives in
desktop_app/persistence/search.py. The plain indexes are also declared on the model
(Complaint.__table_args__); the search structures are raw SQL per dialect.
"""
from __future__ import annotations

from alembic import op

from desktop_app.persistence import search

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        for name, columns in search.LIST_INDEXES.items():
            batch_op.create_index(name, list(columns), unique=False)
    for table, indexes in search.OTHER_INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes.items():
                batch_op.create_index(name, list(columns), unique=False)
    bind = op.get_bind()
    search.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    search.uninstall(bind)
    for table, indexes in search.OTHER_INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in indexes:
                batch_op.drop_index(name)
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        for name in search.LIST_INDEXES:
            batch_op.drop_index(name)
