"""statistics: C1/C3 due dates, complainant count, respondents' case copies, covering indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Issue 7 (a year's statistics at 1,000,000 cases in ≤ 1 s); what and why in
desktop_app/persistence/statistics_columns.py. Existing rows are back-filled here.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.persistence import statistics_columns

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acceptance_due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('reply_due', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('complainant_count', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('respondents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('case_received_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('case_decided_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('case_office_code', sa.String(length=32), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('outcome_key', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('substantiated', sa.Boolean(), nullable=True))
    bind = op.get_bind()
    statistics_columns.refresh_copies(bind)
    statistics_columns.backfill_due_dates(bind)
    statistics_columns.install_indexes(bind)


def downgrade() -> None:
    bind = op.get_bind()
    statistics_columns.uninstall_indexes(bind)
    with op.batch_alter_table('respondents', schema=None) as batch_op:
        for name in ('substantiated', 'outcome_key', 'case_office_code', 'case_decided_on', 'case_received_date'):
            batch_op.drop_column(name)
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        for name in ('complainant_count', 'reply_due', 'acceptance_due'):
            batch_op.drop_column(name)
