"""The categories a wording finding can have: severity, kind, reason and suggestion.

Each lexicon file (``resources/lexicons/<lang>/<category>.txt``) feeds one of
these categories. The reason and suggestion are English msgids marked with
:func:`app.i18n.N_`, said in the reader's language with :func:`reason` and
:func:`suggestion` (the catalogues are ``resources/locale/*``).

Kinds follow the law the checks serve (GDPR art. 9): health is special-category
data a label may hold only with the guest's explicit consent; origin, religion,
sexual life, politics, union membership and genetic or biometric data are
special categories Frontdesk never records; everything else blocked is a
judgement about a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.i18n import N_, gettext

__all__ = ["ALIASES", "CATEGORIES", "Category", "Kind", "Severity", "reason", "suggestion"]


class Severity(StrEnum):
    """How a category's findings are treated."""

    BLOCK = "block"
    """Never acceptable in a label."""
    HEALTH = "health"
    """Health data: acceptable only on a special-category label (explicit consent)."""
    WARN = "warn"
    """Vague or speculative wording: allowed, but the reviewer should look again."""


class Kind(StrEnum):
    JUDGEMENT = "judgement"  # an opinion about a person
    SPECIAL = "special"  # a special category other than health: refused
    HEALTH = "health"  # special category health: needs the guest's consent
    SOFT = "soft"  # worth a second look


@dataclass(frozen=True)
class Category:
    name: str
    severity: Severity
    kind: Kind
    title: str  # msgid
    reason: str  # msgid
    suggestion: str  # msgid


def _c(name: str, kind: Kind, title: str, reason: str, suggestion: str) -> Category:
    severity = {Kind.HEALTH: Severity.HEALTH, Kind.SOFT: Severity.WARN}.get(kind, Severity.BLOCK)
    return Category(name, severity, kind, title, reason, suggestion)


CATEGORIES: dict[str, Category] = {c.name: c for c in (
    _c("spending", Kind.JUDGEMENT, N_("Money and spending"),
       N_("Says something about a guest's money or spending."),
       N_("Every guest gets the same care; record the preference itself instead (for example "
          "'Prefers a sea view').")),
    _c("value_ranking", Kind.JUDGEMENT, N_("Ranking by value"),
       N_("Ranks a guest's worth."),
       N_("We recognise people, we don't grade them; every guest may read this. Record what "
          "helps you serve them instead.")),
    _c("character_mood", Kind.JUDGEMENT, N_("Character and mood"),
       N_("Judges a guest's character or mood."),
       N_("That is an opinion, not a service need; record what the guest asked for instead "
          "(for example 'Prefers a quiet table').")),
    _c("suspicion_behaviour", Kind.JUDGEMENT, N_("Suspicion and behaviour"),
       N_("Suspects or accuses a guest, or judges their behaviour (drinking, honesty, private "
          "life)."),
       N_("Incidents go through the incident procedure, never onto a guest's labels.")),
    _c("body_looks", Kind.JUDGEMENT, N_("Body and looks"),
       N_("Describes a guest's body or looks."),
       N_("Looks are not a service need; if something matters, record the need itself (for "
          "example 'Extra-long bed').")),
    _c("age", Kind.JUDGEMENT, N_("Age"),
       N_("Describes or guesses a guest's age."),
       N_("Record the need itself (for example 'Prefers a room near the lift').")),
    _c("origin", Kind.SPECIAL, N_("Origin and nationality"),
       N_("Refers to ethnic origin or nationality, which Frontdesk never records."),
       N_("If language matters, record the language (for example 'Prefers to speak "
          "Portuguese'); a dish or wine from a country is fine.")),
    _c("religion", Kind.SPECIAL, N_("Religion"),
       N_("Reveals or guesses a guest's religion (by name, dress or practice), which Frontdesk "
          "never records."),
       N_("Record the need itself (for example 'No pork' or 'No alcohol in dishes').")),
    _c("sexuality_gender", Kind.SPECIAL, N_("Sexual orientation and gender identity"),
       N_("Refers to sexual orientation or gender identity, which Frontdesk never records."),
       N_("For how to address someone, record the name or form of address they asked for.")),
    _c("politics_union", Kind.SPECIAL, N_("Politics and union membership"),
       N_("Refers to political opinions or trade-union membership, which Frontdesk never "
          "records."),
       N_("Leave it out: no guest would want to find it in their file.")),
    _c("genetic_biometric", Kind.SPECIAL, N_("Genetic and biometric data"),
       N_("Refers to genetic or biometric data, which Frontdesk never records."),
       N_("Leave it out: it is not a service need.")),
    _c("health", Kind.HEALTH, N_("Health"),
       N_("This is health data (a special category)."),
       N_("It may only be on a label marked as health information, and used only with the "
          "guest's explicit consent.")),
    _c("vague", Kind.SOFT, N_("Vague or mocking"),
       N_("Vague, loaded or mocking wording."),
       N_("Would the guest understand it, and be glad to read it? Say plainly what we do for "
          "them.")),
    _c("speculation", Kind.SOFT, N_("Guesswork"),
       N_("Guesses about a guest instead of saying what they told us."),
       N_("Record only what the guest told us or asked for.")),
)}

#: Group names of the old word lists, still accepted in managers' own rule files.
ALIASES = {
    "appearance_age": "body_looks",
    "ethnicity_nationality": "origin",
    "sexuality_gender_identity": "sexuality_gender",
    "political_opinion": "politics_union",
    "accusation_private_life": "suspicion_behaviour",
    "vague_or_mocking": "vague",
}


def canonical(name: str) -> str:
    return ALIASES.get(name, name)


def reason(name: str, language: str) -> str:
    """The built-in reason for category ``name`` in ``language`` (English if untranslated)."""
    return gettext(language, CATEGORIES[canonical(name)].reason)


def suggestion(name: str, language: str) -> str:
    return gettext(language, CATEGORIES[canonical(name)].suggestion)


def title(name: str, language: str) -> str:
    return gettext(language, CATEGORIES[canonical(name)].title)
