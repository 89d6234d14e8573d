"""Phone numbers as people say them, made comparable: E.164 in the venue's country.

A guest gives "06 1234 5678", the booking site sends "+31612345678", the
old system exported "0031 6 12345678": one number. :func:`to_e164` reads
any of them with Google's ``phonenumbers`` in the venue's country
(``app.venue_settings.phone_region``) and returns "+31612345678". Guests
keep the number as they gave it for display (``Guest.phone``); search, the
duplicate check and the import compare ``Guest.phone_e164``.

While a number is still being typed ("06 123") it is not a number yet;
:func:`e164_prefix` gives the E.164 beginning it must have ("+31612 3"
→ "+316123"), so type-ahead finds the guest before the last digit.
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")
# A typed text is treated as a phone number from this many digits on; shorter digit
# strings are room/table numbers or the start of a number, searched as text.
MIN_DIGITS = 6


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def looks_like_phone(typed: str) -> bool:
    """Only phone characters and at least :data:`MIN_DIGITS` digits ("06-1234", "+31 6 …")."""
    text = typed.strip()
    return bool(_PHONE_CHARS.match(text)) and len(digits(text)) >= MIN_DIGITS


def to_e164(typed: str | None, region: str) -> str | None:
    """The number in E.164 ("+31612345678"), or None when it cannot be a phone number.

    National numbers are read in ``region``'s numbering plan (trunk prefix "0"
    in NL), international ones by their "+" or the region's exit code ("00").
    "Possible", not "valid": a new number range or a hotel's fictional test
    number is still stored and found; only impossible lengths give None.
    """
    if not typed or not typed.strip():
        return None
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@cache
def _plan(region: str) -> tuple[str, str, str]:
    """(country code, national trunk prefix, international exit code) of ``region``."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    code = str(phonenumbers.country_code_for_region(region))
    if meta is None:
        return code, "", "00"
    exit_code = meta.preferred_international_prefix or meta.international_prefix or "00"
    if not exit_code.isdigit():
        exit_code = "00"
    return code, meta.national_prefix or "", exit_code


def e164_prefix(typed: str, region: str) -> str | None:
    """The beginning every matching E.164 number has, for a number still being typed.

    "+31 6 12" → "+31612"; "0031 6" → "+316"; "06 12" → "+31612" (NL). None when the
    text is not the start of a number (letters, fewer than :data:`MIN_DIGITS` digits).
    """
    if not looks_like_phone(typed):
        return None
    text = typed.strip()
    d = digits(text)
    code, trunk, exit_code = _plan(region)
    if text.startswith("+"):
        return "+" + d
    if d.startswith(exit_code):
        return "+" + d[len(exit_code):]
    if trunk and d.startswith(trunk):
        return "+" + code + d[len(trunk):]
    return "+" + code + d


def display(e164: str, region: str) -> str:
    """How staff read a stored number: national format at home, international abroad."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    home = phonenumbers.region_code_for_number(number) == region
    fmt = (phonenumbers.PhoneNumberFormat.NATIONAL if home
           else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, fmt)


def region_choices(reader: str) -> list[tuple[str, str]]:
    """Every country ``phonenumbers`` can read numbers of, as (ISO code, "Nederland (+31)"),
    named in the reader's language (CLDR through Babel) and sorted by that name: the
    choices of the venue's phone-number country (``app.venue_settings.PHONE_REGION``)."""
    from babel import Locale, UnknownLocaleError

    from app import languages

    lang = languages.get(reader) or languages.get(languages.source())
    try:
        names = Locale.parse(lang.locale).territories if lang else {}
    except (UnknownLocaleError, ValueError):
        names = {}
    choices = [(code, f"{names.get(code, code)} (+{phonenumbers.country_code_for_region(code)})")
               for code in phonenumbers.SUPPORTED_REGIONS]
    return sorted(choices, key=lambda c: _fold(c[1]))


def _fold(text: str) -> str:
    """Sort key that puts "Österreich" with the O's (accents folded, case ignored)."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(ch))
