"""statistics snapshot indexes cover closed_on (a case closed before the period end is not open)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""
from __future__ import annotations

from alembic import op

from desktop_app.persistence import statistics_columns

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

INDEXES = ("ix_stat_decision", "ix_stat_handled", "ix_stat_reply")


def upgrade() -> None:
    statistics_columns.reinstall_indexes(op.get_bind(), INDEXES)


def downgrade() -> None:
    pass  # the wider indexes serve the older queries too
