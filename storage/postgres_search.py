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

import bisect
import re
import time
import unicodedata
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.models import Guest
from storage.postgres_schema import NAME_COLUMN, SEARCH_COLUMN, SEARCH_TEXT, WORD_TABLE

_GUEST_COLUMNS = (Guest.id, Guest.ref, Guest.full_name, Guest.preferred_name,
                  Guest.pronunciation, Guest.language, Guest.email, Guest.phone,
                  Guest.created_at, Guest.last_visit_at)
_COLUMNS = ("id, ref, full_name, preferred_name, pronunciation, language, email, phone, "
            "created_at, last_visit_at")


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
              ) -> list[Any]:
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


# The server's commonest stored words and their shares of all (word, guest) rows, per
# server: (read at, sorted words, shares in the same order, running sums of the shares).
_COMMON: dict[str, tuple[float, list[str], list[float], list[float]]] = {}
_COMMON_FOR_S = 600.0


def _common(session: Session) -> tuple[list[str], list[float], list[float]]:
    """The commonest words (``pg_stats`` of ``guest_word.word``: up to a thousand, kept by
    ``ANALYZE``), read once every ten minutes per desk; empty before the first analysis."""
    server = _server_of(session)
    got = _COMMON.get(server)
    if got is None or time.monotonic() - got[0] > _COMMON_FOR_S:
        row = session.execute(text(
            "SELECT most_common_vals::text::text[], most_common_freqs FROM pg_catalog.pg_stats "
            "WHERE schemaname = 'public' AND tablename = :t AND attname = 'word'"),
            {"t": WORD_TABLE}).first()
        pairs = sorted(zip(row[0] or [], row[1] or [], strict=True)) if row else []
        sums = [0.0]
        for _w, f in pairs:
            sums.append(sums[-1] + float(f))
        got = (time.monotonic(), [str(w) for w, _f in pairs], [float(f) for _w, f in pairs],
               sums)
        _COMMON[server] = got
    return got[1], got[2], got[3]


def _share(common: tuple[list[str], list[float], list[float]], word: str, prefix: bool
           ) -> float:
    """How common ``word`` is among the stored words (begun by it, for a prefix), as far as
    the statistics know; 0 for a word rarer than the commonest thousand."""
    words, shares, sums = common
    lo = bisect.bisect_left(words, word)
    if not prefix:
        return shares[lo] if lo < len(words) and words[lo] == word else 0.0
    return sums[bisect.bisect_left(words, prefix_end(word))] - sums[lo]


def _key(word: str, *, prefix: bool, common: tuple[list[str], list[float], list[float]]
         ) -> tuple[float, int, str, bool]:
    """The one stored word an index read looks for on behalf of a typed (folded) word: its
    rarest part ("o brien" → "brien"), a prefix only when that part is the last; sorted,
    rarest first (by the statistics, then the longest)."""
    parts = word.split()
    return min((_share(common, p, prefix and i == len(parts) - 1), -len(p), p,
                prefix and i == len(parts) - 1) for i, p in enumerate(parts))


def _test(column: str, word: str, *, prefix: bool, params: dict[str, Any], name: str) -> str:
    """A test of one guest row's stored words: ``word`` is a whole word of ``column``, or
    begins one (the folded words are stored as " w1 w2 … ").

    ``strpos`` rather than ``LIKE``: the planner takes a ``LIKE`` with a long pattern for
    a rare one and would start from scanning every guest with it (measured: 0.5 s)."""
    params[name] = " " + word + ("" if prefix else " ")
    return f"pg_catalog.strpos(s.{column}, :{name}) > 0"


_NAMED = re.compile(r"(?<!:):(\w+)")


def to_driver(sql: str) -> str:
    """``sql`` with psycopg's ``%(name)s`` parameters instead of SQLAlchemy's ``:name``."""
    return _NAMED.sub(r"%(\1)s", sql)


