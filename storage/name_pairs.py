"""Pairs of a guest's name words, kept by the database itself (SQLite only, revision 0019).

Forgiving search asks the search index for guests holding one of several words *and* one
of several others (``storage.search.name_rows``: "anna" AND "jansen" OR "janssen").
FTS5 answers that by walking both words' doclists: 0.2-2 ms each when the words are
common, and a slow key press asks a few hundred such combinations. ``name_pair`` holds
one row (a, b, guest_id) for each ordered pair of distinct index words of a guest's full
and preferred names, so each combination is one B-tree range (~0.03 ms).

Exactness is the database's job, not the writers': triggers on ``guest`` (insert,
update of a name, delete) write and remove the rows on every write path (form, import,
merge and undo, erasure, corrections, demo, ``move-store``), nearly all without knowing.
The words come from :func:`pair_words`, registered as the SQL function
``fd_name_pairs`` on every connection the store opens (``storage.engine.raw_connect``);
a connection without it cannot write a guest at all (the trigger fails), so a missed
path fails loudly instead of hiding guests. One exception, on purpose: an import inserts
many new guests at once and writes their pairs itself, in key order, a few thousand per
statement (``storage.bulk.insert_guests_bare``: the guest table's insert triggers are dropped
and made again inside the import's own transaction, around its guests' insert;
tests/test_import_pairs.py) — per guest the trigger's Python call and inserts at scattered
places of the table cost a large import seconds. The words are the search index's own: each
name is cut and folded by FTS5's ``unicode61 remove_diacritics 2`` tokenizer itself (an
in-memory FTS5 table of the same SQLite library; plain ASCII is cut the same way in
Python, checked against FTS5 in tests/test_name_pairs.py), so a pair answer and the
index's answer are the same guests. Erased rows are overwritten (``secure_delete``).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import threading
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlcipher3

from storage import name_keys

FUNCTION = "fd_name_pairs"
TABLE = "name_pair"

# --- the words: FTS5's own tokenizer --------------------------------------------------

_ASCII_CUT = re.compile(r"[A-Za-z0-9]+")
_lock = threading.Lock()
_tokenizer: Any = None
_pieces: OrderedDict[str, tuple[str, ...]] = OrderedDict()
PIECES_KEPT = 50_000


def _fts_tokens(text: str) -> tuple[str, ...]:
    """The tokens FTS5 (unicode61, remove_diacritics 2) makes of ``text``, in order."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            conn = sqlcipher3.connect(":memory:", check_same_thread=False, isolation_level=None)
            conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 "
                         "remove_diacritics 2')")
            conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
            _tokenizer = conn
        conn = _tokenizer
        conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
        try:
            rows = conn.execute("SELECT term FROM v ORDER BY offset").fetchall()
        finally:
            conn.execute("DELETE FROM t")
    return tuple(str(r[0]) for r in rows)


def tokens(text: str) -> tuple[str, ...]:
    """The search index's words of ``text`` (lower case, accents removed), in order."""
    if text.isascii():
        return tuple(w.lower() for w in _ASCII_CUT.findall(text))
    out: list[str] = []
    for piece in text.split(" "):
        if piece.isascii():
            out.extend(w.lower() for w in _ASCII_CUT.findall(piece))
            continue
        held = _pieces.get(piece)
        if held is None:
            held = _fts_tokens(piece)
            with _lock:
                _pieces[piece] = held
                while len(_pieces) > PIECES_KEPT:
                    _pieces.popitem(last=False)
        out.extend(held)
    return tuple(out)


def pair_words(full_name: str | None, preferred_name: str | None) -> list[tuple[str, str]]:
    """Every ordered pair of two different index words of these names, sorted."""
    words = sorted(set(tokens(full_name or "")) | set(tokens(preferred_name or "")))
    return list(itertools.permutations(words, 2))


def _sql_pairs(full_name: Any, preferred_name: Any) -> str:
    """``fd_name_pairs``: :func:`pair_words` as a JSON array of [a, b] arrays."""
    return json.dumps(pair_words(full_name if isinstance(full_name, str) else None,
                                 preferred_name if isinstance(preferred_name, str) else None),
                      ensure_ascii=False)


def register(conn: Any) -> None:
    """Give a DB-API connection ``fd_name_pairs`` (every store connection needs it)."""
    conn.create_function(FUNCTION, 2, _sql_pairs, deterministic=True)


