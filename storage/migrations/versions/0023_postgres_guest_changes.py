"""the shared store logs which guests changed at which change counter

Revision ID: 0023
Revises: 0020
Create Date: 2026-11-28

PostgreSQL only (a second window on one PC changes rarely; SQLite reads its windows again
whole, as before): ``guest_change`` and the statement triggers on ``guest`` and ``visit``
that fill it (``storage.postgres_changes``). A desk then reads, after another desk's
change, only the arrivals and visit facts of the guests that changed. The table starts
empty: a desk whose counter is older than the log reads whole, once.
"""

from __future__ import annotations

from alembic import op

from storage import postgres_changes, postgres_schema

revision = "0023"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_changes.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_changes.drop(bind)
