"""Input checks shared by use cases: refuse clearly before anything is written.

A value is either stored exactly as given (after trimming surrounding spaces)
or refused with a message naming the field; there is no silent truncation.
"""

from __future__ import annotations

import re
import unicodedata

from app.errors import ValidationError

LANGUAGES = {"en": "English", "nl": "Nederlands"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{4,40}$")


def _has_control(value: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in value)


def text(field: str, value: str, *, max_len: int, required: bool = False) -> str:
    """Trim, then refuse control characters, over-long values and missing required ones."""
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} must be text.")
    cleaned = value.strip()
    if required and not cleaned:
        raise ValidationError(field, f"{field} is required.")
    if len(cleaned) > max_len:
        raise ValidationError(field, f"{field} is too long ({len(cleaned)} characters, at most "
                                     f"{max_len}).")
    if _has_control(cleaned):
        raise ValidationError(field, f"{field} contains invisible control characters; "
                                     "please retype it.")
    return cleaned


def email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = text("Email", value, max_len=254)
    if not _EMAIL.match(cleaned):
        raise ValidationError("Email", f"“{cleaned}” does not look like an email address.")
    return cleaned


def phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = text("Phone", value, max_len=40)
    if not _PHONE.match(cleaned):
        raise ValidationError("Phone", "A phone number may hold digits, spaces, + ( ) . / - only.")
    return cleaned


def language(value: str) -> str:
    if value not in LANGUAGES:
        raise ValidationError("Language", f"Language must be one of {', '.join(LANGUAGES)}.")
    return value


def pin(value: str) -> str:
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and
            4 <= len(value) <= 12):
        raise ValidationError("PIN", "A PIN is 4 to 12 digits.")
    return value