def rows_of(guests: Iterable[tuple[int, str | None, str | None]]
            ) -> list[tuple[str, str, int]]:
    """The table's rows for these (id, full name, preferred name), in key order: what the
    insert trigger writes for them."""
    return sorted((a, b, gid) for gid, full, pref in guests for a, b in pair_words(full, pref))


# --- the table and its triggers -------------------------------------------------------

_ROWS = (f"SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), {{id}} "
         f"FROM json_each({FUNCTION}({{g}}.full_name, {{g}}.preferred_name))")
_ADD = f"INSERT INTO {TABLE} (a, b, guest_id) " + _ROWS
_DROP = (f"DELETE FROM {TABLE} WHERE (a, b, guest_id) IN (" + _ROWS + ")")

CREATE_TABLE = (f"CREATE TABLE {TABLE} (a TEXT NOT NULL, b TEXT NOT NULL, "
                "guest_id INTEGER NOT NULL, PRIMARY KEY (a, b, guest_id)) WITHOUT ROWID")
TRIGGERS = {
    "name_pair_ai": (f"CREATE TRIGGER name_pair_ai AFTER INSERT ON guest BEGIN "
                     f"{_ADD.format(id='new.id', g='new')}; END"),
    "name_pair_ad": (f"CREATE TRIGGER name_pair_ad AFTER DELETE ON guest BEGIN "
                     f"{_DROP.format(id='old.id', g='old')}; END"),
    "name_pair_au": (
        "CREATE TRIGGER name_pair_au AFTER UPDATE OF id, full_name, preferred_name ON guest "
        "WHEN old.id IS NOT new.id OR old.full_name IS NOT new.full_name "
        "OR old.preferred_name IS NOT new.preferred_name BEGIN "
        f"{_DROP.format(id='old.id', g='old')}; {_ADD.format(id='new.id', g='new')}; END"),
}


def create(conn: Any) -> None:
    """The table, filled for the guests already stored, and its triggers (an SQLAlchemy
    connection; the guests' words computed in Python, sorted, inserted in key order)."""
    conn.exec_driver_sql(CREATE_TABLE)
    fill(conn)
    for sql in TRIGGERS.values():
        conn.exec_driver_sql(sql)


def fill(conn: Any) -> int:
    """Write every guest's pairs (the table empty); returns how many rows."""
    pairs = expected_rows(conn)   # sorted: inserted in key order
    for start in range(0, len(pairs), 100_000):
        conn.exec_driver_sql(f"INSERT INTO {TABLE} (a, b, guest_id) VALUES (?, ?, ?)",
                             pairs[start:start + 100_000])
    return len(pairs)


def drop(conn: Any) -> None:
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


def expected_rows(conn: Any) -> list[tuple[str, str, int]]:
    """The rows the table should hold, computed from the guest table (for checks)."""
    return rows_of(conn.exec_driver_sql("SELECT id, full_name, preferred_name FROM guest"))


def held_rows(conn: Any) -> list[tuple[str, str, int]]:
    """The rows the table holds, sorted."""
    return [(str(a), str(b), int(g)) for a, b, g in conn.exec_driver_sql(
        f"SELECT a, b, guest_id FROM {TABLE} ORDER BY a, b, guest_id").fetchall()]


# --- the look-up ----------------------------------------------------------------------

_EQ = f"SELECT guest_id FROM {TABLE} WHERE a = ? AND b = ? ORDER BY guest_id LIMIT ?"
# A prefix's range can hold a guest more than once ("Anna Jansen", called "Jan": "jan" and
# "jansen" both begin with "jan"): each guest once, or a limit counted over rows would
# hand over fewer guests than the index's first ``limit``, and a later guest instead.
_PRE = (f"SELECT DISTINCT guest_id FROM {TABLE} WHERE a = ? AND b >= ? AND b < ? "
        "ORDER BY guest_id LIMIT ?")
MIN_PREFIX = 3   # a shorter prefix covers too many words: the index answers it


@functools.lru_cache(maxsize=20_000)
def _one_token(word: str) -> str | None:
    """The index word ``word`` is, or None when the index cuts it in several (or none).
    Remembered: a forgiving key press plans a few combinations of the same words (~30 us
    a plan, most of it cutting them again); a string for a string, nothing the garbage
    collector scans; dropped with the other names (:func:`forget`)."""
    got = tokens(word)
    return got[0] if len(got) == 1 else None


def forget() -> None:
    """Drop the typed and name words remembered above, and the names' pieces FTS5 cut
    (``storage.search`` calls it when it drops every cache of names by their text: an
    erased or renamed guest's name does not stay in this desk's memory)."""
    _one_token.cache_clear()
    with _lock:
        _pieces.clear()


