"""name dictionary: words with "ß" as the search index holds them

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-27

``storage.name_keys.words`` lower-cased names with ``casefold``, which writes
"ß" as "ss": the dictionary held "grossmann" for "Großmann", but FTS5's
unicode61 tokenizer indexes "großmann", so a misspelt "Grosman" or "Nussbaum"
led to a dictionary word that found nobody. Words are now lower-cased as the
index does; this adds those words for the names already stored. The old
spellings stay (they find only guests really spelt so, or nobody).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage import name_keys

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT full_name, preferred_name FROM guest WHERE full_name LIKE '%ß%' "
        "OR full_name LIKE '%ẞ%' OR preferred_name LIKE '%ß%' OR preferred_name LIKE '%ẞ%'"))
    terms: dict[str, dict[str, str]] = {}
    for full, preferred in rows:
        for word in name_keys.words(f"{full} {preferred or ''}"):
            if len(word) <= 80 and word not in terms and word != word.casefold():
                folded = name_keys.fold(word)
                terms[word] = {"t": word, "f": folded[:80], "r": folded[::-1][:80],
                               "s": name_keys.sound_key(word)[:80],
                               "e": name_keys.english_key(word)[:40]}
    if terms:
        conn.execute(sa.text("INSERT INTO name_term (term, fold, rev, sound, english) "
                             "VALUES (:t, :f, :r, :s, :e) ON CONFLICT (term) DO NOTHING"),
                     list(terms.values()))


def downgrade() -> None:
    """Nothing to undo: the added words are right for the earlier code too."""
