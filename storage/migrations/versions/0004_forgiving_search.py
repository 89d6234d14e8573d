"""forgiving search: phone numbers in E.164, a name dictionary, places, profile merges

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

* ``guest.phone_e164`` (indexed): every stored phone number parsed with
  ``phonenumbers`` in the venue's country (setting ``venue.phone_region``, else
  NL) and written as E.164, so "06 1234 5678", "0031 6 12345678" and
  "+31612345678" are one number. What the guest typed stays in ``phone``.
  The rule is frozen here as it was at this revision (``app.phones`` is the live one).
* ``name_term``: one row per distinct word of guests' names with its folded,
  reversed and sound keys (``storage.name_keys``), built from the guest table.
* ``ix_visit_place_starts_at``: today's guest in room or at table N.
* ``guest_merge``: merged profiles and the data an undo needs.
"""

from __future__ import annotations

import phonenumbers
import sqlalchemy as sa
from alembic import op

from storage import name_keys

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _e164(typed: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the FTS triggers on guest stay as they are.
    op.add_column("guest", sa.Column("phone_e164", sa.String(16), nullable=True))
    op.create_index("ix_guest_phone_e164", "guest", ["phone_e164"])
    op.create_index("ix_visit_place_starts_at", "visit", ["place", "starts_at"])
    op.create_table(
        "name_term",
        sa.Column("term", sa.String(80), primary_key=True),
        sa.Column("fold", sa.String(80), nullable=False),
        sa.Column("rev", sa.String(80), nullable=False),
        sa.Column("sound", sa.String(80), nullable=False),
        sa.Column("english", sa.String(40), nullable=False),
    )
    for col in ("fold", "rev", "sound", "english"):
        op.create_index(f"ix_name_term_{col}", "name_term", [col])
    op.create_table(
        "guest_merge",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("guest_id", sa.Integer, sa.ForeignKey("guest.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("merged_ref", sa.String(32), nullable=False),
        sa.Column("merged_at", sa.DateTime, nullable=False),
        sa.Column("merged_by", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("undo_until", sa.DateTime, nullable=False),
        sa.Column("undo_data", sa.Text, nullable=True),
    )
    op.create_index("ix_guest_merge_guest_id", "guest_merge", ["guest_id"])
    op.create_index("ix_guest_merge_merged_ref", "guest_merge", ["merged_ref"])

    conn = op.get_bind()
    row = conn.execute(sa.text("SELECT value FROM setting WHERE key = 'venue.phone_region'")
                       ).first()
    region = str(row[0]) if row and row[0] else "NL"
    phones = conn.execute(sa.text("SELECT id, phone FROM guest WHERE phone IS NOT NULL")).all()
    updates = [{"i": gid, "e": e} for gid, phone in phones if (e := _e164(phone, region))]
    if updates:
        conn.execute(sa.text("UPDATE guest SET phone_e164 = :e WHERE id = :i"), updates)
    terms: dict[str, tuple[str, str, str, str]] = {}
    for full, preferred in conn.execute(sa.text("SELECT full_name, preferred_name FROM guest")):
        for word in name_keys.words(f"{full} {preferred or ''}"):
            if word not in terms:
                folded = name_keys.fold(word)
                terms[word] = (folded, folded[::-1], name_keys.sound_key(word),
                               name_keys.english_key(word))
    if terms:
        conn.execute(
            sa.text("INSERT INTO name_term (term, fold, rev, sound, english) "
                    "VALUES (:t, :f, :r, :s, :e)"),
            [{"t": t, "f": f, "r": r, "s": s, "e": e} for t, (f, r, s, e) in terms.items()])


def downgrade() -> None:
    op.drop_table("guest_merge")
    op.drop_table("name_term")
    op.drop_index("ix_visit_place_starts_at", "visit")
    op.drop_index("ix_guest_phone_e164", "guest")
    op.drop_column("guest", "phone_e164")
