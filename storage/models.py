"""SQLAlchemy 2 models: the domain words of Frontdesk as tables.

There is deliberately no column where staff can type an opinion about a guest.
Everything said *about* a guest is an :class:`Assignment` of an approved
:class:`Label`; the only free text in guest rows is what the guest is (name,
contact details, a pronunciation hint), all of which the guest sees in the
Show-guest view.

Audit events refer to a guest by ``Guest.ref`` (a random token), never by name
or row id, so that erasing the guest leaves the hash-chained log intact but
pseudonymous.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Role(StrEnum):
    RECEPTIONIST = "receptionist"
    HOST = "host"
    MANAGER = "manager"


class Category(StrEnum):
    """The four HWMR label categories."""

    RECOGNITION = "recognition"
    APPRECIATION = "appreciation"
    PREFERENCE = "preference"
    GUEST_CONTROL = "guest_control"


class Sensitivity(StrEnum):
    NORMAL = "normal"
    SPECIAL = "special"  # special-category data (health): needs explicit consent


class SpecialAnswer(StrEnum):
    """The manager's explicit answer, on every approval, edit and rewording of a label:
    does it reveal a special category of personal data?"""

    NONE = "none"  # no: ordinary service data
    HEALTH = "health"  # yes, health: a special-category label, used only with consent
    OTHER = "other"  # yes, origin, religion, sexual life, politics, union, genetic/biometric


class ReviewAction(StrEnum):
    APPROVED = "approved"
    EDITED = "edited"  # edited and approved in one step
    REWORDED = "reworded"  # an approved label's words changed


class LabelStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETIRED = "retired"


class VisitKind(StrEnum):
    STAY = "stay"
    BOOKING = "booking"


class VisitStatus(StrEnum):
    EXPECTED = "expected"
    ARRIVED = "arrived"
    DEPARTED = "departed"
    CANCELLED = "cancelled"


class Service(StrEnum):
    LUNCH = "lunch"
    DINNER = "dinner"


class Source(StrEnum):
    GUEST_TOLD = "guest_told"
    STAFF_OBSERVED = "staff_observed"


class RemovalReason(StrEnum):
    GUEST_REQUEST = "guest_request"
    NO_LONGER_TRUE = "no_longer_true"
    ADDED_BY_MISTAKE = "added_by_mistake"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    LABEL_RETIRED = "label_retired"
    EXPIRED = "expired"


class ConsentPurpose(StrEnum):
    HEALTH = "health"  # using health information (allergies, diets, mobility) to serve the guest


def _enum(cls: type[StrEnum], name: str) -> Enum:
    # Store the values (lower-case words), not the member names, and keep a
    # CHECK constraint so a hand-edited row cannot hold an unknown value.
    return Enum(
        cls,
        name=name,
        values_callable=lambda e: [m.value for m in e],
        native_enum=False,
        create_constraint=True,
        length=32,
    )


def _new_ref() -> str:
    return uuid.uuid4().hex


def first_name_of(name: str) -> str:
    """A staff member's first name, as the card and Show guest name them ("Sam")."""
    return name.split()[0] if name.split() else name


def staff_wording_of(names: Sequence[tuple[str, str]]) -> str:
    """A label's name for logs and the audit trail from its (language, name) pairs: the
    English one (the source language), else the first by language (also used where a card
    is built from plain rows, ``storage.card``)."""
    english = [wording for language, wording in names if language == "en"]
    if english:
        return english[0]
    return min(names)[1] if names else ""


class Base(DeclarativeBase):
    pass


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    @property
    def first_name(self) -> str:
        return first_name_of(self.name)


