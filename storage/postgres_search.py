"""Type-ahead guest search on PostgreSQL, with the behaviour of the FTS5 search.

Same contract as ``storage.search.search_guest_rows`` (tests run both engines
through the same cases): every typed word must begin a word of the full name,
preferred name, email or phone, ignoring case and accents; a typed word that
holds punctuation ("o'brien", "anna.jansen") must match those words side by
side; whole-word matches come first, then prefix matches, each group sorted by
full name. The folding happens in the server (``frontdesk_search_text``, see
``storage.postgres_schema``) on both the stored fields and the typed text, so
both sides are cut and folded by the same code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from storage.models import Guest
from storage.postgres_schema import NAME_COLUMN, SEARCH_COLUMN, SEARCH_TEXT

_GUEST_COLUMNS = (Guest.id, Guest.ref, Guest.full_name, Guest.preferred_name,
                  Guest.pronunciation, Guest.language, Guest.email, Guest.phone,
                  Guest.created_at)
_COLUMNS = ("id, ref, full_name, preferred_name, pronunciation, language, email, phone, "
            "created_at")


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# Words already folded by a server: {(server, word): folded}. The folding function is
# IMMUTABLE, so a desk asks once per word; a type-ahead search folds the same words for
# its whole-word and its prefix pass, and again at every key of a second typed word.
_FOLDED: dict[tuple[str, str], str] = {}
_FOLDED_MAX = 4096


def _server_of(session: Session) -> str:
    """Which server and database this session talks to (no round trip: libpq knows)."""
    info: Any = getattr(session.connection().connection.dbapi_connection, "info", None)
    if info is None:
        return ""
    return f"{info.host}:{info.port}/{info.dbname}"


def typed_words(session: Session, typed: str) -> list[str]:
    """The typed words, each folded and cut by the server as the stored names were."""
    typed = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in typed)
    words = [w for w in typed.split() if any(ch.isalnum() or ord(ch) > 127 for ch in w)]
    if not words:
        return []
    server = _server_of(session)
    missing = sorted({w for w in words if (server, w) not in _FOLDED})
    if missing:
        rows = session.execute(
            text(f"SELECT w, public.{SEARCH_TEXT}(w, NULL, NULL, NULL) "
                 "FROM unnest(CAST(:ws AS text[])) AS w"),
            {"ws": missing},
        ).all()
        if len(_FOLDED) + len(rows) > _FOLDED_MAX:
            _FOLDED.clear()
        for w, folded in rows:
            _FOLDED[(server, str(w))] = str(folded or "").strip()
    folded_words = [_FOLDED.get((server, w), "") for w in words]
    return [f for f in folded_words if f]


def find_rows(session: Session, words: list[str], limit: int, *, whole: bool
              ) -> list[Row[Any]]:
    """Guests in whom every (folded) word is a whole word, or begins one, in id order."""
    return _find(session, words, limit, whole=whole)


def _find(session: Session, words: list[str], limit: int, *, whole: bool) -> list[Row[Any]]:
    cond = " AND ".join(f"{SEARCH_COLUMN} LIKE :w{i}" for i in range(len(words)))
    params: dict[str, Any] = {
        f"w{i}": "% " + _like_escape(w) + (" %" if whole else "%") for i, w in enumerate(words)
    }
    params["n"] = limit
    stmt = text(f"SELECT {_COLUMNS} FROM guest WHERE {cond} ORDER BY id LIMIT :n").columns(
        *_GUEST_COLUMNS)
    return list(session.execute(stmt, params).all())


def search_guest_rows(session: Session, typed: str, limit: int) -> list[Row[Any]]:
    """Up to ``limit`` guests matching ``typed``: whole-word matches first (see module doc)."""
    words = typed_words(session, typed)
    if not words:
        return []
    exact = _find(session, words, limit, whole=True)
    rest: list[Row[Any]] = []
    if len(exact) < limit:
        seen = {r.id for r in exact}
        rows = _find(session, words, limit + len(exact), whole=False)
        rest = [r for r in rows if r.id not in seen][: limit - len(exact)]

    def by_name(r: Row[Any]) -> tuple[str, int]:
        return (str(r.full_name).casefold(), int(r.id))

    return sorted(exact, key=by_name) + sorted(rest, key=by_name)


def _fold_all(session: Session, words: Sequence[str]) -> dict[str, str]:
    """Each word folded and cut by the server (``frontdesk_search_text``), in one round trip."""
    unique = sorted({w for w in words if w})
    if not unique:
        return {}
    rows = session.execute(
        text(f"SELECT w, public.{SEARCH_TEXT}(w, NULL, NULL, NULL) "
             "FROM unnest(CAST(:ws AS text[])) AS w"), {"ws": unique}).all()
    return {str(w): str(f).strip() for w, f in rows}


def name_rows(session: Session, alternatives: Sequence[Sequence[str]], prefix_last: str | None,
              limit: int) -> list[Row[Any]]:
    """Guests whose full or preferred name holds, for each group, one of its words.

    The PostgreSQL side of ``storage.search.name_rows`` (FTS5's ``{full_name
    preferred_name} : ((a OR b) AND (c OR d*))``): one statement, each group an OR of
    whole-word matches (plus ``prefix_last`` as a prefix in the last group). The trigram
    index over all four searched fields narrows the rows; the same test on the names
    alone keeps a word found only in an email out, as FTS5's column filter does.
    """
    folded = _fold_all(session, [w for g in alternatives for w in g]
                       + ([prefix_last] if prefix_last else []))
    params: dict[str, Any] = {"n": limit}
    conds: list[str] = []
    names, every = NAME_COLUMN, SEARCH_COLUMN
    for i, group in enumerate(alternatives):
        patterns = ["% " + _like_escape(folded[w]) + " %" for w in group if folded.get(w)]
        if prefix_last and i == len(alternatives) - 1 and folded.get(prefix_last):
            patterns.append("% " + _like_escape(folded[prefix_last]) + "%")
        if not patterns:
            return []
        keys = []
        for j, pattern in enumerate(patterns):
            params[f"p{i}_{j}"] = pattern
            keys.append(f":p{i}_{j}")
        conds.append("(" + " OR ".join(f"{every} LIKE {k}" for k in keys) + ")")
        conds.append("(" + " OR ".join(f"{names} LIKE {k}" for k in keys) + ")")
    if not conds:
        return []
    stmt = text(f"SELECT {_COLUMNS} FROM guest WHERE {' AND '.join(conds)} "
                "ORDER BY id LIMIT :n").columns(*_GUEST_COLUMNS)
    return list(session.execute(stmt, params).all())


def has_name_word(session: Session, word: str) -> bool:
    """Whether some guest's full or preferred name still holds ``word`` as a whole word."""
    return bool(name_rows(session, [[word]], None, 1))
