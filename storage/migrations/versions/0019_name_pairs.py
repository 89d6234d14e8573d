"""pairs of each guest's name words, kept by triggers on guest (SQLite)

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-28

``name_pair`` (a, b, guest_id): one row for each ordered pair of two different search-index
words of a guest's full and preferred names, written and removed by triggers on ``guest``
whose words come from the SQL function every store connection is given
(``storage.name_pairs``). Forgiving search answers a two-word name combination from one
B-tree range instead of two FTS5 doclists. Filled here for the guests already stored
(at a million guests: ~4.2 M rows, ~100 MB, well under a minute, once). PostgreSQL's
shared store has its own word index (revision 0017): nothing to do there.
"""

from __future__ import annotations

from alembic import op

from storage import name_pairs, postgres_schema

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if not postgres_schema.is_postgresql(bind):
        name_pairs.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if not postgres_schema.is_postgresql(bind):
        name_pairs.drop(bind)
