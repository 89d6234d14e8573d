"""Translatable messages from ``app/`` without Qt: gettext catalogues made with Babel.

``app/`` writes every sentence a person reads in English, wrapped in :func:`_`::

    raise ValidationError(_("Full name"), _("{field} is required.", field=_("Full name")))

:func:`_` returns a :class:`Msg`: a ``str`` (the English text, so logs, ``str(exc)``
and old callers keep working) that also remembers its msgid and parameters, so
the reader's side can say it in another language with :func:`translate`:

* the staff UI passes its interface language (``ui.i18n.say(exc)``);
* Show guest, the PDF and the JSON pass the guest's language.

Parameters that are themselves :class:`Msg` are translated in the same language.
:func:`N_` only marks a string for extraction (tables of words defined at import
time); translate it later with :func:`gettext`.

Catalogues: ``resources/locale/<lang>/LC_MESSAGES/frontdesk.po`` (one per language
in ``resources/languages.toml``), extracted and updated by
``packaging/update_catalogues.py`` (Babel). They are read when a language is
first needed, compiled in memory with Babel, and used through the standard
library's ``gettext``; a missing catalogue or entry falls back to English.
"""

from __future__ import annotations

import gettext as _gettext
import io
import threading
from collections.abc import Mapping, Sequence

from app import languages

_lock = threading.Lock()
_catalogues: dict[str, _gettext.NullTranslations] = {}


class Msg(str):
    """An English message that can be said in any registered language."""

    msgid: str
    params: Mapping[str, object]
    plural: str | None
    n: int | None

    def __new__(cls, msgid: str, params: Mapping[str, object] | None = None, *,
                plural: str | None = None, n: int | None = None) -> Msg:
        params = dict(params or {})
        template = plural if (plural is not None and n is not None and n != 1) else msgid
        obj = super().__new__(cls, _fill(template, params, languages.source()))
        obj.msgid = msgid
        obj.params = params
        obj.plural = plural
        obj.n = n
        return obj

    def render(self, language: str) -> str:
        if self.plural is not None and self.n is not None:
            template = ngettext(language, self.msgid, self.plural, self.n)
        else:
            template = gettext(language, self.msgid)
        try:
            return _fill(template, self.params, language)
        except (KeyError, IndexError, ValueError):
            # A translation naming a placeholder the code does not pass: the catalogue
            # test catches it, but a hand-edited catalogue must not turn a message into
            # a crash at the desk. Say it in English instead.
            english = self.plural if (self.plural is not None and self.n != 1) else self.msgid
            return _fill(english, self.params, language)

    def __reduce__(self) -> tuple[object, ...]:  # keep Msg through pickling (worker threads)
        return (_rebuild, (self.msgid, dict(self.params), self.plural, self.n))


def _rebuild(msgid: str, params: dict[str, object], plural: str | None, n: int | None) -> Msg:
    return Msg(msgid, params, plural=plural, n=n)


def _(msgid: str, /, **params: object) -> Msg:
    """A message to show a person; ``{name}`` placeholders are filled from ``params``."""
    return Msg(msgid, params)


def ngettext_(singular: str, plural: str, n: int, /, **params: object) -> Msg:
    """A message with a count: ``ngettext_("{n} guest", "{n} guests", n, n=n)``."""
    return Msg(singular, params, plural=plural, n=n)


def joined(parts: Sequence[object], separator: str = "; ") -> Msg:
    """Several messages as one, each said in the reader's language: ``"a; b; c"``."""
    names = [f"p{i}" for i in range(len(parts))]
    return Msg(separator.join("{" + n + "}" for n in names), dict(zip(names, parts, strict=True)))


def N_(msgid: str, /) -> str:
    """Mark a string for extraction only; translate it where it is shown with :func:`gettext`."""
    return msgid


def _fill(template: str, params: Mapping[str, object], language: str) -> str:
    if not params:
        return template
    values = {k: _say(v, language) for k, v in params.items()}
    return template.format(**values)


class Number:
    """A count shown with the reader's digit grouping ("12,345" / "12.345"): ``num(n)``."""

    __slots__ = ("value",)

    def __init__(self, value: float) -> None:
        self.value = value

    def render(self, language: str) -> str:
        from babel.numbers import format_decimal

        lang = languages.get(language) or languages.get(languages.source())
        return str(format_decimal(self.value, locale=lang.locale if lang else "en"))

    def __str__(self) -> str:
        return self.render(languages.source())

    def __repr__(self) -> str:
        return f"num({self.value!r})"


def num(value: float) -> Number:
    """Mark a message parameter as a quantity (grouped per language); ids stay plain ints."""
    return Number(value)


def _say(value: object, language: str) -> object:
    if isinstance(value, (Msg, Number)):
        return value.render(language)
    if isinstance(value, (list, tuple)):  # several sentences (reasons), each in the language
        return " ".join(str(_say(v, language)) for v in value)
    return value


def translate(value: object, language: str) -> str:
    """Say ``value`` (a Msg, an exception carrying one, or anything else) in ``language``."""
    if isinstance(value, BaseException):
        value = value.args[0] if len(value.args) == 1 else str(value)
    if isinstance(value, Msg):
        return value.render(language)
    return str(value)


def cli_language(choice: str | None = None) -> str:
    """The command line's language: ``--lang``, then ``$FRONTDESK_LANG``, then the
    system's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), when Frontdesk speaks it; else English."""
    import os

    for value in (choice, os.environ.get("FRONTDESK_LANG"), os.environ.get("LC_ALL"),
                  os.environ.get("LC_MESSAGES"), os.environ.get("LANG")):
        code = (value or "").strip().lower()[:2]
        lang = languages.get(code)
        if lang is not None and lang.staff_complete:
            return code
    return languages.source()


# TRANSLATORS: the answers that mean "yes" at a "[y/N]" question on the command line,
# separated by "|", lower case (English's "y" and "yes" are always accepted too).
YES_ANSWERS = N_("y|yes")


def is_yes(answer: str, language: str) -> bool:
    """Whether ``answer`` to a "[y/N]" question means yes in ``language`` (or English): the
    words come from the catalogue, so a new language brings its own ("o|oui")."""
    words = f"{YES_ANSWERS}|{gettext(language, YES_ANSWERS)}".split("|")
    return answer.strip().casefold() in {w.strip().casefold() for w in words} - {""}


def gettext(language: str, msgid: str) -> str:
    return catalogue(language).gettext(msgid)


def ngettext(language: str, singular: str, plural: str, n: int) -> str:
    return catalogue(language).ngettext(singular, plural, n)


def catalogue(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue for ``language`` (English: none), read once and kept."""
    with _lock:
        found = _catalogues.get(language)
        if found is None:
            found = _load_catalogue(language)
            _catalogues[language] = found
        return found


def _load_catalogue(language: str) -> _gettext.NullTranslations:
    lang = languages.get(language)
    if lang is None or language == languages.source() or not lang.app_catalogue.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with lang.app_catalogue.open("rb") as fh:
        cat = read_po(fh, locale=language, domain=languages.DOMAIN)
    buf = io.BytesIO()
    write_mo(buf, cat, use_fuzzy=False)  # unreviewed (fuzzy) entries stay English
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def reset_cache() -> None:
    """Forget loaded catalogues (tests that rewrite a catalogue)."""
    with _lock:
        _catalogues.clear()