def plan(alternatives: Sequence[Sequence[str]], prefix_last: str | None
         ) -> list[tuple[str, str, bool]] | None:
    """The look-ups (a, b, b is a prefix) answering this two-group name query exactly as
    the index does, or None when the table cannot (then the index answers).

    Each typed word must be one index word (a phrase of two is the index's); the first
    group holds whole words; a prefix is ASCII and at least ``MIN_PREFIX`` long; no word
    of the first group may also satisfy the second (a guest holding it once matches the
    index's query, but has no pair of a word with itself).
    """
    if len(alternatives) != 2:
        return None
    first: list[str] = []
    for w in alternatives[0]:
        t = _one_token(w)
        if t is None or w.endswith("*"):
            return None
        first.append(t)
    second: list[tuple[str, bool]] = []
    words = [(w.removesuffix("*"), w.endswith("*")) for w in alternatives[1]]
    if prefix_last:
        words.append((prefix_last, True))
    for w, pre in words:
        if not w:
            continue
        t = _one_token(w)
        if t is None or (pre and (not t.isascii() or len(t) < MIN_PREFIX)):
            return None
        second.append((t, pre))
    if not first or not second:
        return None
    for a in first:
        for b, pre in second:
            if a == b or (pre and a.startswith(b)):
                return None
    return [(a, b, pre) for a in dict.fromkeys(first) for b, pre in dict.fromkeys(second)]


def plan_each(alternatives: Sequence[Sequence[str]], prefix_last: str | None
              ) -> list[list[tuple[str, str, bool]]] | None:
    """The look-ups answering a name query of two or more groups, one set per group before
    the last, each pairing that group with the last (as :func:`plan` pairs two groups), or
    None when the index must answer.

    A guest the index finds holds a word of every group, so it is in every set; a guest in
    every set holds a word of each group before the last and one of the last. So the
    guests in all the sets are the index's answer (:func:`common_guest_ids`). Three-word
    names ("Anna Maria Jansen") were FTS5 walks over three doclists: at a million guests
    0.56 ms each on average (p95 1.3), 0.27 (p95 0.8) from pair sets of a few dozen
    guests each (docs/performance.md).
    """
    if len(alternatives) < 2:
        return None
    plans = []
    for group in alternatives[:-1]:
        lookups = plan([group, alternatives[-1]], prefix_last)
        if lookups is None:
            return None
        plans.append(lookups)
    return plans


def guest_ids(run: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]],
              lookups: list[tuple[str, str, bool]], limit: int,
              kept: KeptRanges | None = None) -> list[int]:
    """The first ``limit`` guests (by id) any look-up finds (``run`` runs a statement;
    ``kept``: range answers of this snapshot, :class:`KeptRanges`)."""
    found: set[int] = set()
    for a, b, pre in lookups:
        found.update(_read(run, a, b, pre, limit, kept))
    return sorted(found)[:limit]


# A set of :func:`plan_each` read in full holds at most this many guests: a larger one is
# left to the index (its AND walk stops at the limit; a pair range read whole does not).
SET_CAP = 2_000


def common_guest_ids(run: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]],
                     plans: list[list[tuple[str, str, bool]]], limit: int,
                     kept: KeptRanges | None = None) -> list[int] | None:
    """The first ``limit`` guests (by id) in every set of look-ups, or None when a set held
    more than :data:`SET_CAP` (then the index answers). A set found empty ends the reads.
    ``kept``: range answers of this snapshot (:class:`KeptRanges`)."""
    if len(plans) == 1:
        return guest_ids(run, plans[0], limit, kept)
    words = [list(dict.fromkeys(a for a, _b, _pre in lookups)) for lookups in plans]
    if not any(set(words[0]) & set(group) for group in words[1:]):
        return _probed(run, plans[0], words[1:], limit, kept)
    common: set[int] | None = None
    for lookups in plans:
        found: set[int] = set()
        for a, b, pre in lookups:
            ids = _read(run, a, b, pre, SET_CAP + 1, kept)
            if len(ids) > SET_CAP:
                return None
            found.update(ids)
        if len(found) > SET_CAP:
            return None
        common = found if common is None else common & found
        if not common:
            return []
    return sorted(common or ())[:limit]


# Which of ``ids`` (holders of word ``a``) also hold a word of a group: point reads of the
# table's key (a, b, guest_id), one per (word of the group, guest).
_HOLDING = (f"SELECT DISTINCT guest_id FROM {TABLE} WHERE a = ? "
            "AND b IN (SELECT value FROM json_each(?)) "
            "AND guest_id IN (SELECT value FROM json_each(?))")


