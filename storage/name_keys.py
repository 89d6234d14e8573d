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
# Ordered: longer spellings before the letters they contain.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"sch", "s"), (r"ph", "f"), (r"th", "t"), (r"dt", "t"), (r"ck", "k"), (r"qu", "kw"),
        (r"q", "k"), (r"x", "ks"), (r"c(?=[eiy])", "s"), (r"ch", "g"), (r"c", "k"),
        (r"[ae]?ij|ei|ey|ai|ay|y", "y"), (r"ue|oe", "u"), (r"ie", "i"), (r"z", "s"), (r"d$", "t"),
        (r"(.)\1+", r"\1"),
    )
)


def fold(text: str) -> str:
    """Lower case without accents, as FTS5's ``remove_diacritics 2`` reads it.

    "Müller" → "muller", "Søren" → "soren", "Straße" → "strasse".
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The words of a name as the search index holds them, lower case, accents kept.

    Split on anything that is not a letter or digit ("O'Brien" → "o", "brien";
    "Jean-Pierre" → "jean", "pierre"), as FTS5's unicode61 tokenizer does.
    """
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def sound_key(word: str) -> str:
    """Spellings said alike share this key: "Thomassen", "Tomasen" → "tomasen"."""
    key = fold(word)
    for pattern, repl in _RULES:
        key = pattern.sub(repl, key)
    return key


def english_key(word: str) -> str:
    """Metaphone of the folded word ("Catherine" and "Kathryn" → "K0RN"); "" for digits."""
    folded = "".join(ch for ch in fold(word) if "a" <= ch <= "z")
    return jellyfish.metaphone(folded) if folded else ""


def is_particle(word: str) -> bool:
    return fold(word) in TUSSENVOEGSELS
