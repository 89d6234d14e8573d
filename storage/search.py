"""Type-ahead guest search on SQLite's FTS5 index (engine-specific, so it lives here).

Each word the user typed becomes a prefix term; all must match, in any of
full name, preferred name, email or phone. ``unicode61 remove_diacritics 2``
folds case and accents on both sides, so "jose" finds "José" and "MÜLLER"
finds "Müller". Results come back in rowid order with a LIMIT, which lets
FTS5 stop early even when a one-letter prefix matches half the table.

Prefix indexes cover 1 to 10 letters (migration 0003), so a typed word of up
to 10 letters is one doclist read that streams and stops at the LIMIT, never
a merge of every term the prefix could expand to (on a million demo guests,
16,000 "jansen<digits>" email tokens for "jansen": 2-8 ms instead of 0.02).
Longer words expand to few terms. A word that unicode61 splits into several
tokens becomes a phrase, which needs positions: the index keeps them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from storage.models import Guest


def fts_query(typed: str, *, prefix: bool = True) -> str:
    """Turn what was typed into an FTS5 query: every space-separated word a quoted prefix.

    The words are not cut any further here: unicode61 tokenizes the quoted
    text exactly as it tokenized the stored names (combining marks, symbols
    it counts as letters, and so on), so whatever a name was stored as, typing
    its beginning finds it. A word unicode61 cuts in several tokens
    ("O'Brien", "anna.jansen") is a phrase: those tokens, adjacent, the last
    one a prefix. A word with no token at all ("—") is ignored.
    """
    # Control characters cannot be in a stored name (app.validate refuses them) and
    # a NUL would end FTS5's string early ("unterminated string"): drop them.
    typed = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in typed)
    words = [w for w in typed.split() if any(ch.isalnum() or ord(ch) > 127 for ch in w)]
    star = "*" if prefix else ""
    return " ".join('"' + w.replace('"', '""') + '"' + star for w in words)


# One statement, plain columns: the ids come from the index and the rows from
# the guest table in a single round trip, and no ORM objects are built for a
# list that is only shown (0.35 ms less per key press than ids, then ORM rows).
_FIND = text(
    "SELECT id, ref, full_name, preferred_name, pronunciation, language, email, phone, "
    "created_at FROM guest WHERE id IN "
    "(SELECT rowid FROM guest_fts WHERE guest_fts MATCH :q LIMIT :n)"
).columns(Guest.id, Guest.ref, Guest.full_name, Guest.preferred_name, Guest.pronunciation,
          Guest.language, Guest.email, Guest.phone, Guest.created_at)


def search_guest_rows(session: Session, typed: str, limit: int) -> list[Row[Any]]:
    """The guest columns a result list shows, for up to ``limit`` guests matching ``typed``.

    Best first: guests in whom every typed word is a whole word ("Kim" finds
    Kim Jansen before Kimberly Smit, and a full name typed out is never pushed
    off the list by longer names it is a prefix of), then prefix matches; each
    group sorted by full name. Rows have the attributes ``id, ref, full_name,
    preferred_name, pronunciation, language, email, phone, created_at``.
    """
    if session.get_bind().dialect.name == "postgresql":  # the shared store's own search
        from storage import postgres_search

        return postgres_search.search_guest_rows(session, typed, limit)
    query = fts_query(typed)
    if not query:
        return []
    exact = session.execute(_FIND, {"q": fts_query(typed, prefix=False), "n": limit}).all()
    rest: list[Row[Any]] = []
    if len(exact) < limit:
        seen = {r.id for r in exact}
        rows = session.execute(_FIND, {"q": query, "n": limit + len(exact)}).all()
        rest = [r for r in rows if r.id not in seen][: limit - len(exact)]

    def by_name(r: Row[Any]) -> tuple[str, int]:
        return (str(r.full_name).casefold(), int(r.id))

    return sorted(exact, key=by_name) + sorted(rest, key=by_name)


def optimize_index(session: Session) -> None:
    """Merge FTS5 segments so deleted rows' tokens are gone from the index pages.

    PostgreSQL has no FTS5 index: its trigram index entries go with the row.
    """
    if session.get_bind().dialect.name == "postgresql":
        return
    session.execute(text("INSERT INTO guest_fts(guest_fts) VALUES ('optimize')"))
