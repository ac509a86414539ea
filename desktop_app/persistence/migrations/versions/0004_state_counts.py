"""cases per state kept by triggers (the case list's total)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

Issue 7 (list total ≤ 50 ms at 1,000,000 cases); see desktop_app/persistence/state_counts.py.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_app.persistence import state_counts

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'complaint_state_counts',
        sa.Column('state', sa.String(length=30), nullable=False),
        sa.Column('cases', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('state'),
    )
    state_counts.install(op.get_bind())


def downgrade() -> None:
    state_counts.uninstall(op.get_bind())
    op.drop_table('complaint_state_counts')
