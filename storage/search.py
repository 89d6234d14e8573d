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

import datetime as dt
import functools
import json
import time
import unicodedata
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar, cast

import sqlcipher3
from sqlalchemy import Row, bindparam, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage import name_keys, name_pairs, notify
from storage.models import Guest, Visit, VisitKind
from storage.write_locks import WRITE_OPTION


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
    words = typed_words_raw(typed)
    star = "*" if prefix else ""
    return " ".join('"' + w.replace('"', '""') + '"' + star for w in words)



def without_controls(text: str) -> str:
    """``text`` with each control character a space: none can be in a stored name
    (app.validate refuses them), and a NUL would end FTS5's string early."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def typed_words_raw(typed: str) -> list[str]:
    """The typed words as typed (control characters cut, punctuation-only words dropped):
    what both engines' searches look for."""
    return [w for w in without_controls(typed).split()
            if any(ch.isalnum() or ord(ch) > 127 for ch in w)]

# --- one key press, many short reads: run straight on the connection ---------------
# A key press runs 5-15 short statements. Through SQLAlchemy each costs ~0.1 ms of
# Python before SQLite starts and ~6 us per row after (its DateTime parser): on a
# million guests more than the SQL itself. So the SQLite side of app.guest_search runs
# its statements on the session's own DBAPI connection (same transaction, and the same
# prepared-statement cache: sqlcipher3 keeps the last 128 statements prepared), and
# returns plain named tuples with the attributes the SQLAlchemy rows had.


class GuestRow(NamedTuple):
    """The guest columns a result list shows (the attributes of a search row)."""

    id: int
    ref: str
    full_name: str
    preferred_name: str
    pronunciation: str
    language: str
    email: str | None
    phone: str | None
    created_at: dt.datetime
    # The start of the latest visit not cancelled (revision 0018, storage.last_visit):
    # search's ranking reads the last visit before today from it, not from the visits.
    last_visit_at: dt.datetime | None = None


class PlaceRow(NamedTuple):
    """A guest row plus the visit that put them in a room or at a table today."""

    id: int
    ref: str
    full_name: str
    preferred_name: str
    pronunciation: str
    language: str
    email: str | None
    phone: str | None
    created_at: dt.datetime
    last_visit_at: dt.datetime | None
    place: str
    kind: VisitKind
    starts_at: dt.datetime


def _when(value: Any) -> Any:
    """A DateTime column as SQLAlchemy stores it in SQLite ("2026-11-27 14:02:00.000000")."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


class DriverRead:
    """A read transaction straight on a pooled driver connection, without an ORM session:
    what a key press's reads use of a ``Session`` (:func:`raw_rows` on its connection,
    ``get_bind``, ``info`` and ``get_transaction`` for what is kept per transaction), and
    nothing else. ``storage.store.Store.search_read`` hands one out for type-ahead search
    on the local store: the session's begin, connection checkout, commit and close cost
    a key press ~0.25 ms of CPU for two statements' worth of work (docs/performance.md)."""

    __slots__ = ("_bind", "_tx", "driver", "info")

    def __init__(self, bind: Any, driver: Any) -> None:
        self.driver, self._bind = driver, bind
        self.info: dict[str, Any] = {}
        self._tx: _Transaction | None = _Transaction()

    def get_bind(self) -> Any:
        return self._bind

    def get_transaction(self) -> _Transaction | None:
        return self._tx


class _Transaction:
    """What a :class:`DriverRead`'s kept values are kept with (by a weak reference)."""

    __slots__ = ("__weakref__",)


def _driver_sql(driver: Any, sql: str) -> None:
    try:
        driver.execute(sql)
    except sqlcipher3.dbapi2.Error as exc:
        raise DBAPIError.instance(sql, (), exc, sqlcipher3.dbapi2.Error) from exc


@contextmanager
def driver_read(engine: Any) -> Iterator[DriverRead]:
    """A read transaction (SQLite's deferred ``BEGIN``) on a connection of ``engine``'s pool
    (the warm one: the pool is last in, first out), as a :class:`DriverRead`; given back to
    the pool at the end. Driver errors come back as SQLAlchemy's, as from a session."""
    fairy = engine.raw_connection()
    try:
        driver = fairy.driver_connection
        _driver_sql(driver, "BEGIN")
        read = DriverRead(engine, driver)
        try:
            yield read
            _driver_sql(driver, "COMMIT")
        finally:
            read._tx = None
            read.info.clear()
    finally:
        fairy.close()   # back to the pool (which rolls back a transaction left open)


def raw_rows(session: Session | DriverRead, sql: str, params: Sequence[Any] | dict[str, Any]
             ) -> list[tuple[Any, ...]]:
    """All rows of ``sql`` (SQLite: ``?`` or ``:name`` parameters) run on the session's
    driver connection, in its transaction: the reads made on every key press (this module,
    ``storage.name_terms``, the permission read ``storage.queries.staff_standing``).

    Errors come back as SQLAlchemy's (``DBAPIError``), as from ``session.execute``, so
    the store still names a damaged or missing file (``Store._named_failures``).
    """
    conn = session.driver if isinstance(session, DriverRead) else _dbapi(session)
    try:
        return list(conn.execute(sql, params).fetchall())
    except sqlcipher3.dbapi2.Error as exc:
        raise DBAPIError.instance(sql, params, exc, sqlcipher3.dbapi2.Error) from exc


_CONN_INFO = "frontdesk.search.dbapi"
_T = TypeVar("_T")


def _no_transaction() -> None:
    """What a value computed outside any transaction is kept with: it matches none."""
    return None


