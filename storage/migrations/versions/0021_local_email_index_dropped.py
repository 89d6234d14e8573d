"""the local store no longer keeps ``ix_guest_email``, the plain index of ``guest.email``

Revision ID: 0021
Revises: 0023
Create Date: 2026-11-29

No query reads it: every email look-up (the import's matching, the duplicate check, the
search's email rows) compares ``lower(email)``, through ``ix_guest_email_lower``
(revision 0005). Every new guest still paid for it: with realistic emails, landing all over
the index, it was about 1.5-2 s of CPU of a 100,000-row import's guests' insert at a
million guests (docs/performance.md, "Importing arrivals"). SQLite only; the shared
PostgreSQL store keeps it as revision 0001 made it (no-op there: its figures and the bench
cluster stay as they are).
"""

from __future__ import annotations

from alembic import op

from storage import postgres_schema

revision = "0021"
down_revision = "0023"
branch_labels = None
depends_on = None

INDEX = "ix_guest_email"


def upgrade() -> None:
    if not postgres_schema.is_postgresql(op.get_bind()):
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")


def downgrade() -> None:
    if not postgres_schema.is_postgresql(op.get_bind()):
        op.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON guest (email)")
