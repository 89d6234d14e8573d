"""Which column holds what: guesses from English and Dutch headers, remembered per layout.

A venue imports the same export every day, so a mapping the user corrected
once is stored (in the ``setting`` table, keyed by the header row's
fingerprint) and offered again next time. Free-text columns (remarks,
notes, special requests...) are recognised by name and can never be mapped:
Frontdesk keeps no free text about a guest, and an import must not be a back
door for it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from enum import StrEnum

from app.audit import record
from app.permissions import Action, require
from app.views import Actor
from storage.models import Setting
from storage.store import Store

SETTING_PREFIX = "import.mapping."


class Field(StrEnum):
    """What a column can feed. ``SKIP`` leaves the column out."""

    SKIP = ""
    FULL_NAME = "name"
    FIRST_NAME = "first_name"
    INFIX = "infix"              # Dutch tussenvoegsel: van, de, van der...
    LAST_NAME = "last_name"
    PREFERRED_NAME = "preferred_name"
    EMAIL = "email"
    PHONE = "phone"
    LANGUAGE = "language"
    ARRIVAL = "arrival"          # date, or date and time
    DEPARTURE = "departure"
    DATE = "date"
    TIME = "time"
    ROOM = "room"
    TABLE = "table"
    PARTY = "party"
    KIND = "type"                # stay / booking
    SERVICE = "service"          # lunch / dinner


FIELD_LABELS: dict[Field, str] = {
    Field.SKIP: "(not imported)", Field.FULL_NAME: "Name", Field.FIRST_NAME: "First name",
    Field.INFIX: "Name prefix (van, de)", Field.LAST_NAME: "Last name",
    Field.PREFERRED_NAME: "Preferred name", Field.EMAIL: "Email", Field.PHONE: "Phone",
    Field.LANGUAGE: "Language", Field.ARRIVAL: "Arrival", Field.DEPARTURE: "Departure",
    Field.DATE: "Date", Field.TIME: "Time", Field.ROOM: "Room", Field.TABLE: "Table",
    Field.PARTY: "Party size", Field.KIND: "Stay or booking", Field.SERVICE: "Service",
}

# Words that mark a column of free text about the guest. Matched inside the header.
FREE_TEXT_WORDS = (
    "remark", "opmerking", "note", "notitie", "comment", "commentaar", "bijzonderhe",
    "memo", "wens", "request", "verzoek", "observation", "observatie", "description",
    "omschrijving", "toelichting", "feedback", "allerg", "dieet", "diet", "preference",
    "voorkeur", "info", "extra", "message", "bericht", "instruct", "detail",
)

# (words inside the normalised header, field) in priority order: the first hit wins.
_GUESSES: tuple[tuple[tuple[str, ...], Field], ...] = (
    # Never guessed: money and room categories are not about recognising the guest.
    (("roomtype", "kamertype", "price", "prijs", "amount", "bedrag", "total", "totaal",
      "revenue", "omzet", "spend", "tarief", "ratecode", "deposit", "aanbetaling", "payment",
      "betaling", "bookingnumber", "reservationnumber", "reserveringsnummer"), Field.SKIP),
    (("email", "mail"), Field.EMAIL),
    (("phone", "telefoon", "mobiel", "mobile", "gsm", "tel"), Field.PHONE),
    (("firstname", "voornaam", "givenname", "forename"), Field.FIRST_NAME),
    (("tussenvoegsel", "infix", "prefix", "voorvoegsel"), Field.INFIX),
    (("lastname", "achternaam", "surname", "familyname", "familienaam"), Field.LAST_NAME),
    (("preferredname", "roepnaam", "nickname", "aanspreeknaam"), Field.PREFERRED_NAME),
    (("language", "taal", "lang"), Field.LANGUAGE),
    (("arrivaltime", "aankomsttijd", "checkintime", "incheckti"), Field.TIME),
    (("arrival", "aankomst", "checkin", "incheck", "from", "van"), Field.ARRIVAL),
    (("departure", "vertrek", "checkout", "uitcheck", "until", "tot"), Field.DEPARTURE),
    (("time", "tijd", "hour", "uur"), Field.TIME),
    (("date", "datum", "day", "dag"), Field.DATE),
    (("room", "kamer"), Field.ROOM),
    (("table", "tafel"), Field.TABLE),
    (("party", "guests", "gasten", "personen", "persons", "people", "aantal", "pax", "covers",
      "size"), Field.PARTY),
    (("type", "soort", "kind", "categor"), Field.KIND),
    (("service", "dienst", "shift", "meal", "maaltijd"), Field.SERVICE),
    (("name", "naam", "guest", "gast", "klant", "customer", "contact"), Field.FULL_NAME),
)
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def normalise(header: str) -> str:
    """Lower case, accents and punctuation removed: 'E-mail adres' -> 'emailadres'."""
    folded = unicodedata.normalize("NFKD", header.casefold())
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_A_WORD.sub("", ascii_only)


def is_free_text(header: str) -> bool:
    """True for remarks-like columns, which are never imported."""
    n = normalise(header)
    return any(w in n for w in FREE_TEXT_WORDS)


def guess_field(header: str) -> Field:
    n = normalise(header)
    if not n or is_free_text(header):
        return Field.SKIP
    for words, field in _GUESSES:
        if any(n == w or (len(w) > 3 and w in n) for w in words):
            return field
    return Field.SKIP


def guess_mapping(header: Sequence[str]) -> dict[int, Field]:
    """Column index -> field; each field is used for the first column that looks like it."""
    used: set[Field] = set()
    out: dict[int, Field] = {}
    for i, h in enumerate(header):
        f = guess_field(h)
        if f != Field.SKIP and f not in used:
            out[i] = f
            used.add(f)
    return out


def clean_mapping(header: Sequence[str], mapping: Mapping[int, Field]) -> dict[int, Field]:
    """Drop out-of-range columns, SKIP entries and any mapping of a free-text column."""
    return {i: Field(f) for i, f in mapping.items()
            if 0 <= i < len(header) and Field(f) != Field.SKIP and not is_free_text(header[i])}


def saved_mapping(store: Store, fingerprint: str) -> dict[int, Field] | None:
    """The mapping last confirmed for this header layout, if any."""
    with store.read() as s:
        row = s.get(Setting, SETTING_PREFIX + fingerprint)
        value = row.value if row is not None else None
    if value is None:
        return None
    try:
        codes = json.loads(value)
        return {i: Field(c) for i, c in enumerate(codes) if c}
    except (ValueError, TypeError):
        return None  # an unreadable old entry is the same as none: guess again


def save_mapping(store: Store, actor: Actor, header: Sequence[str],
                 mapping: Mapping[int, Field]) -> None:
    """Remember the mapping for this header layout (audited as ``import.mapping_saved``)."""
    from app.importing.reading import header_fingerprint

    require(store, actor, Action.IMPORT)
    cleaned = clean_mapping(header, mapping)
    codes = [cleaned.get(i, Field.SKIP).value for i in range(len(header))]
    while codes and not codes[-1]:
        codes.pop()
    fp = header_fingerprint(list(header))
    with store.write() as s:
        s.merge(Setting(key=SETTING_PREFIX + fp, value=json.dumps(codes,
                                                                  separators=(",", ":"))))
        record(s, actor, "import.mapping_saved", layout=fp[:12], columns=len(header))


def mapping_for(store: Store, header: Sequence[str]) -> tuple[dict[int, Field], bool]:
    """(mapping, remembered): the saved mapping for this layout, else the guess."""
    from app.importing.reading import header_fingerprint

    saved = saved_mapping(store, header_fingerprint(list(header)))
    if saved is not None:
        return clean_mapping(header, saved), True
    return guess_mapping(header), False
