"""The guest-facing words: Show guest, the PDF and the JSON export, in the guest's language.

The desk is translated with Qt's tools, but the guest report is also built
without Qt (the JSON export, `frontdesk export-guest`), so its words are
``app.i18n`` messages like every other sentence from ``app/``: written here
in English, marked with :func:`~app.i18n.N_` (extracted by
``packaging/update_catalogues.py``) and said in a language with :func:`say`.
The Show-guest view (``ui/``) takes its buttons and confirmations from
:class:`Say`, so the guest never reads a word from the staff's catalogue.

Which language a guest reads comes from the registry (``app.languages``):
theirs when its guest texts are complete, otherwise English with a note.
Dates are written out with Babel in the registry's patterns ("Friday 27
November", "27 November 2026"), never as digits a reader could misread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel.dates import format_date

from app import languages
from app.i18n import N_, Msg, gettext, ngettext, ngettext_

# Date with its year, when the registry does not give one (see languages.Language.full_date).
_FULL_DATE = "d MMMM y"


def supported(language: str) -> str:
    """The language a guest's pages are in: theirs when complete, else the source language."""
    return languages.guest_language(language)


def say(language: str, msgid: str, /, **values: object) -> str:
    """One marked message in ``language`` (English when missing), ``{names}`` filled in."""
    template = gettext(supported(language), msgid)
    return template.format(**values) if values else template


def say_n(language: str, message: Msg, n: int, /, **values: object) -> str:
    """A plural message (:func:`plural`) for ``n``, in the form ``language`` uses."""
    template = ngettext(supported(language), message.msgid, message.plural or message.msgid, n)
    return template.format(n=n, **values)


def plural(message: Msg) -> Msg:
    """Mark a module-level ``ngettext_(singular, plural, 2)`` as a table entry for :func:`say_n`.

    (Written with ``ngettext_`` so the extractor files both forms as one plural entry.)
    """
    return message


def word(language: str, table: Mapping[str, str], code: str) -> str:
    """A domain code (an enum value) in plain words; the code itself if the table lacks it."""
    msgid = table.get(code)
    return say(language, msgid) if msgid else code


def date_words(value: dt.date, language: str) -> str:
    """'27 November 2026' / '27 november 2026': unambiguous for any reader."""
    lang = supported(language)
    entry = languages.get(lang)
    pattern = entry.full_date if entry else _FULL_DATE
    return format_date(value, pattern, locale=entry.locale if entry else lang)


def day_words(value: dt.date, language: str, *, today: dt.date | None = None) -> str:
    """'Friday 27 November' (the registry's long date); with the year when it is not this year."""
    lang = supported(language)
    if today is not None and value.year != today.year:
        return date_words(value, lang)
    entry = languages.get(lang)
    return format_date(value, entry.long_date if entry else "EEEE d MMMM",
                       locale=entry.locale if entry else lang)


def datetime_words(value: dt.datetime, language: str) -> str:
    return say(language, N_("{date} at {time}"), date=date_words(value.date(), language),
               time=value.strftime("%H:%M"))


def language_name(code: str) -> str:
    """A language in its own words ("Nederlands"), as every menu shows it."""
    return languages.native_name(code)


# --- the guest's reference, short -------------------------------------------------------
# Guest.ref is a random 128-bit token (32 hex digits) that the audit log uses instead of a
# name. The guest reads its first 40 bits in Crockford's base 32: 8 characters without
# I, L, O or U, in two groups ("7KQ2-M9XD"), easy to read aloud or type. One guest in a
# million shares them with another; `resolve_guest` then asks for more.
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SHORT_REF_HEX = 10  # 40 bits


def short_ref(ref: str) -> str:
    """The readable form of a guest reference: 8 characters in two groups of four."""
    value = int(ref[:SHORT_REF_HEX], 16)
    chars = "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def ref_prefix(short: str) -> str | None:
    """The hex prefix a short reference stands for, or None if ``short`` is not one."""
    cleaned = short.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))  # Crockford's read-alikes
    if len(cleaned) != 8 or any(ch not in _CROCKFORD for ch in cleaned):
        return None
    value = 0
    for ch in cleaned:
        value = value * 32 + _CROCKFORD.index(ch)
    return f"{value:0{SHORT_REF_HEX}x}"


# --- domain codes in plain words (keys are the enum values) -----------------------------
ROLE = {"receptionist": N_("receptionist"), "host": N_("restaurant host"),
        "manager": N_("manager")}
