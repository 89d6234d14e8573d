"""an index search reads its candidates' visits from: (guest_id, starts_at, status)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27

Every key press ranks up to ~100 candidate guests by their visits (one today, one in
the coming week, the last one: ``storage.search.visit_facts``). Through
``ix_visit_guest_id`` that read each visit row, and on a million demo guests those rows
lie on pages all over the file, each decrypted and HMAC-checked: 5.5 ms (p50) for 80
guests at load 3. This index holds all three columns, so the read stays in the index.
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_visit_guest_facts", "visit", ["guest_id", "starts_at", "status"])


def downgrade() -> None:
    op.drop_index("ix_visit_guest_facts", table_name="visit")
