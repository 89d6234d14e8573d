"""The one language registry: which languages Frontdesk speaks, read from resources/languages.toml.

Every part that needs the list of languages (the UI's language menu, the guest's
language field, the vocabulary, the report, the import's header guesses, the
tests that keep translations complete) asks this module, so adding a language is
its catalogue files plus one entry in the TOML file, with no code edits.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
REGISTRY_FILE = RESOURCES / "languages.toml"
QT_CATALOGUES = RESOURCES / "i18n"
APP_CATALOGUES = RESOURCES / "locale"
DOMAIN = "frontdesk"


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    long_date: str  # CLDR pattern, e.g. "EEEE d MMMM"
    staff_complete: bool
    guest_complete: bool
    full_date: str = "d MMMM y"  # CLDR pattern of a date with its year ("27 November 2026")

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
    data = tomllib.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    langs = tuple(
        Language(code=str(e["code"]), native_name=str(e["native_name"]),
                 english_name=str(e["english_name"]), long_date=str(e["long_date"]),
                 staff_complete=bool(e["staff_complete"]),
                 guest_complete=bool(e["guest_complete"]),
                 full_date=str(e.get("full_date", "d MMMM y")))
        for e in data["language"]
    )
    source = str(data["source"])
    if source not in {lang.code for lang in langs}:
        raise ValueError(f"{REGISTRY_FILE}: the source language {source!r} has no entry")
    return source, langs


def source() -> str:
    """The language the code is written in ("en"): every other one falls back to it."""
    return _load()[0]


def all_languages() -> tuple[Language, ...]:
    return _load()[1]


def codes() -> tuple[str, ...]:
    return tuple(lang.code for lang in all_languages())


def get(code: str) -> Language | None:
    return next((lang for lang in all_languages() if lang.code == code), None)


def native_name(code: str) -> str:
    lang = get(code)
    return lang.native_name if lang else code


def guest_language(code: str) -> str:
    """The language a guest's pages are shown in: theirs when complete, else the source."""
    lang = get(code)
    return code if lang is not None and lang.guest_complete else source()


def staff_languages() -> tuple[Language, ...]:
    """Languages offered for the staff interface."""
    return tuple(lang for lang in all_languages() if lang.staff_complete)
