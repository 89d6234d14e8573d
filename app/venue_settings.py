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
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor
from storage import queries
from storage.models import Setting
from storage.store import Store

DEFAULT_LANGUAGE_KEY = "venue.default_language"
WORDING_RULES_KEY = "vocabulary.wording_rules_path"
DEFAULT_LANGUAGE = "en"
# The country whose numbering plan national phone numbers ("06 1234 5678") are read in
# (ISO 3166 code, as ``phonenumbers`` knows it). Used by app.phones on save, search, import.
PHONE_REGION_KEY = "venue.phone_region"
DEFAULT_PHONE_REGION = "NL"


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


def phone_region(store: Store) -> str:
    """The venue's country for phone numbers typed without a country code (default NL)."""
    with store.read() as s:
        return phone_region_in(queries.setting_value(s, PHONE_REGION_KEY))


def phone_region_in(value: str | None) -> str:
    """The stored setting's value checked (an unknown region falls back to the default)."""
    import phonenumbers

    region = (value or "").upper()
    return region if region in phonenumbers.SUPPORTED_REGIONS else DEFAULT_PHONE_REGION


def set_phone_region(store: Store, actor: Actor, region: str, *,
                     now: dt.datetime | None = None) -> None:
    """A manager sets the venue's country (numbers already stored keep their E.164 form)."""
    import phonenumbers

    require(store, actor, Action.EDIT_VOCABULARY)
    code = validate.text(_("Country"), region, max_len=2, required=True).upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValidationError(_("Country"), _("“{code}” is not a country code such as NL, BE "
                                              "or DE.", code=code))
    _write(store, actor, PHONE_REGION_KEY, code, now)


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
        value = validate.text(_("Wording rules file"), str(path), max_len=500)
        if not Path(value).is_file():
            raise ValidationError(_("Wording rules file"), _("There is no file at {path}.",
                                                                  path=value))
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
