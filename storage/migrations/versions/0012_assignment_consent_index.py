"""an index for deleting consents (erasure speed)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27

Deleting a consent (when its guest is erased) sets ``assignment.consent_id``
to NULL wherever it pointed at that consent; without an index on the column
that is a scan of every assignment: 5 s of a 5.3 s erasure on a million
guests (bench/erasure.py, docs/performance.md). With it, erasing one guest
takes about 136 ms there.
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_assignment_consent_id", "assignment", ["consent_id"])


def downgrade() -> None:
    op.drop_index("ix_assignment_consent_id", table_name="assignment")