def _per_transaction(session: Session, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()`` once per transaction of ``session`` (kept in ``session.info`` with the
    transaction it belongs to), the same answer for the rest of that transaction."""
    tx = session.get_transaction()
    held = session.info.get(key)
    if tx is not None and held is not None and held[0]() is tx:
        return cast(_T, held[1])
    value = compute()
    # The transaction by a weak reference: a strong one made a cycle (session → info →
    # transaction → session) that kept each read's session, transaction and connection
    # alive as garbage for the collector (~45 objects a key press).
    now = session.get_transaction()
    session.info[key] = (weakref.ref(now) if now is not None else _no_transaction, value)
    return value


def _dbapi(session: Session) -> Any:
    """The session's driver connection, looked up once per transaction (through the
    session each time it cost ~60 us: a forgiving key press runs a dozen statements)."""
    if hasattr(session, "driver"):   # a read without an ORM session (a DriverRead)
        return session.driver

    def look_up() -> Any:
        conn = session.connection().connection.dbapi_connection
        assert conn is not None
        return conn

    return _per_transaction(session, _CONN_INFO, look_up)


_as_row = tuple.__new__   # (GuestRow, a plain tuple of its fields): the named tuple


def _row_values(r: Sequence[Any]) -> tuple[Any, ...]:
    """A guest row's fields from a driver row (its two times parsed): what a ``GuestRow``
    holds, as the plain tuple the row cache keeps (see ``ROWS_KEPT``)."""
    return (*r[:8], _when(r[8]), _when(r[9]))


def _guest_rows(rows: list[tuple[Any, ...]]) -> list[GuestRow]:
    return [GuestRow._make(_row_values(r)) for r in rows]


# One statement, plain columns: the ids come from the index and the rows from
# the guest table in a single round trip, and no ORM objects are built for a
# list that is only shown (0.35 ms less per key press than ids, then ORM rows).
_FIND_SQL = ("SELECT id, ref, full_name, preferred_name, pronunciation, language, email, "
             "phone, created_at, last_visit_at FROM guest WHERE id IN "
             "(SELECT rowid FROM guest_fts WHERE guest_fts MATCH :q LIMIT :n)")
_FIND = text(_FIND_SQL).columns(
    Guest.id, Guest.ref, Guest.full_name, Guest.preferred_name, Guest.pronunciation,
    Guest.language, Guest.email, Guest.phone, Guest.created_at, Guest.last_visit_at)
_FIND_RAW = _FIND_SQL.replace(":q", "?").replace(":n", "?")


def match_rows(session: Session, query: str, limit: int) -> list[GuestRow]:
    """Guest rows (the columns of :func:`search_guest_rows`) for an FTS5 query, rowid order."""
    if not query:
        return []
    if not _keeps_rows(session):
        return _guest_rows(raw_rows(session, _FIND_RAW, (query, limit)))
    return _rows_by_ids(session, _match_ids(session, query, limit))


# --- index answers and guest rows kept until guest data changes -------------------------
# A guest row read from the file is one decrypted 4 KiB page (~25 us on a million guests):
# a slow forgiving key press reads ~90 of them, and 40% of the rows the bench's 3,121 key
# presses read had been read by an earlier one (the index hands over the lowest ids first,
# so a common first name's holders come back with many surnames). An index query costs
# 0.3-2 ms when its words are common ("anna" AND "visser" walks two doclists of ~4,000
# guests each); a third of the name combinations the bench's key presses ask were asked
# before, and each key press of a name asks its first words' combinations again. So both
# are kept per store, the rows in plain tuples (~0.6 KB each, at most ROWS_KEPT), the
# answers as ids (at most IDS_KEPT), until the change counter read in the search's own
# snapshot moves (as the visit facts below), and only for read transactions: a write
# transaction may hold rows it changed itself, and may roll back. The oldest go first, in
# constant time (``OrderedDict.popitem``): dropping a plain dict's first key again and again
# makes each ``next(iter(d))`` step over every key dropped before it (CPython keeps their
# empty slots until the dict is resized) — 15-25 us a row once the cache was full, ~1 ms of
# a slow forgiving key press at a million guests (docs/performance.md).
#
# Kept as plain tuples, not ``GuestRow`` and lists: the garbage collector stops scanning a
# plain tuple of strings, numbers and datetimes the first time it sees one (CPython untracks
# exact tuples only, never a named tuple's subclass, nor a list), so 20,000 kept rows and
# 5,000 answers are not scanned again by every older-generation collection after they
# were read (at a million guests the collector was ~7% of the slowest key presses: a
# collection of the middle generation scanned every row kept since the last one). A kept
# row is handed out as a ``GuestRow`` made from its tuple (``tuple.__new__``, ~0.1 us).
ROWS_KEPT = 20_000
IDS_KEPT = 5_000
_rows_cache: weakref.WeakKeyDictionary[
    Any, tuple[int, OrderedDict[int, tuple[Any, ...]]]] = weakref.WeakKeyDictionary()
_ids_cache: weakref.WeakKeyDictionary[
    Any, tuple[int, OrderedDict[tuple[str, int], tuple[int, ...]]]] = weakref.WeakKeyDictionary()


def _match_ids(session: Session, query: str, limit: int,
               read: Callable[[], list[int]] | None = None) -> tuple[int, ...]:
    """The first ``limit`` rowids the index finds for ``query``, rowid order (kept, see
    above: callers check :func:`_keeps_rows`); ``read`` reads them another way that gives
    the same answer (the name-pair table)."""
    seq, bind = _change_seq(session), session.get_bind()
    held = _ids_cache.get(bind)
    if held is None or held[0] != seq:
        held = _ids_cache[bind] = (seq, OrderedDict())
    known, key = held[1], (query, limit)
    ids = known.get(key)
    if ids is None:
        ids = known[key] = tuple(read() if read is not None
                                 else [r[0] for r in raw_rows(session, _IDS_RAW, key)])
        while len(known) > IDS_KEPT:
            known.popitem(last=False)
    return ids


def _keeps_rows(session: Session) -> bool:
    """Whether rows read in ``session`` may be kept (a read transaction on SQLite)."""
    bind = session.get_bind()
    return not bind.get_execution_options().get(WRITE_OPTION)


def _rows_by_ids(session: Session, ids: Sequence[int]) -> list[GuestRow]:
    """The guest rows of ``ids`` that exist, in the order of ``ids``, read only when not
    kept (see above); the oldest kept rows are dropped first."""
    seq, bind = _change_seq(session), session.get_bind()
    held = _rows_cache.get(bind)
    if held is None or held[0] != seq:
        held = _rows_cache[bind] = (seq, OrderedDict())
    known = held[1]
    missing = [i for i in ids if i not in known]
    if missing:
        for r in raw_rows(session, _BY_IDS_RAW, (json.dumps(missing),)):
            known[r[0]] = _row_values(r)   # a plain tuple (see above)
    out = [_as_row(GuestRow, known[i]) for i in ids if i in known]
    while len(known) > ROWS_KEPT:
        known.popitem(last=False)
    return out


def _forget_rows() -> None:
    _rows_cache.clear()
    _ids_cache.clear()
    _ranges_cache.clear()


# The name-pair table's range answers (``name_pairs.KeptRanges``), kept as the index's
# answers are: per store, until the change counter moves, read transactions only.
RANGE_IDS_KEPT = 500_000
_ranges_cache: weakref.WeakKeyDictionary[Any, name_pairs.KeptRanges] = \
    weakref.WeakKeyDictionary()


def _kept_ranges(session: Session) -> name_pairs.KeptRanges:
    seq, bind = _change_seq(session), session.get_bind()
    held = _ranges_cache.get(bind)
    if held is None or held.seq != seq:
        held = _ranges_cache[bind] = name_pairs.KeptRanges(seq, RANGE_IDS_KEPT)
    return held


# --- the engine-specific steps of app.guest_search, one named function each ----------
# SQLite: FTS5. PostgreSQL: storage.postgres_search (folded words, a pg_trgm index).

def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def has_words(typed: str) -> bool:
    """Whether ``typed`` holds anything searchable (not only spaces or punctuation)."""
    return bool(fts_query(typed))


def ask_with_permission(session: Session, typed: str, limit: int, roles: Sequence[str], *,
                        lookups: Callable[[], Sequence[tuple[str, bool]]] | None = None
                        ) -> None:
    """Before a key press's permission check: what it will look for (:func:`whole_word_rows`
    of ``typed.strip()`` and ``limit``), for a person of one of ``roles``. On the shared store
    that statement then goes in the permission read's round trip, guarded on the server by
    the same standing (``postgres_search.ask_ahead``); nothing is read or sent here. So do,
    when this desk heard that guest data changed, the arrivals windows' change-log read
    (:func:`_windows_ahead`), and the name dictionary's look-ups ``lookups()`` gives
    (``name_terms.ask_ahead``: the forgiving pass's, when it is likely to run; asked only
    here, so on SQLite nothing of what was typed is worked on before the permission check).
    On SQLite (no round trips) nothing changes."""
    if _is_pg(session):
        from storage import name_terms
        from storage import postgres_search as pg

        pg.ask_ahead(session, typed, limit, roles)
        if _heard_changed(session):
            pg.ask_also_with_permission(session, lambda staff_id: _windows_ahead(
                session, staff_id, roles))
        ahead = lookups() if lookups is not None else ()
        if ahead:
            pg.ask_also_with_permission(session, lambda staff_id: name_terms.terms_ahead(
                session, staff_id, ahead, roles))


def whole_word_rows(session: Session, typed: str, limit: int) -> list[Any]:
    """Guests in whom every typed word is a whole word (of a name, email or phone)."""
    if _is_pg(session):
        from storage import postgres_search as pg

        return pg.find_rows(session, pg.typed_words(session, typed), limit, whole=True)
    return _words_rows(session, typed, limit, prefix=False)


def prefix_rows(session: Session, typed: str, limit: int) -> list[Any]:
    """Guests in whom every typed word begins a word (the type-ahead match)."""
    if _is_pg(session):
        from storage import postgres_search as pg

        return pg.find_rows(session, pg.typed_words(session, typed), limit, whole=False)
    return _words_rows(session, typed, limit, prefix=True)


# --- common words: checked on the rows, not read from the index ------------------------
# "van", "de", "der" and one- or two-letter words are in hundreds of thousands of a
# million guests: their doclists cost an FTS5 query 0.5-1.5 ms each when the other words
# are rare ("Petra van Leeuwen": 0.9 ms, "Petra Leeuwen": 0.25). So the index is asked
# for the other words only, at most ``limit`` + 1 guests; when fewer come back that is
# every guest holding them, and the common words are checked on those rows (the first
# ``limit`` by id, as the index would hand them over). Otherwise the whole query runs.

_IDS_RAW = "SELECT rowid FROM guest_fts WHERE guest_fts MATCH ? LIMIT ?"
_BY_IDS_RAW = ("SELECT id, ref, full_name, preferred_name, pronunciation, language, email, "
               "phone, created_at, last_visit_at FROM guest "
               "WHERE id IN (SELECT value FROM json_each(?))")


def _is_common(word: str) -> bool:
    """A typed word that is one index token of many guests: a particle or an initial."""
    return word.isascii() and word.isalpha() and (len(word) <= 2 or name_keys.is_particle(word))


def _words_rows(session: Session, typed: str, limit: int, *, prefix: bool) -> list[GuestRow]:
    rare, checked = _rare_query(typed, prefix=prefix)
    if checked and rare:
        keep = _keeps_rows(session)
        ids = (_match_ids(session, rare, limit + 1) if keep
               else [r[0] for r in raw_rows(session, _IDS_RAW, (rare, limit + 1))])
        if len(ids) <= limit:
            rows = (_rows_by_ids(session, ids) if keep
                    else _guest_rows(raw_rows(session, _BY_IDS_RAW, (json.dumps(ids),))))
            held = [r for r in rows if _holds_typed(r, checked, prefix=prefix)]
            return sorted(held, key=lambda r: r.id)[:limit]
    return match_rows(session, fts_query(typed, prefix=prefix), limit)


def _rare_query(typed: str, *, prefix: bool) -> tuple[str, list[tuple[str, ...]]]:
    """The index query for ``typed`` without its common words, and the typed words (their
    tokens) to check on the rows instead: a common word typed alone ("van", "de", "j"), and
    an ASCII word that unicode61 cuts in several tokens one of which is common
    ("Bruijn-de", "in't"): its phrase needs the positions of every guest holding "de"
    (20-27 ms read cold at a million guests, against ~1 for its other tokens), so only
    its other tokens are asked for, each on its own, and the phrase is checked on the rows
    (:func:`field_holds`). ("", []) when nothing is left to check."""
    words = typed.split()
    # Most typed texts hold neither (plain words of letters): nothing more to work out.
    if not any(_is_common(w) or (w.isascii() and not w.isalnum()) for w in words):
        return "", []
    pieces: list[str] = []
    checked: list[tuple[str, ...]] = []
    for w in words:
        if _is_common(w):
            checked.append((w.lower(),))
            continue
        tokens = tuple(name_keys.words(w)) if w.isascii() else ()
        if len(tokens) > 1 and any(_is_common(t) for t in tokens):
            last = len(tokens) - 1
            pieces.extend('"' + t + '"' + ("*" if prefix and i == last else "")
                          for i, t in enumerate(tokens) if not _is_common(t))
            checked.append(tokens)
        else:
            pieces.append(fts_query(w, prefix=prefix))
    return " ".join(p for p in pieces if p), checked


def _holds_typed(row: GuestRow, checked: list[tuple[str, ...]], *, prefix: bool) -> bool:
    """Whether the row holds every checked typed word (its tokens, :func:`_rare_query`) as
    the index would match it: a single token as :func:`_holds` checks it, several in a
    row of one field (name, preferred name, email or phone)."""
    single = [t[0] for t in checked if len(t) == 1]
    if single and not _holds(row, single, prefix=prefix):
        return False
    several = [t for t in checked if len(t) > 1]
    if several:
        fields = index_fields(row)
        return all(any(field_holds(f, t, prefix=prefix) for f in fields) for t in several)
    return True


def _holds(row: GuestRow, common: list[str], *, prefix: bool) -> bool:
    """Whether every common word (lower case ASCII) is a word of the row's name, email or
    phone (or, with ``prefix``, begins one), as the index says: accents removed as
    ``remove_diacritics`` removes them (a letter and its marks: "Ván" is "van", "Vøn" is
    not "von"), the text cut into words both before and after that, so that no way
    unicode61 may cut it is missed."""
    text = " ".join(v for v in (row.full_name, row.preferred_name, row.email, row.phone) if v)
    if text.isascii():  # no marks to drop: the words below, cut once (most rows; ~40 us less)
        tokens = set(name_keys.words(text))
    else:
        tokens = {_unmarked(w) for w in name_keys.words(text)}
        tokens.update(name_keys.words(_unmarked(text)))
    if prefix:
        return all(any(t.startswith(w) for t in tokens) for w in common)
    return all(w in tokens for w in common)


def typed_tokens(typed: str) -> tuple[tuple[str, ...], ...]:
    """The typed words as the index matches them (:func:`fts_query`): each word's tokens,
    lower case, marks dropped — one token, or several that must stand in a row ("anna.j")."""
    out = []
    for w in without_controls(typed).split():
        tokens = tuple(name_keys.words(_unmarked(w)))
        if tokens:
            out.append(tokens)
    return tuple(out)


def index_fields(row: Any) -> tuple[tuple[str, ...], ...]:
    """A guest row's name, preferred name, email and phone as the index holds their words:
    each field's tokens in order, marks dropped (cut both before and after dropping them,
    as :func:`_holds` does, when that differs)."""
    out = []
    for value in (row.full_name, row.preferred_name, row.email, row.phone):
        if not value:
            continue
        after = tuple(name_keys.words(_unmarked(value)))
        out.append(after)
        if not value.isascii():
            before = tuple(_unmarked(w) for w in name_keys.words(value))
            if before != after:
                out.append(before)
    return tuple(out)


def field_holds(field: tuple[str, ...], tokens: tuple[str, ...], *, prefix: bool) -> bool:
    """Whether a field's tokens (:func:`index_fields`) hold a typed word's ``tokens`` in a
    row, the last one begun (``prefix``) or whole."""
    n, head, last = len(tokens), tokens[:-1], tokens[-1]
    for i in range(len(field) - n + 1):
        if field[i:i + n - 1] == head and (field[i + n - 1].startswith(last) if prefix
                                           else field[i + n - 1] == last):
            return True
    return False


def _unmarked(text: str) -> str:
    """Lower case, the combining marks of each letter dropped (FTS5's remove_diacritics)."""
    if text.isascii():
        return text.lower()
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(ch)).lower()


