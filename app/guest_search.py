"""Finding the guest in front of you: names as heard, phones as said, rooms, today first.

One key press runs, in one read transaction on the local store (on the shared store each
statement in autocommit, at READ COMMITTED as its reads always were; ``storage.search``
holds the SQL):

1. **phone** — text that looks like a number is read in the venue's country
   (``app.phones``) and looked up by E.164, whole or as the beginning typed so far;
2. **place** — "12", "T12", "room 12", "tafel 12": today's guest in that room or at
   that table;
3. **exact, whole words, prefixes** — the search index as before (name, email, phone);
4. **today's guests** — everyone arriving or booked today is matched in memory,
   forgivingly, so the guest at the desk is never missed however the name was typed;
   when the index below handed over only its first candidates (a name a hundred guests
   in the book share), the coming six days' guests (one venue's week: a few hundred)
   are matched in memory too, so the one arriving this week is not among those cut off
   — and, then, the windows' guests the index matches by email or phone alone ("e":
   every address at example.com) are matched in memory as the index would;
5. **forgiving** — when 1-3 found fewer than :data:`FUZZY_BELOW` guests, each typed
   word is looked up in the name dictionary (words within one or two edits, words that
   sound alike — ``storage.name_keys``), best alternatives first, and the guests
   holding them are fetched from the index; ``rapidfuzz`` measures every distance. When
   what was typed is (in) some guest's name as it stands, only readings one letter away
   or said alike are tried. A room or table typed with its word ("table 12") is not
   matched as a name.

Ranking: the whole name (or phone, place), then whole words; below those, guests
arriving or booked today before others; then the match (prefixes; one edit or sounds
alike; two edits), then in the coming six days, then how close the name is as a whole,
then by last visit, newest first. So an exact match is never below a forgiving one,
and among namesakes the one arriving today comes first. Every result says why it
matched when that is not simply its name ("sounds like", "1 letter different",
"phone", "room 312").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import heapq
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from rapidfuzz.distance import OSA, Levenshtein
from sqlalchemy.orm import Session

from app import arrivals_index
from app.i18n import Msg, _, ngettext_
from app.phones import e164_prefix, looks_like_phone, to_e164
from app.views import GuestMatch
from storage import name_keys, name_terms, search

# Fewer results than this from exact and prefix matching: look for misspellings too.
FUZZY_BELOW = 10
# Alternatives kept per typed word, best first; the closest combinations of them are
# fetched one index query each, at most MAX_QUERIES.
MAX_ALTERNATIVES = 12
PER_WORD_IN_COMBOS = 6
MAX_QUERIES = 6
# Arrivals and bookings matched in memory, at most (a busy week's worth): today's on every
# search, the coming six days' when the index's candidates were cut at the limit.
WEEK_ROWS = 3000

T_EXACT, T_WORDS, T_PREFIX, T_CLOSE, T_FAR = range(5)

_PLACE = re.compile(r"^(?:(room|kamer|zimmer|chambre|table|tafel|tisch|t)\s*)?(\d{1,4})$",
                    re.IGNORECASE)
_TABLE_WORDS = {"table", "tafel", "tisch", "t"}


@dataclass(slots=True)
class _Found:
    row: Any
    tier: int
    why: Msg | None
    edits: int = 0
    # An index match's reason (name, email or phone: :func:`_not_name_why`) is worked out
    # only when asked (:func:`_why`): for the guests that make the list. Most rows read do
    # (18.1 reasons a key press before, 17.5 after at a million guests: a few microseconds;
    # docs/performance.md). None: ``why`` is known; True or False: the typed words were
    # matched as prefixes or as whole words.
    why_prefix: bool | None = None


def place_codes(typed: str) -> list[str]:
    """The visit places a typed text may name: "12" → 12 or table T12; "kamer 12" → 12."""
    m = _PLACE.match(typed.strip())
    if m is None:
        return []
    word, number = (m.group(1) or "").lower(), m.group(2)
    if word in _TABLE_WORDS:
        return [f"T{number}"]
    if word:
        return [number]
    return [number, f"T{number}"]


def _place_why(place: str) -> Msg:
    if place.upper().startswith("T") and place[1:].isdigit():
        return _("table {place}", place=place[1:])
    return _("room {place}", place=place)


def find(s: Session, typed: str, limit: int, day: dt.date, region: str | Callable[[], str]
         ) -> list[GuestMatch]:
    """The guests ``typed`` may mean, best first (see the module docstring).

    ``region``: the venue's phone country, or how to read it (only when the text looks
    like a phone number: a settings read less on every other key press).
    """
    text = typed.strip()
    _forgave[0] = None
    if not search.has_words(text):
        return []
    found: dict[int, _Found] = {}

    def add(rows: Sequence[Any], tier: int, why: Msg | None = None, edits: int = 0,
            why_prefix: bool | None = None) -> None:
        for r in rows:
            old = found.get(r.id)
            if old is None or (tier, edits) < (old.tier, old.edits):
                found[r.id] = _Found(r, tier, why, edits, why_prefix)

    if looks_like_phone(text):
        if callable(region):
            region = region()
        exact = to_e164(text, region)
        if exact:
            add(search.phone_rows(s, exact, limit), T_EXACT, _("phone"))
        start = e164_prefix(text, region)
        if start:
            add(search.phone_rows(s, start, limit, prefix=True), T_PREFIX, _("phone"))
    places = place_codes(text)
    for row in search.place_rows(s, places, day):
        add([row], T_EXACT, _place_why(str(row.place)))

    typed_words = name_keys.words(text)
    folded = _folded_typed(tuple(typed_words))
    whole = search.whole_word_rows(s, text, limit)
    typed_whole = _whole(text)
    for r in whole:   # add(), inline: up to ``limit`` rows a key press
        tier = _whole_tier(r, typed_whole)
        old = found.get(r.id)
        if old is None or (tier, 0) < (old.tier, old.edits):
            found[r.id] = _Found(r, tier, None, 0, False)
    # Whole-word matches rank above every prefix match: a full list of them leaves no
    # room for one (on a million guests, one index query and ~50 rows less per key press).
    begins = search.prefix_rows(s, text, limit + len(whole)) if len(whole) < limit else []
    for r in begins:
        if r.id not in found:  # else already found as well or better
            found[r.id] = _Found(r, T_PREFIX, None, 0, True)

    start_of_day = dt.datetime.combine(day, dt.time())
    has_letters = any(ch.isalpha() for ch in text) and not places
    # Digits alone (a phone, a room), or a room or table with its word ("table 12",
    # "kamer 312"), are no name to match forgivingly.
    cut = len(whole) >= limit or len(begins) >= limit + len(whole)
    # The index handed over only its first candidates, in its own order: a guest of the
    # windows below that it matches by email or phone alone ("e": every address at
    # example.com) may be among those left out. Their words are matched in memory too.
    by_index = search.typed_tokens(text) if cut and has_letters else ()
    # Whole-word matches fill the list: a guest matched in memory only by a prefix or
    # forgivingly ranks below all of them (``_ranked``), so only whole words are looked
    # for in the windows (the forgiving comparison of their names was most of the
    # in-memory passes' time, for nothing that could be listed).
    whole_full = len(whole) >= limit

    def in_memory(start: dt.datetime, days: int) -> bool:
        """Match the window's arrivals; False when it held more than WEEK_ROWS (some were
        left out)."""
        # Only the rows whose names can match are compared in full (app.arrivals_index).
        index = search.starting_derived(s, start, start + dt.timedelta(days=days), WEEK_ROWS,
                                        _arrivals_index)
        if whole_full:
            for r in index.holding_words(folded):
                old = found.get(r.id)
                if old is None or old.tier > T_EXACT:
                    add([r], _whole_tier(r, typed_whole), None, 0)
            if by_index:
                _add_index_matches(index, by_index, found, typed_whole, whole_only=True)
            return len(index.rows) < WEEK_ROWS
        for r in index.candidates(_heard_words(tuple(typed_words))):
            old = found.get(r.id)
            if old is not None and old.tier == T_EXACT:  # nothing in memory can be better
                continue
            hit = _match_in_memory(r, text, typed_words)
            if hit is not None:
                add([r], *hit)
        if by_index:
            _add_index_matches(index, by_index, found, typed_whole)
        return len(index.rows) < WEEK_ROWS

    # Every one of today's guests who can match was matched here (not cut at WEEK_ROWS).
    today_all = has_letters and in_memory(start_of_day, 1)
    if len(found) < FUZZY_BELOW and has_letters:
        _forgave[0] = text
        # What was typed is (in) some guest's name as it stands: look for names one letter
        # away or said alike, not two letters away (those would rank below the exact
        # matches anyway, and took most of such a key press's time).
        named = any(f.tier <= T_WORDS and _why(f, folded) is None
                    for f in found.values())
        # Guests as close as one letter or a sound, for skipping readings two letters away
        # (only when all of today's guests were matched above: one found by such a reading
        # would rank above them).
        cut = _forgiving(s, typed_words, limit, add,
                         lambda: sum(f.tier <= T_CLOSE for f in found.values()) if today_all
                         else 0,
                         near_only=named) or cut
    if cut and has_letters:
        # The index handed over only its first candidates (a name with a hundred namesakes
        # in the book): the coming six days' guests are matched in memory too, so the one
        # arriving this week is not among those cut off.
        in_memory(start_of_day + dt.timedelta(days=1), 6)

    out = []
    for f, (is_today, this_week, _last) in _ranked(s, found, limit, day, typed_words):
        out.append(as_match(f.row, _why(f, folded), f.tier,
                            "today" if is_today else "week" if this_week else ""))
    return out


# The text of this desk's last key press, when it looked the typed words up in the name
# dictionary (the forgiving pass); else None.
_forgave: list[str | None] = [None]


def lookups_ahead(typed: str) -> list[tuple[str, bool]]:
    """The name-dictionary look-ups this key press's forgiving pass will ask for
    (:func:`_forgiving`'s ``read_ahead``), when it is likely to run: the last key press went
    forgiving and this one types on from it (fewer guests can match a longer text). On the
    shared store they go in the permission read's round trip (``storage.search.
    ask_with_permission``); a wrong guess costs the server the look-ups, nothing else (their
    answers are kept as the dictionary's, until guest data changes). Else none."""
    last, text = _forgave[0], typed.strip()
    if last is None or len(text) <= len(last) or not text.startswith(last):
        return []
    words = optional_particles_dropped(name_keys.words(text))
    return [hit for i, w in enumerate(words)
            if (hit := _lookup(w, i == len(words) - 1)) is not None]


def _add_index_matches(index: arrivals_index.ArrivalsIndex, typed: tuple[tuple[str, ...], ...],
                       found: dict[int, _Found], typed_whole: str, *,
                       whole_only: bool = False) -> None:
    """Add the window's guests the search index matches (``typed``: ``search.typed_tokens``)
    as it would have: whole words or prefixes (``whole_only``: whole words), in the name,
    email or phone (the reason worked out later, as for the index's own rows)."""
    begun = [r for r in index.index_matches(typed, prefix=not whole_only)
             if (old := found.get(r.id)) is None or old.tier > T_WORDS]
    if not begun:
        return
    whole = ({r.id for r in begun} if whole_only
             else {r.id for r in index.index_matches(typed, prefix=False)})
    for r in begun:
        if r.id in whole:
            tier, why_prefix = _whole_tier(r, typed_whole), False
        else:
            tier, why_prefix = T_PREFIX, True
        old = found.get(r.id)
        if old is None or (tier, 0) < (old.tier, old.edits):
            found[r.id] = _Found(r, tier, None, 0, why_prefix)


def _ranked(s: Session, found: dict[int, _Found], limit: int, day: dt.date,
            typed_words: list[str]) -> list[tuple[_Found, search.Facts]]:
    """The first ``limit`` of ``found``, best first, each with its visit facts.

    Whole names and whole words first; below them today's guests come before everyone
    else, however forgivingly they matched ("Paul Schmit": today's Paul Schmidt before
    the Paul Schmitts the prefix finds); then the match, this week, letters apart, how
    close the name is as a whole (among forgiving matches: "Dan de Jong" lists Daan de
    Jong before Daan Eva de Jong); then the last visit, newest first.

    Whether a guest comes today or this week is known from the arrivals kept in memory
    (:func:`_arrival_flags`), and the last visit is needed only for the guests that can
    still make the list: those ranked before the ``limit``-th by everything else, and those
    tied with it (a forgiving key press at a million guests had 100-200 candidates for a
    list of 50). It comes with the guest row (:func:`_facts`).
    """
    start_of_day = dt.datetime.combine(day, dt.time())
    heard = _spelling(optional_particles_dropped(typed_words))
    flags = _arrival_flags(s, start_of_day)
    if flags is None:  # more arrivals than kept in memory: read them for every candidate
        every = search.visit_facts(s, list(found), day)
        flags = (frozenset(i for i, f in every.items() if f[0]),
                 frozenset(i for i, f in every.items() if f[1]))
    today, week = flags
    # How close the whole name is (rapidfuzz over three spellings: the costliest part of
    # the key) decides only among guests equal in everything before it, so it is computed
    # only for those that can still make the list: ranked before the ``limit``-th by the
    # rest, or tied with it. The others have ``limit`` guests before them whatever it is.
    heads = {i: (min(f.tier, T_PREFIX), i not in today, f.tier, i not in week, f.edits)
             for i, f in found.items()}
    candidates = list(found)
    if len(candidates) > limit:
        head_edge = sorted(heads.values())[limit - 1]
        candidates = [i for i in candidates if heads[i] <= head_edge]
    firsts = {i: (*heads[i], _name_apart(heard, found[i].row)
                  if found[i].tier >= T_CLOSE else 0) for i in candidates}
    candidates.sort(key=firsts.__getitem__)
    if len(candidates) > limit:
        edge = firsts[candidates[limit - 1]]
        candidates = [i for i in candidates if firsts[i] <= edge]
    facts = _facts(s, found, candidates, start_of_day)

    def key(i: int) -> tuple[Any, ...]:
        last = facts[i][2]
        ago = (start_of_day - last).total_seconds() if last else float("inf")
        return (*firsts[i], ago, str(found[i].row.full_name).casefold(), i)

    return [(found[i], facts[i]) for i in sorted(candidates, key=key)[:limit]]


def _facts(s: Session, found: dict[int, _Found], ids: list[int], start_of_day: dt.datetime
           ) -> dict[int, search.Facts]:
    """The visit facts of ``ids`` (``search.visit_facts``), from their rows where that can be.

    A row's ``last_visit_at`` (kept by the database, ``storage.last_visit``) is the latest
    visit not cancelled: before today, it is the last visit before today and there is none
    today or in the coming week; none at all, no visits. Only a guest whose latest visit is
    today or later (a few hundred of a million: bookings) has their visits read — about
    one decrypted index page each, ~2 ms for the 50 guests of a slow key press before.
    """
    out: dict[int, search.Facts] = {}
    unread = []
    for i in ids:
        last = found[i].row.last_visit_at
        if last is None or last < start_of_day:
            out[i] = (False, False, last)
        else:
            unread.append(i)
    if unread:
        out.update(search.visit_facts(s, unread, start_of_day.date()))
    return out


def _arrival_flags(s: Session, start_of_day: dt.datetime
                   ) -> tuple[frozenset[int], frozenset[int]] | None:
    """The guests with a visit starting today, and in the coming six days, from the
    arrivals kept in memory (the windows the in-memory passes read); None when either
    window held more than :data:`WEEK_ROWS` (some may be missing)."""
    tomorrow = start_of_day + dt.timedelta(days=1)
    today = search.starting_derived(s, start_of_day, tomorrow, WEEK_ROWS, _guest_ids)
    week = search.starting_derived(s, tomorrow, tomorrow + dt.timedelta(days=6), WEEK_ROWS,
                                   _guest_ids)
    return None if today is None or week is None else (today, week)


def _guest_ids(rows: tuple[Any, ...]) -> frozenset[int] | None:
    """The guests of these visit rows, or None when the rows were cut at the limit."""
    return frozenset(int(r.id) for r in rows) if len(rows) < WEEK_ROWS else None


def _arrivals_index(rows: tuple[Any, ...]) -> arrivals_index.ArrivalsIndex:
    return arrivals_index.ArrivalsIndex(rows, _folded_words)


def warm_up(s: Session, day: dt.date) -> None:
    """Read what a desk's first key press reads first, before anyone types: today's and the
    coming six days' arrivals and their in-memory index (:func:`find`'s two windows, kept
    by ``storage.search`` until guest data changes). Called after sign-in
    (``app.guests.warm_up_search``): each desk's first key press read them cold, the
    longest wait of the shared-store bench (docs/performance.md). Nothing is shown."""
    start = dt.datetime.combine(day, dt.time())
    for begin, days in ((start, 1), (start + dt.timedelta(days=1), 6)):
        search.starting_derived(s, begin, begin + dt.timedelta(days=days), WEEK_ROWS,
                                _arrivals_index)


_MATCH_FIELDS = tuple(f.name for f in dataclasses.fields(GuestMatch))
_ROW_FIELDS = _MATCH_FIELDS[:-3]
assert _MATCH_FIELDS[-3:] == ("why", "tier", "when")
_PLAIN_ROWS = (search.GuestRow, search.PlaceRow)
assert all(t._fields[:len(_ROW_FIELDS)] == _ROW_FIELDS for t in _PLAIN_ROWS)


def as_match(r: Any, why: Msg | None = None, tier: int = T_EXACT, when: str = "") -> GuestMatch:
    """A result row of ``storage.search`` as the snapshot the UI receives.

    Filled in as the frozen dataclass's own ``__init__`` fills it (its fields in its
    ``__dict__``; ``GuestMatch`` has no ``__post_init__``), without its twelve guarded
    ``object.__setattr__`` calls: 5 us less per result, a quarter of a millisecond per
    list of 50 (``tests/test_search_reads.py`` compares it with the constructor).
    """
    m: GuestMatch = object.__new__(GuestMatch)
    d = m.__dict__
    if type(r) in _PLAIN_ROWS:  # its first fields are GuestMatch's, in the same order
        d.update(zip(_ROW_FIELDS, r, strict=False))
    else:
        for name in _ROW_FIELDS:
            d[name] = getattr(r, name)
    d["why"], d["tier"], d["when"] = why, tier, when
    return m


def _why(f: _Found, folded: tuple[str, ...]) -> Msg | None:
    """Why ``f`` matched, worked out now if it was left for later (``_Found.why_prefix``);
    ``folded``: the typed words folded (:func:`_folded_typed`)."""
    if f.why_prefix is not None:
        f.why = _not_name_why(f.row, folded, prefix=f.why_prefix)
        f.why_prefix = None
    return f.why


@functools.lru_cache(maxsize=20_000)
def _folded_words(full_name: str, preferred_name: str | None) -> tuple[str, ...]:
    text = f"{full_name} {preferred_name or ''}"
    if text.isascii():  # its words are lower case ASCII already: each folds to itself
        return tuple(name_keys.words(text))
    return tuple(name_keys.fold(w) for w in name_keys.words(text))


def _spelling(words: list[str]) -> tuple[str, str, str]:
    """A name as heard: its words folded, their sound keys, and as typed (accents kept),
    particles left out."""
    kept = [w for w in words if not name_keys.is_particle(w)] or words
    return (" ".join(name_keys.fold(w) for w in kept),
            " ".join(name_keys.sound_key(w) for w in kept), " ".join(kept))


@functools.lru_cache(maxsize=20_000)
def _spelling_of(name: str) -> tuple[str, str, str]:
    return _spelling(name_keys.words(name))


def _name_apart(heard: tuple[str, str, str], r: Any) -> int:
    """How far a guest's name is from what was typed, as a whole: letters apart, plus
    sounds apart, plus accents apart ("Sean" is nearer Sean than Seán), by rapidfuzz;
    the closer of full and preferred name."""
    best = 1 << 30
    h0, h1, h2 = heard
    distance = Levenshtein.distance
    for name in (r.full_name, r.preferred_name):
        if name:
            s0, s1, s2 = _spelling_of(name)
            best = min(best, distance(h0, s0) + distance(h1, s1) + distance(h2, s2))
    return best


@functools.lru_cache(maxsize=20_000)
def _whole(name: str) -> str:
    """A name's words folded and joined: what a whole-name match compares."""
    if name.isascii():  # words of lower case ASCII already fold to themselves
        return " ".join(name_keys.words(name))
    return name_keys.fold(" ".join(name_keys.words(name)))


def _whole_tier(r: Any, typed_whole: str) -> int:
    """T_EXACT when a name of ``r`` as a whole is what was typed (``typed_whole``: the typed
    text through :func:`_whole`), else T_WORDS."""
    if _whole(r.full_name) == typed_whole:
        return T_EXACT
    name = r.preferred_name
    return T_EXACT if name and _whole(name) == typed_whole else T_WORDS


def _not_name_why(r: Any, folded: tuple[str, ...], *, prefix: bool) -> Msg | None:
    """None when the typed words (``folded``: :func:`_folded_typed`) are in the name; else
    whether email or phone matched."""
    if _in_name(folded, _folded_words(r.full_name, r.preferred_name), prefix=prefix):
        return None
    email = name_keys.fold(r.email or "")
    if folded and all(w in email for w in folded):
        return _("email")
    return _("phone") if r.phone else _("email")


def _word_distance(typed: str, name_word: str, *, last: bool) -> tuple[int, int]:
    """(letters different, said alike) between a typed word and a word of a name.

    Said alike: 0 no, 1 by the Dutch-aware key, 2 only by the English (metaphone) key.
    Remembered through :func:`_word_rank`, its one caller: a key press compares the same
    few typed words with the same common name words hundreds of times (a third of a
    forgiving search's Python time, uncached); kept twice, each pair was four more objects
    for the garbage collector's young scans.
    """
    if typed == name_word or (last and name_word.startswith(typed)):
        return 0, 0
    sound, other = name_keys.sound_key(typed), name_keys.sound_key(name_word)
    alike = 1 if sound == other or (last and len(sound) >= 4 and other.startswith(sound)) \
        else 2 if name_keys.english_key(typed) == name_keys.english_key(name_word) else 0
    edits = OSA.distance(typed, name_word, score_cutoff=3)
    if last and len(typed) >= 4:
        edits = min(edits, OSA.distance(typed, name_word[:len(typed)], score_cutoff=3))
    return edits, alike


# What is remembered per pair of strings below is kept by a key of one string, not by the
# tuple of the arguments ``functools.lru_cache`` keeps: that tuple was one more object per
# answer for the garbage collector's young collections (a few thousand a minute of typing
# at a million guests). Emptied when full; dropped with the names (``_forget_names``).
_UNKNOWN = object()
RANKS_KEPT = 100_000
_ranks: tuple[dict[str, tuple[float, int, bool] | None], ...] = ({}, {})   # by ``last``


def _word_rank(w: str, n: str, last: bool) -> tuple[float, int, bool] | None:
    """How well name word ``n`` stands for typed word ``w``, for :func:`_closeness`:
    (rank, letters different, said alike), lower is better, or None when it cannot.

    Remembered as a whole (one lookup per pair instead of a lookup and four comparisons:
    a forgiving key press compares a few typed words with a few hundred names)."""
    held = _ranks[last]
    key = w + "\x00" + n
    rank = held.get(key, _UNKNOWN)
    if rank is _UNKNOWN:
        if len(held) >= RANKS_KEPT:
            held.clear()
        rank = held[key] = _rank_of(w, n, last)
    return rank   # type: ignore[return-value]


def _rank_of(w: str, n: str, last: bool) -> tuple[float, int, bool] | None:
    d, sounds = _word_distance(w, n, last=last)
    if d <= 1:
        return _RANK_SAME if d == 0 else _RANK_ONE
    if sounds == 1:
        return _RANK_ALIKE
    if d <= (1 if len(w) <= 4 else 2):
        return _RANK_TWO   # d is 2 here
    if sounds == 2:
        return _RANK_ALIKE_EN
    return None


_RANK_SAME, _RANK_ONE, _RANK_ALIKE = (0.0, 0, False), (1.0, 1, False), (1.5, 0, True)
_RANK_TWO, _RANK_ALIKE_EN = (2.0, 2, False), (2.5, 0, True)


def optional_particles_dropped(typed_words: list[str]) -> list[str]:
    """The typed words without tussenvoegsels ("van", "vd", "der", and between the first and
    the last word also near-misses such as "vann"), which a name may or may not carry."""
    last = len(typed_words) - 1
    kept = [w for i, w in enumerate(typed_words)
            if not (name_keys.is_particle(w) or
                    (0 < i < last and name_keys.is_particle_like(w)))]
    return kept or list(typed_words)


@functools.lru_cache(maxsize=1_000)
def _heard_words(typed_words: tuple[str, ...]) -> list[str]:
    """The typed words that must each be close to a word of the name, folded (read-only)."""
    return [name_keys.fold(w) for w in optional_particles_dropped(list(typed_words))]


def _closeness(typed_words: tuple[str, ...], names: tuple[str, ...]
               ) -> tuple[int, Msg | None, int] | None:
    """Tier, reason and edits of a name for the typed words (particles optional), or None.

    Each typed word takes its closest word of the name, in this order: the same or its
    beginning, one letter different, said alike (Dutch-aware key), two letters different
    (words of five letters or more), said alike by the English key only.
    """
    hit = _closeness_plain(typed_words, names)
    if hit is None:
        return None
    tier, alike, total = hit
    if tier == T_PREFIX:
        return T_PREFIX, None, 0
    return tier, _close_why(alike, total), total + alike


CLOSENESS_KEPT = 20_000
_closeness_kept: dict[str, tuple[int, bool, int] | None] = {}


def _closeness_plain(typed_words: tuple[str, ...], names: tuple[str, ...]
                     ) -> tuple[int, bool, int] | None:
    """:func:`_closeness` as (tier, said alike, letters different), or None.

    Remembered (by a key of one string, see ``_ranks``): namesakes, and guests found by
    several combinations of readings, ask again. Plain values only, so the collector stops
    scanning a kept answer once it has seen it (with the reason's message in it, it
    scanned each for as long as it was kept: up to 20,000 of a desk's tracked objects)."""
    key = "\x1f".join(typed_words) + "\x1e" + "\x1f".join(names)
    hit = _closeness_kept.get(key, _UNKNOWN)
    if hit is _UNKNOWN:
        if len(_closeness_kept) >= CLOSENESS_KEPT:
            _closeness_kept.clear()
        hit = _closeness_kept[key] = _closeness_worked_out(typed_words, names)
    return hit   # type: ignore[return-value]


def _closeness_worked_out(typed_words: tuple[str, ...], names: tuple[str, ...]
                          ) -> tuple[int, bool, int] | None:
    words = _heard_words(typed_words)
    kept = [n for n in names if not name_keys.is_particle(n)] or names
    total, alike, far, last = 0, False, False, len(words) - 1
    for i, w in enumerate(words):
        is_last = i == last
        best: tuple[float, int, bool] | None = None  # (rank, edits, said alike)
        for n in kept:
            cand = _word_rank(w, n, is_last)
            if cand is not None and (best is None or cand < best):
                best = cand
        if best is None:
            return None
        total += best[1]
        alike = alike or best[2]
        far = far or best[0] >= 2
    if total == 0 and not alike:
        return T_PREFIX, False, 0
    hit = (T_FAR if far or total > 1 else T_CLOSE), alike, total
    return _PLAIN_HITS.setdefault(hit, hit)


# The answers of _closeness_plain, one object each (a few dozen distinct values).
_PLAIN_HITS: dict[tuple[int, bool, int], tuple[int, bool, int]] = {}


@functools.lru_cache(maxsize=64)
def _close_why(alike: bool, total: int) -> Msg:
    """Why a forgiving match matched: one message per (said alike, letters), shared by the
    results (a message is never changed once made; ~6 us per row less). No names in it."""
    return _("sounds like") if alike else ngettext_("{n} letter different",
                                                    "{n} letters different", total, n=total)


def _match_in_memory(r: Any, text: str, typed_words: list[str]
                     ) -> tuple[int, Msg | None, int] | None:
    """How this week's guest ``r`` matches what was typed, as the index would and forgivingly."""
    names = _folded_words(r.full_name, r.preferred_name)
    typed = tuple(typed_words)
    folded = _folded_typed(typed)
    if folded and _in_name(folded, names, prefix=False):
        return _whole_tier(r, _whole(text)), None, 0
    if folded and _in_name(folded, names, prefix=True):
        return T_PREFIX, None, 0
    return _closeness(typed, names)


def _in_name(folded: tuple[str, ...], names: tuple[str, ...], *, prefix: bool) -> bool:
    """Every typed word (folded) is a word of the name or, with ``prefix``, begins one."""
    if prefix:
        return all(any(n.startswith(f) for n in names) for f in folded)
    return all(f in names for f in folded)


@functools.lru_cache(maxsize=1_000)
def _folded_typed(typed_words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name_keys.fold(w) for w in typed_words)


class _Alt(NamedTuple):
    """One reading of a typed word: how good, letters different, whether it only begins a
    longer word (the word still being typed), and the dictionary word(s) it stands for:
    two when the typed word is two words of a name run together ("ContiRizzo")."""

    quality: int
    edits: int
    longer: int
    terms: tuple[str, ...]


def _alternatives(s: Session, word: str, last: bool) -> list[_Alt]:
    """:func:`_read_alternatives`, remembered with the name dictionary's answers until guest
    data changes (``name_terms.remembered``): a key press reads every word typed so far
    again ("Tobias Mü", "Tobias Mül"), and a first name is typed again and again."""
    kept = name_terms.remembered(s, ("readings", word, last),
                                 lambda: [tuple(a) for a in _read_alternatives(s, word, last)])
    return [_Alt._make(a) for a in kept]


def _lookup(word: str, last: bool) -> tuple[str, bool] | None:
    """The name-dictionary look-up the readings of ``word`` need (:func:`_read_alternatives`):
    ``(word, sound_prefix)`` — the word still being typed (``last``) is also looked up by the
    beginning of its sound key once that key has four letters — or None for an initial (a
    word of one or two letters, read as a prefix, never looked up)."""
    if len(name_keys.fold(word)) < 3:
        return None
    return word, last and len(name_keys.sound_key(word)) >= 4


def _read_alternatives(s: Session, word: str, last: bool) -> list[_Alt]:
    """The readings of one typed word, best first.

    Quality 0 is the word itself, 1 one letter away or said alike (Dutch-aware key),
    2 two letters away or said alike only by the English key. A word of one or two
    letters (an initial) stays itself, as a prefix ("j*"). A word the dictionary does not
    hold may be two words of a double name run together (:func:`_run_together`).
    """
    lookup = _lookup(word, last)
    if lookup is None:
        return [_Alt(0, 0, 0, (word + "*",))]
    folded = name_keys.fold(word)
    sound, english = name_keys.sound_key(word), name_keys.english_key(word)
    allowed = 1 if len(folded) <= 4 else 2
    scored: dict[str, _Alt] = {}
    for term, fold, t_sound, t_english in name_terms.term_candidates(
            s, word, sound_prefix=lookup[1]):
        d = OSA.distance(folded, fold, score_cutoff=allowed + 1)
        longer = 0
        if last and len(folded) >= 4:
            d_begin = OSA.distance(folded, fold[:len(folded)], score_cutoff=allowed + 1)
            longer = int(d_begin < d)
            d = min(d, d_begin)
        alike = t_sound == sound or (last and len(sound) >= 4 and t_sound.startswith(sound))
        if d == 0:
            cand = _Alt(0, 0, longer, (term,))
        elif d <= 1 or alike:
            cand = _Alt(1, d, longer, (term,))
        elif d <= allowed or (english and t_english == english):
            cand = _Alt(2, d, longer, (term,))
        else:
            continue
        # "müller" and "muller" are one word to the index (accents removed): keep one.
        same = _unaccented(term)
        if same not in scored or cand < scored[same]:
            scored[same] = cand
    alts = sorted(scored.values())
    if not any(a.quality == 0 for a in alts):
        alts = sorted(alts + _run_together(s, folded))
    return alts[:MAX_ALTERNATIVES]


@functools.lru_cache(maxsize=20_000)
def _unaccented(word: str) -> str:
    """A word as the index's ``remove_diacritics`` compares it (unlike :func:`fold`, "ß"
    stays)."""
    if word.isascii():
        return word
    return "".join(ch for ch in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(ch))


def _run_together(s: Session, folded: str) -> list[_Alt]:
    """Two dictionary words a typed word may be, typed without the hyphen or space between
    them ("contirizzo"), or with a letter in its place ("tayloredavies"): one lookup."""
    if len(folded) < 6 or not folded.isalpha():
        return []
    pairs = [(folded[:i], folded[i + skip:]) for i in range(3, len(folded) - 2)
             for skip in (0, 1) if len(folded) - i - skip >= 3]
    known: dict[str, str] = {}
    for term, fold, _sound, _english in name_terms.terms_by_fold(
            s, {w for pair in pairs for w in pair}):
        known.setdefault(fold, term)
    return [_Alt(1, 1, 0, (known[a], known[b])) for a, b in pairs if a in known and b in known]


def _forgiving(s: Session, typed_words: list[str], limit: int, add: Any,
               closer: Callable[[], int], *, near_only: bool = False) -> bool:
    """Look each word up in the name dictionary, then fetch the guests holding the closest
    combinations of words first (one index query each), so a common near-miss ("Jan" for
    "Dan") never crowds out the name that was meant ("Daan"). True when a fetch was cut
    at ``limit`` (more guests hold the name than were handed over). ``near_only``: only
    readings one letter away or said alike (quality 1), none two letters away.

    ``closer()``: how many guests found so far match at least one letter away or said alike
    (tier ``T_CLOSE`` or better). Once they fill the list, a combination with a reading
    two letters away is not fetched: a guest it finds ranks below all of them (``_ranked``;
    the caller counts none when today's guests were not all matched in memory, since one
    of those would rank above them), unless their name also holds a
    closer reading that a fetch cut at ``limit`` left out — then an equally close guest
    takes a place near the end of the list instead (11 of the bench's 3,121 lists, from
    the 28th place on; docs/performance.md). Skipping those fetches (a common first name
    with a far reading of the surname) is the one cut here for the slowest forgiving key
    presses."""
    words = optional_particles_dropped(typed_words)
    if not words:
        return False
    # The shared store: the look-ups the readings below need, in one round trip.
    name_terms.read_ahead(s, [hit for i, w in enumerate(words)
                              if (hit := _lookup(w, i == len(words) - 1)) is not None])
    every = [_alternatives(s, w, i == len(words) - 1) for i, w in enumerate(words)]
    if near_only:
        every = [[a for a in alts if a.quality <= 1] for alts in every]
    if any(not alts for alts in every):
        return False
    cut = False
    per_word = [alts[:PER_WORD_IN_COMBOS] for alts in every]
    near = [[a for a in alts if a.quality <= 1] for alts in every]
    covered = False
    if (len(words) > 1 and all(near) and math.prod(map(len, near)) > MAX_QUERIES
            and all(len(a.terms) == 1 for alts in near for a in alts)):
        # Several words, more close readings than combinations tried one by one: first
        # every close reading of each at once. When that is not cut at the limit it holds
        # every guest any such combination would, and ranking orders them; only
        # combinations with a farther reading are left to try.
        groups = [[a.terms[0] for a in alts] for alts in near]
        rows = search.name_rows(s, groups, words[-1], limit)
        _add_close(rows, words, (), add)
        covered = len(rows) < limit
        cut = not covered
    fetched = 0
    tried = _closest_combos(per_word, MAX_QUERIES, far_only=covered)
    requests = [([[t] for a in combo for t in a.terms], words[-1] if i == 0 else None, limit)
                for i, combo in enumerate(tried)]
    # Those never skipped below are asked for together (on the shared store one round trip,
    # not one per combination) and taken in order, with the same early stop; one with a
    # reading two letters away is fetched on its own when its turn comes and it is needed.
    sure = [i for i, combo in enumerate(tried)
            if not (i and any(a.quality > 1 for a in combo))]
    sure_rows = search.name_rows_each(s, [requests[i] for i in sure])
    for i, combo in enumerate(tried):
        if i in sure:
            rows = next(sure_rows)
        elif closer() >= limit:
            continue
        else:
            rows = search.name_rows(s, *requests[i])
        _add_close(rows, words, combo, add)
        cut = cut or len(rows) >= limit
        fetched += len(rows)
        if fetched >= 2 * limit:
            return True
    return cut


def _closest_combos(per_word: list[list[_Alt]], count: int, *, far_only: bool = False
                    ) -> list[tuple[_Alt, ...]]:
    """The first ``count`` combinations of one reading per word (``far_only``: of those with
    a reading two letters away), in the order of ``sorted(itertools.product(*per_word))``
    by (qualities, edits, longer words) summed — its ties in the product's own order —
    without making and sorting the whole product (a four-word name's is 6**4 = 1,296
    combinations, ~2 ms, for the six tried).

    Each word's readings come best first, and a reading's (quality, edits, longer) never
    sorts before the one ahead of it; sums of such triples compare as the triples do when
    one word's reading moves on, so a combination never comes before the one it grew from
    and the best-first walk below (a heap of (sums, indices): ties by indices, which is the
    product's order) yields them in the sorted order."""
    if not per_word or any(not alts for alts in per_word):
        return []
    keys = [[(a.quality, a.edits, a.longer) for a in alts] for alts in per_word]

    def key(idx: tuple[int, ...]) -> tuple[int, int, int]:
        parts = [k[i] for k, i in zip(keys, idx, strict=True)]
        return (sum(p[0] for p in parts), sum(p[1] for p in parts), sum(p[2] for p in parts))

    start = (0,) * len(per_word)
    heap = [(key(start), start)]
    seen = {start}
    out: list[tuple[_Alt, ...]] = []
    while heap and len(out) < count:
        _key, idx = heapq.heappop(heap)
        combo = tuple(alts[i] for alts, i in zip(per_word, idx, strict=True))
        if not far_only or any(a.quality > 1 for a in combo):
            out.append(combo)
        for w in range(len(idx)):
            if idx[w] + 1 < len(per_word[w]):
                nxt = idx[:w] + (idx[w] + 1,) + idx[w + 1:]
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (key(nxt), nxt))
    return out


