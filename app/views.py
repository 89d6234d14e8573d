"""Plain, immutable snapshots the UI and CLI receive from use cases.

The UI never holds an ORM object or a database session: it gets these
dataclasses, so nothing it does can lazily reach back into the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app import languages
from app.greeting import Greeting
from storage.models import (
    Category,
    ConsentPurpose,
    LabelStatus,
    RemovalReason,
    Role,
    Sensitivity,
    Service,
    Source,
    VisitKind,
    VisitStatus,
)


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member. Obtained from ``app.staff.sign_in``."""

    id: int
    name: str
    role: Role

    @property
    def first_name(self) -> str:
        parts = self.name.split()
        return parts[0] if parts else self.name


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: Role
    active: bool
    locked_until: dt.datetime | None


@dataclass(frozen=True)
class GuestInfo:
    id: int
    ref: str
    full_name: str
    preferred_name: str
    pronunciation: str
    language: str
    email: str | None
    phone: str | None
    created_at: dt.datetime

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.full_name


@dataclass(frozen=True)
class GuestMatch(GuestInfo):
    """A search result: the guest, and why they matched (``app.guest_search``).

    ``why`` is None for a plain name match, else what staff should check before
    greeting ("sounds like", "1 letter different", "phone", "room 312"); ``when``
    is "today" or "week" when a visit starts today or in the six days after.
    """

    why: str | None = None  # an app.i18n.Msg
    tier: int = 0
    when: str = ""


@dataclass(frozen=True)
class Wording:
    language: str
    guest_wording: str
    purpose: str


@dataclass(frozen=True)
class StaffName:
    """What staff call a label in one language."""

    language: str
    staff_wording: str


def _marked(text: str, language: str) -> str:
    """A text shown in another language than the reader's, visibly: "Quiet room [EN]"."""
    return f"{text} [{language.upper()}]"


@dataclass(frozen=True)
class LabelInfo:
    id: int
    key: str | None
    category: Category
    staff_wording: str
    sensitivity: Sensitivity
    retention_days: int
    status: LabelStatus
    wordings: tuple[Wording, ...]
    proposed_by: str | None = None
    proposed_at: dt.datetime | None = None
    reviewed_by: str | None = None
    review_note: str = ""

    names: tuple[StaffName, ...] = ()

    def wording(self, language: str, fallback: str = "en") -> Wording | None:
        by_lang = {w.language: w for w in self.wordings}
        return by_lang.get(language) or by_lang.get(fallback) or next(iter(by_lang.values()), None)

    def staff_name(self, language: str) -> str:
        """The label's name for staff reading ``language``; when it has none in that
        language, another language's name with a visible marker ("Quiet room [EN]")."""
        by_lang = {n.language: n.staff_wording for n in self.names}
        if language in by_lang:
            return by_lang[language]
        for other in (languages.source(), *sorted(by_lang)):
            if other in by_lang:
                return _marked(by_lang[other], other)
        return self.staff_wording

    def staff_names(self) -> dict[str, str]:
        """Every name by language (for editing, and for the wording checks)."""
        return {n.language: n.staff_wording for n in self.names} or {"en": self.staff_wording}

    def has_name(self, language: str) -> bool:
        return any(n.language == language for n in self.names)

    def guest_wording_in(self, language: str) -> str:
        """The guest's wording in ``language``, or another language's with the marker."""
        chosen = self.wording(language, languages.source())
        if chosen is None:
            return self.staff_name(language)
        return chosen.guest_wording if chosen.language == language else \
            _marked(chosen.guest_wording, chosen.language)


@dataclass(frozen=True)
class LabelUsage:
    """A vocabulary entry and how many guests carry it now (vocabulary admin)."""

    label: LabelInfo
    guests: int


@dataclass(frozen=True)
class VisitInfo:
    id: int
    guest_id: int
    kind: VisitKind
    starts_at: dt.datetime
    ends_on: dt.date | None
    service: Service | None
    party_size: int
    place: str
    status: VisitStatus


@dataclass(frozen=True)
class ConsentInfo:
    id: int
    purpose: ConsentPurpose
    given_at: dt.datetime
    recorded_by: str
    recorded_by_role: Role
    withdrawn_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


@dataclass(frozen=True)
class AssignmentInfo:
    id: int
    label: LabelInfo
    added_by: str
    added_by_role: Role
    added_at: dt.datetime
    source: Source
    expires_at: dt.datetime
    consent_id: int | None
    removed_at: dt.datetime | None = None
    removed_by: str | None = None
    removal_reason: RemovalReason | None = None

    @property
    def active(self) -> bool:
        return self.removed_at is None


@dataclass(frozen=True)
class ArrivalRow:
    """One line of today's arrivals or tonight's bookings."""

    visit: VisitInfo
    guest: GuestInfo
    greeting: Greeting
    health: tuple[str, ...] = ()  # staff wording of the guest's health labels (allergies…)


@dataclass(frozen=True)
class GuestCard:
    """Everything the guest card shows, read in one transaction."""

    guest: GuestInfo
    greeting: Greeting
    stay_count: int
    booking_count: int
    last_visit: dt.datetime | None
    assignments: tuple[AssignmentInfo, ...]
    visits: tuple[VisitInfo, ...]
    consents: tuple[ConsentInfo, ...]
    removed: tuple[AssignmentInfo, ...] = field(default=())

    def by_category(self) -> dict[Category, list[AssignmentInfo]]:
        groups: dict[Category, list[AssignmentInfo]] = {c: [] for c in Category}
        for a in self.assignments:
            groups[a.label.category].append(a)
        return groups

    def has_consent(self, purpose: ConsentPurpose) -> bool:
        return any(c.purpose == purpose and c.active for c in self.consents)


@dataclass(frozen=True)
class AuditInfo:
    id: int
    at: dt.datetime
    staff_id: int | None
    staff_name: str
    staff_role: str
    action: str
    guest_ref: str | None
    detail: str