USE_PAIRS = True   # False: the index answers every name query (bench/search_quality.py's
# --without-pairs, the same store and code otherwise, for before/after pairs)


def name_rows(session: Session, alternatives: Sequence[Sequence[str]], prefix_last: str | None,
              limit: int) -> list[Any]:
    """Guests whose names hold, for each group, one of its words (see :func:`name_query`)."""
    if _is_pg(session):
        from storage import postgres_search as pg

        return pg.name_rows(session, alternatives, prefix_last, limit)
    plans = name_pairs.plan_each(alternatives, prefix_last) if USE_PAIRS else None
    if plans is None:
        return match_rows(session, name_query(alternatives, prefix_last=prefix_last), limit)
    # Groups of whole words (the last may hold a long prefix): the name-pair table's B-tree
    # ranges give the index's answer without walking two or three doclists
    # (storage.name_pairs); a three-word set too large to read whole goes to the index.
    # (A plan holds a word in every group, so the index query is never empty here; its
    # text is made only when the index answers: ~25 us a combination, most never need it.)

    def read() -> list[int]:
        assert plans is not None
        ids = name_pairs.common_guest_ids(lambda sql, p: raw_rows(session, sql, p), plans,
                                          limit, _kept_ranges(session) if keep else None)
        if ids is None:
            query = name_query(alternatives, prefix_last=prefix_last)
            ids = [r[0] for r in raw_rows(session, _IDS_RAW, (query, limit))]
        return ids

    keep = _keeps_rows(session)
    if keep:
        return _rows_by_ids(session, _match_ids(session, _pairs_key(alternatives, prefix_last),
                                                limit, read))
    return _guest_rows(raw_rows(session, _BY_IDS_RAW, (json.dumps(read()),)))


