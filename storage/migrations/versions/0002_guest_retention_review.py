"""guest retention review date

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

A manager who decides to keep a guest who has not visited for a long time
records that decision; the date keeps the guest off the retention list until
another retention period has passed. Plain ``ALTER TABLE ADD COLUMN`` (not a
batch table copy), so the guest table's FTS5 triggers stay as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("guest", sa.Column("retention_reviewed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    op.drop_column("guest", "retention_reviewed_at")
