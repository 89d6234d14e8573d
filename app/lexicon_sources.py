"""Where the built-in lexicons come from: data files, CLDR country names, demonym tables.

* ``resources/lexicons/<lang>/*.txt`` — hand-kept category lexicons, word
  classes (``_name.txt``) and ``patterns.txt`` (format: :mod:`app.lexicon`);
* country and region names per language from Babel's CLDR data (a maintained
  source, updated with Babel), minus names that are ordinary words in that
  language (listed as allowed phrases in ``origin.txt``, e.g. "!turkey");
* names of the peoples of every country: the CLDR names of its official and
  regional languages ("Tamil", "Basque", Dutch "Fries", German "Kurdisch"), which
  name the people as well as the language; the contexts where they are a
  language ("speaks Tamil", "in het Fries") are allowed in ``origin.txt``;
* names of former countries ("Netherlands Antilles", "Yugoslavia") per language
  from ISO 3166-3 through pycountry and its translations (also maintained);
* ``resources/lexicons/demonyms.tsv`` — for every CLDR country and world region
  and every former country people lived in, the adjective and the nouns for its
  people in each language (``tests/test_lexicons.py`` checks that none is missing).

A language without a folder still gets its CLDR country names.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

from app import languages
from app.lexicon import Lexicon, load_file, load_terms

LEXICONS = languages.RESOURCES / "lexicons"
DEMONYMS = LEXICONS / "demonyms.tsv"
PATTERNS_FILE = "patterns.txt"

#: CLDR region codes that are not about where a person comes from.
_NOT_ORIGIN_REGIONS = {"001", "QO", "EU", "EZ", "UN", "ZZ", "XA", "XB", "AQ", "BV", "HM",
                       "UM", "CP", "DG", "IC", "TA", "AC"}


_build_lock = threading.Lock()


def lexicon(language: str) -> Lexicon:
    """Every built-in pattern for ``language`` (built once per process, by one thread)."""
    with _build_lock:
        return _lexicon(language)


def warm_up() -> None:
    """Read every dictionary and lexicon now: call from a worker thread at start-up, so the
    first wording check on screen does not wait for it."""
    for language in lexicon_languages():
        lexicon(language)


@cache
def _lexicon(language: str) -> Lexicon:
    lx = Lexicon(language)
    load_terms(lx, countries(language), category="origin", class_names=("countries",),
               where=f"CLDR territory names ({language})")
    load_terms(lx, peoples(language), category="origin", class_names=("nationality",),
               where=f"CLDR official and regional language names ({language})")
    load_terms(lx, former_countries(language), category="origin", class_names=("countries",),
               where=f"ISO 3166-3 former country names ({language})")
    adjectives, nouns = demonyms(language)
    load_terms(lx, adjectives, category="origin", class_names=("nationality",),
               where=f"{DEMONYMS} ({language} adjectives)")
    load_terms(lx, nouns, category="origin", class_names=("nationals",),
               where=f"{DEMONYMS} ({language} nouns)")
    folder = LEXICONS / language
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            load_file(lx, path, category=None if path.name == PATTERNS_FILE else path.stem)
    return lx


def lexicon_languages() -> tuple[str, ...]:
    """The registry's languages, then any other language with a lexicon folder.

    A folder for a language the interface does not offer yet still catches
    its words in labels (German guests' wishes written in German).
    """
    folders = sorted(p.name for p in LEXICONS.iterdir() if p.is_dir()) if LEXICONS.is_dir() \
        else []
    return tuple(dict.fromkeys((*languages.codes(), *folders)))


def countries(language: str) -> list[str]:
    """CLDR names of countries and world regions in ``language``, as single patterns."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return []
    out: list[str] = []
    for code, name in names.items():
        if code in _NOT_ORIGIN_REGIONS:
            continue
        for variant in _variants(name):
            out.append(variant)
    return sorted(set(out))


#: Official or regional languages whose name is not the name of a people: liturgical
#: Sanskrit; Slave (Slavey), which is also an ordinary word.
_NOT_PEOPLES = {"sa", "den"}


def peoples(language: str) -> list[str]:
    """CLDR names, in ``language``, of every language official or regional somewhere.

    Such a name is also the name of a people or community ("a Tamil couple",
    "Baskische familie", "Friese boer"), which no list of countries covers.
    Names of one or two letters ("Ga") are left out: too easily a word.
    """
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    try:
        names = Locale.parse(language).languages
    except (UnknownLocaleError, ValueError):
        return []
    codes: set[str] = set()
    for territory in map(str, Locale.parse("en").territories):
        if len(territory) == 2 and territory not in _NOT_ORIGIN_REGIONS:
            codes.update(get_official_languages(territory, regional=True, de_facto=True))
    out = [v for code in codes - _NOT_PEOPLES if "_" not in code and code in names
           for v in _variants(names[code]) if len(v) > 2]
    return sorted(set(out))


#: ISO 3166-3 codes of former territories nobody came from as a people (uninhabited
#: islands, Antarctic claims, a neutral zone, "Metropolitan France").
NOT_ORIGIN_FORMER = {"AIDJ", "BQAQ", "CTKI", "FQHH", "FXFR", "GEHH", "JTUM", "MIUM", "NQAQ",
                     "NTHH", "PCHH", "PUUM", "PZPA", "WKUM"}


def former_countries(language: str) -> list[str]:
    """Names of former countries in ``language`` (ISO 3166-3 through pycountry's translations).

    pycountry's names are formal ("Yugoslavia, (Socialist) Federal Republic of",
    Dutch "USSR; Unie van Socialistische Sovjetrepublieken"): every name
    between ";" counts, cut at its first comma.
    """
    import gettext

    import pycountry

    translate: Callable[[str], str] = str  # pycountry's own names are English
    if language != "en":
        try:
            translate = gettext.translation("iso3166-3", pycountry.LOCALES_DIR,
                                            languages=[language]).gettext
        except OSError:
            return []
    out: list[str] = []
    for country in pycountry.historic_countries:
        if country.alpha_4 in NOT_ORIGIN_FORMER:
            continue
        for name in translate(country.name).split(";"):
            first = name.split(",")[0].strip()
            out.extend(_variants(first))
    return sorted(set(out))


def _variants(name: str) -> list[str]:
    """"Congo (DRC)" -> ["Congo", "Congo DRC"]; "St. Lucia" -> ["St Lucia"]; "&" dropped."""
    name = re.sub(r"\b(\w)\.(\w)\.", r"\1\2", name)  # "U.S." is one word, as the tokeniser sees it
    plain = re.sub(r"\s*\([^)]*\)", "", name).strip()
    full = re.sub(r"[()&,.]", " ", name)
    return [v for v in dict.fromkeys((" ".join(plain.replace("&", " ").split()),
                                      " ".join(full.split()))) if re.search(r"\w", v)]


@cache
def _demonym_rows() -> tuple[tuple[str, dict[str, tuple[str, list[str]]]], ...]:
    """(territory code, {language: (adjective, [nouns])}) for each row of demonyms.tsv."""
    lines = [ln for ln in DEMONYMS.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    langs = [h.split("_")[0] for h in header[1::2]]
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        per: dict[str, tuple[str, list[str]]] = {}
        for i, lang in enumerate(langs):
            adjective = cells[1 + 2 * i].strip() if len(cells) > 1 + 2 * i else ""
            nouns = cells[2 + 2 * i] if len(cells) > 2 + 2 * i else ""
            per[lang] = (adjective, [n.strip() for n in nouns.split(",") if n.strip()])
        rows.append((cells[0].strip(), per))
    return tuple(rows)


def demonyms(language: str) -> tuple[list[str], list[str]]:
    """Nationality adjectives and nouns for people in ``language`` (empty if not in the table)."""
    adjectives: list[str] = []
    nouns: list[str] = []
    for _code, per in _demonym_rows():
        adjective, people = per.get(language, ("", []))
        adjectives.extend(a.strip() for a in adjective.split(",") if a.strip() not in ("", "-"))
        nouns.extend(n for n in people if n != "-")
    return sorted(set(adjectives)), sorted(set(nouns))


def demonym_codes() -> set[str]:
    return {code for code, _per in _demonym_rows()}


def lexicon_files(language: str) -> list[Path]:
    folder = LEXICONS / language
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []
