"""erasure ledger; FTS5 secure-delete

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27

``erased_guest`` keeps the random token of every guest erased on request (no
name, no contact), inside the store, so that every later backup carries it
and a restore of an older backup can erase the guest again; its
``scrub_pending`` flag lets an erasure interrupted by a crash be finished at
the next open. The plain file ``frontdesk.erased-refs`` that kept the tokens
beside the store until now is read into this table by ``app.erasure`` at the
next open.

SQLite only: the guest search index is switched to FTS5's ``secure-delete``
mode, so deleting a guest removes their tokens from the index pages in the
same transaction, instead of leaving delete markers until a merge (erasure
used to rebuild the whole index with ``optimize``: seconds on a million
guests). One ``optimize`` here, once, purges markers that earlier deletes and
name corrections left behind.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erased_guest",
        sa.Column("ref", sa.String(length=32), nullable=False),
        sa.Column("erased_at", sa.DateTime(), nullable=False),
        sa.Column("scrub_pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("ref"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO guest_fts(guest_fts, rank) VALUES ('secure-delete', 1)")
        op.execute("INSERT INTO guest_fts(guest_fts) VALUES ('optimize')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("INSERT INTO guest_fts(guest_fts, rank) VALUES ('secure-delete', 0)")
    op.drop_table("erased_guest")