def _pairs_key(alternatives: Sequence[Sequence[str]], prefix_last: str | None) -> str:
    """What a name query answered by the pair table is kept under with the index's answers
    (:func:`_match_ids`): its groups and prefix, joined by control characters no word holds
    (an index query's text never begins with one: the two are never mistaken)."""
    return ("\x00" + "\x1f".join("\x1e".join(group) for group in alternatives)
            + "\x1d" + (prefix_last or ""))


def name_rows_each(session: Session,
                   requests: Sequence[tuple[Sequence[Sequence[str]], str | None, int]]
                   ) -> Iterator[list[Any]]:
    """:func:`name_rows` of each ``(alternatives, prefix_last, limit)``, in order. A caller
    that stops early gets the same answers either way: on SQLite (no round trips) each is
    read when asked for; on the shared store all are sent at once
    (``postgres_search.name_rows_many``: one or two round trips, not one or two each)."""
    if _is_pg(session):
        from storage import postgres_search as pg

        yield from pg.name_rows_many(session, requests)
        return
    for alternatives, prefix_last, limit in requests:
        yield name_rows(session, alternatives, prefix_last, limit)


def email_rows(session: Session, email: str, limit: int) -> list[Any]:
    """Guests whose email may be ``email`` in another case (callers compare exactly)."""
    if _is_pg(session):
        stmt = text("SELECT id, ref, full_name, preferred_name, pronunciation, language, email, "
                    "phone, created_at, last_visit_at FROM guest "
                    "WHERE lower(email) = lower(:e) LIMIT :n"
                    ).columns(*_GUEST_COLUMNS)
        return _guest_rows([tuple(r) for r in session.execute(stmt, {"e": email, "n": limit})
                            .all()])
    return match_rows(session, email_query(email), limit)


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



def email_query(email: str) -> str:
    """An FTS5 query for guests whose email holds these words in this order (any case).

    The guest table's email index compares exactly; this finds "Anna.Jansen@Example.org"
    for "anna.jansen@example.org" from the search index. Callers compare the candidates.
    """
    cleaned = without_controls(email)
    return '{email} : "' + cleaned.replace('"', '""') + '"' if cleaned.strip() else ""


# --- names: queries over the name columns (their dictionary: storage.name_terms) ----

NAME_COLUMNS = "{full_name preferred_name}"


def name_query(alternatives: Sequence[Sequence[str]], *, prefix_last: str | None = None) -> str:
    """An FTS5 query over the name columns: each group is "any of these words".

    ``[["anna"], ["jansen", "janssen"]]`` → ``{full_name preferred_name} : (("anna") AND
    ("jansen" OR "janssen"))``. ``prefix_last`` adds that word as a prefix to the last group
    (the word still being typed); a word ending in "*" is a prefix too ("j*", an initial).
    Words come from the name dictionary or the typed text, quoted as in :func:`fts_query`.
    """
    groups = []
    for i, group in enumerate(alternatives):
        terms = ['"' + w.removesuffix("*").replace('"', '""') + '"' + ("*" if w.endswith("*")
                                                                       else "")
                 for w in group if w.removesuffix("*")]
        if prefix_last and i == len(alternatives) - 1:
            terms.append('"' + prefix_last.replace('"', '""') + '"*')
        if not terms:
            return ""
        groups.append("(" + " OR ".join(terms) + ")")
    return f"{NAME_COLUMNS} : (" + " AND ".join(groups) + ")" if groups else ""


