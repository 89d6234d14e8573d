"""label names per language: what staff call a label, in each language

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27

The vocabulary had one staff wording per label (written in English), so a
Dutch or German desk read English label names in the picker, on the card and
in the vocabulary screens. ``label_name`` holds one name per label and
language; the old single wording becomes the English name, and
``label.staff_wording`` is dropped (SQLite 3.35+ and PostgreSQL drop a plain
column in place). A label without a name in the reader's language is shown
with another language's name and a visible marker ("Quiet room [EN]").
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "label_name",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label_id", sa.Integer, sa.ForeignKey("label.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("staff_wording", sa.String(200), nullable=False),
        sa.UniqueConstraint("label_id", "language"),
    )
    op.execute("INSERT INTO label_name (label_id, language, staff_wording) "
               "SELECT id, 'en', staff_wording FROM label")
    op.drop_column("label", "staff_wording")


def downgrade() -> None:
    op.add_column("label", sa.Column("staff_wording", sa.String(200), nullable=False,
                                     server_default=""))
    op.execute("UPDATE label SET staff_wording = COALESCE((SELECT n.staff_wording FROM "
               "label_name n WHERE n.label_id = label.id ORDER BY n.language = 'en' DESC, "
               "n.language LIMIT 1), '')")
    op.drop_table("label_name")
