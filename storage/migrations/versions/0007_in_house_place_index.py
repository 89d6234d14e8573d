"""who is staying in room N: a partial index over arrived visits

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27

Typing a room number finds the guest staying in it. Revision 0004 looked for
such stays through ``ix_visit_place_starts_at`` over the last 30 days, which on
a million demo guests (thousands of past visits per room) read thousands of
rows per key press. Only visits whose status is "arrived" can be a guest in the
room now, so a partial index on ``place`` over those rows answers with a few
index entries (storage/search.py ``place_rows``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_visit_arrived_place", "visit", ["place"],
                    sqlite_where=sa.text("status = 'arrived'"),
                    postgresql_where=sa.text("status = 'arrived'"))


def downgrade() -> None:
    op.drop_index("ix_visit_arrived_place", "visit")
