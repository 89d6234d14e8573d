"""Type-ahead guest search on PostgreSQL, with the behaviour of the FTS5 search.

Same contract as ``storage.search.search_guest_rows`` (tests run both engines
through the same cases): every typed word must begin a word of the full name,
preferred name, email or phone, ignoring case and accents; a typed word that
holds punctuation ("o'brien", "anna.jansen") must match those words side by
side; whole-word matches come first, then prefix matches, each group sorted by
full name. The folding happens in the server (``frontdesk_search_text``, see
``storage.postgres_schema``) on both the stored fields and the typed text, so
both sides are cut and folded by the same code.

The stored words are looked up in ``guest_word`` (one row per word and guest, a B-tree
on ``(word, guest_id)`` and one on ``(guest_id, word)``): a whole word is one index range
in guest-id order, a prefix one range in word order, every further typed word a probe of
the guest's own words. A key press reads about as many index entries as it returns
guests, however common or rare the word (docs/performance.md, "A word index").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from storage.models import Guest
from storage.postgres_schema import NAME_COLUMN, SEARCH_COLUMN, SEARCH_TEXT, WORD_TABLE

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
    """Guests in whom every (folded) word is a whole word, or begins one.

    Whole words come in id order (as FTS5 gives them); prefixes in the order of the
    words they begin, so the index hands over the first ``limit`` guests without
    collecting every guest whose word begins so ("s" begins a word of most guests).
    """
    return _find(session, words, limit, whole=whole)


def prefix_end(prefix: str) -> str:
    """The smallest string above every string that begins with ``prefix`` (code point
    order, which is ``COLLATE "C"``'s order of UTF-8 text)."""
    nxt = ord(prefix[-1]) + 1
    if 0xD800 <= nxt <= 0xDFFF:  # no text holds a surrogate
        nxt = 0xE000
    return prefix[:-1] + chr(nxt)


def _terms(words: list[str], *, whole: bool) -> tuple[list[str], list[str]]:
    """The single words to look up (rarest-looking first: the longest) and the typed words
    that fold into several ("o'brien" → "o brien"), which must also stand side by side."""
    parts: list[str] = []
    joined = [w for w in words if " " in w]
    for w in words:
        for part in w.split():
            if part not in parts:
                parts.append(part)
    if not whole:  # a prefix that begins another typed word is implied by it
        parts = [p for p in parts if not any(q != p and q.startswith(p) for q in parts)]
    parts.sort(key=len, reverse=True)
    return parts, joined


def _find(session: Session, words: list[str], limit: int, *, whole: bool) -> list[Row[Any]]:
    parts, joined = _terms(words, whole=whole)
    if not parts:
        return []
    params: dict[str, Any] = {"n": limit, "m": 2 * limit}
    conds: list[str] = []
    for i, part in enumerate(parts):
        alias = "a" if i == 0 else f"b{i}"
        if whole:
            params[f"w{i}"] = part
            cond = f"{alias}.word = :w{i}"
        else:
            params[f"lo{i}"], params[f"hi{i}"] = part, prefix_end(part)
            cond = f"{alias}.word >= :lo{i} AND {alias}.word < :hi{i}"
        conds.append(cond if i == 0 else
                     f"EXISTS (SELECT 1 FROM {WORD_TABLE} {alias} WHERE "
                     f"{alias}.guest_id = a.guest_id AND {cond})")
    for j, w in enumerate(joined):  # the parts side by side, as typed
        params[f"j{j}"] = "% " + _like_escape(w) + (" %" if whole else "%")
        conds.append(f"EXISTS (SELECT 1 FROM guest s WHERE s.id = a.guest_id AND "
                     f"s.{SEARCH_COLUMN} LIKE :j{j})")
    where = " AND ".join(conds)
    if whole:
        # One word's guests in id order straight from the primary key (word, guest_id);
        # the other words probed, or merged in id order, as the planner finds cheaper.
        sql = (f"SELECT {_COLUMNS} FROM guest WHERE id IN (SELECT a.guest_id FROM "
               f"{WORD_TABLE} a WHERE {where} ORDER BY a.guest_id LIMIT :n) ORDER BY id")
    else:
        # In word order the first entries of the range are the answer; a guest with two
        # words that begin so comes twice, hence twice the limit, then one row each.
        sql = (f"SELECT {_COLUMNS} FROM guest JOIN (SELECT m.guest_id, min(m.word) AS w "
               f"FROM (SELECT a.guest_id, a.word FROM {WORD_TABLE} a WHERE {where} "
               "ORDER BY a.word, a.guest_id LIMIT :m) m GROUP BY m.guest_id "
               "ORDER BY min(m.word), m.guest_id LIMIT :n) d ON d.guest_id = guest.id "
               "ORDER BY d.w, guest.id")
    stmt = text(sql).columns(*_GUEST_COLUMNS)
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
    preferred_name} : ((a OR b) AND (c OR d*))``): one statement over ``guest_word``'s
    name words. One group's words are read in index order (the group with the longest
    words, a group without the prefix if there is one); each other group is a probe of
    that guest's words. An alternative that folds into several words ("o'brien") falls
    back to comparing the stored words side by side.
    """
    folded = _fold_all(session, [w for g in alternatives for w in g]
                       + ([prefix_last] if prefix_last else []))
    groups: list[tuple[list[str], str | None]] = []
    for i, group in enumerate(alternatives):
        whole = sorted({folded[w] for w in group if folded.get(w)})
        prefix = folded.get(prefix_last or "") if i == len(alternatives) - 1 else None
        if not whole and not prefix:
            return []
        groups.append((whole, prefix or None))
    if not groups:
        return []
    if any(" " in w for whole, prefix in groups for w in [*whole, prefix or ""]):
        return _name_rows_side_by_side(session, groups, limit)
    order = sorted(range(len(groups)), key=lambda i: (groups[i][1] is not None,
                                                      -min(map(len, groups[i][0] or ["?"]))))
    params: dict[str, Any] = {"n": limit, "m": 2 * limit}
    probes: list[str] = []
    for i in order[1:]:
        whole, prefix = groups[i]
        alts = []
        if whole:
            params[f"g{i}"] = whole
            alts.append(f"b{i}.word = ANY(:g{i})")
        if prefix:
            params[f"lo{i}"], params[f"hi{i}"] = prefix, prefix_end(prefix)
            alts.append(f"(b{i}.word >= :lo{i} AND b{i}.word < :hi{i})")
        probes.append(f"EXISTS (SELECT 1 FROM {WORD_TABLE} b{i} WHERE b{i}.guest_id = "
                      f"a.guest_id AND b{i}.in_name AND ({' OR '.join(alts)}))")
    probe = "".join(f" AND {p}" for p in probes)
    first, first_prefix = groups[order[0]]
    drivers = []
    if first:
        params["g"] = first
        drivers.append("a.word = ANY(:g)")
    if first_prefix:
        params["lo"], params["hi"] = first_prefix, prefix_end(first_prefix)
        drivers.append("a.word >= :lo AND a.word < :hi")
    # Each driver read in index order (word, guest_id) and cut at twice the limit.
    reads = " UNION ALL ".join(
        f"(SELECT a.guest_id, a.word FROM {WORD_TABLE} a WHERE {d} AND a.in_name{probe} "
        "ORDER BY a.word, a.guest_id LIMIT :m)" for d in drivers)
    sql = (f"SELECT {_COLUMNS} FROM guest JOIN (SELECT m.guest_id, min(m.word) AS w "
           f"FROM ({reads}) m GROUP BY m.guest_id ORDER BY min(m.word), m.guest_id LIMIT :n) d "
           "ON d.guest_id = guest.id ORDER BY d.w, guest.id")
    return list(session.execute(text(sql).columns(*_GUEST_COLUMNS), params).all())


def _name_rows_side_by_side(session: Session, groups: list[tuple[list[str], str | None]],
                            limit: int) -> list[Row[Any]]:
    """``name_rows`` when a word folds into several: ``LIKE`` on the stored name words."""
    params: dict[str, Any] = {"n": limit}
    conds: list[str] = []
    for i, (whole, prefix) in enumerate(groups):
        patterns = ["% " + _like_escape(w) + " %" for w in whole]
        if prefix:
            patterns.append("% " + _like_escape(prefix) + "%")
        keys = []
        for j, pattern in enumerate(patterns):
            params[f"p{i}_{j}"] = pattern
            keys.append(f"{NAME_COLUMN} LIKE :p{i}_{j}")
        conds.append("(" + " OR ".join(keys) + ")")
    stmt = text(f"SELECT {_COLUMNS} FROM guest WHERE {' AND '.join(conds)} "
                "ORDER BY id LIMIT :n").columns(*_GUEST_COLUMNS)
    return list(session.execute(stmt, params).all())


def has_name_word(session: Session, word: str) -> bool:
    """Whether some guest's full or preferred name still holds ``word`` as a whole word."""
    folded = _fold_all(session, [word]).get(word, "")
    if not folded:
        return False
    if " " in folded:
        return bool(_name_rows_side_by_side(session, [([folded], None)], 1))
    return session.execute(text(f"SELECT 1 FROM {WORD_TABLE} WHERE word = :w AND in_name "
                                 "LIMIT 1"), {"w": folded}).first() is not None
