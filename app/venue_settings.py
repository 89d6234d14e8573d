"""Venue settings the vocabulary needs: the default language and extra wording rules.

They live in the store's ``setting`` table (encrypted, backed up with the
data) so every desk of the venue agrees on them. Managers change them;
anyone may read them, because proposing a label needs both.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import languages, validate
from app.audit import record
from app.clock import now as _now
from app.errors import ValidationError
from app.permissions import Action, require
from app.views import Actor
from storage import queries
from storage.models import Setting
from storage.store import Store

DEFAULT_LANGUAGE_KEY = "venue.default_language"
WORDING_RULES_KEY = "vocabulary.wording_rules_path"
DEFAULT_LANGUAGE = "en"


def default_language(store: Store) -> str:
    """The language every proposal must at least be worded in (a setting, default "en")."""
    with store.read() as s:
        value = queries.setting_value(s, DEFAULT_LANGUAGE_KEY)
    return value if value in languages.codes() else DEFAULT_LANGUAGE


def set_default_language(store: Store, actor: Actor, language: str, *,
                         now: dt.datetime | None = None) -> None:
    require(store, actor, Action.EDIT_VOCABULARY)
    lang = validate.language(language)
    _write(store, actor, DEFAULT_LANGUAGE_KEY, lang, now)


def wording_rules_path(store: Store) -> Path | None:
    """A manager-chosen wording rules file stored in the settings, if any."""
    with store.read() as s:
        value = queries.setting_value(s, WORDING_RULES_KEY)
    return Path(value) if value else None


def set_wording_rules_path(store: Store, actor: Actor, path: Path | None, *,
                           now: dt.datetime | None = None) -> None:
    """Point the wording checks at an extra rules file (``None`` clears it)."""
    require(store, actor, Action.EDIT_VOCABULARY)
    value = ""
    if path is not None:
        value = validate.text("Wording rules file", str(path), max_len=500)
        if not Path(value).is_file():
            raise ValidationError("Wording rules file", f"There is no file at {value}.")
    _write(store, actor, WORDING_RULES_KEY, value, now)


def _write(store: Store, actor: Actor, key: str, value: str, now: dt.datetime | None) -> None:
    at = now or _now()
    with store.write() as s:
        row = s.get(Setting, key)
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        record(s, actor, "setting.changed", at=at, key=key)