def _rows(session: Session, sql: str, params: dict[str, Any], limit: int) -> list[Any]:
    """The statement's guest rows, each once, at most ``limit`` of them, in its order.

    Run on the session's driver connection, in its transaction: a key press runs two to
    eight of these, and SQLAlchemy's statement and result handling was a third of the
    desk's CPU per key press (measured with ``time.process_time`` at a million guests).
    Errors come back as SQLAlchemy's (``DBAPIError``), as from ``session.execute``.
    """
    import psycopg

    from storage.search import GuestRow, _dbapi

    driver_sql = to_driver(sql)
    try:
        rows = _dbapi(session).execute(driver_sql, params).fetchall()
    except psycopg.Error as exc:
        raise DBAPIError.instance(driver_sql, params, exc, psycopg.Error) from exc
    seen: set[int] = set()
    out: list[Any] = []
    for r in rows:
        if r[0] not in seen and len(out) < limit:
            seen.add(r[0])
            out.append(GuestRow._make(r[:10]))
    return out


_S_COLUMNS = ", ".join(f"s.{c.strip()}" for c in _COLUMNS.split(","))


def _guests(tests: list[str]) -> str:
    """The guest row of each word row read, when it passes ``tests``: one primary-key look-up
    per word row, always (``OFFSET 0`` keeps the planner from turning it into a walk of
    every guest, which it chose when it misjudged a common word as rare: 0.5 s)."""
    where = "".join(f" AND {t}" for t in tests)
    return (f"{WORD_TABLE} a CROSS JOIN LATERAL (SELECT {_COLUMNS} FROM guest s "
            f"WHERE s.id = a.guest_id{where} OFFSET 0) s")


# Whole words of a typed text probed in the primary key besides the one read (the rest are
# tested on the guest row): each probe is one index look-up per word row read.
_PROBES = 2


def _find(session: Session, words: list[str], limit: int, *, whole: bool) -> list[Any]:
    statement = find_statement(session, words, limit, whole=whole)
    return _rows(session, *statement, limit) if statement else []


def find_statement(session: Session, words: list[str], limit: int, *, whole: bool
                   ) -> tuple[str, dict[str, Any]] | None:
    """The statement (SQLAlchemy ``:name`` parameters) and parameters :func:`find_rows`
    runs for ``words``; None when there is nothing to look for."""
    words = list(dict.fromkeys(w for w in words if w))
    if not words:
        return None
    if not whole:  # a prefix that begins another typed word is implied by it
        words = [w for w in words if not any(v != w and v.startswith(w) for v in words)]
    params: dict[str, Any] = {"n": limit, "m": 2 * limit}
    common = _common(session)
    # Each stored word the index can look for: every part of a typed word, whole except
    # the last part of each when prefixes are asked for ("o bri": "o" whole, "bri" begun).
    parts = sorted({(_share(common, p, not whole and i == len(w.split()) - 1), -len(p), p,
                     not whole and i == len(w.split()) - 1)
                    for w in words for i, p in enumerate(w.split())})
    _share0, _len0, drive, drive_prefix = parts[0]
    probed = [p for _s, _n, p, is_prefix in parts[1:] if not is_prefix][:_PROBES]
    # Every typed word the index read and the probes do not answer by themselves is tested
    # on the guest's own stored words (exactly, side by side as typed).
    answered = {drive} | set(probed) if not drive_prefix else set(probed)
    tests = [_test(SEARCH_COLUMN, w, prefix=not whole, params=params, name=f"t{i}")
             for i, w in enumerate(words)
             if not (" " not in w and w in answered) and w != drive]
    probes = []
    for i, part in enumerate(probed):
        params[f"w{i}"] = part
        probes.append(f" AND EXISTS (SELECT 1 FROM {WORD_TABLE} b{i} WHERE b{i}.word = "
                      f":w{i} AND b{i}.guest_id = a.guest_id)")
    probe = "".join(probes)
    if not drive_prefix:
        # One word's guests in id order straight from the primary key (word, guest_id);
        # the other whole words probed there too (or merged in id order), as FTS5 does.
        params["w"] = drive
        sql = (f"SELECT {_S_COLUMNS} FROM {_guests(tests)} "
               f"WHERE a.word = :w{probe} ORDER BY a.guest_id LIMIT :n")
        return sql, params
    # In word order the first entries of the range are the answer; a guest with two words
    # that begin so comes twice, hence more than the limit. With other words to test each
    # row read costs a guest row: a quarter more (two words of one guest both beginning
    # so and passing the tests is rare); alone, twice the limit (index entries only).
    if tests or probes:
        params["m"] = limit + limit // 4 + 1
    params["lo"], params["hi"] = drive, prefix_end(drive)
    sql = (f"SELECT {_S_COLUMNS} FROM {_guests(tests)} "
           f"WHERE a.word >= :lo AND a.word < :hi{probe} ORDER BY a.word, a.guest_id LIMIT :m")
    return sql, params