VISIT_KIND = {"stay": N_("hotel stay"), "booking": N_("restaurant booking")}
VISIT_STATUS = {"expected": N_("expected"), "arrived": N_("arrived"),
                "departed": N_("departed"), "cancelled": N_("cancelled")}
SERVICE = {"lunch": N_("lunch"), "dinner": N_("dinner")}
CONSENT_PURPOSE = {"health": N_("Using health information you give us (such as allergies, "
                                "diet or mobility) to look after you")}
REMOVAL_REASON = {"guest_request": N_("you asked us to forget it"),
                  "no_longer_true": N_("it was no longer true"),
                  "added_by_mistake": N_("it was added by mistake"),
                  "consent_withdrawn": N_("you withdrew your consent"),
                  "label_retired": N_("we stopped using this kind of note"),
                  "expired": N_("its time was up")}
SOURCE = {"guest_told": N_("you told us"), "staff_observed": N_("we noticed")}
CATEGORY = {"recognition": N_("So we recognise you"),
            "appreciation": N_("What we appreciate"),
            "preference": N_("Your preferences"),
            "guest_control": N_("Your wishes about how we treat you")}
# What happened, for the history of the guest's information (audit actions).
ACTION = {"guest.opened": N_("opened your profile"),
          "guest.created": N_("wrote down your details"),
          "guest.updated": N_("changed your details"),
          "guest.shown": N_("showed you this page"),
          "guest.exported": N_("made a copy of your data for you"),
          "guest.printed": N_("printed a copy of your data for you"),
          "guest.kept": N_("decided to keep your details"),
          "label.assigned": N_("added a note"),
          "label.removed": N_("removed a note"),
          "label.forgotten": N_("forgot a note, as you asked"),
          "label.expired": N_("deleted notes whose time was up"),
          "consent.given": N_("recorded your consent"),
          "consent.withdrawn": N_("recorded that you withdrew your consent"),
          "visit.recorded": N_("recorded a visit"),
          "visit.status": N_("updated a visit"),
          "guest.merged": N_("merged two profiles of yours into one"),
          "guest.merge_undone": N_("undid the merge of your profiles"),
          "other": N_("made a change")}


def action_words(action: str, language: str) -> str:
    if action in ACTION:
        return word(language, ACTION, action)
    if action.startswith("visit."):
        return word(language, ACTION, "visit.status")
    return word(language, ACTION, "other")


