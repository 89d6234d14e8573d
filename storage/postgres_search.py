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
import functools
import re
import time
import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.engine_postgres import owes_begin
from storage.models import Guest
from storage.postgres_schema import NAME_COLUMN, SEARCH_COLUMN, SEARCH_TEXT, WORD_TABLE
from storage.postgres_schema import WORD_TEXTS as WORD_TEXT_COLUMNS
from storage.search import typed_words_raw

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
# Whether a server folds ASCII text as :func:`_ascii_fold` does, asked once per server.
# ``unaccent`` leaves ASCII alone, ``[:alnum:]`` of ASCII is its letters and digits, and
# ``lower`` of ASCII is ASCII's, in every locale but one: a server whose ``lower`` follows
# a Turkish locale turns "I" into "ı". The answer comes from the server's own fold of
# every printable ASCII character, so such a server keeps folding every word itself.
_FOLDS_ASCII_ALIKE: dict[str, bool] = {}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_ASCII_PROBE = [chr(c) for c in range(32, 127)] + [
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789", "O'Brien-Smith_3b"]
_FOLD_SQL = text(f"SELECT w, public.{SEARCH_TEXT}(w, NULL, NULL, NULL) "
                 "FROM unnest(CAST(:ws AS text[])) AS w")


def _ascii_fold(word: str) -> str:
    """``frontdesk_search_text`` of an ASCII word, computed here (see above)."""
    return " ".join(part for part in _NOT_ALNUM.split(word.lower()) if part)


def _fold_missing(session: Session, server: str, missing: Sequence[str]) -> dict[str, str]:
    """``missing`` words folded and cut as the server does, kept in ``_FOLDED``: ASCII words
    here when this server folds ASCII alike (a round trip fewer on most key presses: a
    typed name is mostly new words, "J", "Ja", "Jan"…), the others by the server in one
    round trip."""
    if not missing:
        return {}
    alike = _FOLDS_ASCII_ALIKE.get(server)
    if alike is None and any(w.isascii() for w in missing):
        probe = session.execute(_FOLD_SQL, {"ws": _ASCII_PROBE}).all()
        alike = _FOLDS_ASCII_ALIKE[server] = all(
            str(f or "").strip() == _ascii_fold(str(w)) for w, f in probe)
    found = {w: _ascii_fold(w) for w in missing if alike and w.isascii()}
    rest = [w for w in missing if w not in found]
    if rest:
        found.update((str(w), str(f or "").strip())
                     for w, f in session.execute(_FOLD_SQL, {"ws": rest}).all())
    if len(_FOLDED) + len(found) > _FOLDED_MAX:
        _FOLDED.clear()
    for w, f in found.items():
        _FOLDED[(server, w)] = f
    return found


def warm_up(session: Session) -> None:
    """What a desk's first key press would otherwise ask the server before its search:
    whether the server folds ASCII as this desk does, and the word statistics the
    planning reads (:func:`_common`). Run once when the store is opened
    (``storage.postgres.open_shared``), while the person signs in: the first search of
    each desk was the longest wait of the bench's desks (9-11 statements, 0.2-1 s with
    eight desks starting together; docs/performance.md)."""
    server = _server_of(session)
    if server not in _FOLDS_ASCII_ALIKE:
        _fold_missing(session, server, ["a"])
    _common(session)


# Which server and database each driver connection talks to (see _server_of).
_SERVERS: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def _server_of(session: Session) -> str:
    """Which server and database this session talks to (no round trip: libpq knows), kept
    per driver connection: a key press asks ~9 times, and going through the session for the
    connection each time was ~0.25 ms of its desk CPU (docs/performance.md)."""
    from storage.notify import server_of
    from storage.search import _dbapi

    raw = _dbapi(session)
    server = _SERVERS.get(raw)
    if server is None:
        info: Any = getattr(raw, "info", None)
        server = server_of(info) if info is not None else ""
        _SERVERS[raw] = server
    return server


def typed_words(session: Session, typed: str) -> list[str]:
    """The typed words, each folded and cut by the server as the stored names were."""
    words = typed_words_raw(typed)
    if not words:
        return []
    folded = _fold_all(session, words)
    return [f for f in (folded[w] for w in words) if f]


def _typed_words_kept(server: str, typed: str) -> list[str] | None:
    """:func:`typed_words` when this desk can fold every word without the server (folded
    before, or ASCII on a server that folds it alike); else None."""
    alike = _FOLDS_ASCII_ALIKE.get(server)
    out = []
    for w in typed_words_raw(typed):
        f = _FOLDED.get((server, w))
        if f is None:
            if not (alike and w.isascii()):
                return None
            f = _ascii_fold(w)
        if f:
            out.append(f)
    return out


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


def _common_kept(server: str) -> tuple[list[str], list[float], list[float]] | None:
    """:func:`_common` when it needs no read (None otherwise)."""
    got = _COMMON.get(server)
    if got is None or time.monotonic() - got[0] > _COMMON_FOR_S - 1:
        return None
    return got[1], got[2], got[3]


def _common(session: Session) -> tuple[list[str], list[float], list[float]]:
    """The commonest words (``pg_stats`` of ``guest_word.word``: up to a thousand, kept by
    ``ANALYZE``), read once every ten minutes per desk; empty before the first analysis."""
    server = _server_of(session)
    got = _COMMON.get(server)
    if got is None or time.monotonic() - got[0] > _COMMON_FOR_S:
        row = session.execute(text(COMMON_SQL.replace("%(t)s", ":t")),
                              {"t": WORD_TABLE}).first()
        got = (time.monotonic(), *common_of(row))
        _COMMON[server] = got
    return got[1], got[2], got[3]


# The commonest stored words and their shares, as ``ANALYZE`` keeps them (psycopg's marker).
COMMON_SQL = ("SELECT most_common_vals::text::text[], most_common_freqs FROM pg_catalog.pg_stats "
              "WHERE schemaname = 'public' AND tablename = %(t)s AND attname = 'word'")


def common_of(row: Any) -> tuple[list[str], list[float], list[float]]:
    """:data:`COMMON_SQL`'s row (or None) as :func:`_common` gives it: the words in order,
    their shares, and the running sums of the shares (``sums[i]``: the words before i)."""
    pairs = sorted(zip(row[0] or [], row[1] or [], strict=True)) if row else []
    sums = [0.0]
    for _w, f in pairs:
        sums.append(sums[-1] + float(f))
    return [str(w) for w, _f in pairs], [float(f) for _w, f in pairs], sums


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


# A test of a guest's folded words: (the column, SQL with ``{t}`` for the table holding it:
# the guest row ``s`` or, since revision 0020, the word row ``a`` read from the index).
Test = tuple[str, str]


def _test(column: str, word: str, *, prefix: bool, params: dict[str, Any], name: str
          ) -> Test:
    """A test of one guest's stored words: ``word`` is a whole word of ``column``, or
    begins one (the folded words are stored as " w1 w2 … ").

    ``strpos`` rather than ``LIKE``: the planner takes a ``LIKE`` with a long pattern for
    a rare one and would start from scanning every guest with it (measured: 0.5 s)."""
    params[name] = " " + word + ("" if prefix else " ")
    return column, f"pg_catalog.strpos({{t}}.{column}, :{name}) > 0"


def _any_of(tests: Sequence[Test]) -> Test:
    """One test passing when any of ``tests`` (all on one column) does."""
    return tests[0][0], "(" + " OR ".join(sql for _c, sql in tests) + ")"


_NAMED = re.compile(r"(?<!:):(\w+)")


@functools.lru_cache(maxsize=1024)
def to_driver(sql: str) -> str:
    """``sql`` with psycopg's ``%(name)s`` parameters instead of SQLAlchemy's ``:name``
    (kept by its text: a key press converts two to four statements of 0.5-2 KB, the same
    few shapes again and again; SQL only, never a parameter's value)."""
    return _NAMED.sub(r"%(\1)s", sql)


def _rows(session: Session, sql: str, params: dict[str, Any], limit: int) -> list[Any]:
    """The statement's guest rows, each once, at most ``limit`` of them, in its order.

    Run on the session's driver connection, in its transaction: a key press runs two to
    eight of these, and SQLAlchemy's statement and result handling was a third of the
    desk's CPU per key press (measured with ``time.process_time`` at a million guests).
    Errors come back as SQLAlchemy's (``DBAPIError``), as from ``session.execute``.
    """
    return _guest_list(fetch_rows(session, sql, params), limit)


def fetch_rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    """Every row of ``sql`` as the driver returns it (plain tuples, no type processing),
    on the session's driver connection in its transaction (see :func:`_rows`)."""
    import psycopg

    from storage.search import _dbapi

    driver_sql = to_driver(sql)
    raw = _dbapi(session)
    queued = session.info.pop(_QUEUED, None)
    try:
        if queued is not None and psycopg.Pipeline.is_supported():
            # Statements sent behind a permission read (see ask_with_permission), and its
            # BEGIN first when owed (engine_postgres.connection_class).
            with raw.pipeline():
                cur = raw.execute(driver_sql, params)
                then = [[raw.execute(sql, p) for sql, p in statements]
                        for statements, _key, _kept in queued]
            for (_statements, key, kept), cursors in zip(queued, then, strict=True):
                session.info[key] = (kept, [list(c.fetchall()) for c in cursors])
            return list(cur.fetchall())
        if owes_begin(raw) and psycopg.Pipeline.is_supported():
            # A write's first statement (a card open's permission read): its BEGIN is
            # queued before it, one round trip for both (engine_postgres.connection_class).
            with raw.pipeline():
                cur = raw.execute(driver_sql, params)
            return list(cur.fetchall())
        return list(raw.execute(driver_sql, params).fetchall())
    except psycopg.Error as exc:
        raise DBAPIError.instance(driver_sql, params, exc, psycopg.Error) from exc


def execute_driver(session: Session, sql: str, params: dict[str, Any]) -> int:
    """Run one statement that returns no rows (psycopg's ``%(name)s`` parameters) on the
    session's driver connection, in its transaction; its row count. Errors come back as
    SQLAlchemy's, as from ``session.execute`` (a lock timeout is still ``StoreBusy``)."""
    import psycopg

    from storage.search import _dbapi

    raw = _dbapi(session)
    try:
        if owes_begin(raw) and psycopg.Pipeline.is_supported():   # as in fetch_rows
            with raw.pipeline():
                cur = raw.execute(sql, params)
            return int(cur.rowcount)
        return int(raw.execute(sql, params).rowcount)
    except psycopg.Error as exc:
        raise DBAPIError.instance(sql, params, exc, psycopg.Error) from exc


def execute_then_fetch(session: Session, sql: str, params: dict[str, Any], then: str,
                       then_params: dict[str, Any]) -> tuple[int, list[Any]]:
    """``sql``'s row count and ``then``'s rows (psycopg's ``%(name)s`` parameters), the two
    sent together in one pipeline (one round trip) on the session's driver connection, in
    its transaction: an audit event and what its anchor will read (``storage.audit_chain``).
    Errors come back as SQLAlchemy's, as from ``session.execute``."""
    import psycopg

    from storage.search import _dbapi

    raw = _dbapi(session)
    try:
        if not psycopg.Pipeline.is_supported():   # libpq older than 14
            return (int(raw.execute(sql, params).rowcount),
                    list(raw.execute(then, then_params).fetchall()))
        with raw.pipeline():
            first = raw.execute(sql, params)
            second = raw.execute(then, then_params)
        return int(first.rowcount), list(second.fetchall())
    except psycopg.Error as exc:
        raise DBAPIError.instance(sql, params, exc, psycopg.Error) from exc


def fetch_windows(session: Session, sql: str, windows: Sequence[dict[str, Any]]
                  ) -> list[list[Any]]:
    """The rows of ``sql`` for each parameter set in ``windows``, read in one statement
    (one round trip: the first key press after another desk's change reads today's and
    the coming days' arrivals again, two reads of 4-6 otherwise). Each window's rows in
    its own order: ``UNION ALL`` of the parenthesised statements, each row tagged with its
    window (the server appends the parts in order)."""
    if len(windows) == 1:
        return [fetch_rows(session, sql, dict(windows[0]))]
    parts, params = [], {}
    for i, window in enumerate(windows):
        part = sql.replace("SELECT ", f"SELECT {i}, ", 1)
        for name, value in window.items():
            part = re.sub(rf":{name}\b", f":{name}_{i}", part)
            params[f"{name}_{i}"] = value
        parts.append(f"({part})")
    out: list[list[Any]] = [[] for _ in windows]
    for row in fetch_rows(session, " UNION ALL ".join(parts), params):
        out[row[0]].append(row[1:])
    return out


def _guest_list(rows: list[Any], limit: int) -> list[Any]:
    from storage.search import GuestRow

    seen: set[int] = set()
    out: list[Any] = []
    for r in rows:
        if r[0] not in seen and len(out) < limit:
            seen.add(r[0])
            out.append(GuestRow._make(r[:10]))
    return out


_S_COLUMNS = ", ".join(f"s.{c.strip()}" for c in _COLUMNS.split(","))


def _guests(tests: Sequence[Test], source: str = WORD_TABLE) -> str:
    """The guest row of each word row read, when it passes ``tests``: one primary-key look-up
    per word row that passes them (``OFFSET 0`` keeps the planner from turning it into a
    walk of every guest, which it chose when it misjudged a common word as rare: 0.5 s).
    ``source``: the word rows (the table, or :func:`_among`).

    The tests are made on the word row first, on the folded words it carries (an
    index-only read of the primary key, ~0.3 us an entry), so only the guests that pass are
    looked up (~5 us each: "Lars N" read ~3,000 guest rows to return a few dozen). A word
    row without them (a guest whose words are longer than ``TEXT_MAX``; the rows
    :func:`_among` reads) passes to the guest row's own tests, which are made in any case."""
    where = "".join(f" AND {sql.format(t='s')}" for _c, sql in tests)
    first = " AND ".join(f"(a.{c} IS NULL OR {sql.format(t='a')})" for c, sql in tests)
    return (f"{source} a JOIN LATERAL (SELECT {_COLUMNS} FROM guest s "
            f"WHERE s.id = a.guest_id{where} OFFSET 0) s ON "
            f"{first or 'true'}")


def _find(session: Session, words: list[str], limit: int, *, whole: bool) -> list[Any]:
    from storage import search

    seq = search.known_change_seq(session)
    key = tuple(dict.fromkeys(w for w in words if w))
    if seq is not None and whole and key:
        server = _server_of(session)
        _LAST_SEQ[server] = seq
        ahead = _ahead_rows(session, key, limit, seq)   # read with the permission
        if ahead is not None:
            rows, cap_n = ahead
            if len(rows) < cap_n:
                _remember_complete(server, seq, key, whole, rows)
            return _guest_list(rows, limit)
    plan = _find_plan(session, words, limit, whole=whole)
    if not plan:
        return []
    if seq is None:   # not a key press (no change counter read): as it always was
        return _run(session, plan, limit)
    server = _server_of(session)
    _LAST_SEQ[server] = seq
    full, params, cap, kept_to = plan
    among = _complete_among(server, seq, key, whole)
    if among is not None:
        rows = fetch_rows(session, _narrowed(kept_to, full, among[0], seq),
                          {**params, "among": list(among[1]), "among_since": among[0]})
    else:
        rows = fetch_rows(session, full, params)
    # Fewer rows than the statement's LIMIT: every match came back.
    if len(rows) < params[cap]:
        _remember_complete(server, seq, key, whole, rows)
    return _guest_list(rows, limit)


# Type-ahead narrows: the guests matching "rik jansse" are among those matching "rik jans".
# When a key press's statement returned every match (fewer rows than its LIMIT), the next
# key press whose words imply the kept ones (each kept word's test is part of a new word's:
# " jans" of " jansse", " rik" of " rik ") looks only among those guests: the same
# statement, its index read kept to their ids (``ix_guest_word_guest``: a probe per guest)
# instead of the whole range of its word — a common first name with a begun surname read
# thousands of index entries and guest rows, 20-70 ms of server time per key at a million
# guests (docs/performance.md). Same rows, same order. Kept per server with the change
# counter read in the key press's permission read. After a change to guest data at any desk
# (the counter moved) a kept answer still narrows the next key press: the statement looks
# among its guests *and* those the change log (``storage.postgres_changes``) names since its
# counter — a new, renamed or erased guest is one of them; any other guest's words are as
# they were — read in the same statement, so in one snapshot; when the log cannot say (an
# import, too many changes, a counter too old) the same statement reads the whole range
# instead (:func:`_kept_or_full`). With the bench's arrivals desk (a change every second)
# the answers were dropped before one key press in five.
_COMPLETE: dict[str, list[tuple[int, bool, tuple[str, ...], frozenset[int]]]] = {}
_COMPLETE_KEEP = 8


def _narrowed(kept_to: str, full: str, kept_seq: int, seq: int) -> str:
    """The statement narrowed to a complete answer's guests kept at counter ``kept_seq``, for
    a key press at ``seq``: as it was when nothing changed since (no log to read, a smaller
    statement for the server to plan), else with the guests logged since
    (:func:`_kept_or_full`)."""
    return kept_to if kept_seq == seq else _kept_or_full(kept_to, full)


@functools.lru_cache(maxsize=256)
def _kept_or_full(kept_to: str, full: str) -> str:
    """One statement: ``kept_to`` (a plan's statement kept to ``:among``, see :func:`_among`),
    also among the guests the change log names since ``:among_since``, when the log can name
    every guest changed since, else ``full``
    (``:among_since`` unused there). Each part is run only when chosen (a one-time filter)."""
    from storage import postgres_changes

    ok = postgres_changes.can_say_sql("among_since")
    logged = postgres_changes.logged_sql("among_since")
    kept_to = kept_to.replace(_AMONG, f"c.guest_id = ANY(CAST(:among AS integer[]) || {logged})")
    return (f"(SELECT * FROM ({kept_to}) k WHERE {ok}) UNION ALL "
            f"(SELECT * FROM ({full}) f WHERE NOT {ok})")


def _test_text(word: str, whole: bool) -> str:
    """What :func:`_test` looks for in a guest's stored words for ``word``."""
    return " " + word + (" " if whole else "")


def _complete_among(server: str, seq: int, words: tuple[str, ...], whole: bool
                    ) -> tuple[int, frozenset[int]] | None:
    """(its counter, its guest ids) of a kept complete answer whose words the new ones
    imply, read at counter ``seq`` or before (the fewest guests first), if any."""
    from storage import postgres_changes

    tests = [_test_text(w, whole) for w in words]
    best: tuple[int, frozenset[int]] | None = None
    for kept_seq, kept_whole, kept_words, ids in _COMPLETE.get(server, []):
        if not seq - postgres_changes.KEEP <= kept_seq <= seq:
            continue
        if all(any(_test_text(k, kept_whole) in t for t in tests) for k in kept_words) \
                and (best is None or len(ids) < len(best[1])):
            best = (kept_seq, ids)
    return best


def _remember_complete(server: str, seq: int, words: tuple[str, ...], whole: bool,
                       rows: list[Any]) -> None:
    from storage import postgres_changes

    kept = [e for e in _COMPLETE.get(server, [])
            if seq - postgres_changes.KEEP <= e[0] <= seq and e[1:3] != (whole, words)]
    kept.append((seq, whole, words, frozenset(int(r[0]) for r in rows)))
    _COMPLETE[server] = kept[max(len(kept) - _COMPLETE_KEEP, 0):]


def _run(session: Session, plan: tuple[Any, ...], limit: int) -> list[Any]:
    """The rows of a plan's statement (its first two parts: statement, parameters)."""
    return _guest_list(fetch_rows(session, plan[0], plan[1]), limit)


def find_statement(session: Session, words: list[str], limit: int, *, whole: bool
                   ) -> tuple[str, dict[str, Any]] | None:
    """The statement (SQLAlchemy ``:name`` parameters) and parameters :func:`find_rows`
    runs for ``words``; None when there is nothing to look for."""
    plan = _find_plan(session, words, limit, whole=whole)
    return (plan[0], plan[1]) if plan else None


def _among(read: str) -> str:
    """The word rows of ``read`` (on ``c``) of the guests in ``:among`` only: a probe of
    ``(guest_id, word)`` per guest (see _COMPLETE; :func:`_kept_or_full` adds the guests
    the change log names since ``:among_since``)."""
    nulls = "".join(f", NULL::text AS {c}" for c in WORD_TEXT_COLUMNS)
    return (f"(SELECT c.word, c.guest_id, c.in_name{nulls} FROM {WORD_TABLE} c WHERE "
            f"{_AMONG} AND {read})")


_AMONG = "c.guest_id = ANY(CAST(:among AS integer[]))"


def _find_plan(session: Session, words: list[str], limit: int, *, whole: bool,
               common: tuple[list[str], list[float], list[float]] | None = None
               ) -> tuple[str, dict[str, Any], str, str] | None:
    """(statement, parameters, its LIMIT parameter, the statement kept to the guests in
    ``:among``) for ``words``: see :func:`_find` and _COMPLETE."""
    words = list(dict.fromkeys(w for w in words if w))
    if not words:
        return None
    if not whole:  # a prefix that begins another typed word is implied by it
        words = [w for w in words if not any(v != w and v.startswith(w) for v in words)]
    params: dict[str, Any] = {"n": limit, "m": 2 * limit}
    if common is None:
        common = _common(session)
    # Each stored word the index can look for: every part of a typed word, whole except
    # the last part of each when prefixes are asked for ("o bri": "o" whole, "bri" begun);
    # the rarest is read.
    _share0, _len0, drive, drive_prefix = min(
        (_share(common, p, not whole and i == len(w.split()) - 1), -len(p), p,
         not whole and i == len(w.split()) - 1)
        for w in words for i, p in enumerate(w.split()))
    # Every typed word the index read does not answer by itself is tested on the word row
    # read (its guest's folded words, revision 0020) and on the guest row (exactly, side by
    # side as typed).
    tests = [_test(SEARCH_COLUMN, w, prefix=not whole, params=params, name=f"t{i}")
             for i, w in enumerate(words)
             if w != drive]
    if not drive_prefix:
        # One word's guests in id order straight from the primary key (word, guest_id), as
        # FTS5 gives them.
        params["w"] = drive
        full = (f"SELECT {_S_COLUMNS}, 0 FROM {_guests(tests)} "
                f"WHERE a.word = :w ORDER BY a.guest_id LIMIT :n")
        among = (f"SELECT {_S_COLUMNS}, 0 FROM {_guests(tests, _among('c.word = :w'))} "
                 f"ORDER BY a.guest_id LIMIT :n")
        return full, params, "n", among
    # In word order the first entries of the range are the answer; a guest with two words
    # that begin so comes twice, hence more than the limit. With other words to test, a
    # quarter more (two words of one guest both beginning so and passing the tests is
    # rare); alone, twice the limit (index entries only).
    if tests:
        params["m"] = limit + limit // 4 + 1
    params["lo"], params["hi"] = drive, prefix_end(drive)
    full = (f"SELECT {_S_COLUMNS}, 0 FROM {_guests(tests)} WHERE a.word >= :lo AND "
            f"a.word < :hi ORDER BY a.word, a.guest_id LIMIT :m")
    among = (f"SELECT {_S_COLUMNS}, 0 FROM "
             f"{_guests(tests, _among('c.word >= :lo AND c.word < :hi'))} "
             f"ORDER BY a.word, a.guest_id LIMIT :m")
    return full, params, "m", among


# --- a key press's whole-word statement in its permission read's round trip -------------
# A key press was three round trips: the permission read (with the change counter), the
# whole-word statement, the prefix statement — each a wait for the server's process and the
# desk's to get a CPU back, 2-3 ms apiece on the busy bench machine (docs/performance.md).
# ``app.guests.find_guests`` says what it will search for before the permission check
# (:func:`ask_ahead`, nothing sent); the permission read (``storage.queries``, after the
# actor's own checks) then sends the whole-word statement behind it in one pipeline
# (:func:`queue_ahead`, :func:`fetch_rows`), **guarded on the server by the same standing**:
# the statement reads and returns no guest unless the person is active and of a role that
# may search (a row of NULLs first says the guard passed). ``app.permissions.require``
# still decides on the standing read first; the search's whole-word step then takes these
# rows (:func:`_ahead_rows`) instead of asking again. Sent only when the desk can build the
# statement without the server (its words folded here, the word statistics kept); the
# narrowing to a complete answer's guests (_COMPLETE) is chosen with the counter the last
# key press read, and the rows are used only if this key press's counter is the same.
_ASKED = "frontdesk.search.ahead_asked"
_ASKED_TOO = "frontdesk.search.ahead_asked_too"
_QUEUED = "frontdesk.search.ahead_queued"
_AHEAD = "frontdesk.search.ahead_rows"
# The change counter the last key press on each server read.
_LAST_SEQ: dict[str, int] = {}
_GUARD = ("EXISTS (SELECT 1 FROM staff WHERE id = %(ahead_staff)s AND active "
          "AND role = ANY(string_to_array(%(ahead_roles)s, ',')))")
# The guard (driver parameters ``ahead_staff`` and ``ahead_roles``), and one row when it passes.
GUARD = _GUARD
GUARD_PASSES = f"SELECT 1 WHERE {_GUARD}"
_ALLOWED_ROW = ", ".join(["NULL"] * len(_COLUMNS.split(","))) + ", 1"

# What is sent with a permission read: (the statements, driver SQL and parameters; the
# ``session.info`` key their rows are kept under; what the caller keeps with them).
Queued = tuple[list[tuple[str, dict[str, Any]]], str, Any]


def roles_param(roles: Sequence[str]) -> str:
    """The guard's roles as one text parameter (cheaper for the driver than an array: a
    card open sends it with each of its guarded reads)."""
    return ",".join(roles)


def guarded(sql: str) -> str:
    """Driver SQL ``sql``'s rows, read only when the guard passes (see :data:`GUARD_PASSES`)."""
    return f"SELECT * FROM ({sql}) q WHERE {_GUARD}"


class DriverRead:
    """A read on the shared store straight on a pooled driver connection in autocommit
    mode, without an ORM session (``storage.postgres.SharedStore.search_read``: a key
    press and the search's warm-up): what the search's reads use of a ``Session`` —
    ``storage.search.DriverRead``'s (the connection, ``get_bind``, ``info``,
    ``get_transaction``) and :meth:`execute` of a *text* statement on the driver — and
    nothing else. The session's begin, connection checkout, commit and close were ~11 % of
    a key press's desk CPU on this engine (docs/performance.md)."""

    def __init__(self, bind: Any, driver: Any) -> None:
        from storage.search import _Transaction

        self.driver, self._bind = driver, bind
        self.info: dict[str, Any] = {}
        self._tx: Any = _Transaction()

    def get_bind(self) -> Any:
        return self._bind

    def get_transaction(self) -> Any:
        return self._tx

    def execute(self, statement: Any, params: dict[str, Any] | None = None) -> _Rows:
        """A text statement (``sqlalchemy.text``, ``:name`` parameters) run on the driver
        connection; its rows as plain tuples (no SQLAlchemy type processing)."""
        from sqlalchemy.sql.elements import TextClause
        from sqlalchemy.sql.selectable import TextualSelect

        if not isinstance(statement, TextClause | TextualSelect):
            raise TypeError("a search read runs text statements only")
        return _Rows(fetch_rows(self, str(statement), dict(params or {})))  # type: ignore[arg-type]


class _Rows:
    """What a read of :class:`DriverRead` returns: ``all``, ``first``, ``scalar``."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def all(self) -> list[Any]:
        return self._rows

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None


def driver_read(engine: Any) -> Any:
    """A :class:`DriverRead` on a connection of ``engine``'s pool, bound to ``engine`` (the
    store's read engine: what the search keeps is kept per bind) (a context manager): in
    autocommit (each statement its own snapshot, as the shared store's reads always were),
    given back to the pool as it was; a connection the server dropped is not."""
    from contextlib import contextmanager

    from storage import engine_postgres as pge

    @contextmanager
    def read() -> Any:
        fairy = engine.raw_connection()   # the pool's checkout (its liveness check)
        lost = False
        try:
            driver = fairy.driver_connection
            was = driver.autocommit
            if not was:
                driver.autocommit = True   # no round trip: the connection is idle
            got = DriverRead(engine, driver)
            try:
                yield got
            except DBAPIError as exc:
                lost = pge.is_connection_lost(exc.orig)
                raise
            finally:
                got._tx = None
                got.info.clear()
                if not was and not lost and not driver.closed:
                    driver.autocommit = False
        finally:
            if lost:
                fairy.invalidate()
            fairy.close()

    return read()


def ask_with_permission(session: Session, build: Any) -> None:
    """``build(staff_id)`` gives statements (:data:`Queued`, or None) to send in the same
    round trip as this transaction's permission read for ``staff_id``, behind it; their rows
    are then kept in ``session.info`` under the key it names. Nothing is read or sent here:
    ``build`` runs only when the permission read is sent (:func:`queue_ahead`), after the
    actor's own checks, and its statements must read nothing of a guest unless the guard
    passes (:func:`guarded`)."""
    session.info[_ASKED] = build


def ask_also_with_permission(session: Session, build: Any) -> None:
    """As :func:`ask_with_permission`, beside what that asks (each ``build`` keeps its rows
    under its own key): a key press's whole-word statement and, when this desk heard that
    guest data changed, its windows' change-log read (``storage.search``) in one round
    trip."""
    session.info.setdefault(_ASKED_TOO, []).append(build)


def ask_ahead(session: Session, typed: str, limit: int, roles: Sequence[str]) -> None:
    """The whole-word statement for ``typed`` (:func:`find_rows` with ``whole``) is to go
    with this transaction's permission read, for a person of one of ``roles`` only: noted,
    nothing read or sent (``typed`` is not even looked at until the permission read)."""
    ask_with_permission(session, lambda staff_id: _whole_ahead(
        session, staff_id, typed, limit, roles))


def queue_ahead(session: Session, staff_id: int) -> None:
    """Called by the permission read for ``staff_id`` just before it is sent: the statements
    asked for (:func:`ask_with_permission`) go with it (:func:`fetch_rows`)."""
    builds = [session.info.pop(_ASKED, None), *session.info.pop(_ASKED_TOO, [])]
    queued = [q for q in (build(staff_id) for build in builds if build is not None)
              if q is not None]
    if queued:
        session.info[_QUEUED] = queued


def _whole_ahead(session: Session, staff_id: int, typed: str, limit: int,
                 roles: Sequence[str]) -> Queued | None:
    server = _server_of(session)
    words = _typed_words_kept(server, str(typed).strip())
    common = _common_kept(server)
    if not words or common is None:
        return None   # the server is needed to build it: the search asks as before
    plan = _find_plan(session, words, limit, whole=True, common=common)
    if not plan:
        return None
    full, params, cap, kept_to = plan
    key = tuple(dict.fromkeys(words))
    seen = _LAST_SEQ.get(server)
    among = _complete_among(server, seen, key, True) if seen is not None else None
    params = {**params, "ahead_staff": staff_id, "ahead_roles": roles_param(roles)}
    if among is not None:
        params["among"], params["among_since"] = list(among[1]), among[0]
    chosen = (_narrowed(kept_to, full, among[0], seen)
              if among is not None and seen is not None else full)
    sql = f"(SELECT {_ALLOWED_ROW} WHERE {_GUARD}) UNION ALL ({guarded(to_driver(chosen))})"
    # Narrowed without the log (nothing changed before the last key press): right only if
    # this key press reads the same counter (_ahead_rows).
    plain = among is not None and chosen == kept_to
    return [(sql, params)], _AHEAD, (key, limit, plain, seen, params[cap])


def _ahead_rows(session: Session, key: tuple[str, ...], limit: int, seq: int
                ) -> tuple[list[Any], int] | None:
    """The rows the permission read brought for this whole-word step, and its LIMIT; None
    when none came, they are for other words, the guard did not pass, or they were read
    among a complete answer's guests without the change log (the last key press's counter)
    and this key press read another (then the step asks again). Read with the log, they are
    right whatever the counter: the statement also looked among the guests logged since
    (_COMPLETE)."""
    held = session.info.pop(_AHEAD, None)
    if held is None:
        return None
    (h_key, h_limit, h_plain, h_seq, cap_n), (rows,) = held
    if (h_key != key or h_limit != limit or not rows or rows[0][0] is not None
            or rows[0][-1] != 1 or (h_plain and h_seq != seq)):
        return None
    return rows[1:], cap_n


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
    """Each word folded and cut by the server (``frontdesk_search_text``), in one round trip
    for those this desk has not folded before (kept with the typed words': the forgiving
    path asks again for the same dictionary words at every key press)."""
    server = _server_of(session)
    unique = sorted({w for w in words if w})
    missing = [w for w in unique if (server, w) not in _FOLDED]
    found = _fold_missing(session, server, missing)
    return {w: found[w] if w in found else _FOLDED.get((server, w), "") for w in unique}


def name_rows(session: Session, alternatives: Sequence[Sequence[str]], prefix_last: str | None,
              limit: int) -> list[Any]:
    """Guests whose full or preferred name holds, for each group, one of its words.

    The PostgreSQL side of ``storage.search.name_rows`` (FTS5's ``{full_name
    preferred_name} : ((a OR b) AND (c OR d*))``): one statement. One group's words are
    read from ``guest_word`` in index order (the group with the longest words, one
    without the prefix if there is one); every group is then tested on the guest's
    stored name words.
    """
    plan = _name_plan(session, alternatives, prefix_last, limit)
    return _run(session, plan, limit) if plan else []


def name_rows_many(session: Session,
                   requests: Sequence[tuple[Sequence[Sequence[str]], str | None, int]]
                   ) -> list[list[Any]]:
    """:func:`name_rows` of each request, the same answers, in at most two round trips
    instead of one each: the words folded together (when the desk cannot fold them), then
    every request's statement in one pipeline. The forgiving path fetches up to six
    combinations of close readings (13-30 statements for a name with many near
    alternatives, each a wait for the server and for a CPU on a busy machine;
    docs/performance.md)."""
    _fold_all(session, [w for alternatives, prefix_last, _n in requests
                        for w in [*(w for g in alternatives for w in g),
                                  *([prefix_last] if prefix_last else [])]])
    plans = [_name_plan(session, a, p, n) for a, p, n in requests]
    answers = iter(pipelined(session, [plan for plan in plans if plan]))
    return [_guest_list(next(answers) if plan else [], n)
            for plan, (_a, _p, n) in zip(plans, requests, strict=True)]


def pipelined(session: Session, statements: Sequence[tuple[str, dict[str, Any]]]
               ) -> list[list[Any]]:
    """Each statement's rows, the statements sent together in one pipeline (one round trip;
    one statement: as :func:`fetch_rows`)."""
    if len(statements) <= 1:
        return [fetch_rows(session, sql, params) for sql, params in statements]
    from storage.search import _dbapi

    return pipeline(_dbapi(session), [(to_driver(sql), params) for sql, params in statements])


def pipeline(raw: Any, statements: Sequence[tuple[str, dict[str, Any]]]
             ) -> list[list[Any]]:
    """Each statement's rows (psycopg's ``%(name)s`` parameters), all sent together on the
    driver connection ``raw``: one round trip (one each with a libpq older than 14).
    Errors come back as SQLAlchemy's, as from ``session.execute``."""
    import psycopg

    try:
        if not psycopg.Pipeline.is_supported():   # libpq older than 14
            return [list(raw.execute(sql, params).fetchall()) for sql, params in statements]
        with raw.pipeline():
            cursors = [raw.execute(sql, params) for sql, params in statements]
        return [list(c.fetchall()) for c in cursors]
    except psycopg.Error as exc:
        sql, params = statements[0]
        raise DBAPIError.instance(sql, params, exc, psycopg.Error) from exc