# --- phone numbers and places ----------------------------------------------------------

_BY_PHONE_SQL = (
    "SELECT id, ref, full_name, preferred_name, pronunciation, language, email, phone, "
    "created_at, last_visit_at FROM guest WHERE {cond} LIMIT :n"
)
_GUEST_COLUMNS = (Guest.id, Guest.ref, Guest.full_name, Guest.preferred_name,
                  Guest.pronunciation, Guest.language, Guest.email, Guest.phone,
                  Guest.created_at, Guest.last_visit_at)
_BY_PHONE = text(_BY_PHONE_SQL.format(cond="phone_e164 = :lo")).columns(*_GUEST_COLUMNS)
_BY_PHONE_PREFIX = text(_BY_PHONE_SQL.format(cond="phone_e164 >= :lo AND phone_e164 < :hi")
                        ).columns(*_GUEST_COLUMNS)


_BY_PHONE_RAW = _BY_PHONE_SQL.format(cond="phone_e164 = ?").replace(":n", "?")
_BY_PHONE_PREFIX_RAW = _BY_PHONE_SQL.format(cond="phone_e164 >= ? AND phone_e164 < ?"
                                            ).replace(":n", "?")


def _stamp(value: dt.datetime) -> str:
    """A datetime as SQLAlchemy binds it for SQLite (so string comparisons agree)."""
    return value.isoformat(" ", "microseconds")


def phone_rows(session: Session, e164: str, limit: int, *, prefix: bool = False
               ) -> list[Any]:
    """Guests whose E.164 number is ``e164`` (or starts with it), from its index."""
    if not _is_pg(session):
        if prefix:
            return _guest_rows(raw_rows(session, _BY_PHONE_PREFIX_RAW,
                                        (e164, name_keys.prefix_upper(e164), limit)))
        return _guest_rows(raw_rows(session, _BY_PHONE_RAW, (e164, limit)))
    # As plain rows (a key press may read without an ORM session: its statements' rows
    # are the driver's then).
    if prefix:
        return _guest_rows([tuple(r) for r in session.execute(
            _BY_PHONE_PREFIX, {"lo": e164, "hi": name_keys.prefix_upper(e164), "n": limit}).all()])
    return _guest_rows([tuple(r) for r in session.execute(
        _BY_PHONE, {"lo": e164, "n": limit}).all()])


_GUEST_COLS = ("g.id, g.ref, g.full_name, g.preferred_name, g.pronunciation, g.language, "
               "g.email, g.phone, g.created_at, g.last_visit_at")

_PLACE_SQL = (
    f"SELECT {_GUEST_COLS}, v.place, v.kind, v.starts_at FROM visit v {{hint}}"
    "JOIN guest g ON g.id = v.guest_id WHERE v.place IN :places AND {cond} "
    "ORDER BY v.starts_at"
)
_STARTS_COND = "v.starts_at >= :start AND v.starts_at < :end AND v.status != 'cancelled'"
_STAYING_COND = ("v.status = 'arrived' AND v.kind = 'stay' AND v.starts_at < :start "
                 "AND v.ends_on > :day")


def _place_text(cond: str, hint: str = "") -> Any:
    return text(_PLACE_SQL.format(hint=hint, cond=cond)).bindparams(
        bindparam("places", expanding=True)).columns(
        *_GUEST_COLUMNS, Visit.place, Visit.kind, Visit.starts_at)


# The shared store's: the places as one array parameter, on the driver connection.
_PLACE_PG = _PLACE_SQL.replace("v.place IN :places", "v.place = ANY(:places)").replace(
    "{hint}", "")

# Visits starting today in the place: one short range of ix_visit_place_starts_at.
_STARTS_IN_PLACE = _place_text(_STARTS_COND)
# Guests staying in the room (arrived, not yet left): the partial index ix_visit_staying_place
# holds only arrived stays, so this reads a few entries per room. SQLite's planner, without
# statistics, prefers the (place, starts_at) index and reads the room's whole history
# (seconds on a million demo guests), hence INDEXED BY; PostgreSQL plans it by itself.
_STAYING_HINT = "INDEXED BY ix_visit_staying_place "
_STAYING_IN_PLACE_PG = _place_text(_STAYING_COND)


def _place_rows(rows: list[tuple[Any, ...]]) -> list[PlaceRow]:
    return [PlaceRow._make((*_row_values(r), r[10], VisitKind(r[11]), _when(r[12])))
            for r in rows]


def _place_raw(cond: str, places: int, hint: str = "") -> str:
    return (_PLACE_SQL.format(hint=hint, cond=cond)
            .replace(":places", "(" + ", ".join("?" * places) + ")")
            .replace(":start", "?").replace(":end", "?").replace(":day", "?"))


def place_rows(session: Session, places: Sequence[str], day: dt.date) -> list[Any]:
    """Guests with a booking or arrival in one of ``places`` on ``day``, or staying in it.

    Rows: the guest columns plus ``place, kind, starts_at``. Two index reads: today's
    visits by (place, starts_at), and arrived stays by the partial index on place.
    """
    if not places:
        return []
    start = dt.datetime.combine(day, dt.time())
    params = {"places": list(places), "start": start, "end": start + dt.timedelta(days=1),
              "day": day}
    if not _is_pg(session):
        n, d0, d1 = len(places), _stamp(start), _stamp(start + dt.timedelta(days=1))
        return _place_rows(
            raw_rows(session, _place_raw(_STAYING_COND, n, _STAYING_HINT),
                     (*places, d0, day.isoformat()))
            + raw_rows(session, _place_raw(_STARTS_COND, n), (*places, d0, d1)))
    from storage import postgres_search

    # On the driver connection (a key press may read without an ORM session).
    staying, starting = postgres_search.pipeline(_dbapi(session), [
        (postgres_search.to_driver(_PLACE_PG.format(cond=cond)), params)
        for cond in (_STAYING_COND, _STARTS_COND)])
    return _place_rows(staying) + _place_rows(starting)


_STARTING_SQL = (
    f"SELECT {_GUEST_COLS}, v.place, v.kind, v.starts_at FROM visit v "
    "JOIN guest g ON g.id = v.guest_id "
    "WHERE v.starts_at >= :start AND v.starts_at < :end AND v.status != 'cancelled' "
    "ORDER BY v.starts_at LIMIT :n"
)
_STARTING_RAW = (_STARTING_SQL.replace(":start", "?").replace(":end", "?")
                 .replace(":n", "?"))
