"""Which column holds what: guesses from English, Dutch, German and French headers,
remembered per layout.

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
from app.i18n import N_
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
    REFERENCE = "reference"      # booking / reservation number: recognises a re-import


# What each field is called on screen (English msgids: show with app.i18n.gettext).
FIELD_LABELS: dict[Field, str] = {
    Field.SKIP: N_("(not imported)"), Field.FULL_NAME: N_("Name"),
    Field.FIRST_NAME: N_("First name"), Field.INFIX: N_("Name prefix (van, de)"),
    Field.LAST_NAME: N_("Last name"), Field.PREFERRED_NAME: N_("Preferred name"),
    Field.EMAIL: N_("Email"), Field.PHONE: N_("Phone"), Field.LANGUAGE: N_("Language"),
    Field.ARRIVAL: N_("Arrival"), Field.DEPARTURE: N_("Departure"), Field.DATE: N_("Date"),
    Field.TIME: N_("Time"), Field.ROOM: N_("Room"), Field.TABLE: N_("Table"),
    Field.PARTY: N_("Party size"), Field.KIND: N_("Stay or booking"),
    Field.SERVICE: N_("Service"), Field.REFERENCE: N_("Booking number"),
}

# Words that mark a column of free text about the guest, matched inside the normalised
# header (lower case, accents and punctuation removed: "Gastwünsche" -> "gastwunsche").
# English, Dutch, German and French exports; a column that matches is never imported.
FREE_TEXT_WORDS = (
    # English
    "remark", "note", "comment", "memo", "request", "observation", "description", "feedback",
    "allerg", "diet", "preference", "info", "extra", "message", "instruct", "detail",
    "wish", "special", "annotation",
    # Dutch
    "opmerking", "notitie", "commentaar", "bijzonderhe", "wens", "verzoek", "observatie",
    "omschrijving", "toelichting", "dieet", "voorkeur", "bericht",
    # German
    "bemerkung", "anmerkung", "hinweis", "notiz", "kommentar", "wunsch", "wunsche",
    "besonderheit", "anliegen", "beschreibung", "nachricht", "vorliebe", "diat",
    # French
    "remarque", "commentaire", "observ", "souhait", "demande", "particularit", "regime",
    "precision", "consigne",
)

# (words inside the normalised header, field) in priority order: the first hit wins.
_GUESSES: tuple[tuple[tuple[str, ...], Field], ...] = (
    # Never guessed: money and room categories are not about recognising the guest.
    (("roomtype", "kamertype", "price", "prijs", "amount", "bedrag", "total", "totaal",
      "revenue", "omzet", "spend", "tarief", "ratecode", "deposit", "aanbetaling", "payment",
      "betaling"), Field.SKIP),
    (("zimmerkategorie", "zimmertyp", "preis", "betrag", "summe", "umsatz", "anzahlung",
      "zahlung", "typedechambre", "prix", "montant", "tarif", "acompte", "paiement"),
     Field.SKIP),
    (("bookingnumber", "bookingno", "bookingref", "bookingid", "reservationnumber",
      "reservationno", "reservationid", "confirmationnumber", "reserveringsnummer",
      "boekingsnummer", "bevestigingsnummer", "buchungsnummer", "reservierungsnummer",
      "bestatigungsnummer", "numerodereservation", "resnr", "reference", "referentie",
      "referenz"), Field.REFERENCE),
    (("email", "mail", "courriel"), Field.EMAIL),
    (("phone", "telefoon", "mobiel", "mobile", "gsm", "tel", "telefon", "handy", "mobil",
      "portable"), Field.PHONE),
    (("firstname", "voornaam", "givenname", "forename", "vorname", "prenom"), Field.FIRST_NAME),
    (("tussenvoegsel", "infix", "prefix", "voorvoegsel", "namenszusatz", "particule"),
     Field.INFIX),
    (("lastname", "achternaam", "surname", "familyname", "familienaam", "nachname",
      "familienname", "nomdefamille", "nom"), Field.LAST_NAME),
    (("preferredname", "roepnaam", "nickname", "aanspreeknaam", "rufname", "spitzname",
      "surnom"), Field.PREFERRED_NAME),
    (("language", "taal", "lang", "sprache", "langue"), Field.LANGUAGE),
    (("arrivaltime", "aankomsttijd", "checkintime", "incheckti", "ankunftszeit",
      "anreisezeit", "heuredarrivee"), Field.TIME),
    (("mahlzeit", "repas"), Field.SERVICE),
    (("arrival", "aankomst", "checkin", "incheck", "from", "van", "anreise", "ankunft",
      "arrivee"), Field.ARRIVAL),
    (("departure", "vertrek", "checkout", "uitcheck", "until", "tot", "abreise", "depart"),
     Field.DEPARTURE),
    (("time", "tijd", "hour", "uur", "uhrzeit", "zeit", "heure"), Field.TIME),
    (("date", "datum", "day", "dag", "tag", "jour"), Field.DATE),
    (("room", "kamer", "zimmer", "chambre"), Field.ROOM),
    (("table", "tafel", "tisch"), Field.TABLE),
    (("party", "guests", "gasten", "personen", "persons", "people", "aantal", "pax", "covers",
      "size", "anzahl", "personnes", "couverts", "nombre"), Field.PARTY),
    (("type", "soort", "kind", "categor", "typ", "art", "kategorie"), Field.KIND),
    (("service", "dienst", "shift", "meal", "maaltijd"), Field.SERVICE),
    (("name", "naam", "guest", "gast", "klant", "customer", "contact", "kunde", "client",
      "invite"), Field.FULL_NAME),
)
# A plain "Name" column beside a first-name column holds the surname.
_PLAIN_NAMES = ("name", "naam", "guestname", "gastname", "nom")
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
    """Column index -> field; each field is used for the first column that looks like it.

    "Name" beside "First name" (English, "Naam"/"Voornaam", "Name"/"Vorname",
    "Nom"/"Prénom") is the surname: mapped as the full name it would hide the first name.
    """
    guesses = [guess_field(h) for h in header]
    if Field.FIRST_NAME in guesses and Field.LAST_NAME not in guesses:
        guesses = [Field.LAST_NAME if g == Field.FULL_NAME and normalise(h) in _PLAIN_NAMES
                   else g for g, h in zip(guesses, header, strict=True)]
    used: set[Field] = set()
    out: dict[int, Field] = {}
    for i, f in enumerate(guesses):
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