class Guest(Base):
    __tablename__ = "guest"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(32), unique=True, default=_new_ref)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    preferred_name: Mapped[str] = mapped_column(String(200), default="")
    pronunciation: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    # Looked up by lower(email) only (the migrations' ix_guest_email_lower, revision 0005);
    # the plain index revision 0001 made is dropped on the local store (revision 0021) and
    # left as it was on PostgreSQL.
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))  # as the guest gave it, for display
    # The same number in E.164 ("+31612345678", venue's country for national numbers;
    # revision 0004): what search and the duplicate check compare. None when unparseable.
    phone_e164: Mapped[str | None] = mapped_column(String(16), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # When a manager last decided to keep this guest although they had not visited
    # for the retention period (revision 0002); keeps them off the list for a while.
    retention_reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The start of the latest visit that is not cancelled (revision 0018): kept by the
    # database's triggers on visit (storage.last_visit), never written by the app; search
    # ranks by it without reading every candidate's visits.
    last_visit_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    visits: Mapped[list[Visit]] = relationship(
        back_populates="guest", cascade="all, delete-orphan", passive_deletes=True
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="guest", cascade="all, delete-orphan", passive_deletes=True
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="guest", cascade="all, delete-orphan", passive_deletes=True
    )
    merges: Mapped[list[GuestMerge]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


_STAYING = "status = 'arrived' AND kind = 'stay'"


class Visit(Base):
    """A hotel stay (dates, room) or a restaurant booking (time, service, table)."""

    __tablename__ = "visit"
    __table_args__ = (
        CheckConstraint("party_size >= 1", name="party_size_positive"),
        # "Who is in room 12 / at table 12 today" from the search box (revision 0004):
        # visits starting today, and guests staying (arrived stays only, revision 0009).
        Index("ix_visit_place_starts_at", "place", "starts_at"),
        # Partial on both engines; its PostgreSQL WHERE: POSTGRESQL_INDEX_WHERE below.
        Index("ix_visit_staying_place", "place", sqlite_where=text(_STAYING)),
        # Search ranks its candidates by their visits (today, this week, last visit):
        # read from this index alone, not from visit rows scattered over the file
        # (revision 0014).
        Index("ix_visit_guest_facts", "guest_id", "starts_at", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Looked up through ix_visit_guest_facts (guest_id first); the plain index revision
    # 0001 made is dropped on the local store (revision 0025), kept on PostgreSQL.
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"))
    kind: Mapped[VisitKind] = mapped_column(_enum(VisitKind, "visit_kind"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    service: Mapped[Service | None] = mapped_column(_enum(Service, "service"))
    party_size: Mapped[int] = mapped_column(Integer, default=1)
    place: Mapped[str] = mapped_column(String(20), default="")  # room or table number
    status: Mapped[VisitStatus] = mapped_column(
        _enum(VisitStatus, "visit_status"), default=VisitStatus.EXPECTED
    )
    # The booking or reservation number from an imported export (revision 0004): a
    # re-imported row is recognised by it. The guest sees it as their booking number.
    reference: Mapped[str | None] = mapped_column(String(40), index=True)

    guest: Mapped[Guest] = relationship(back_populates="visits")


class Label(Base):
    """A vocabulary entry. Only ``approved`` labels may be assigned to a guest."""

    __tablename__ = "label"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(80), unique=True)
    category: Mapped[Category] = mapped_column(_enum(Category, "category"))
    sensitivity: Mapped[Sensitivity] = mapped_column(_enum(Sensitivity, "sensitivity"))
    retention_days: Mapped[int] = mapped_column(Integer)
    status: Mapped[LabelStatus] = mapped_column(_enum(LabelStatus, "label_status"), index=True)
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    review_note: Mapped[str] = mapped_column(String(500), default="")  # about the word, not a guest

    wordings: Mapped[list[LabelWording]] = relationship(
        back_populates="label", cascade="all, delete-orphan", lazy="selectin"
    )
    names: Mapped[list[LabelName]] = relationship(
        back_populates="label", cascade="all, delete-orphan", lazy="selectin"
    )

    def name(self, language: str) -> LabelName | None:
        """The staff's name for the label in ``language``, or ``None`` if not translated."""
        for n in self.names:
            if n.language == language:
                return n
        return None

    @property
    def staff_wording(self) -> str:
        """The name in English (the source language), else the first one: for logs and the
        audit trail; screens ask ``app.views.LabelInfo.staff_name`` for the reader's."""
        return staff_wording_of([(n.language, n.staff_wording) for n in self.names])

    def wording(self, language: str) -> LabelWording | None:
        """The guest-facing wording in ``language``, or ``None`` if not translated."""
        for w in self.wordings:
            if w.language == language:
                return w
        return None


class LabelWording(Base):
    """Guest-facing wording and purpose of a label in one language."""

    __tablename__ = "label_wording"
    __table_args__ = (UniqueConstraint("label_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    guest_wording: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(String(300))

    label: Mapped[Label] = relationship(back_populates="wordings")


class LabelName(Base):
    """What staff call a label, in one language (the picker, the card, the vocabulary)."""

    __tablename__ = "label_name"
    __table_args__ = (UniqueConstraint("label_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    staff_wording: Mapped[str] = mapped_column(String(200))

    label: Mapped[Label] = relationship(back_populates="names")


class LabelReview(Base):
    """A manager's decision on a label's words, with their answer to the special-category
    question and what the automatic check found beside it (audited as well)."""

    __tablename__ = "label_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id", ondelete="CASCADE"),
                                          index=True)
    action: Mapped[ReviewAction] = mapped_column(_enum(ReviewAction, "review_action"))
    answer: Mapped[SpecialAnswer] = mapped_column(_enum(SpecialAnswer, "special_answer"))
    check_found: Mapped[str] = mapped_column(String(300), default="")  # categories, "," joined
    reviewed_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Consent(Base):
    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[ConsentPurpose] = mapped_column(_enum(ConsentPurpose, "consent_purpose"))
    given_at: Mapped[dt.datetime] = mapped_column(DateTime)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    guest: Mapped[Guest] = relationship(back_populates="consents")
    recorder: Mapped[Staff] = relationship(foreign_keys=[recorded_by], lazy="joined")


class Assignment(Base):
    """A label on a guest: who added it, when, on what grounds, until when."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"), index=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("label.id"), index=True)
    added_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    source: Mapped[Source] = mapped_column(_enum(Source, "source"))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    # Indexed: deleting a consent (erasing its guest) sets this to NULL in matching rows,
    # which without an index is a scan of every assignment (seconds on a million guests).
    consent_id: Mapped[int | None] = mapped_column(
        ForeignKey("consent.id", ondelete="SET NULL"), index=True)
    removed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    removal_reason: Mapped[RemovalReason | None] = mapped_column(
        _enum(RemovalReason, "removal_reason")
    )

    guest: Mapped[Guest] = relationship(back_populates="assignments")
    label: Mapped[Label] = relationship(lazy="joined")
    adder: Mapped[Staff] = relationship(foreign_keys=[added_by], lazy="joined")
    remover: Mapped[Staff | None] = relationship(foreign_keys=[removed_by])
    consent: Mapped[Consent | None] = relationship()

    @property
    def active(self) -> bool:
        return self.removed_at is None


class AuditEvent(Base):
    """One append-only, hash-chained record of who did what.

    ``hash`` covers this event's content and ``prev_hash``; editing, deleting
    or reordering rows breaks the chain (see ``storage.audit_chain``).
    ``guest_ref`` is the guest's random token, so the log never holds a name.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    staff_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: staff may go
    action: Mapped[str] = mapped_column(String(40), index=True)
    guest_ref: Mapped[str | None] = mapped_column(String(32), index=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON, never guest free text
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    """Venue-wide settings stored with the data (default language, idle lock...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


class NameTerm(Base):
    """The dictionary of words in guests' names, with the keys fuzzy search looks up.

    One row per distinct word (not per guest): a few tens of thousands of rows for a
    million guests, so finding the words within an edit or a sound of what was typed
    reads a few index pages. Kept by ``storage.name_terms.remember_names`` on every write
    of a name and pruned by ``forget_names`` when the last guest with a word is erased.
    """

    __tablename__ = "name_term"

    term: Mapped[str] = mapped_column(String(80), primary_key=True)  # as the FTS index has it
    fold: Mapped[str] = mapped_column(String(80), index=True)  # no accents: prefix lookups
    rev: Mapped[str] = mapped_column(String(80), index=True)  # fold reversed: suffix lookups
    sound: Mapped[str] = mapped_column(String(80), index=True)  # storage.name_keys.sound_key
    english: Mapped[str] = mapped_column(String(40), index=True)  # name_keys.english_key


class GuestMerge(Base):
    """Two profiles of one person merged into ``guest_id``, and what undoing it needs.

    ``undo_data`` (JSON) holds the merged profile's own row, which rows moved and how
    conflicts were resolved; it is cleared when ``undo_until`` passes and deleted with
    the guest (cascade) when they are erased. Undoing deletes the row.
    """

    __tablename__ = "guest_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    guest_id: Mapped[int] = mapped_column(ForeignKey("guest.id", ondelete="CASCADE"), index=True)
    merged_ref: Mapped[str] = mapped_column(String(32), index=True)
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime)
    merged_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    undo_until: Mapped[dt.datetime] = mapped_column(DateTime)
    undo_data: Mapped[str | None] = mapped_column(Text)


class ErasedGuest(Base):
    """A guest erased on request, by their random token only (never a name or contact).

    The ledger travels inside every later backup (it is part of the store) and
    is also kept in the keyring (``storage.ledger``), so a restore of an older
    backup erases the guest again. ``scrub_pending`` is set in the same
    transaction as the delete and cleared once the WAL that still held the
    guest's old pages is emptied: an interrupted erasure is finished at the next
    open (``app.erasure.finish_pending``).
    """

    __tablename__ = "erased_guest"

    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
    erased_at: Mapped[dt.datetime] = mapped_column(DateTime)
    scrub_pending: Mapped[bool] = mapped_column(Boolean, default=False)


# --- options only PostgreSQL reads ---------------------------------------------------------
# Naming a ``postgresql_*`` option in a model makes SQLAlchemy import its whole PostgreSQL
# dialect (every driver's module, asyncpg's and with it asyncio) to check the name: tens of
# milliseconds at the start of every desk on a local SQLCipher file, which never uses them.
# So they are declared here and given to the indexes on first PostgreSQL use
# (storage.postgres.make_engine), the same as the migrations create (revision 0009).
POSTGRESQL_INDEX_WHERE = {"ix_visit_staying_place": _STAYING}


def with_postgresql_options() -> None:
    """Give the models' indexes their PostgreSQL-only options (idempotent; loads the dialect)."""
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            where = POSTGRESQL_INDEX_WHERE.get(str(index.name))
            if where is not None and index.dialect_options["postgresql"]["where"] is None:
                index.dialect_kwargs["postgresql_where"] = text(where)
