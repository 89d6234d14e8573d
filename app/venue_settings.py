"""The venue's settings, declared once with their types and defaults, read and changed here.

They live in the store's ``setting`` table (encrypted, backed up with the
data), so every desk of the venue agrees on them. :data:`SETTINGS` is the one
declaration: each :class:`SettingSpec` names its key, type, default and
limits and the words a manager reads in the settings dialog. Reading a
setting never fails: a missing or unreadable value gives the default. Changing
one checks the value (a clear message, nothing stored when it is wrong) and
writes a "setting.changed" audit event in the same transaction.

Anyone may read them (a proposal needs the default language, Show guest the
venue's name); only a manager changes them (``Action.VENUE_SETTINGS``; the
vocabulary's two settings keep ``Action.EDIT_VOCABULARY``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import languages, validate
from app.audit import record
from app.clock import now as _now
from app.errors import ValidationError
from app.i18n import N_, Msg, _
from app.permissions import Action, require
from app.views import Actor
from storage import queries
from storage.models import Setting
from storage.store import Store

Value = str | int


@dataclass(frozen=True)
class SettingSpec:
    """One setting: its key in the store, type, default, limits and how a manager reads it."""

    key: str
    kind: type[str] | type[int]
    default: Value
    name: str  # N_() msgid: the field's name in the settings dialog and in messages
    help: str = ""  # N_() msgid: one sentence under the field
    max_len: int = 200  # text: characters (per line when ``lines`` > 1)
    lines: int = 1  # text: how many lines it may have
    minimum: int = 0
    maximum: int = 0
    folder: bool = False  # text: a folder that must exist and be writable
    permission: Action = Action.VENUE_SETTINGS
    audit_value: bool = True  # put the new value in the audit event (never guest data)

    def default_value(self) -> Value:
        return self.default


VENUE_NAME = SettingSpec(
    "venue.name", str, "", N_("Venue name"),
    N_("Printed at the top of every guest's copy: who keeps their information."), max_len=120)
VENUE_CONTACT = SettingSpec(
    "venue.contact", str, "", N_("Address and contact"),
    N_("Where a guest can write or call about their information (up to four lines)."),
    max_len=120, lines=4)
PRINTER = SettingSpec(
    "desk.printer", str, "", N_("Printer for guest copies"),
    N_("“Print my copy” in Show guest prints here, without asking."), max_len=200)
EXPORT_FOLDER = SettingSpec(
    "venue.export_folder", str, "", N_("Folder for guest files"),
    N_("“Make a file with my data” in Show guest saves the PDF and JSON here, without "
       "asking; staff see the file name afterwards."), max_len=400, folder=True)
REMOVED_RECORD_DAYS = SettingSpec(
    "labels.removed_record_days", int, 30, N_("Days a removed note is kept"),
    N_("When staff remove a note as no longer true or added by mistake, a record stays this "
       "many days so a manager can check it (0: none). Health notes and notes a guest asked "
       "us to forget are deleted at once."), minimum=0, maximum=90)
GUEST_MONTHS = SettingSpec(
    "retention.guest_months", int, 24, N_("Months before an absent guest is reviewed"),
    N_("Guests not seen for this long are listed under Manager ▸ Retention."),
    minimum=1, maximum=120, permission=Action.MANAGE_RETENTION)
DEFAULT_LANGUAGE = SettingSpec(
    "venue.default_language", str, languages.source(), N_("Default language"),
    N_("Every proposed label needs wording at least in this language."), max_len=8,
    permission=Action.EDIT_VOCABULARY)
WORDING_RULES = SettingSpec(
    "vocabulary.wording_rules_path", str, "", N_("Wording rules file"),
    N_("Extra words and phrases the wording checks look for."), max_len=500,
    permission=Action.EDIT_VOCABULARY)

# The country whose numbering plan national phone numbers ("06 1234 5678") are read in
# (ISO 3166 code, as ``phonenumbers`` knows it). Used by app.phones on save, search, import.
PHONE_REGION = SettingSpec(
    "venue.phone_region", str, "NL", N_("Country for phone numbers"),
    N_("Phone numbers typed without a country code are read as numbers of this country."),
    max_len=2, permission=Action.EDIT_VOCABULARY)

SETTINGS: tuple[SettingSpec, ...] = (VENUE_NAME, VENUE_CONTACT, PRINTER, EXPORT_FOLDER,
                                     REMOVED_RECORD_DAYS, GUEST_MONTHS, DEFAULT_LANGUAGE,
                                     WORDING_RULES, PHONE_REGION)
# Kept for callers from before the declaration.
DEFAULT_LANGUAGE_KEY = DEFAULT_LANGUAGE.key
WORDING_RULES_KEY = WORDING_RULES.key
PHONE_REGION_KEY = PHONE_REGION.key
DEFAULT_PHONE_REGION = str(PHONE_REGION.default)


def spec(key: str) -> SettingSpec:
    found = next((sp for sp in SETTINGS if sp.key == key), None)
    if found is None:
        raise KeyError(key)
    return found


# --- reading --------------------------------------------------------------------------

def value_in(s: Any, sp: SettingSpec) -> Value:
    """The setting's value in an open session; the default when unset or unreadable."""
    return _parse(sp, queries.setting_value(s, sp.key))


