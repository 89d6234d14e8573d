"""The one language registry: which languages Frontdesk speaks, read from resources/languages.toml.

Every part that needs the list of languages (the UI's language menu, the guest's
language field, Show guest's language buttons, the vocabulary, the report, the
import's language column, the command line's ``--lang``, the tests that keep
translations complete) asks this module, so adding a language is its catalogue
files plus one entry in the TOML file, with no code edits (docs/languages.md).

Dates are written with the language's CLDR patterns through Babel
(:mod:`app.localdates`), so no module keeps its own table of month names.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
REGISTRY_FILE = RESOURCES / "languages.toml"
QT_CATALOGUES = RESOURCES / "i18n"
APP_CATALOGUES = RESOURCES / "locale"
DOMAIN = "frontdesk"


class Language(NamedTuple):
    """One language of the registry (immutable). A NamedTuple rather than a dataclass:
    ``frontdesk --help`` lists the languages, and importing ``dataclasses`` (which pulls
    in ``inspect``) would be a fifth of that command's start-up (bench/startup.py)."""

    code: str
    native_name: str
    english_name: str
    locale: str          # CLDR locale for Babel (dates, numbers): "en_GB", "nl", "de"
    long_date: str       # CLDR pattern, weekday and day: "EEEE d MMMM"
    long_date_year: str  # the same with the year: "EEEE d MMMM y"
    short_date: str      # "d MMM y"
    staff_complete: bool
    guest_complete: bool
    aliases: tuple[str, ...] = ()  # other ways a file may name it ("nld", "dutch", "vlaams")
    full_date: str = "d MMMM y"  # a date with its year, on the guest's pages ("27 November 2026")

    @property
    def qt_catalogue(self) -> Path:
        """The staff interface's Qt Linguist file (none for the source language)."""
        return QT_CATALOGUES / f"{DOMAIN}_{self.code}.ts"

    @property
    def app_catalogue(self) -> Path:
        """The gettext catalogue for messages from ``app/``."""
        return APP_CATALOGUES / self.code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _load() -> tuple[str, tuple[Language, ...]]:
    import tomllib  # here, not at the top: `frontdesk --help` imports this module, reads nothing

    data = tomllib.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    langs = []
    for e in data["language"]:
        long_date = str(e.get("long_date", "EEEE d MMMM"))
        langs.append(Language(
            code=str(e["code"]), native_name=str(e["native_name"]),
            english_name=str(e["english_name"]), locale=str(e.get("locale", e["code"])),
            long_date=long_date,
            long_date_year=str(e.get("long_date_year", long_date + " y")),
            short_date=str(e.get("short_date", "d MMM y")),
            staff_complete=bool(e["staff_complete"]),
            guest_complete=bool(e["guest_complete"]),
            aliases=tuple(str(a).casefold() for a in e.get("aliases", ())),
            full_date=str(e.get("full_date", "d MMMM y"))))
    source = str(data["source"])
    codes = [lang.code for lang in langs]
    if source not in codes:
        raise ValueError(f"{REGISTRY_FILE}: the source language {source!r} has no entry")
    if len(set(codes)) != len(codes):
        raise ValueError(f"{REGISTRY_FILE}: a language code appears twice")
    return source, tuple(langs)


def reload() -> None:
    """Read the registry again (tests that point REGISTRY_FILE at a copy)."""
    _load.cache_clear()
    _names.cache_clear()
    codes.cache_clear()
    from app import i18n, localdates

    i18n.reset_cache()
    localdates.reset_cache()


def source() -> str:
    """The language the code is written in ("en"): every other one falls back to it."""
    return _load()[0]


def all_languages() -> tuple[Language, ...]:
    return _load()[1]


@cache
def codes() -> tuple[str, ...]:
    """The codes, made once per reading of the registry (an import checks every row's
    language against them)."""
    return tuple(lang.code for lang in all_languages())


def get(code: str) -> Language | None:
    return next((lang for lang in all_languages() if lang.code == code), None)


def native_name(code: str) -> str:
    lang = get(code)
    return lang.native_name if lang else code


def name_in(code: str, reader: str) -> str:
    """A language's name as a ``reader`` writes it ("Engels" for a Dutch reader), from CLDR
    through Babel; its own name when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    lang, read_by = get(code), get(reader)
    if lang is None or read_by is None:
        return native_name(code)
    with contextlib.suppress(UnknownLocaleError, ValueError):
        name = Locale.parse(lang.locale).get_language_name(read_by.locale)
        if name:
            return name
    return lang.native_name


def guest_language(code: str) -> str:
    """The language a guest's pages are shown in: theirs when complete, else the source."""
    lang = get(code)
    return code if lang is not None and lang.guest_complete else source()


def staff_languages() -> tuple[Language, ...]:
    """Languages offered for the staff interface."""
    return tuple(lang for lang in all_languages() if lang.staff_complete)


def guest_languages() -> tuple[Language, ...]:
    """Languages a guest can read their own pages in (Show guest, PDF, JSON)."""
    return tuple(lang for lang in all_languages() if lang.guest_complete)


def lookup(name: str) -> str | None:
    """The code for a language as a file or a person may write it: "nl", "NL-be", "de_AT",
    "Dutch", "Nederlands", "Duits", "nld", "Deutsch"… (None when Frontdesk does not know it).

    Known: each entry's code, names and ``aliases``, and its name in every registry
    language (CLDR, through Babel) — so a new entry brings its own spellings."""
    key = _key(name)
    if not key:
        return None
    names = _names()
    if key in names:
        return names[key]
    head = re.split(r"[^a-z]", _fold(name).strip(), maxsplit=1)[0]  # "nl-BE", "de_AT"
    return names.get(head) if len(head) == 2 else None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _fold(text))


@cache
def _names() -> dict[str, str]:
    from babel import Locale, UnknownLocaleError

    out: dict[str, str] = {}
    langs = all_languages()
    for lang in langs:
        spellings = [lang.code, lang.native_name, lang.english_name, lang.locale, *lang.aliases]
        for reader in langs:
            with contextlib.suppress(UnknownLocaleError, ValueError):
                spellings.append(Locale.parse(lang.locale).get_language_name(reader.locale)
                                 or "")
        for s in spellings:
            if _key(s):
                out.setdefault(_key(s), lang.code)
    return out
