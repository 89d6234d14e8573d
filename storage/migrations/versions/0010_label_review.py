"""label review: the manager's answer to the special-category question

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27

Approving, editing or rewording a label now asks the manager explicitly whether
it reveals health (a special-category label, used only with consent) or another
special category (refused). Each answer is a ``label_review`` row with what the
automatic wording check found beside it. Labels approved before this revision
have no row: their answer was never asked (the vocabulary screen says so).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "label_review",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label_id", sa.Integer, sa.ForeignKey("label.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("action", _enum("review_action", "approved", "edited", "reworded"),
                  nullable=False),
        sa.Column("answer", _enum("special_answer", "none", "health", "other"),
                  nullable=False),
        sa.Column("check_found", sa.String(300), nullable=False),
        sa.Column("reviewed_by", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_label_review_label_id", "label_review", ["label_id"])


def downgrade() -> None:
    op.drop_index("ix_label_review_label_id", table_name="label_review")
    op.drop_table("label_review")
