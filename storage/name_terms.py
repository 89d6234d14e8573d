"""The name dictionary: every word of a guest's name, with its keys, for typos and sound-alikes.

``name_term`` holds each distinct word of the guests' full and preferred names once, with
its folded form, the folded form reversed, and two sound keys (``storage.name_keys``).
Forgiving search (``app.guest_search``) asks it which real name words a typed word may be
misspelt or misheard from (:func:`term_candidates`: four index range look-ups), then looks
only those words up in the search index (``storage.search.name_rows``). Every write of a
name adds its words (:func:`remember_names`); an erasure or a corrected name drops the words
no guest holds any more (:func:`forget_names`), so the dictionary never keeps a word of a
name that is gone. The answers for a typed word are kept per store until guest data changes.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast

from sqlalchemy import text
from sqlalchemy.orm import Session

from storage import bulk, name_keys
from storage.search import NAME_COLUMNS, _change_seq, _is_pg, forget_names_now, raw_rows

# A word of some guest's name with its keys (``storage.name_keys``): (term, fold, sound,
# english), a plain tuple of strings. The answers below are kept until guest data changes,
# and CPython's collector stops scanning a plain tuple of strings (and a tuple of those)
# once it has seen it; a dataclass or named tuple it scans at every collection of its
# generation for as long as it is kept (37,000 of 77,000 tracked objects after a bench
# run, docs/performance.md).
Term = tuple[str, str, str, str]
TERM, FOLD, SOUND, ENGLISH = range(4)


def _term_row(word: str) -> dict[str, str]:
    folded = name_keys.fold(word)
    return {"t": word, "f": folded[:80], "r": folded[::-1][:80],
            "s": name_keys.sound_key(word)[:80], "e": name_keys.english_key(word)[:40]}


_REMEMBER = text("INSERT INTO name_term (term, fold, rev, sound, english) "
                 "VALUES (:t, :f, :r, :s, :e) ON CONFLICT (term) DO NOTHING")


def remember_names(session: Session, names: Iterable[str | None]) -> None:
    """Add the words of these names to the name dictionary (call with every name written)."""
    insert_name_terms(session, name_term_rows(names))


def name_term_rows(names: Iterable[str | None]) -> list[dict[str, str]]:
    """The dictionary rows for these names' words, computed without the store (so a large
    import can prepare them before it takes the write lock)."""
    seen = {w for name in names if name for w in name_keys.words(name) if len(w) <= 80}
    return [_term_row(w) for w in sorted(seen)]


_MANY_FROM = 200   # from this many words, several thousand rows per statement (SQLite)
_PER_STATEMENT = 5_000


def insert_name_terms(session: Session, rows: list[dict[str, str]]) -> None:
    """Write rows from :func:`name_term_rows` (words already there are kept as they are)."""
    if rows and not _is_pg(session):
        conn = session.connection()
        if len(rows) < _MANY_FROM:
            # The driver's own executemany: no per-row parameter processing.
            conn.exec_driver_sql(str(_REMEMBER), rows)
            return
        # A large import's words (import helper's hook): a few thousand rows per
        # statement, not one statement run per word (70,000 words: ~0.6 s under the
        # write lock, a third of it stepping the statement).
        bulk.insert_values(session, "name_term", ("term", "fold", "rev", "sound", "english"),
                           [(r["t"], r["f"], r["r"], r["s"], r["e"]) for r in rows],
                           suffix=" ON CONFLICT (term) DO NOTHING", batch=_PER_STATEMENT)
    elif rows:
        session.execute(_REMEMBER, rows)


def forget_names(session: Session, names: Iterable[str | None]) -> int:
    """Drop words no guest's name holds any more (after an erasure or a correction).

    Call after the guest row is deleted or changed: a word is kept while the search
    index still finds it in some full or preferred name. Returns how many were dropped.
    """
    dropped = 0
    for word in sorted({w for name in names if name for w in name_keys.words(name)}):
        if _is_pg(session):
            from storage import postgres_search as pg

            still: object = pg.has_name_word(session, word)
        else:
            q = f'{NAME_COLUMNS} : "' + word.replace('"', '""') + '"'
            still = session.execute(text("SELECT rowid FROM guest_fts WHERE guest_fts MATCH "
                                         ":q LIMIT 1"), {"q": q}).first()
        if not still:
            session.execute(text("DELETE FROM name_term WHERE term = :t"), {"t": word})
            dropped += 1
    forget_names_now()   # nor in this desk's caches of names by their text
    return dropped


_CANDIDATE_SQL = (
    "SELECT term, fold, sound, english FROM name_term WHERE fold >= :p AND fold < :pu "
    "{union} SELECT term, fold, sound, english FROM name_term WHERE rev >= :r AND rev < :ru "
    "{union} SELECT term, fold, sound, english FROM name_term WHERE {sound} "
    "{union} SELECT term, fold, sound, english FROM name_term WHERE english = :e AND :e != '' "
    "LIMIT {limit}"
)

# PostgreSQL: each look-up capped on its own, in the order the answer is cut in. A short
# or common prefix can cover tens of thousands of words ("ni…" in a dictionary holding
# many "Nieuw…" names); the plain UNION collected them all (one read was 189,000 rows,
# sorted on disk, compiled by the JIT: 100-400 ms for one key press) to keep 2,000.
# The 2,000 first words of the union are among the 2,000 first of the look-up each came
# from, so the answer is the same set; without the ORDER BY the server's cut was
# whichever 2,000 its plan met first, now it is SQLite's (whose UNION is sorted).
def _capped_union(sound: str) -> str:
    wheres = ("fold >= :p AND fold < :pu", "rev >= :r AND rev < :ru", sound,
              "english = :e AND :e != ''")
    return (" UNION ".join(
        f"(SELECT term, fold, sound, english FROM name_term WHERE {w} ORDER BY term LIMIT 2000)"
        for w in wheres) + " ORDER BY term LIMIT 2000")


_CANDIDATES = text(_capped_union("sound = :s"))
_CANDIDATES_SOUND_PREFIX = text(_capped_union("sound >= :s AND sound < :su"))


_CANDIDATES_RAW = _CANDIDATE_SQL.format(union="UNION", sound="sound = :s", limit=2000)
_CANDIDATES_SOUND_PREFIX_RAW = _CANDIDATE_SQL.format(
    union="UNION", sound="sound >= :s AND sound < :su", limit=2000)
# SQLite, first: the four look-ups without the UNION's sort and its temporary B-tree (a
# third of the statement's time, ~40 us a word), the same words once each after a sort in
# Python — the UNION's answer when they are fewer than its LIMIT (nearly always; else the
# UNION is asked).
_ALL_LIMIT = 2000
_CANDIDATES_ALL_RAW = _CANDIDATE_SQL.format(
    union="UNION ALL", sound="sound = :s", limit=_ALL_LIMIT + 1)
_CANDIDATES_SOUND_PREFIX_ALL_RAW = _CANDIDATE_SQL.format(
    union="UNION ALL", sound="sound >= :s AND sound < :su", limit=_ALL_LIMIT + 1)


# The dictionary's answers for one typed word, kept per store until guest data changes (the
# change counter, read in the search's own snapshot): each key press looks up every word
# typed so far again ("Tobias Mü", "Tobias Mül", …), and the dictionary changes only with
# guests' names. Name words only, no guest.
_terms_memo: weakref.WeakKeyDictionary[
    Any, tuple[int, dict[tuple[Any, ...], tuple[Any, ...]]]] = weakref.WeakKeyDictionary()
TERMS_KEPT = 5_000
_K = TypeVar("_K", bound=tuple[Any, ...])


def remembered(session: Session, key: tuple[Any, ...], read: Callable[[], Iterable[_K]]
               ) -> tuple[_K, ...]:
    """``read()`` as a tuple, kept with the dictionary's answers until guest data changes
    (the change counter this transaction sees): for what is worked out from them alone
    (the forgiving search's readings of a typed word, ``app.guest_search``). Plain tuples
    of plain values, please, so the collector leaves them out of its scans. ``key``'s
    first item names the kind of answer ("near" and "folds" are this module's)."""
    seq, bind = _change_seq(session), session.get_bind()
    held = _terms_memo.get(bind)
    if held is None or held[0] != seq or len(held[1]) > TERMS_KEPT:
        held = _terms_memo[bind] = (seq, {})
    hit = held[1].get(key)
    if hit is None:
        hit = held[1][key] = tuple(read())
    return cast(tuple[_K, ...], hit)


def term_candidates(session: Session, word: str, *, sound_prefix: bool = False
                    ) -> tuple[Term, ...]:
    """:func:`_term_candidates`, remembered until guest data changes."""
    return remembered(session, ("near", word, sound_prefix),
                      lambda: _term_candidates(session, word, sound_prefix=sound_prefix))


def _term_candidates(session: Session, word: str, *, sound_prefix: bool = False
                     ) -> list[Term]:
    """Dictionary words that may be ``word`` misspelt or misheard, from four index lookups.

    Any word within one edit of ``word`` shares its first half or its last half
    (whichever side the edit is not in), so the prefix and suffix ranges hold every
    such word; the two sound keys add words said alike however they are spelt
    (``sound_prefix``: words whose sound key begins with the typed word's, for the
    word still being typed).
    The caller measures the distance (rapidfuzz) and keeps what is close enough.
    """
    reads = _candidate_reads(word, sound_prefix)
    if reads is None:
        return []
    params, folds = reads
    rows: list[tuple[Any, ...]]
    if _is_pg(session):
        rows = [tuple(r) for r in session.execute(
            _CANDIDATES_SOUND_PREFIX if sound_prefix else _CANDIDATES, params).all()]
    else:
        rows = raw_rows(session, _CANDIDATES_SOUND_PREFIX_ALL_RAW if sound_prefix
                        else _CANDIDATES_ALL_RAW, params)
        if len(rows) <= _ALL_LIMIT:
            rows = sorted(set(rows))   # the UNION's answer: each row once, in its order
        else:
            rows = raw_rows(session, _CANDIDATES_SOUND_PREFIX_RAW if sound_prefix
                            else _CANDIDATES_RAW, params)
    if folds:
        # Short words: an edit in the middle breaks both halves ("bds" for "bas"), so
        # probe the index for every string one edit away instead (about 200 lookups).
        rows += _by_fold(session, folds)
    return [(str(t), str(f), str(s), str(e)) for t, f, s, e in rows]


def _candidate_reads(word: str, sound_prefix: bool
                     ) -> tuple[dict[str, str], list[str]] | None:
    """What :func:`_term_candidates` reads for ``word``: the range look-ups' parameters and
    the folded strings one edit away (short words; else none); None when nothing."""
    folded = name_keys.fold(word)
    if not folded:
        return None
    half = max(2, len(folded) // 2)
    tail = max(2, len(folded) - half - 1)
    p, r = folded[:half], folded[::-1][:tail]
    sound = name_keys.sound_key(word) or folded
    upper = name_keys.prefix_upper
    params = {"p": p, "pu": upper(p), "r": r, "ru": upper(r), "s": sound,
              "e": name_keys.english_key(word)}
    if sound_prefix:
        params["su"] = upper(sound)
    folds = (sorted(name_keys.one_edit_variants(folded))
             if len(folded) <= 4 and folded.isascii() else [])
    return params, folds


def read_ahead(session: Session, lookups: Sequence[tuple[str, bool]]) -> None:
    """PostgreSQL: the dictionary look-ups ``lookups`` — ``(word, sound_prefix)`` each, as
    :func:`term_candidates` will be asked for them (the caller decides which: for
    ``app.guest_search``'s readings, every typed word but an initial, the last one by the
    beginning of its sound key too) — not already kept, sent together in one round trip
    (one pipeline) and kept as :func:`term_candidates` keeps them, the same answers. They
    do not depend on each other; one after the other they were one or two round trips a
    word, each a wait for a CPU on a busy server (docs/performance.md). The local store:
    nothing (no round trips there)."""
    if not _is_pg(session) or not lookups:
        return
    seq, bind = _change_seq(session), session.get_bind()
    held = _terms_memo.get(bind)
    if held is None or held[0] != seq or len(held[1]) > TERMS_KEPT:
        held = _terms_memo[bind] = (seq, {})
    ahead = session.info.pop(_TERMS_AHEAD, None)
    if ahead is not None:   # read with the permission (terms_ahead)
        (wanted, _n), answers = ahead
        if answers and all(rows and rows[0][0] is None for rows in answers):
            _keep(held[1], wanted, [rows[1:] for rows in answers])
    wanted, statements = _lookups(held[1], lookups)
    if len(statements) <= 1:
        return   # one statement: as term_candidates would send it
    from storage import postgres_search

    _keep(held[1], wanted, postgres_search.pipelined(session, statements))


def _lookups(held: dict[tuple[Any, ...], tuple[Any, ...]],
             lookups: Sequence[tuple[str, bool]]
             ) -> tuple[dict[tuple[Any, ...], tuple[int, bool]], list[tuple[str, dict[str, Any]]]]:
    """The statements of the look-ups not in ``held`` (each once), and where each look-up's
    answer is among them: (its first statement, whether a second one holds the rest)."""
    wanted: dict[tuple[Any, ...], tuple[int, bool]] = {}
    statements: list[tuple[str, dict[str, Any]]] = []
    for word, sound_prefix in lookups:
        key = ("near", word, sound_prefix)
        if key in held or key in wanted:
            continue
        reads = _candidate_reads(word, sound_prefix)
        if reads is None:
            continue
        params, folds = reads
        wanted[key] = (len(statements), bool(folds))
        statements.append((str(_CANDIDATES_SOUND_PREFIX if sound_prefix else _CANDIDATES),
                           params))
        if folds:
            statements.append((str(_BY_FOLD_PG), {"f": folds}))
    return wanted, statements


def _keep(held: dict[tuple[Any, ...], tuple[Any, ...]],
          wanted: dict[tuple[Any, ...], tuple[int, bool]], answers: list[list[Any]]) -> None:
    for key, (at, with_folds) in wanted.items():
        rows = answers[at] + (answers[at + 1] if with_folds else [])
        held[key] = tuple((str(t), str(f), str(s), str(e)) for t, f, s, e in rows)


_TERMS_AHEAD = "frontdesk.name_terms.ahead"


def terms_ahead(session: Session, staff_id: int, lookups: Sequence[tuple[str, bool]],
                roles: Sequence[str]) -> Any:
    """PostgreSQL: the look-ups of :func:`read_ahead` not already kept, as statements to send
    in a key press's permission read's round trip (``postgres_search.ask_also_with_permission``)
    when its forgiving pass is likely to run (``app.guest_search.lookups_ahead``), each guarded
    on the server by the same standing (a first row of NULLs says the guard passed; no row
    at all otherwise); :func:`read_ahead` keeps their answers when the pass asks for them.
    None when every look-up is kept already."""
    from storage import postgres_search as pg
    from storage.search import _heard_changed

    held = _terms_memo.get(session.get_bind())
    # (What is kept goes if the counter moved: the desk's change feed may know already.)
    kept = held[1] if held is not None and not _heard_changed(session) else {}
    wanted, statements = _lookups(kept, lookups)
    if not statements:
        return None
    guard = {"ahead_staff": staff_id, "ahead_roles": pg.roles_param(roles)}
    return ([(f"(SELECT NULL, NULL, NULL, NULL WHERE {pg.GUARD}) UNION ALL "
              f"({pg.guarded(pg.to_driver(sql))})", {**params, **guard})
             for sql, params in statements], _TERMS_AHEAD, (wanted, len(statements)))


# A few hundred folded words as one parameter (a JSON array, a PostgreSQL array), not one
# bound parameter each: SQLAlchemy's expansion of a long IN list cost more than the lookups.
_BY_FOLD_RAW = ("SELECT term, fold, sound, english FROM name_term "
                "WHERE fold IN (SELECT value FROM json_each(?))")
_BY_FOLD_PG = text("SELECT term, fold, sound, english FROM name_term "
                   "WHERE fold = ANY(CAST(:f AS text[]))")


def _by_fold(session: Session, folds: list[str]) -> list[tuple[str, str, str, str]]:
    rows: Sequence[Any]
    if _is_pg(session):
        rows = session.execute(_BY_FOLD_PG, {"f": folds}).all()
    else:
        rows = raw_rows(session, _BY_FOLD_RAW, (json.dumps(folds),))
    return [(str(t), str(f), str(s), str(e)) for t, f, s, e in rows]


def terms_by_fold(session: Session, folds: Iterable[str]) -> tuple[Term, ...]:
    """The dictionary words whose folded form is one of ``folds`` (one index lookup each)."""
    wanted = sorted(set(folds))
    if not wanted:
        return ()
    return remembered(session, ("folds", *wanted), lambda: _by_fold(session, wanted))
