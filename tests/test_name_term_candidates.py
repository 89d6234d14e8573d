"""The name dictionary's candidate look-up (``storage.name_terms``) on both engines.

A typed word's near words come from four index ranges cut at 2,000 words. When a short
or common prefix covers more than that, both engines keep the same 2,000: the first by
word (PostgreSQL caps each range on its own, in that order, rather than collecting them
all and letting its plan choose which to keep).
"""

from __future__ import annotations

import pytest

from storage import name_keys, name_terms
from storage.store import Store

pytestmark = pytest.mark.both_engines

FILLER = [f"Nieuw{i:04d}x{i % 7}" for i in range(2_300)]   # all begin "ni…", all "NKS"
REAL = ["Niels", "Nielsen", "Neils", "Nils", "Dekker", "Decker", "Dekkers", "Janssen"]


def expected(word: str, words: list[str], *, sound_prefix: bool) -> set[str]:
    """The union of the four ranges computed here, then its first 2,000 words."""
    folded = name_keys.fold(word)
    half = max(2, len(folded) // 2)
    p, r = folded[:half], folded[::-1][:max(2, len(folded) - half - 1)]
    sound = name_keys.sound_key(word) or folded
    english = name_keys.english_key(word)
    found = set()
    for row in name_terms.name_term_rows(words):
        if (row["f"].startswith(p) or row["r"].startswith(r)
                or (row["s"].startswith(sound) if sound_prefix else row["s"] == sound)
                or (english and row["e"] == english)):
            found.add(row["t"])
    return set(sorted(found)[:2_000])


def test_a_range_of_thousands_of_words_is_cut_to_the_same_first_words(store: Store) -> None:
    with store.write() as s:
        name_terms.insert_name_terms(s, name_terms.name_term_rows(FILLER + REAL))
    words = FILLER + REAL
    with store.read() as s:
        for typed, prefix in (("Niels", False), ("Niels", True), ("Nieuw0123x4", False)):
            got = {t[name_terms.TERM]
                   for t in name_terms.term_candidates(s, typed, sound_prefix=prefix)}
            want = expected(typed, words, sound_prefix=prefix)
            assert len(want) == 2_000
            assert got == want
        # A range under the cap is returned whole, as before, each word once though all
        # four look-ups find "dekker" (SQLite reads them without the UNION's sort then).
        listed = [t[name_terms.TERM] for t in name_terms.term_candidates(s, "Dekker")]
        got = set(listed)
        assert got == expected("Dekker", words, sound_prefix=False)
        assert {"dekker", "decker", "dekkers"} <= got and len(listed) == len(got)
        assert listed == sorted(listed)


def test_kept_answers_are_left_out_of_the_collectors_scans(store: Store) -> None:
    # The dictionary's answers are kept until guest data changes, as plain tuples of strings,
    # which CPython's garbage collector stops tracking once it has seen them: a dataclass
    # or named tuple per word was scanned by every collection of its generation for as
    # long as it was kept (the largest share of a desk's tracked objects after a day of
    # searches). The same answer is handed out again, not read again.
    import gc

    with store.write() as s:
        name_terms.insert_name_terms(s, name_terms.name_term_rows(REAL))
    with store.read() as s:
        near = name_terms.term_candidates(s, "Nilsen")
        folds = name_terms.terms_by_fold(s, ["dekker", "nils"])
        assert name_terms.term_candidates(s, "Nilsen") is near
    assert {t[name_terms.TERM] for t in near} >= {"nielsen", "nils"}
    assert sorted(t[name_terms.FOLD] for t in folds) == ["dekker", "nils"]
    gc.collect()   # a word's tuple is left out at its first collection, an answer (a
    gc.collect()   # tuple of them) at the first after its words' (the order it meets them)
    assert not [t for t in (near, folds, *near, *folds) if gc.is_tracked(t)]