# The shared store's: each row with its visit's id, in (starts_at, visit id) order, so a
# window brought up to date from the change log (postgres_changes) is in the same order as
# one read whole. The second: a window's rows of the changed guests only (see _windows_pg).
_STARTING_PG = (
    f"SELECT {_GUEST_COLS}, v.place, v.kind, v.starts_at, v.id FROM visit v "
    "JOIN guest g ON g.id = v.guest_id "
    "WHERE v.starts_at >= :start AND v.starts_at < :end AND v.status != 'cancelled' "
    "ORDER BY v.starts_at, v.id LIMIT :n"
)
_STARTING_CHANGED_PG = (
    f"SELECT {{i}}, {_GUEST_COLS}, v.place, v.kind, v.starts_at, v.id FROM visit v "
    "JOIN guest g ON g.id = v.guest_id "
    "WHERE {among} AND v.starts_at >= :start_{i} AND v.starts_at < :end_{i} "
    "AND v.status != 'cancelled'"
)
_STARTING_COLUMNS = 14


# Today's (and, when the index is cut, this week's) arrivals are read on every key press
# but change only when guest data does: kept per store with the change counter they were
# read at. ``storage.notify`` bumps the counter in every transaction that writes guest
# data, and it is read here in the search's own snapshot, so a row is never older than the
# data the rest of the search sees. Only the newest counter's windows are kept: a changed
# or erased guest's row is dropped at the next key press.
# What a caller derives from the rows (``app.arrivals_index``) is kept with them, and
# dropped with them; when they changed, a derived value that knows how is derived again
# from the one before (``_derived_again``: the index reuses its work on the rows still
# there).
_StartingKey = tuple[dt.datetime, dt.datetime, int]
_Starting = tuple[int, tuple[Any, ...], dict[Any, Any]]
_starting_cache: weakref.WeakKeyDictionary[Any, dict[_StartingKey, _Starting]] = (
    weakref.WeakKeyDictionary())
# The change counter at which each window was last asked for (on the shared store, the
# windows asked for since the last change are read again together: see _starting).
_starting_asked: weakref.WeakKeyDictionary[Any, dict[_StartingKey, int]] = (
    weakref.WeakKeyDictionary())
# On the shared store, each kept window's rows' order keys (starts_at, visit id), so the
# rows of the guests that changed can be put in their places (_windows_pg).
_starting_order: weakref.WeakKeyDictionary[Any, dict[_StartingKey, tuple[Any, ...]]] = (
    weakref.WeakKeyDictionary())
_CHANGED_INFO = "frontdesk.search.changed_guests"


def _change_seq(session: Session) -> int:
    """The change counter as this transaction sees it (read once per transaction)."""
    return _per_transaction(session, _SEQ_INFO, lambda: _read_change_seq(session))


def note_change_seq(session: Session, seq: int) -> None:
    """The change counter another statement of this transaction read (the permission
    read's round trip on the shared store: ``storage.queries.staff_standing``), kept as
    this transaction's. Read before the search's own statements, so what they read is as
    new as it or newer: what is kept under it is read again at the next change."""
    _per_transaction(session, _SEQ_INFO, lambda: _seen(session, seq))


def known_change_seq(session: Session) -> int | None:
    """The change counter this transaction has already read (a key press's permission read
    on the shared store), or None: never a read of its own."""
    tx = session.get_transaction()
    held = session.info.get(_SEQ_INFO)
    return int(held[1]) if tx is not None and held is not None and held[0]() is tx else None


def _read_change_seq(session: Session) -> int:
    if _is_pg(session):
        seq = notify.current_seq(session)
    else:
        rows = raw_rows(session, notify.SEQ_SQL, (notify.SEQ_KEY,))
        seq = int(rows[0][0]) if rows else 0
    return _seen(session, seq)


def _seen(session: Session, seq: int) -> int:
    bind = session.get_bind()
    if _seq_seen.get(bind) != seq:
        _seq_seen[bind] = seq
        if _clock() - _last_forgotten[0] >= FORGET_NAMES_EVERY_S:
            forget_names_now()
    return seq


# Names are also remembered by pure functions of strings (``storage.name_keys``' folds and
# sound keys, the ranking's word distances in ``app.guest_search``): not per store, so not
# dropped with the caches above. This desk's own erasures and name corrections clear them
# at once (``storage.name_terms.forget_names``); another desk's, at this desk's first
# search after guest data changed, at most once a minute: clearing at every change cost a
# desk a third more CPU with an arrival marked every second (docs/performance.md).
FORGET_NAMES_EVERY_S = 60.0
_seq_seen: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
_name_forgetters: list[Callable[[], None]] = [name_keys.forget, _forget_rows, name_pairs.forget]
_last_forgotten = [float("-inf")]
_clock = time.monotonic


def forget_names_with(forget: Callable[[], None]) -> None:
    """Also call ``forget`` (which drops remembered names) whenever guest data changed."""
    if forget not in _name_forgetters:
        _name_forgetters.append(forget)


def forget_names_now() -> None:
    """Clear every cache of names by their text (see above)."""
    _last_forgotten[0] = _clock()
    for forget in _name_forgetters:
        forget()


_SEQ_INFO = "frontdesk.search.change_seq"
_BEFORE_INFO = "frontdesk.search.starting_before"


def starting_derived(session: Session, start: dt.datetime, end: dt.datetime, limit: int,
                     derive: Callable[[tuple[Any, ...]], Any]) -> Any:
    """``derive(rows)`` of the guests with a visit starting in [start, end) — today's or
    this week's arrivals and bookings, soonest first — computed once per read of the rows
    (again only after guest data changed) and dropped with them. ``derive`` must be one
    lasting object (a module-level function): it is the key."""
    _seq, rows, derived = _starting(session, start, end, limit)
    if derive not in derived:
        derived[derive] = derive(rows)
    return derived[derive]


