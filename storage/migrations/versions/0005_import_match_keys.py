"""import matching by index: booking references, phone and case-insensitive email look-ups

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27

An import used to load every guest into memory to match rows against them (13 s
and ~700 MB for a 200-row file on a million guests). Matching now asks the store
for just the file's emails, phones and booking references, which needs:

* ``visit.reference``: the booking or reservation number from the export, so a
  re-imported row is recognised (and shown to the guest as their booking number);
* an index on ``guest.full_name`` (name + phone matches go through the E.164 index of
  revision 0004; a new guest whose name is already known is pointed out in the preview);
* an index on ``lower(email)`` (emails match whatever their capitals). It is an
  expression index, declared here only: SQLAlchemy cannot reflect it, so the
  model does not repeat it (tests/test_migrations.py checks it is used).

Plain ``ADD COLUMN`` / ``CREATE INDEX`` (no batch table copy), so the guest
table's FTS5 triggers stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("visit", sa.Column("reference", sa.String(length=40), nullable=True))
    op.create_index("ix_visit_reference", "visit", ["reference"])
    op.create_index("ix_guest_full_name", "guest", ["full_name"])
    op.execute("CREATE INDEX ix_guest_email_lower ON guest (lower(email))")


def downgrade() -> None:
    op.execute("DROP INDEX ix_guest_email_lower")
    op.drop_index("ix_guest_full_name", table_name="guest")
    op.drop_index("ix_visit_reference", table_name="visit")
    op.drop_column("visit", "reference")
