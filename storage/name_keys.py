"""Words of a name and the keys that make misheard names findable (pure Python, any engine).

A receptionist hears a name and types what they heard: "Tomassen" for
Thomassen, "Muler" for Müller, "Meyer" for Meijer, "de vris" for de Vries.
Two keys per word make such spellings meet:

* :func:`sound_key` — a Dutch/German/English-aware spelling key written here:
  accents and case folded, then th→t, ph→f, sch→s, ck/c/q→k, x→ks, dt→t, ij/ei/ey/y→y,
  ue/oe→u, ie→i, z→s, a final d→t, and every doubled letter single. Vowels are
  kept, so the key only joins spellings that are said alike (Thomassen =
  Tomasen, Meijer = Meyer = Meier, Schmidt = Smit, Mueller = Müller = Muller).
* :func:`english_key` — ``jellyfish.metaphone`` of the folded word, for English
  spellings the rules above do not cover (Catherine = Kathryn, Stephen = Steven).

One-letter typos that change the sound ("Jansn", "Jamsen") are not found
through keys but by edit distance over the name dictionary (``storage.search``).
Tussenvoegsels ("van", "der", "de", "vd", …) are listed so search can treat
them as optional: "vd Berg" and "van den Berg" and "Berg" all find the same guest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import jellyfish

# Dutch/German/French particles a surname may start with, plus the desk's abbreviations.
TUSSENVOEGSELS = frozenset({
    "van", "der", "den", "de", "het", "ter", "ten", "te", "op", "in", "t", "s", "vd", "v",
    "vanden", "vander", "von", "zu", "du", "des", "la", "le", "di", "da", "del", "dos", "das",
    "d", "l", "mac", "o", "aan", "bij", "uit", "voor", "over", "onder",
})

_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "æ": "ae",
                          "Æ": "ae", "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ı": "i",
                          "þ": "th", "ð": "d"})
_WORD = re.compile(r"[^\W_]+")


def _first_of_run(run: re.Match[str]) -> str:
    """The letter of a doubled run (``\\1`` as a function: a template is expanded in Python
    for every match, a function is only called)."""
    return run[1]


# Ordered: longer spellings before the letters they contain. Each rule comes with the
# letters any match of it holds (one of them, as a substring): a key holding none of them
# is left as it is without running the rule. Most rules do not apply to most words, and a
# substring test costs a tenth of a regex substitution (a 100,000-row import keys some
# 70,000 new words; tests/test_name_keys_rules.py checks the key is the same).
_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str],
                    tuple[str, ...]], ...] = tuple(
    (re.compile(p), r, needs) for p, r, needs in (
        (r"sch", "s", ("sch",)), (r"ph", "f", ("ph",)), (r"th", "t", ("th",)),
        (r"dt", "t", ("dt",)), (r"ck", "k", ("ck",)), (r"qu", "kw", ("qu",)),
        (r"q", "k", ("q",)), (r"x", "ks", ("x",)), (r"c(?=[eiy])", "s", ("c",)),
        (r"ch", "g", ("ch",)), (r"c", "k", ("c",)),
        (r"[ae]?ij|ei|ey|ai|ay|y", "y", ("ij", "ei", "ai", "y")),
        (r"ue|oe", "u", ("ue", "oe")), (r"ie", "i", ("ie",)), (r"z", "s", ("z",)),
        (r"d$", "t", ("d",)),
        (r"(.)\1+", _first_of_run, ()),  # (): always run
    )
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents, as FTS5's ``remove_diacritics 2`` reads it.

    "Müller" → "muller", "Søren" → "soren", "Straße" → "strasse".
    """
    if text.isascii():  # no accents, no special letters: the same as below, 5x quicker
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def prefix_upper(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``: a range
    look-up's end (``>= prefix AND < prefix_upper(prefix)``)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def words(text: str) -> list[str]:
    """The words of a name as the search index holds them, lower case, accents kept.

    Split on anything that is not a letter or digit ("O'Brien" → "o", "brien";
    "Jean-Pierre" → "jean", "pierre"), as FTS5's unicode61 tokenizer does. Lower
    case, not ``casefold``: unicode61 keeps "ß" ("Großmann" → "großmann"), and a
    dictionary word "grossmann" would find nobody (:func:`fold` compares them alike).
    """
    joined = _words(text)
    return joined.split("\x00") if joined else []


@lru_cache(maxsize=100_000)
def _words(text: str) -> str:
    """:func:`words`, joined by NUL (no word holds one): remembered as one string, which the
    garbage collector never scans — a tuple per name was the largest share of the objects
    a young collection met during a day of searches."""
    return "\x00".join(_WORD.findall(unicodedata.normalize("NFC", text).lower()))


@lru_cache(maxsize=200_000)
def sound_key(word: str) -> str:
    """Spellings said alike share this key: "Thomassen", "Tomasen" → "tomasen"."""
    key = fold(word)
    for pattern, repl, needs in _RULES:
        for letters in needs:
            if letters in key:
                break
        else:
            if needs:
                continue  # the rule cannot match: the key holds none of its letters
        key = pattern.sub(repl, key)
    return key


@lru_cache(maxsize=200_000)
def english_key(word: str) -> str:
    """Metaphone of the folded word ("Catherine" and "Kathryn" → "K0RN"); "" for digits."""
    folded = "".join(ch for ch in fold(word) if "a" <= ch <= "z")
    return jellyfish.metaphone(folded) if folded else ""


def is_particle(word: str) -> bool:
    return fold(word) in TUSSENVOEGSELS


_SHORT_PARTICLES = ("van", "der", "den", "de", "ter", "ten", "het", "von", "vd")


@lru_cache(maxsize=50_000)
def is_particle_like(word: str) -> bool:
    """A particle, or one letter away from a common one ("vann", "dr"), keeping its first
    letter. Callers only treat words between a given name and a surname this way."""
    f = fold(word)
    if f in TUSSENVOEGSELS:
        return True
    if not 2 <= len(f) <= 4:
        return False
    return any(f[0] == p[0] and _one_apart(f, p) for p in _SHORT_PARTICLES)


def _one_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def one_edit_variants(word: str) -> set[str]:
    """Every string one edit from a folded short ``word`` (a-z), for exact index probes."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = {word[:i] + word[i + 1:] for i in range(len(word))}
    out |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    out |= {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}
    out |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    out.discard(word)
    return out


def forget() -> None:
    """Drop every word remembered above. The search calls it when guest data changed (a
    name corrected, a guest erased): these caches would otherwise keep a name that is no
    longer in the store until other names pushed it out (docs/threat-model.md)."""
    for cached in (fold, _words, sound_key, english_key, is_particle_like):
        cached.cache_clear()