def value(store: Store, sp: SettingSpec) -> Value:
    with store.read() as s:
        return value_in(s, sp)


def text_value(store: Store, sp: SettingSpec) -> str:
    return str(value(store, sp))


def int_value_in(s: Any, sp: SettingSpec) -> int:
    got = value_in(s, sp)
    return got if isinstance(got, int) else int(sp.default)


def all_values(store: Store) -> dict[str, Value]:
    with store.read() as s:
        return {sp.key: value_in(s, sp) for sp in SETTINGS}


def _parse(sp: SettingSpec, raw: str | None) -> Value:
    if raw is None:
        return sp.default
    if sp.kind is int:
        try:
            number = int(raw)
        except ValueError:
            return sp.default
        return number if sp.minimum <= number <= sp.maximum else sp.default
    if sp is DEFAULT_LANGUAGE and raw not in languages.codes():
        return sp.default
    if sp is PHONE_REGION:
        return phone_region_in(raw)
    return raw


# --- changing -------------------------------------------------------------------------

def check(sp: SettingSpec, new: object) -> Value:
    """The value as it would be stored, or a ValidationError naming the field."""
    field = _(sp.name)
    if sp.kind is int:
        if isinstance(new, bool) or not isinstance(new, int | str):
            raise ValidationError(field, _("{field} must be a whole number.", field=field))
        try:
            number = int(new)
        except ValueError:
            raise ValidationError(field, _("{field} must be a whole number.",
                                           field=field)) from None
        if not sp.minimum <= number <= sp.maximum:
            raise ValidationError(field, _("{field}: choose between {low} and {high}.",
                                           field=field, low=sp.minimum, high=sp.maximum))
        return number
    if not isinstance(new, str):
        raise ValidationError(field, _("{field} must be text.", field=field))
    if sp is DEFAULT_LANGUAGE:
        return validate.language(new)
    if sp is PHONE_REGION:
        import phonenumbers

        code = validate.text(field, new, max_len=sp.max_len, required=True).upper()
        if code not in phonenumbers.SUPPORTED_REGIONS:
            raise ValidationError(field, _("“{code}” is not a country code such as NL, BE "
                                           "or DE.", code=code))
        return code
    if sp.lines > 1:
        lines = [validate.text(field, line, max_len=sp.max_len) for line in new.splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > sp.lines:
            raise ValidationError(field, _("{field} has {count} lines; at most {limit}.",
                                           field=field, count=len(lines), limit=sp.lines))
        return "\n".join(lines)
    cleaned = validate.text(field, new, max_len=sp.max_len)
    if sp.folder and cleaned:
        folder = Path(cleaned).expanduser()
        if not folder.is_absolute():
            raise ValidationError(field, _("{field}: give the full path of the folder "
                                           "(starting with /).", field=field))
        if not folder.is_dir():
            raise ValidationError(field, _("{field}: there is no folder at {path}. Create it "
                                           "first.", field=field, path=str(folder)))
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ValidationError(field, _("{field}: Frontdesk may not write in {path}.",
                                           field=field, path=str(folder)))
        cleaned = str(folder)
    return cleaned


def set_value(store: Store, actor: Actor, sp: SettingSpec, new: object, *,
              now: dt.datetime | None = None) -> Value:
    """Check and store one setting (audited); returns the value stored."""
    require(store, actor, sp.permission)
    stored = check(sp, new)
    with store.write() as s:
        _write(s, actor, sp, stored, now or _now())
    return stored


def set_values(store: Store, actor: Actor, changes: dict[str, object], *,
               now: dt.datetime | None = None) -> dict[str, Value]:
    """Several settings at once (the settings dialog): all checked first, then one write.

    A wrong value stores nothing; the error names its field. Unchanged values
    are not written again (no audit event for them).
    """
    checked: dict[str, Value] = {}
    for key, new in changes.items():
        sp = spec(key)
        require(store, actor, sp.permission)
        checked[key] = check(sp, new)
    at = now or _now()
    with store.write() as s:
        changed = {k: v for k, v in checked.items() if value_in(s, spec(k)) != v or
                   (queries.setting_value(s, k) is None and v != spec(k).default)}
        for key, v in changed.items():
            _write(s, actor, spec(key), v, at)
    return changed


def _write(s: Any, actor: Actor, sp: SettingSpec, stored: Value, at: dt.datetime) -> None:
    row = s.get(Setting, sp.key)
    if row is None:
        s.add(Setting(key=sp.key, value=str(stored)))
    else:
        row.value = str(stored)
    if sp.audit_value and sp.kind is int:
        record(s, actor, "setting.changed", at=at, key=sp.key, value=stored)
    else:
        record(s, actor, "setting.changed", at=at, key=sp.key)
    if sp is REMOVED_RECORD_DAYS:
        from app.labels import shorten_removed_records

        shorten_removed_records(s, int(stored))


# --- settings with their own functions (used by the vocabulary screens and app.phones) ---

def default_language(store: Store) -> str:
    """The language every proposal must at least be worded in (a setting; default: the
    registry's source language)."""
    return str(value(store, DEFAULT_LANGUAGE))


def set_default_language(store: Store, actor: Actor, language: str, *,
                         now: dt.datetime | None = None) -> None:
    require(store, actor, DEFAULT_LANGUAGE.permission)
    set_value(store, actor, DEFAULT_LANGUAGE, language, now=now)


def wording_rules_path(store: Store) -> Path | None:
    """A manager-chosen wording rules file stored in the settings, if any."""
    stored = text_value(store, WORDING_RULES)
    return Path(stored) if stored else None


def set_wording_rules_path(store: Store, actor: Actor, path: Path | None, *,
                           now: dt.datetime | None = None) -> None:
    """Point the wording checks at an extra rules file (``None`` clears it)."""
    require(store, actor, WORDING_RULES.permission)
    stored = ""
    if path is not None:
        stored = str(check(WORDING_RULES, str(path)))
        if not Path(stored).is_file():
            raise ValidationError(_(WORDING_RULES.name),
                                  _("There is no file at {path}.", path=stored))
    with store.write() as s:
        _write(s, actor, WORDING_RULES, stored, now or _now())


def phone_region(store: Store) -> str:
    """The venue's country for phone numbers typed without a country code (default NL)."""
    return str(value(store, PHONE_REGION))


def phone_region_in(stored: str | None) -> str:
    """The stored setting's value checked (an unknown region falls back to the default)."""
    import phonenumbers

    region = (stored or "").upper()
    return region if region in phonenumbers.SUPPORTED_REGIONS else DEFAULT_PHONE_REGION


def set_phone_region(store: Store, actor: Actor, region: str, *,
                     now: dt.datetime | None = None) -> None:
    """A manager sets the venue's country (numbers already stored keep their E.164 form)."""
    require(store, actor, PHONE_REGION.permission)
    set_value(store, actor, PHONE_REGION, region, now=now)


def setting_name(sp: SettingSpec) -> Msg:
    """The setting's name as a message (said in the reader's language by the UI)."""
    return _(sp.name)
