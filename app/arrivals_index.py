"""Today's and this week's arrivals, indexed by the words of their names.

``app.guest_search`` matches every arrival of today (and, when the search index was cut,
of the coming six days) against what was typed, forgivingly, on every key press: a few
hundred rows, most of which match nothing. Comparing each row's name with the typed words
was most of an exact search's time at p95. This index, built once per read of the rows
and kept with them until guest data changes (``storage.search.starting_derived``), says which rows
*can* match: for each typed word, the distinct name words that begin with it, are within
the allowed letters of it (rapidfuzz, over all of them at once), or are said alike
(one dictionary lookup per key); a row can match only when every typed word has such a
word in its name. Only those rows are compared in full, by the same rules as before, so
the results are the same (``tests/test_arrivals_index.py`` checks it against the full
comparison of every row).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from storage import name_keys, search

HOLDING_KEPT = 2_000


class ArrivalsIndex:
    """The rows' folded name words, and for each distinct word the rows holding it."""

    def __init__(self, rows: Sequence[Any],
                 folded_words: Callable[[str, str | None], tuple[str, ...]]) -> None:
        self.rows = rows
        self._folded_words = folded_words
        holders: dict[str, set[int]] = {}
        for i, r in enumerate(rows):
            for w in folded_words(r.full_name, r.preferred_name):
                holders.setdefault(w, set()).add(i)
        self.words = sorted(holders)
        self.holders = [holders[w] for w in self.words]
        self._sounds: dict[str, list[int]] = {}
        self._english: dict[str, list[int]] = {}
        for k, w in enumerate(self.words):
            self._sounds.setdefault(name_keys.sound_key(w), []).append(k)
            self._english.setdefault(name_keys.english_key(w), []).append(k)
        self._sorted_sounds = sorted(self._sounds)
        self._cut: dict[int, list[str]] = {}
        # The rows holding a word each typed word may stand for, per (typed word, last):
        # each key press asks again for the words typed before ("Daan de J", "Daan de Jo"),
        # and a desk's day asks for the same first names over and over. Kept with the
        # index (dropped with the rows when guest data changes), at most HOLDING_KEPT.
        self._holding: dict[tuple[str, bool], set[int]] = {}
        # Every row's name, email and phone as the search index holds their words, and
        # those words sorted with their rows: built at the first :meth:`index_matches`.
        self._fields: list[tuple[tuple[str, ...], ...]] | None = None
        self._tokens: list[str] = []
        self._token_rows: list[int] = []

    def again(self, rows: Sequence[Any]) -> ArrivalsIndex:
        """The index of ``rows`` — the same window read again after a change to guest data —
        equal to ``ArrivalsIndex(rows, …)``, reusing what this one worked out for the rows it
        still holds unchanged: their words as the search index holds them (most of a
        build's time: ~1 ms per 50 rows, and the shared-store bench's arrivals desk adds
        a row to today's window every second, so every desk rebuilt it about as often;
        docs/performance.md). Called by ``storage.search`` when a window's rows changed;
        nothing of a row that left (a guest erased or renamed) is carried over."""
        new = ArrivalsIndex(rows, self._folded_words)
        if self._fields is not None:
            known = dict(zip(self.rows, self._fields, strict=True))
            new._set_fields([known[r] if r in known else search.index_fields(r)
                             for r in rows])
        return new

    def _set_fields(self, fields: list[tuple[tuple[str, ...], ...]]) -> None:
        """Every row's fields as the search index holds their words (``search.index_fields``),
        and those words sorted with their rows (for :meth:`index_matches`)."""
        self._fields = fields
        pairs = sorted({(t, i) for i, row_fields in enumerate(fields)
                        for field in row_fields for t in field})
        self._tokens = [t for t, _i in pairs]
        self._token_rows = [i for _t, i in pairs]

    def _beginning(self, length: int) -> list[str]:
        """Every word cut to its first ``length`` letters (for the word still being typed)."""
        cut = self._cut.get(length)
        if cut is None:
            cut = self._cut[length] = [w[:length] for w in self.words]
        return cut

    def _word_hits(self, typed: str, *, last: bool) -> set[int]:
        """The distinct words a typed (folded) word may stand for: a superset of those
        ``app.guest_search._word_distance`` accepts, plus those it begins."""
        allowed = 1 if len(typed) <= 4 else 2
        hits: set[int] = set()
        start = bisect.bisect_left(self.words, typed)
        end = start
        while end < len(self.words) and self.words[end].startswith(typed):
            end += 1
        hits.update(range(start, end))
        hits.update(k for _w, _d, k in process.extract(
            typed, self.words, scorer=OSA.distance, score_cutoff=allowed, limit=None))
        if last and len(typed) >= 4:
            hits.update(k for _w, _d, k in process.extract(
                typed, self._beginning(len(typed)), scorer=OSA.distance,
                score_cutoff=allowed, limit=None))
        sound = name_keys.sound_key(typed)
        hits.update(self._sounds.get(sound, ()))
        if last and len(sound) >= 4:
            i = bisect.bisect_left(self._sorted_sounds, sound)
            while i < len(self._sorted_sounds) and self._sorted_sounds[i].startswith(sound):
                hits.update(self._sounds[self._sorted_sounds[i]])
                i += 1
        hits.update(self._english.get(name_keys.english_key(typed), ()))
        return hits

    def _holding_rows(self, typed: str, *, last: bool) -> set[int]:
        """The rows holding a word ``typed`` may stand for (read-only: shared)."""
        key = (typed, last)
        holding = self._holding.get(key)
        if holding is None:
            holding = set()
            for k in self._word_hits(typed, last=last):
                holding |= self.holders[k]
            if len(self._holding) >= HOLDING_KEPT:
                self._holding.clear()
            self._holding[key] = holding
        return holding

    def candidates(self, heard: Sequence[str]) -> list[Any]:
        """The rows whose names hold, for every heard word (folded, particles dropped as
        ``_closeness`` drops them), a word it may stand for; in the rows' order."""
        rows: set[int] | None = None
        last = len(heard) - 1
        for i, typed in enumerate(heard):
            holding = self._holding_rows(typed, last=i == last)
            rows = holding if rows is None else rows & holding
            if not rows:
                return []
        if rows is None:
            return list(self.rows)
        return [self.rows[i] for i in sorted(rows)]

    def holding_words(self, folded: Sequence[str]) -> list[Any]:
        """The rows whose names hold every one of these (folded) words as a whole word, in
        the rows' order."""
        rows: set[int] | None = None
        for w in folded:
            k = bisect.bisect_left(self.words, w)
            holding = self.holders[k] if k < len(self.words) and self.words[k] == w else set()
            rows = holding if rows is None else rows & holding
            if not rows:
                return []
        return [self.rows[i] for i in sorted(rows or ())]

    def index_matches(self, typed: Sequence[tuple[str, ...]], *, prefix: bool) -> list[Any]:
        """The rows the search index matches for the typed words (``search.typed_tokens``):
        each word, or with ``prefix`` its beginning, in the name, email or phone — as the
        index would, for a caller whose index read was cut before reaching these rows.
        In the rows' order."""
        if self._fields is None:
            self._set_fields([search.index_fields(r) for r in self.rows])
        fields = self._fields
        assert fields is not None
        rows: set[int] | None = None
        for tokens in typed:
            first = tokens[0]
            begun = prefix and len(tokens) == 1
            start = bisect.bisect_left(self._tokens, first)
            end = start
            while end < len(self._tokens) and (self._tokens[end].startswith(first) if begun
                                               else self._tokens[end] == first):
                end += 1
            holding = set(self._token_rows[start:end])
            if len(tokens) > 1:  # several tokens in a row of one field
                holding = {i for i in holding
                           if any(search.field_holds(f, tokens, prefix=prefix)
                                  for f in fields[i])}
            rows = holding if rows is None else rows & holding
            if not rows:
                return []
        return [self.rows[i] for i in sorted(rows or ())]