def _name_plan(session: Session, alternatives: Sequence[Sequence[str]],
               prefix_last: str | None, limit: int) -> tuple[str, dict[str, Any]] | None:
    """(statement, parameters) of :func:`name_rows`; None when nothing can match."""
    folded = _fold_all(session, [w for g in alternatives for w in g]
                       + ([prefix_last] if prefix_last else []))
    groups: list[list[tuple[str, bool]]] = []
    for i, group in enumerate(alternatives):
        alts = sorted({(folded[w], False) for w in group if folded.get(w)})
        last = folded.get(prefix_last or "") if i == len(alternatives) - 1 else None
        if last:
            alts.append((last, True))
        if not alts:
            return None
        groups.append(alts)
    if not groups:
        return None
    common = _common(session)
    # The group to read from the index: the one whose alternatives are rarest together.
    first = min(groups, key=lambda g: (sum(_key(w, prefix=p, common=common)[0] for w, p in g),
                                       any(p for _w, p in g),
                                       -min(len(w) for w, _p in g)))
    params: dict[str, Any] = {"m": 2 * limit}
    tests = []
    for i, alts in enumerate(groups):
        tests.append(_any_of([_test(NAME_COLUMN, w, prefix=p, params=params, name=f"t{i}_{j}")
                              for j, (w, p) in enumerate(alts)]))
    keys = sorted({_key(w, prefix=p, common=common)[2:] for w, p in first})
    whole_keys = [k for k, p in keys if not p]
    reads = []
    if whole_keys:
        params["g"] = whole_keys
        reads.append("a.word = ANY(:g)")
    for j, (k, _p) in enumerate(k for k in keys if k[1]):
        params[f"lo{j}"], params[f"hi{j}"] = k, prefix_end(k)
        reads.append(f"a.word >= :lo{j} AND a.word < :hi{j}")
    # Each read in index order (word, guest_id), cut at twice the limit; every group tested
    # on the word rows read and on the guest rows (exact).
    return " UNION ALL ".join(
        f"(SELECT {_S_COLUMNS}, a.word, {j} FROM "
        f"{_guests(tests)} "
        f"WHERE {r} AND a.in_name ORDER BY a.word, a.guest_id LIMIT :m)"
        for j, r in enumerate(reads)), params


def has_name_word(session: Session, word: str) -> bool:
    """Whether some guest's full or preferred name still holds ``word`` as a whole word."""
    folded = _fold_all(session, [word]).get(word, "")
    if not folded:
        return False
    if " " in folded:
        return bool(name_rows(session, [[word]], None, 1))
    return session.execute(text(f"SELECT 1 FROM {WORD_TABLE} WHERE word = :w AND in_name "
                                 "LIMIT 1"), {"w": folded}).first() is not None