def _starting(session: Session, start: dt.datetime, end: dt.datetime, limit: int) -> _Starting:
    seq, key = _change_seq(session), (start, end, limit)
    per_store = _starting_cache.setdefault(session.get_bind(), {})
    asked = _starting_asked.setdefault(session.get_bind(), {})
    asked[key] = seq
    hit = per_store.get(key)
    if hit is not None and hit[0] == seq:
        return hit
    # The windows read before the change, kept for this transaction only (so the next key
    # press drops them, as before): most changes leave their rows as they were (a guest
    # marked arrived, another guest's label), and what was derived from equal rows is still
    # right and is kept. Rebuilding it at the first key press after every change cost a
    # desk 46-61 ms of CPU with an arrival marked every second on another desk.
    before: dict[_StartingKey, _Starting] = _per_transaction(
        session, _BEFORE_INFO,
        lambda: {k: entry for k, entry in per_store.items() if entry[0] != seq})
    if not _is_pg(session):
        reads = {key: tuple(_place_rows(raw_rows(
            session, _STARTING_RAW, (_stamp(start), _stamp(end), limit))))}
    else:
        # The other windows read before the change come in the same round trip: the key
        # press reads them too (today's and the coming days' arrivals rank its results).
        wanted = [key, *(k for k, entry in before.items() if k != key
                         and asked.get(k) == entry[0]   # asked for since it was read
                         and (k not in per_store or per_store[k][0] != seq))]
        reads = _windows_pg(session, wanted, before, seq)
    for old in [k for k, entry in per_store.items() if entry[0] != seq]:
        del per_store[old]
    for k, rows in reads.items():
        was = before.get(k)
        per_store[k] = (seq, rows, was[2] if was is not None and was[1] == rows
                        else _derived_again(was, rows))
    order = _starting_order.get(session.get_bind(), {})
    for k in [k for k in order if k not in per_store and k not in before]:
        del order[k]
    return per_store[key]


def _derived_again(was: _Starting | None, rows: tuple[Any, ...]) -> dict[Any, Any]:
    """What was derived from a window's rows before they changed, derived again for its new
    rows by each value that knows how (its ``again(rows)``: ``app.arrivals_index``'s index
    reuses its work on the rows still there, and keeps nothing of a row that left); the
    others are dropped and derived at their next ask. The old values go with the old rows."""
    if was is None:
        return {}
    out: dict[Any, Any] = {}
    for derive, value in was[2].items():
        again = getattr(value, "again", None)
        if again is not None:
            out[derive] = again(rows)
    return out


def _windows_pg(session: Session, wanted: list[_StartingKey],
                before: dict[_StartingKey, _Starting], seq: int
                ) -> dict[_StartingKey, tuple[Any, ...]]:
    """The rows of the ``wanted`` windows at ``seq`` (the shared store; postgres helper's).

    A window kept whole from before the change (fewer rows than its limit) is brought up to
    date from the change log (``storage.postgres_changes``): one statement reads which
    guests were logged since its counter and their rows in the window; the others' rows are
    kept. The answer is the one a fresh read gives (the rows in (starts_at, visit id)
    order). Any other window, or all when the log cannot say (too many changes, an import,
    a counter too old), is read whole. On the driver connection, as the key press's own
    statements: SQLAlchemy's rows cost ~1 ms per 100 rows to build (the Enum per row)."""
    from storage import postgres_changes, postgres_search

    order = _starting_order.setdefault(session.get_bind(), {})
    out: dict[_StartingKey, tuple[Any, ...]] = {}
    kept = [k for k in wanted if k in before and k in order
            and len(before[k][1]) < k[2] and len(order[k]) == len(before[k][1])]
    if kept:
        since = min(before[k][0] for k in kept)
        ahead = session.info.pop(_WINDOWS_AHEAD, None)
        read: list[Any] | None = None
        if ahead is not None:   # read with the permission (_windows_ahead)
            (windows, a_since), (ahead_rows,) = ahead
            if (set(windows) == set(kept) and a_since == since
                    and any(r[0] == _GUARD_PASSED for r in ahead_rows)):
                kept = list(windows)
                read = [r for r in ahead_rows if r[0] != _GUARD_PASSED]
        if read is None:
            sql, params = _since_statement(kept, since)
            read = postgres_search.fetch_rows(session, sql, params)
        got: list[list[Any]] = [[] for _ in kept]
        changed: set[int] | None = set()
        for r in read:
            if r[0] == -1:
                changed = None
                break
            if r[0] == -2:
                changed.add(int(r[1]))   # type: ignore[union-attr]
            else:
                got[r[0]].append(r[1:])
        if changed is not None:
            moved = frozenset(changed)
            session.info[_CHANGED_INFO] = (_tx_ref(session), since, seq, moved)
            for k, new in zip(kept, got, strict=True):
                new.sort(key=_order_key)
                rows, keys = postgres_changes.merged(
                    before[k][1], order[k], moved, _place_rows(new),
                    [_order_key(r) for r in new], k[2])
                out[k], order[k] = tuple(rows), tuple(keys)
    whole = [k for k in wanted if k not in out]
    if whole:
        reads = postgres_search.fetch_windows(
            session, _STARTING_PG, [{"start": k[0], "end": k[1], "n": k[2]} for k in whole])
        for k, read in zip(whole, reads, strict=True):
            out[k] = tuple(_place_rows(read))
            order[k] = tuple(_order_key(r) for r in read)
    return out


def _since_statement(windows: Sequence[_StartingKey], since: int
                     ) -> tuple[str, dict[str, Any]]:
    """The change log since ``since`` and the changed guests' rows in each of ``windows``, in
    one statement (``postgres_changes.since_sql``; SQLAlchemy's ``:name`` parameters)."""
    from storage import postgres_changes

    params: dict[str, Any] = {"since": since}
    for i, k in enumerate(windows):
        params[f"start_{i}"], params[f"end_{i}"] = k[0], k[1]
    return _since_text(len(windows), postgres_changes.KEEP, postgres_changes.MANY), params


# A key press's windows' change-log read, sent with its permission read (_windows_ahead).
_WINDOWS_AHEAD = "frontdesk.search.windows_ahead"
_GUARD_PASSED = -3


def _heard_changed(session: Session) -> bool:
    """Whether this process's change feed (``storage.notify.ServerWatcher``) heard of a change
    counter newer than the one the search last read on this store: then the next key press
    will read the arrivals windows' change log (:func:`_windows_ahead`). Without a feed
    (or before its notification arrived) False: the log is read in a round trip of its own
    if the counter moved, as before."""
    from storage import postgres_search as pg

    heard = notify.heard(pg._server_of(session))
    seen = _seq_seen.get(session.get_bind())
    return heard is not None and seen is not None and heard > seen


