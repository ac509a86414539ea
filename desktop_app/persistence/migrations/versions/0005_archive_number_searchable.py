"""archive numbers in the search text (档号 found through the search index); archive year index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

``services.cases.refresh_derived`` now appends the volume's archive number to
``complaints.party_text``; this back-fills archived cases (the search-index triggers
re-index each of them).
"""
from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('archive_volumes', schema=None) as batch_op:
        batch_op.create_index('ix_archive_volumes_year', ['year', 'complaint_id'], unique=False)
    op.execute(
        "UPDATE complaints SET party_text = trim(party_text || ' ' || "
        "(SELECT min(v.archive_no) FROM archive_volumes v WHERE v.complaint_id = complaints.id)) "
        "WHERE id IN (SELECT complaint_id FROM archive_volumes)")


def downgrade() -> None:
    # The archive numbers stay in party_text: the extra words do no harm.
    with op.batch_alter_table('archive_volumes', schema=None) as batch_op:
        batch_op.drop_index('ix_archive_volumes_year')
