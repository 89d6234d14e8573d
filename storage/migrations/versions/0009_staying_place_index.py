"""who is staying in room N: the partial index holds arrived stays only

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

Revision 0007 indexed every visit whose status is "arrived" by place. Restaurant
bookings are marked "arrived" too and stay so, so on a million demo guests a
table number held tens of thousands of entries and "table 12" read them all
(seconds). Only stays can be a guest in a room now: the index is narrowed to
arrived stays (``storage.search.place_rows``; tables are found by today's
bookings through ``ix_visit_place_starts_at``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_WHERE = "status = 'arrived' AND kind = 'stay'"


def upgrade() -> None:
    op.drop_index("ix_visit_arrived_place", "visit")
    op.create_index("ix_visit_staying_place", "visit", ["place"],
                    sqlite_where=sa.text(_WHERE), postgresql_where=sa.text(_WHERE))


def downgrade() -> None:
    op.drop_index("ix_visit_staying_place", "visit")
    op.create_index("ix_visit_arrived_place", "visit", ["place"],
                    sqlite_where=sa.text("status = 'arrived'"),
                    postgresql_where=sa.text("status = 'arrived'"))