def _windows_ahead(session: Session, staff_id: int, roles: Sequence[str]) -> Any:
    """The change-log read :func:`_windows_pg` makes when the change counter moved, for the
    windows kept whole and asked for since they were read (those a key press brings up to
    date), sent with the key press's permission read — only when this desk heard that the
    counter moved (:func:`_heard_changed`): sent with every key press it cost the server
    more than the round trip it saved on a fifth of them (docs/performance.md). Guarded on
    the server by the standing the permission read reads (``postgres_search.guarded``; its
    last row says the guard passed): no guest row is read otherwise. Its rows are used only
    for the same windows and counter (:func:`_windows_pg`); it runs after the permission
    read, so what it reads is as new as the counter that read or newer, as a read of its
    own would be."""
    from storage import postgres_search as pg

    bind = session.get_bind()
    per_store, order = _starting_cache.get(bind, {}), _starting_order.get(bind, {})
    asked = _starting_asked.get(bind, {})
    windows = [k for k, entry in per_store.items()
               if asked.get(k) == entry[0] and k in order and len(entry[1]) < k[2]
               and len(order[k]) == len(entry[1])]
    if not windows:
        return None
    since = min(per_store[k][0] for k in windows)
    sql, params = _since_statement(windows, since)
    nulls = ", NULL" * _STARTING_COLUMNS
    driver = (f"({pg.guarded(pg.to_driver(sql))}) UNION ALL "
              f"(SELECT {_GUARD_PASSED}{nulls} WHERE {pg.GUARD})")
    return ([(driver, {**params, "ahead_staff": staff_id,
                       "ahead_roles": pg.roles_param(roles)})],
            _WINDOWS_AHEAD, (tuple(windows), since))


@functools.lru_cache(maxsize=8)
def _since_text(windows: int, _keep: int, _many: int) -> str:
    """``postgres_changes.since_sql`` for ``windows`` windows (built once per count and the
    log's limits, which it reads)."""
    from storage import postgres_changes

    return postgres_changes.since_sql("since", _STARTING_CHANGED_PG, windows, _STARTING_COLUMNS)


def _order_key(r: Sequence[Any]) -> tuple[Any, int]:
    """A shared-store window row's place in its window: (starts_at, visit id)."""
    return (_when(r[12]), int(r[13]))


def _tx_ref(session: Session) -> Any:
    tx = session.get_transaction()
    return weakref.ref(tx) if tx is not None else _no_transaction


def _changed_guests(session: Session, since: int, seq: int) -> frozenset[int] | None:
    """The guests whose rows or visits changed after counter ``since`` up to ``seq``, when
    this transaction read the change log for it (a window brought up to date); else None."""
    held = session.info.get(_CHANGED_INFO)
    if held is None or held[0]() is not session.get_transaction() or held[0]() is None:
        return None
    _ref, read_since, read_seq, moved = held
    return cast(frozenset[int], moved) if read_since <= since and read_seq == seq else None


_FACTS_SQL = (
    "SELECT guest_id, "
    "max(CASE WHEN starts_at >= :d0 AND starts_at < :d1 THEN 1 ELSE 0 END), "
    "max(CASE WHEN starts_at >= :d1 AND starts_at < :d7 THEN 1 ELSE 0 END), "
    "max(CASE WHEN starts_at < :d0 THEN starts_at END) "
    "FROM visit WHERE guest_id {ids} AND status != 'cancelled' GROUP BY guest_id"
)
# The ids as one parameter (see _BY_FOLD_RAW).
_FACTS_PG = text(_FACTS_SQL.format(ids="= ANY(CAST(:ids AS integer[]))"))
_FACTS_RAW = (_FACTS_SQL.format(ids="IN (SELECT value FROM json_each(:ids))")
              .replace(":d0", "?1").replace(":d1", "?2").replace(":d7", "?3")
              .replace(":ids", "?4"))


Facts = tuple[bool, bool, dt.datetime | None]
# Visit facts already read, per store, for one (change counter, day): the next key press
# mostly ranks the same guests again ("Verm", "Verme", …). Dropped as soon as guest data
# changed (the counter, read in the search's own snapshot, as for the arrivals above).
_facts_cache: weakref.WeakKeyDictionary[Any, tuple[tuple[int, dt.date], dict[int, Facts]]] = (
    weakref.WeakKeyDictionary())
FACTS_KEPT = 20_000


def visit_facts(session: Session, ids: Sequence[int], day: dt.date) -> dict[int, Facts]:
    """Per guest: a visit starts today; one starts in the 6 days after; their last visit
    before ``day`` (``(False, False, None)`` for a guest without visits)."""
    if not ids:
        return {}
    key, bind = (_change_seq(session), day), session.get_bind()
    held = _facts_cache.get(bind)
    if held is not None and held[0] != key and held[0][1] == day:
        # Brought up to date when this transaction read which guests changed since (the
        # shared store's change log, read with the arrivals windows): only theirs go.
        moved = _changed_guests(session, held[0][0], key[0])
        if moved is not None:
            for i in moved:
                held[1].pop(i, None)
            held = _facts_cache[bind] = (key, held[1])
    if held is None or held[0] != key or len(held[1]) > FACTS_KEPT:
        held = _facts_cache[bind] = (key, {})
    known = held[1]
    missing = [i for i in ids if i not in known]
    if missing:
        read = _read_facts(session, missing, day)
        for i in missing:
            known[i] = read.get(i, (False, False, None))
    return {i: known[i] for i in ids}


WARM_FACTS = 2_000


def warm_facts(session: Session, day: dt.date) -> None:
    """Read now the visit facts of the guests in the arrivals windows kept for this store
    (read just before by a warm-up: ``app.guests.warm_up_search``): a key press reads the
    facts of its candidates whose last visit is today or later — mostly these guests — and
    each desk's first key press read them cold (38-365 ms in the shared-store bench's slow
    lists, docs/performance.md). At most :data:`WARM_FACTS` guests, soonest first."""
    seq = _change_seq(session)
    ids: dict[int, None] = {}
    for entry in _starting_cache.get(session.get_bind(), {}).values():
        if entry[0] == seq:
            ids.update(dict.fromkeys(r.id for r in entry[1]))
    visit_facts(session, list(ids)[:WARM_FACTS], day)


def _read_facts(session: Session, ids: Sequence[int], day: dt.date) -> dict[int, Facts]:
    d0 = dt.datetime.combine(day, dt.time())
    pg = _is_pg(session)
    if not pg:
        rows: Sequence[Any] = raw_rows(session, _FACTS_RAW, (
            _stamp(d0), _stamp(d0 + dt.timedelta(days=1)), _stamp(d0 + dt.timedelta(days=7)),
            json.dumps(list(ids))))
    else:
        rows = session.execute(_FACTS_PG,
                               {"ids": list(ids), "d0": d0, "d1": d0 + dt.timedelta(days=1),
                                "d7": d0 + dt.timedelta(days=7)}).all()
    out: dict[int, Facts] = {}
    for gid, today, week, last in rows:
        if isinstance(last, str):  # max() over a CASE loses the column's type
            last = dt.datetime.fromisoformat(last)
        out[int(gid)] = (bool(today), bool(week), last)
    return out


def optimize_index(session: Session) -> None:
    """Merge FTS5 segments so deleted rows' tokens are gone from the index pages.

    PostgreSQL has no FTS5 index: its trigram index entries go with the row.
    """
    if session.get_bind().dialect.name == "postgresql":
        return
    session.execute(text("INSERT INTO guest_fts(guest_fts) VALUES ('optimize')"))
