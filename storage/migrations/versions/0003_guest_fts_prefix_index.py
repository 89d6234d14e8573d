"""guest search index: prefix indexes for 1 to 10 letters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

Type-ahead on a million guests (bench/run.py, docs/performance.md). With
prefix indexes only for 1-3 letters, a 4+ letter prefix such as "thom" or
"jansen" made FTS5 merge the doclists of every term it expands to: every
"jansen<digits>" email token, 16,000 of them on the demo's million guests,
4-8 ms per query, and 20 ms for "example". With prefix indexes for 1 to 10
letters each such query reads one doclist, which streams and stops at the
LIMIT: ~0.02 ms. The index grows about 1.9x (12.7 to 23.5 MB per 100,000
demo guests). Positions are kept (``detail='full'``): ``detail='none'`` would
be smaller still, but a typed word that unicode61 splits in two is a phrase,
and phrases need positions. The triggers are the same as in 0001; the index
is rebuilt from the guest table.
"""

from __future__ import annotations

from alembic import op

from storage import postgres_schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TRIGGERS = (
    """CREATE TRIGGER guest_fts_ai AFTER INSERT ON guest BEGIN
        INSERT INTO guest_fts(rowid, full_name, preferred_name, email, phone)
        VALUES (new.id, new.full_name, new.preferred_name, new.email, new.phone);
    END""",
    """CREATE TRIGGER guest_fts_ad AFTER DELETE ON guest BEGIN
        INSERT INTO guest_fts(guest_fts, rowid, full_name, preferred_name, email, phone)
        VALUES ('delete', old.id, old.full_name, old.preferred_name, old.email, old.phone);
    END""",
    """CREATE TRIGGER guest_fts_au AFTER UPDATE ON guest BEGIN
        INSERT INTO guest_fts(guest_fts, rowid, full_name, preferred_name, email, phone)
        VALUES ('delete', old.id, old.full_name, old.preferred_name, old.email, old.phone);
        INSERT INTO guest_fts(rowid, full_name, preferred_name, email, phone)
        VALUES (new.id, new.full_name, new.preferred_name, new.email, new.phone);
    END""",
)


def _recreate(options: str) -> None:
    if postgres_schema.is_postgresql(op.get_bind()):
        return  # FTS5 is SQLite's; PostgreSQL's trigram index needs no prefix options
    for name in ("guest_fts_ai", "guest_fts_ad", "guest_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS guest_fts")
    op.execute(
        f"""CREATE VIRTUAL TABLE guest_fts USING fts5(
            full_name, preferred_name, email, phone,
            content='guest', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', {options})"""
    )
    for trigger in _TRIGGERS:
        op.execute(trigger)
    op.execute("INSERT INTO guest_fts(guest_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate("prefix='1 2 3 4 5 6 7 8 9 10'")


def downgrade() -> None:
    _recreate("prefix='1 2 3'")
