"""Word forms for the wording checks: lemmas (simplemma), stems (Snowball) and folding.

The wording checks compare the words of a label with category lexicons
(``resources/lexicons/``). Writing every inflection into those lists ("rich",
"richer", "rijke", "rijkste", "reiche", "reichen") is what made the old lists
brittle, so both sides are reduced to a *key*: the word without accents and
case, its lemma from ``simplemma`` (a maintained lemmatiser with dictionaries
for English, Dutch, German and 50 more languages), and — for words its
dictionary does not know — the Snowball stem. A lexicon word and a text word
match when they share a key.

simplemma's dictionaries are read lazily in its low-memory mode (about 40 MB
for English, Dutch and German together instead of 200 MB, ~1.5 s to read);
:func:`warm_up` reads them ahead, off the GUI thread. Everything is cached.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simplemma.strategies import DictionaryLookupStrategy

# simplemma and snowballstemmer are imported on first use (or by warm_up, in a worker
# thread): the desk imports this module through the label widgets, and loading them up
# front was about a tenth of the time to a desk ready to search (bench/startup.py).

__all__ = ["fold", "keys", "known", "lemma", "stem", "warm_up"]

#: Prefix of a stem key, so a stem never equals a word by accident.
STEM = "§"
#: Prefix of the key for the word exactly as written (lexicon words marked "=").
EXACT = "="

# ISO 639-1 codes Snowball has a stemmer for (its algorithm names are English names).
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish", "fr": "french",
    "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian",
    "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}
_lock = threading.Lock()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or invisible marks: "Allergieën" -> "allergieen"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    out = "".join(c for c in decomposed
                  if unicodedata.combining(c) == 0 and unicodedata.category(c) != "Cf")
    return out.replace("ß", "ss")


@cache
def _lookup() -> DictionaryLookupStrategy:
    from simplemma.strategies import DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY

    return DictionaryLookupStrategy(LOW_MEMORY_DICTIONARY_FACTORY)


@cache
def _simplemma_knows(language: str) -> bool:
    try:
        _lookup().get_lemma("test", language)
    except (ValueError, KeyError):
        return False
    return True


@lru_cache(maxsize=65536)
def _lemma(word: str, language: str) -> str | None:
    """simplemma's dictionary lookup alone (its guessing strategies are for unknown words)."""
    if not _simplemma_knows(language):
        return None
    with _lock:  # simplemma's lazy dictionary loading is not thread-safe
        return _lookup().get_lemma(word, language)


def _case_forms(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys((word, word.lower(), word[:1].upper() + word[1:].lower())))


def lemma(word: str, language: str) -> str | None:
    """The dictionary form of ``word`` in ``language``, or None if the dictionary lacks it.

    German nouns are capitalised in the dictionary, so the word is also tried
    capitalised and in lower case.
    """
    for form in _case_forms(word):
        found = _lemma(form, language)
        if found is not None:
            return found
    return None


def lemmas(word: str, language: str) -> set[str]:
    """Every lemma of the word's capitalisations ("Türkische": a noun, and "türkisch")."""
    return {found for form in _case_forms(word)
            if (found := _lemma(form, language)) is not None}


def known(word: str, language: str) -> bool:
    """True if ``language``'s dictionary knows ``word`` in any capitalisation."""
    return lemma(word, language) is not None


@cache
def _stemmer(language: str) -> Any:
    import snowballstemmer

    name = _SNOWBALL.get(language)
    return snowballstemmer.stemmer(name) if name else None


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str | None:
    """The Snowball stem of the folded word, or None for a language without a stemmer."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return None
    with _lock:
        return str(stemmer.stemWord(fold(word)))


@lru_cache(maxsize=65536)
def keys(word: str, language: str, *, with_stem: bool | None = None) -> frozenset[str]:
    """The keys a word matches by: folded form, folded lemmas and (see below) stem.

    Also ``EXACT + folded form``, which is the only key of a lexicon word marked
    "=" (that form only).

    ``with_stem``: True adds the stem, False leaves it out, None (text words)
    adds it only when the dictionary does not know the word — a known word
    has a reliable lemma, and stems of known words overreach ("organic" and
    "organ" share the English stem).
    """
    out = {fold(word), EXACT + fold(word)}
    found = lemmas(word, language)
    out.update(fold(f) for f in found)
    if with_stem or (with_stem is None and not found):
        s = stem(word, language)
        if s:
            out.add(STEM + s)
    if with_stem is None:
        for base in uninflected(word, language):
            out.add(base)
            if not found and (s := stem(base, language)):
                out.add(STEM + s)
    return frozenset(out)


#: German adjective endings after "-isch" ("estnische", "färöischen").
_DE_ISCH = re.compile(r"^(?P<base>.{2,}isch)(?:e|en|er|es|em)$")
#: A Dutch adjective in "-s" with its inflection "-e" ("Poolse", "Costa Ricaanse"); a long
#: vowel before one consonant is spelled single before the "e" ("Chinese" <- "Chinees").
_NL_SE = re.compile(r"^(?P<base>.{2,}s)e$")
_NL_OPEN = re.compile(r"^(?P<head>.*[^aeiou])(?P<vowel>[aeou])(?P<cons>s)$")


@lru_cache(maxsize=65536)
def uninflected(word: str, language: str) -> tuple[str, ...]:
    """Folded base forms of an inflected adjective of origin that dictionaries often lack.

    simplemma knows "Braziliaanse" but not "Trinidadiaanse", and gives the noun
    "Estnische" (the language) for "estnische"; Snowball stems the base and the
    inflected form differently. The endings are regular, so they are taken
    off by rule: Dutch "-se" (with the long vowel restored: "Chinese" ->
    "chinees"), German "-isch" + "e/en/er/es/em". Only these endings: a
    general "-e" rule would reach too far ("Rome", "Arme").
    """
    folded = fold(word)
    if language == "de":
        m = _DE_ISCH.match(folded)
        return (m["base"],) if m else ()
    if language == "nl":
        m = _NL_SE.match(folded)
        if not m:
            return ()
        base = m["base"]
        o = _NL_OPEN.match(base)
        return (base, o["head"] + o["vowel"] * 2 + o["cons"]) if o else (base,)
    return ()


def warm_up(languages: Iterable[str]) -> None:
    """Read the dictionaries now (call from a worker thread at start-up)."""
    for language in languages:
        lemma("test", language)
        stem("test", language)