class Say:
    """Guest-facing sentences of the report and the Show-guest view (English msgids)."""

    TITLE = N_("Everything we keep about you")
    INTRO = N_("This is all the information {venue} has stored about you, in plain words. "
               "You can ask us to remove any of it, right here.")
    VENUE_FALLBACK = N_("our hotel and restaurant")
    FELL_BACK = N_("We do not have this page in your language yet, so it is shown in English.")
    GENERATED = N_("Made on {date}")
    CONTROLLER = N_("Who keeps your information")
    REFERENCE = N_("Your reference: {ref}")
    PAGE = N_("Page {page} of {pages}")
    RIGHTS = N_("Your choices")
    # sections: (title, intro, what to say when empty)
    DETAILS = (N_("Your details"), N_("What we use to greet you and to contact you."))
    MERGES = (N_("Your profiles that we merged"),
              N_("We had written down your details twice and joined them into this one "
                 "profile. A manager can undo it until the date shown."))
    LABELS = (N_("What we noted to serve you better"),
              N_("Each note was chosen from a list our manager approved. Nothing else is "
                 "written about you."),
              N_("We have noted nothing about you."))
    REMOVED = (N_("Notes our staff removed"),
               N_("Our staff took these notes off because they were no longer right. We "
                  "keep this record for {days} days so a manager can check the change; "
                  "then it is deleted. Notes about your health are deleted at once."))
    VISITS = (N_("Your visits"), N_("Your stays and table bookings with us."),
              N_("No visits recorded."))
    CONSENTS = (N_("Your consent"), N_("Permissions you gave us, and any you withdrew."),
                N_("You have not given us any consent."))
    ACCESS = (N_("Who opened your profile"),
              N_("Every time a member of our staff looked at your details."),
              N_("Nobody has opened your profile yet."))
    CHANGES = (N_("History of your information"),
               N_("Everything we did with your information, and who did it."),
               N_("Nothing recorded yet."))
    # what is gone (nothing of it is kept, only that it happened)
    FORGOTTEN = plural(ngettext_(
        "On {day} you asked us to forget one note; it is gone.",
        "On {day} you asked us to forget {n} notes; they are gone.", 2))
    WITHDRAWN_GONE = plural(ngettext_(
        "On {day} you withdrew this consent; the note that relied on it is gone.",
        "On {day} you withdrew this consent; the {n} notes that relied on it are gone.", 2))
    WITHDRAWN_NOTHING = N_("On {day} you withdrew this consent.")
    # your choices
    RIGHT_REMOVE = N_("You can ask us to forget any note, at once: it is deleted, not kept.")
    RIGHT_WITHDRAW = N_("You can withdraw your consent; the notes that rely on it are deleted "
                        "at once.")
    RIGHT_CORRECT = N_("You can correct your name, pronunciation, language and contact "
                       "details.")
    RIGHT_COPY = N_("You can take a copy of this page, on paper or as a file.")
    RIGHT_ERASE = N_("You can ask a manager to erase everything we keep about you.")
    RIGHT_RETENTION = N_("If you do not visit for {months} months, a manager reviews whether to "
                         "delete your information.")
    # values
    NOT_GIVEN = N_("not given")
    YES = N_("yes")
    SYSTEM = N_("our system (automatic)")
    STAFF_GONE = N_("a former member of staff")
    PERSON = N_("{first_name}, {role}")
    CONSENT_ACTIVE = N_("Active")
    CONSENT_WITHDRAWN = N_("Withdrawn")
    NIGHTS = N_("{start} until {end}")
    UNDO_DATA_GONE = N_("deleted (the time for undoing has passed)")
    HEALTH_KIND = N_("{kind} (health information: kept only with your consent)")
    # the view's buttons and confirmations
    FORGET = N_("Please forget this")
    WITHDRAW = N_("Withdraw my consent")
    CORRECT = N_("Correct my details")
    PRINT = N_("Print my copy")
    DATA_COPY = N_("Make a file with my data")
    DONE = N_("I am done")
    YES_FORGET = N_("Yes, forget it")
    YES_WITHDRAW = N_("Yes, withdraw")
    SAVE = N_("Save my details")
    CANCEL = N_("Go back")
    CONFIRM_FORGET = N_("Forget this note now?\n\n“{label}”\n\nIt is deleted at once and "
                        "cannot be brought back.")
    CONFIRM_WITHDRAW = N_("Withdraw your consent?\n\n“{purpose}”")
    QUOTED = N_("“{text}”")
    CONFIRM_WITHDRAW_NONE = N_("No note relies on it at the moment.")
    CONFIRM_WITHDRAW_LABELS = plural(ngettext_(
        "This note relies on it and is deleted at once:",
        "These {n} notes rely on it and are deleted at once:", 2))
    DONE_FORGET = N_("Done: the note is deleted. We no longer have it.")
    DONE_WITHDRAW = N_("Done: your consent is withdrawn.")
    DONE_WITHDRAW_LABELS = plural(ngettext_(
        "Done: your consent is withdrawn and one note is deleted.",
        "Done: your consent is withdrawn and {n} notes are deleted.", 2))
    DONE_CORRECT = N_("Done: your details are updated.")
    DONE_PRINTED = N_("Your copy is printing. Our staff will hand it to you.")
    DONE_FILE = N_("Your file is ready. Our staff will give it to you.")
    CORRECT_TITLE = N_("Correct your details")
    CORRECT_QUESTION = N_("Save these details?")
    HANDOVER = N_("Please hand the screen back to our staff when you are done.")
    PROBLEM = N_("That did not work: {message}")
    MAKING_COPY = N_("Making your copy…")
    COPY_FAILED = N_("we could not make your copy just now. Please ask our staff.")
    PRINTER_MISSING = N_("the printer is not available. Please ask our staff.")
    NO_VENUE = N_("We cannot make your copy yet: our manager has not entered our name and "
                  "address. Please ask our staff.")
    # the guest's own fields, for the correction page
    FIELD_FULL_NAME = N_("Full name")
    FIELD_PREFERRED_NAME = N_("Name you like to be called")
    FIELD_PRONUNCIATION = N_("How to pronounce your name")
    FIELD_LANGUAGE = N_("Your language")
    FIELD_EMAIL = N_("Email")
    FIELD_PHONE = N_("Phone")


def section_words(language: str, words: tuple[str, ...], **values: object
                  ) -> tuple[str, str, str]:
    """(title, intro, empty) of a section in ``language``; empty is "" when not given."""
    title, intro = say(language, words[0]), say(language, words[1], **values)
    return title, intro, say(language, words[2]) if len(words) > 2 else ""
