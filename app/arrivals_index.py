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

from storage import name_keys

HOLDING_KEPT = 2_000


class ArrivalsIndex:
    """The rows' folded name words, and for each distinct word the rows holding it."""

    def __init__(self, rows: Sequence[Any],
                 folded_words: Callable[[str, str | None], tuple[str, ...]]) -> None:
        self.rows = rows
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