def _probed(run: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]],
            first: list[tuple[str, str, bool]], others: list[list[str]], limit: int,
            kept: KeptRanges | None = None) -> list[int] | None:
    """:func:`common_guest_ids` when no word of the first group is in another group: the
    first set is read whole (None past :data:`SET_CAP`, as before), and each other group
    is asked only of its guests, in the pairs of their first-group word with the group's
    words — a few dozen key reads instead of each other set read whole (up to
    ``SET_CAP + 1`` ids a range).

    The same guests: a guest of the first set holds a first-group word ``a`` and a word
    ``y`` of the last group; if they also hold a word ``x`` of another group, ``x`` is not
    ``a`` (the groups share no word), so the pair (a, x) is theirs; and ``x`` is not ``y``
    (:func:`plan` refused a group word that is or begins a word of the last group), so
    they are in that group's set. Conversely a guest in both sets holds ``a`` and ``x``."""
    by_word: dict[str, set[int]] = {}
    for a, b, pre in first:
        ids = _read(run, a, b, pre, SET_CAP + 1, kept)
        if len(ids) > SET_CAP:
            return None
        by_word.setdefault(a, set()).update(ids)
    common = set().union(*by_word.values())
    if len(common) > SET_CAP:
        return None
    for group in others:
        if not common:
            return []
        group_json = json.dumps(group, ensure_ascii=False)
        held: set[int] = set()
        for a, holders in by_word.items():
            asked = sorted(holders & common)
            if asked:
                held.update(int(r[0]) for r in run(_HOLDING, (a, group_json,
                                                              json.dumps(asked))))
        common = held
    return sorted(common)[:limit]


def _read(run: Callable[[str, tuple[Any, ...]], list[tuple[Any, ...]]], a: str, b: str,
          pre: bool, limit: int, kept: KeptRanges | None = None) -> list[int]:
    if kept is not None:
        held = kept.get(a, b, pre, limit)
        if held is not None:
            return held
    rows = (run(_PRE, (a, b, name_keys.prefix_upper(b), limit)) if pre   # b… : [b, b+1)
            else run(_EQ, (a, b, limit)))
    ids = [int(r[0]) for r in rows]
    if kept is not None:
        kept.put(a, b, pre, limit, ids)
    return ids


class KeptRanges:
    """Range answers of the table in one snapshot of it (``storage.search`` keeps one per
    store until the change counter moves, as it keeps the index's answers): the guests of
    (a, b), or of a and words beginning with b, the first ``limit`` by id.

    A forgiving key press asks the same ranges again and again: all close readings of its
    words at once, then each combination of them on its own (the same ranges, the same
    limit), and the next key press or the next typed name asks many of them once more
    (a third of the bench's range reads at a million guests had been read before, docs/
    performance.md). A range read with a limit answers any lower limit (its first ids),
    and any limit at all when it held fewer than it asked for (it is complete).

    Held as plain strings and integer arrays, which the garbage collector never scans
    (a tuple per answer added ~2 objects a range to every young collection); at most
    ``ids_kept`` ids (8 bytes each), the oldest answers dropped first."""

    __slots__ = ("_cap", "_held", "_size", "seq")

    def __init__(self, seq: int, ids_kept: int) -> None:
        self.seq = seq
        self._held: OrderedDict[str, array[int]] = OrderedDict()
        self._size = 0
        self._cap = ids_kept

    @staticmethod
    def _key(a: str, b: str, pre: bool) -> str:
        return f"{a}\x00{b}\x00{'*' if pre else ''}"

    def get(self, a: str, b: str, pre: bool, limit: int) -> list[int] | None:
        """The first ``limit`` ids of the range, if a read kept answers them; else None."""
        held = self._held.get(self._key(a, b, pre))
        if held is None:
            return None
        asked = held[0]   # the limit it was read with; then the ids
        if limit <= asked or len(held) - 1 < asked:
            return held[1:limit + 1].tolist()
        return None

    def put(self, a: str, b: str, pre: bool, limit: int, ids: list[int]) -> None:
        key = self._key(a, b, pre)
        old = self._held.pop(key, None)
        if old is not None:
            self._size -= len(old)
        held = array("q", [limit, *ids])
        self._held[key] = held
        self._size += len(held)
        while self._size > self._cap and self._held:
            self._size -= len(self._held.popitem(last=False)[1])