def _add_close(rows: Sequence[Any], words: list[str], combo: Sequence[_Alt], add: Any) -> None:
    """Rank the fetched guests by how close their names are to the typed words; a word
    read as two run together (``combo``) is compared as those two, one letter off."""
    heard = tuple(t for w, a in itertools.zip_longest(words, combo)
                  for t in (a.terms if a is not None and len(a.terms) > 1 else (w,)))
    joined = sum(len(a.terms) > 1 for a in combo)
    for r in rows:
        hit = _closeness(heard, _folded_words(r.full_name, r.preferred_name))
        if hit is not None and joined:
            edits = hit[2] + joined
            hit = (max(hit[0], T_CLOSE if edits == 1 else T_FAR),
                   hit[1] or ngettext_("{n} letter different", "{n} letters different",
                                       edits, n=edits), edits)
        if hit is not None:
            add([r], *hit)


def _forget_names() -> None:
    """Drop the names remembered above (typed words and guests' names alike): called by
    the search when guest data changed, so an erased or renamed guest's name does not stay
    in this desk's memory until other names push it out (docs/threat-model.md)."""
    for cached in (_folded_words, _spelling_of, _whole, _heard_words, _folded_typed,
                   _unaccented):
        cached.cache_clear()
    for ranks in _ranks:
        ranks.clear()
    _closeness_kept.clear()
    _forgave[0] = None


search.forget_names_with(_forget_names)
