"""Input checks shared by use cases: refuse clearly before anything is written.

A value is either stored exactly as given (after trimming surrounding spaces)
or refused with a message naming the field; there is no silent truncation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from app import languages
from app.errors import ValidationError
from app.i18n import _

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{4,40}$")


# Control characters, surrogates, private-use and unassigned code points, and format
# characters (Cf): bidi overrides such as U+202E turn "Anna" into a name that reads
# differently on screen than in the store, and zero-width characters make two names
# that look the same differ (or hide a word from the search and the wording check).
_REFUSED = frozenset({"Cc", "Cs", "Co", "Cn", "Cf"})


def _has_control(value: str) -> bool:
    # str.isprintable() is False for every character of those categories (and for
    # separators other than the space): when it holds, no character needs looking at,
    # which spares a 100,000-row import half a million per-character loops.
    if value.isprintable():
        return False
    return any(unicodedata.category(ch) in _REFUSED for ch in value)


# A field's name as people read it: a message, or a function making it (``lambda:
# _("Full name")``), called only when the value is refused — an import checks 100,000
# rows, nearly all of them good, and a message costs more than the check itself.
FieldName = str | Callable[[], str]


def text(field: FieldName, value: str, *, max_len: int, required: bool = False) -> str:
    """Trim, then refuse control characters, over-long values and missing required ones.

    ``field`` is the field's name as people read it: pass a :class:`app.i18n.Msg`
    (``_("Full name")``), or a function returning one, so the message is said in the
    reader's language.
    """
    if not isinstance(value, str):
        name = _name(field)
        raise ValidationError(name, _("{field} must be text.", field=name))
    cleaned = value.strip()
    if required and not cleaned:
        name = _name(field)
        raise ValidationError(name, _("{field} is required.", field=name))
    if len(cleaned) > max_len:
        name = _name(field)
        raise ValidationError(name, _("{field} is too long ({length} characters, at most "
                                      "{limit}).", field=name, length=len(cleaned),
                                      limit=max_len))
    if _has_control(cleaned):
        name = _name(field)
        raise ValidationError(name, _("{field} contains invisible control characters or "
                                      "formatting marks (such as a text-direction mark); "
                                      "please retype it.", field=name))
    return cleaned


def _name(field: FieldName) -> str:
    return field if isinstance(field, str) else field()


def email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = text(lambda: _("Email"), value, max_len=254)
    if not _EMAIL.match(cleaned):
        raise ValidationError(_("Email"), _("“{value}” does not look like an email address.",
                                            value=cleaned))
    return cleaned


def phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    cleaned = text(lambda: _("Phone"), value, max_len=40)
    if not _PHONE.match(cleaned):
        raise ValidationError(_("Phone"),
                              _("A phone number may hold digits, spaces, + ( ) . / - only."))
    return cleaned


def language(value: str) -> str:
    if value not in languages.codes():
        raise ValidationError(_("Language"), _("Language must be one of {codes}.",
                                               codes=", ".join(languages.codes())))
    return value


def pin(value: str) -> str:
    if not (isinstance(value, str) and value.isascii() and value.isdigit() and
            4 <= len(value) <= 12):
        raise ValidationError(_("PIN"), _("A PIN is 4 to 12 digits."))
    return value
