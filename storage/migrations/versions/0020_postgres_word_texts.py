"""each of the shared store's word rows carries its guest's folded words

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-28

PostgreSQL only (SQLite's search is FTS5 and its name-pair table, unchanged):
``guest_word`` is made again with two more columns, the guest's ``search_text`` and
``name_text`` (the stored generated columns of ``guest``; NULL when longer than
``postgres_schema.TEXT_MAX`` bytes), copied by the same triggers and included in the
primary key, so a key press tests its other typed words on the index entries it reads
instead of looking up a guest row for each (``storage.postgres_schema.add_word_texts``).
At a million guests the upgrade takes a minute or two and holds off guest writes meanwhile;
``frontdesk init --store`` then runs ``VACUUM (ANALYZE)`` on the table.
"""

from __future__ import annotations

from alembic import op

from storage import postgres_schema

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_schema.add_word_texts(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_schema.drop_word_texts(bind)
