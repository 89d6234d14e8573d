"""the local store no longer keeps ``ix_visit_guest_id``: ``ix_visit_guest_facts`` begins with it

Revision ID: 0025
Revises: 0021
Create Date: 2026-11-29

``ix_visit_guest_facts`` (guest_id, starts_at, status; revision 0014) answers every look-up
of a guest's visits that ``ix_visit_guest_id`` (guest_id) answered — the card, the
import's match, the foreign key's cascade on erasure — since its first column is the
same. Every visit written still paid for both: with a large import's visits of known
guests landing all over them, the second was about 2% of the pages its write changes
(docs/performance.md, "Importing arrivals"). SQLite only; the shared PostgreSQL store
keeps it as revision 0001 made it (no-op there: its planner's choices and the bench
cluster stay as they are).
"""

from __future__ import annotations

from alembic import op

from storage import postgres_schema

revision = "0025"
down_revision = "0021"
branch_labels = None
depends_on = None

INDEX = "ix_visit_guest_id"


def upgrade() -> None:
    if not postgres_schema.is_postgresql(op.get_bind()):
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")


def downgrade() -> None:
    if not postgres_schema.is_postgresql(op.get_bind()):
        op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON visit (guest_id)")
