"""Plain, immutable snapshots the UI and CLI receive from use cases.

The UI never holds an ORM object or a database session: it gets these
dataclasses, so nothing it does can lazily reach back into the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, SupportsIndex

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

# Programmer errors (never shown to a person), so plain English.
_NOT_BY_HAND = "Actor values come only from app.staff (sign-in); they cannot be built, " \
    "subclassed, pickled or copied into a new one."
_READ_ONLY = "An Actor is read-only."


class Actor:
    """The signed-in staff member: a capability, obtained only from ``app.staff``.

    ``sign_in``, ``create_first_manager`` (and the backup service credential)
    issue one; ``app.permissions.require`` accepts it only while its session
    token is in that process's registry *and* the store still lists the person
    as active, in a role allowed to act. So a hand-built ``Actor(...)``, a
    subclass, a pickled or altered copy, or ``None`` never passes ``require``.
    Its fields are read-only; ``role`` is the role at sign-in, for the UI to
    mirror menus — ``require`` always reads the current role from the store.
    """

    __slots__ = ("_id", "_name", "_role", "_service", "_token")
    _id: int
    _name: str
    _role: Role
    _service: str
    _token: str

    def __new__(cls, *args: object, **kwargs: object) -> Actor:
        raise TypeError(_NOT_BY_HAND)

    def __init_subclass__(cls, **kwargs: object) -> None:
        raise TypeError(_NOT_BY_HAND)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(_READ_ONLY)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(_READ_ONLY)

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        raise TypeError(_NOT_BY_HAND)

    def __copy__(self) -> Actor:
        return self

    def __deepcopy__(self, memo: object) -> Actor:
        return self

    def __eq__(self, other: object) -> bool:
        return other is self or (type(other) is Actor and other._token == self._token)

    def __hash__(self) -> int:
        return hash(self._token)

    def __repr__(self) -> str:
        return f"Actor(id={self._id}, name={self._name!r}, role={self._role.value})"

    @property
    def id(self) -> int:
        return self._id

    @property
    def name(self) -> str:
        return self._name

    @property
    def role(self) -> Role:
        return self._role

    @property
    def first_name(self) -> str:
        parts = self._name.split()
        return parts[0] if parts else self._name

    @property
    def service(self) -> str:
        """"" for a person; "backup" for the scheduled backup's credential (no staff row,
        id 0, and only the scheduled backup is allowed: ``app.permissions``)."""
        return self._service


def _actor(staff_id: int, name: str, role: Role, token: str, service: str = "") -> Actor:
    """Build the value ``app.permissions`` issues (private: a bare Actor has no session)."""
    a = object.__new__(Actor)
    for slot, value in (("_id", staff_id), ("_name", name), ("_role", Role(role)),
                        ("_service", service), ("_token", token)):
        object.__setattr__(a, slot, value)
    return a


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
    health: tuple[LabelInfo, ...] = ()  # the guest's health labels (allergies, diets…)


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
