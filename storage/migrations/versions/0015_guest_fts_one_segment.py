"""the search index merged into one segment, once

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27

SQLite only. FTS5 keeps its index in segments, merged as they pile up (``automerge``);
a store filled by imports or the demo builder in many transactions ends with dozens of
them (25 in the million-guest demo store), and every word a key press looks up is
looked up in each. One ``optimize`` merges them into one: on the million-guest store
the search index's CPU time per forgiving key press went from 6.1 to 3.4 ms (the same
757 queries, ``bench/search_quality.py``'s, alternating copies; docs/performance.md).
Guests added afterwards go into small new segments that ``automerge`` keeps few; the
merge takes ~15 s on a million guests, once, at the open that upgrades the store.
PostgreSQL has no such index (its trigram index is one B-tree), so nothing to do there.
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO guest_fts(guest_fts) VALUES ('optimize')")


def downgrade() -> None:
    pass  # one segment or many hold the same index