def search_guest_rows(session: Session, typed: str, limit: int) -> list[Any]:
    """Up to ``limit`` guests matching ``typed``: whole-word matches first (see module doc)."""
    words = typed_words(session, typed)
    if not words:
        return []
    exact = _find(session, words, limit, whole=True)
    rest: list[Any] = []
    if len(exact) < limit:
        seen = {r.id for r in exact}
        rows = _find(session, words, limit + len(exact), whole=False)
        rest = [r for r in rows if r.id not in seen][: limit - len(exact)]

    def by_name(r: Any) -> tuple[str, int]:
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
              limit: int) -> list[Any]:
    """Guests whose full or preferred name holds, for each group, one of its words.

    The PostgreSQL side of ``storage.search.name_rows`` (FTS5's ``{full_name
    preferred_name} : ((a OR b) AND (c OR d*))``): one statement. One group's words are
    read from ``guest_word`` in index order (the group with the longest words, one
    without the prefix if there is one); every group is then tested on the guest's
    stored name words.
    """
    folded = _fold_all(session, [w for g in alternatives for w in g]
                       + ([prefix_last] if prefix_last else []))
    groups: list[list[tuple[str, bool]]] = []
    for i, group in enumerate(alternatives):
        alts = sorted({(folded[w], False) for w in group if folded.get(w)})
        last = folded.get(prefix_last or "") if i == len(alternatives) - 1 else None
        if last:
            alts.append((last, True))
        if not alts:
            return []
        groups.append(alts)
    if not groups:
        return []
    common = _common(session)
    # The group to read from the index: the one whose alternatives are rarest together.
    first = min(groups, key=lambda g: (sum(_key(w, prefix=p, common=common)[0] for w, p in g),
                                       any(p for _w, p in g),
                                       -min(len(w) for w, _p in g)))
    params: dict[str, Any] = {"m": 2 * limit}
    tests = []
    for i, alts in enumerate(groups):
        tests.append("(" + " OR ".join(
            _test(NAME_COLUMN, w, prefix=p, params=params, name=f"t{i}_{j}")
            for j, (w, p) in enumerate(alts)) + ")")
    keys = sorted({_key(w, prefix=p, common=common)[2:] for w, p in first})
    whole_keys = [k for k, p in keys if not p]
    reads = []
    if whole_keys:
        params["g"] = whole_keys
        reads.append("a.word = ANY(:g)")
    for j, (k, _p) in enumerate(k for k in keys if k[1]):
        params[f"lo{j}"], params[f"hi{j}"] = k, prefix_end(k)
        reads.append(f"a.word >= :lo{j} AND a.word < :hi{j}")
    # Each read in index order (word, guest_id), cut at twice the limit.
    sql = " UNION ALL ".join(
        f"(SELECT {_S_COLUMNS}, a.word FROM {_guests(tests)} "
        f"WHERE {r} AND a.in_name ORDER BY a.word, a.guest_id LIMIT :m)"
        for r in reads)
    return _rows(session, sql, params, limit)


def has_name_word(session: Session, word: str) -> bool:
    """Whether some guest's full or preferred name still holds ``word`` as a whole word."""
    folded = _fold_all(session, [word]).get(word, "")
    if not folded:
        return False
    if " " in folded:
        return bool(name_rows(session, [[word]], None, 1))
    return session.execute(text(f"SELECT 1 FROM {WORD_TABLE} WHERE word = :w AND in_name "
                                 "LIMIT 1"), {"w": folded}).first() is not None
