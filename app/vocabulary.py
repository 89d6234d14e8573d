"""The vocabulary: starter labels, proposals and their review.

Anyone may propose a label; only a manager approves it, and only approved
labels can be attached to a guest (enforced in ``app.labels``). The wording
checks (``app.wording``) run here, in the use cases, so a label that judges
a person can never be approved, whatever screen or script asks.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from app import label_answer, languages, snapshots, validate, venue_settings
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError, WarningsNotAcknowledged, WordingBlocked
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor, LabelInfo, Wording
from app.wording import Finding, WordingResult, check_wording
from app.wording_rules import label_texts, rules_in_use, text_languages
from storage import queries
from storage.models import (
    Category,
    Label,
    LabelName,
    LabelStatus,
    LabelWording,
    ReviewAction,
    Sensitivity,
    SpecialAnswer,
)
from storage.store import Store

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STARTER = RESOURCES / "vocabulary" / "starter.toml"


class RejectReason(StrEnum):
    """Why a manager refused a proposal: about the word, never about a guest."""

    JUDGES_A_PERSON = "judges_a_person"
    ALREADY_EXISTS = "already_exists"
    UNCLEAR_FOR_GUEST = "unclear_for_guest"
    NOT_A_SERVICE_NEED = "not_a_service_need"
    OTHER = "other"


_NOTE_SEPARATOR = " — "


@dataclass(frozen=True)
class LabelDraft:
    """What a proposal (or a manager's edit) says about a label.

    ``staff_wording`` is the label's name for staff per language (``{"en": …,
    "nl": …}``); a plain string is the English name (scripts, tests, the demo).
    """

    category: Category
    staff_wording: str | Mapping[str, str]
    sensitivity: Sensitivity
    retention_days: int
    wordings: tuple[Wording, ...] = field(default=())

    @property
    def names(self) -> dict[str, str]:
        if isinstance(self.staff_wording, str):
            return {languages.source(): self.staff_wording}
        return dict(self.staff_wording)

    def cleaned(self) -> LabelDraft:
        names: dict[str, str] = {}
        for lang_raw, text in self.names.items():
            lang = validate.language(lang_raw)
            name = validate.text(_("Staff wording ({language})", language=_native(lang)), text,
                                 max_len=200, required=False)
            if name:
                names[lang] = name
        if not names:
            raise ValidationError(_("Staff wording"),
                                  _("{field} is required.", field=_("Staff wording")))
        if not (1 <= int(self.retention_days) <= 3650):
            raise ValidationError(_("Retention"), _("Retention must be between 1 and 3650 days."))
        if not self.wordings:
            raise ValidationError(_("Guest wording"), _("Give the guest-facing wording in at least "
                                                   "one language."))
        cleaned = []
        for w in self.wordings:
            lang = validate.language(w.language)
            cleaned.append(Wording(
                lang,
                validate.text(_("Guest wording ({language})", language=_native(lang)),
                              w.guest_wording, max_len=300, required=True),
                validate.text(_("Purpose ({language})", language=_native(lang)), w.purpose,
                              max_len=300, required=True),
            ))
        if len({w.language for w in cleaned}) != len(cleaned):
            raise ValidationError(_("Guest wording"), _("Give each language only once."))
        return LabelDraft(Category(self.category), dict(sorted(names.items())),
                          Sensitivity(self.sensitivity), int(self.retention_days),
                          tuple(cleaned))


def read_starter(path: Path = STARTER) -> list[tuple[str, LabelDraft]]:
    """Parse the starter vocabulary file into (key, draft) pairs.

    Only the registry's languages (``app.languages``) are read: the file may
    already hold a language the venue's Frontdesk does not offer yet.
    """
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    known = set(languages.codes())
    out = []
    for entry in data.get("label", []):
        langs = sorted((set(entry.get("guest", {})) | set(entry.get("purpose", {}))) & known)
        staff = entry["staff"]
        draft = LabelDraft(
            category=Category(entry["category"]),
            staff_wording=staff if isinstance(staff, str)
            else {lang: text for lang, text in staff.items() if lang in known},
            sensitivity=Sensitivity(entry.get("sensitivity", "normal")),
            retention_days=int(entry["retention_days"]),
            wordings=tuple(Wording(lang, entry["guest"].get(lang, ""),
                                   entry["purpose"].get(lang, "")) for lang in langs),
        )
        out.append((str(entry["key"]), draft))
    return out


def load_starter(store: Store, actor: Actor, path: Path = STARTER,
                 *, now: dt.datetime | None = None) -> int:
    """Load the starter vocabulary as approved labels (first run and demo). Idempotent."""
    require(store, actor, Action.EDIT_VOCABULARY)
    at = now or _now()
    added = 0
    with store.write() as s:
        for key, draft in read_starter(path):
            if queries.label_by_key(s, key) is not None:
                continue
            d = draft.cleaned()
            lb = Label(key=key, category=d.category,
                       sensitivity=d.sensitivity, retention_days=d.retention_days,
                       status=LabelStatus.APPROVED, proposed_by=None, proposed_at=at,
                       reviewed_by=actor.id, reviewed_at=at,
                       review_note="starter vocabulary")
            lb.wordings = [LabelWording(language=w.language, guest_wording=w.guest_wording,
                                        purpose=w.purpose) for w in d.wordings]
            lb.names = [LabelName(language=lang, staff_wording=text)
                        for lang, text in d.names.items()]
            s.add(lb)
            added += 1
        if added:
            record(s, actor, "vocabulary.starter_loaded", at=at, labels=added)
    return added


# --------------------------------------------------------------------------- checks

def check_draft(store: Store, draft: LabelDraft) -> WordingResult:
    """The wording checks on a draft, with the venue's rules (built-in + manager's file)."""
    return check_wording(label_texts(draft.names, draft.wordings),
                         languages=text_languages(draft.wordings, draft.names),
                         special_category=draft.sensitivity == Sensitivity.SPECIAL,
                         rules=rules_in_use(store).rules)


def check_label(store: Store, label: LabelInfo) -> WordingResult:
    """The wording checks on a stored label, exactly as approving it would run them."""
    return check_wording(label_texts(label.staff_names(), label.wordings),
                         languages=text_languages(label.wordings, label.staff_names()),
                         special_category=label.sensitivity == Sensitivity.SPECIAL,
                         rules=rules_in_use(store).rules)


def _require_default_language(store: Store, draft: LabelDraft) -> None:
    lang = venue_settings.default_language(store)
    if lang not in draft.names:
        raise ValidationError(_("Staff wording ({language})", language=_native(lang)),
                              _("Give the staff wording in the venue's default language "
                                "({language}).", language=_native(lang)))
    if lang not in {w.language for w in draft.wordings}:
        raise ValidationError(_("Guest wording ({language})", language=_native(lang)),
                              _("Give the guest-facing wording and purpose in the venue's "
                                "default language ({language}).", language=_native(lang)))


def _native(code: str) -> str:
    """A language named in its own words (never translated: "Deutsch" on every desk)."""
    return languages.native_name(code)


def enforce_checks(result: WordingResult, acknowledge_warnings: bool) -> None:
    """Refuse blocked wording, and warnings the manager has not confirmed reading."""
    if result.blocked:
        raise WordingBlocked([f.message() for f in _unique_groups(result.blocking)])
    if result.warnings and not acknowledge_warnings:
        raise WarningsNotAcknowledged([f.message() for f in _unique_groups(result.warnings)])


def _unique_groups(findings: tuple[Finding, ...]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.group, f)
    return list(seen.values())


def _check_code(result: WordingResult) -> str:
    return "blocked" if result.blocked else "warnings" if result.warnings else "clean"


# --------------------------------------------------------------------------- proposing

def propose_label(store: Store, actor: Actor, draft: LabelDraft, *,
                  now: dt.datetime | None = None, refuse_blocked: bool = False) -> LabelInfo:
    """Anyone may propose; the proposal form passes ``refuse_blocked`` so staff are told why
    at once instead of waiting for a refusal (review refuses blocked wording in any case)."""
    require(store, actor, Action.PROPOSE_LABEL)
    d = draft.cleaned()
    _require_default_language(store, d)
    result = check_draft(store, d)
    if refuse_blocked and result.blocked:
        raise WordingBlocked([f.message() for f in _unique_groups(result.blocking)])
    at = now or _now()
    with store.write() as s:
        lb = Label(key=None, category=d.category,
                   sensitivity=d.sensitivity, retention_days=d.retention_days,
                   status=LabelStatus.PROPOSED, proposed_by=actor.id, proposed_at=at)
        lb.wordings = [LabelWording(language=w.language, guest_wording=w.guest_wording,
                                    purpose=w.purpose) for w in d.wordings]
        lb.names = [LabelName(language=lang, staff_wording=text)
                    for lang, text in d.names.items()]
        s.add(lb)
        s.flush()
        record(s, actor, "label.proposed", at=at, label=lb.id, check=_check_code(result))
        return snapshots.label(lb)


def my_proposals(store: Store, actor: Actor) -> list[LabelInfo]:
    """What the signed-in staff member proposed, newest first, with the review outcome."""
    require(store, actor, Action.PROPOSE_LABEL)
    with store.read() as s:
        rows = queries.labels_proposed_by(s, actor.id)
        names = queries.staff_names(s, {r.reviewed_by for r in rows if r.reviewed_by}
                                    | {actor.id})
        return [snapshots.label(r, names) for r in rows]


def rejection(label: LabelInfo) -> tuple[RejectReason | None, str]:
    """Split a rejected label's review note into the chosen reason and the manager's note."""
    head, sep, rest = label.review_note.partition(_NOTE_SEPARATOR)
    for reason in RejectReason:
        if head == reason.value:
            return reason, rest if sep else ""
    return None, label.review_note


# --------------------------------------------------------------------------- review

def pending_proposals(store: Store, actor: Actor) -> list[LabelInfo]:
    require(store, actor, Action.REVIEW_LABEL)
    with store.read() as s:
        rows = queries.labels_with_status(s, LabelStatus.PROPOSED)
        names = queries.staff_names(s, {r.proposed_by for r in rows if r.proposed_by})
        return [snapshots.label(r, names) for r in rows]


def review_label(store: Store, actor: Actor, label_id: int, approve: bool, note: str = "",
                 *, now: dt.datetime | None = None, draft: LabelDraft | None = None,
                 acknowledge_warnings: bool = False, reason: RejectReason | None = None,
                 answer: SpecialAnswer | str | None = None) -> LabelInfo:
    """Approve (optionally with the manager's edit) or reject a proposal (managers only).

    Approving needs the manager's ``answer`` to the special-category question
    (:mod:`app.label_answer`): ``health`` makes the label special category
    (consent needed), ``none`` keeps it normal, ``other`` is refused. The
    wording checks then run on the final wording with that sensitivity: a
    blocking finding raises :class:`WordingBlocked`, unread warnings
    :class:`WarningsNotAcknowledged`, and nothing is changed.
    """
    require(store, actor, Action.REVIEW_LABEL)
    note = validate.text(_("Note"), note, max_len=400,
                         required=not approve and reason in (None, RejectReason.OTHER))
    chosen = label_answer.require_answer(answer) if approve else None
    edit = draft.cleaned() if draft is not None else None
    if edit is not None:
        _require_default_language(store, edit)
    rules = rules_in_use(store).rules
    at = now or _now()
    with store.write() as s:
        lb = s.get(Label, label_id)
        if lb is None or lb.status != LabelStatus.PROPOSED:
            raise NotFound(_("That proposal is no longer waiting for review."))
        if chosen is not None:
            final = edit or LabelDraft(lb.category, snapshots.label(lb).staff_names(),
                                       lb.sensitivity, lb.retention_days,
                                       snapshots.label(lb).wordings)
            final = replace(final, sensitivity=label_answer.sensitivity_for(chosen))
            result = check_wording(label_texts(final.names, final.wordings),
                                   languages=text_languages(final.wordings, final.names),
                                   special_category=final.sensitivity == Sensitivity.SPECIAL,
                                   rules=rules)
            enforce_checks(result, acknowledge_warnings)
            apply_draft(lb, final)
            if edit is not None:
                record(s, actor, "label.edited", at=at, label=lb.id)
            lb.status = LabelStatus.APPROVED
            lb.review_note = note
            label_answer.store_answer(s, actor, lb, ReviewAction.EDITED if edit is not None
                                      else ReviewAction.APPROVED, chosen, result, at)
            record(s, actor, "label.approved", at=at, label=lb.id,
                   warnings_acknowledged=len(result.warnings), answer=chosen.value)
        else:
            lb.status = LabelStatus.REJECTED
            lb.review_note = (reason.value + (_NOTE_SEPARATOR + note if note else "")
                              if reason is not None else note)
            record(s, actor, "label.rejected", at=at, label=lb.id,
                   reason=reason.value if reason else "note")
        lb.reviewed_by = actor.id
        lb.reviewed_at = at
        return snapshots.label(lb, queries.staff_names(s, {actor.id} | (
            {lb.proposed_by} if lb.proposed_by else set())))


def approve_label(store: Store, actor: Actor, label_id: int, *,
                  answer: SpecialAnswer | str | None = None,
                  acknowledge_warnings: bool = False,
                  now: dt.datetime | None = None) -> LabelInfo:
    """Approve as proposed; ``answer`` is the manager's answer to the special-category
    question (required: there is no default)."""
    require(store, actor, Action.REVIEW_LABEL)
    return review_label(store, actor, label_id, True, now=now, answer=answer,
                        acknowledge_warnings=acknowledge_warnings)


def edit_and_approve(store: Store, actor: Actor, label_id: int, draft: LabelDraft, *,
                     answer: SpecialAnswer | str | None = None,
                     acknowledge_warnings: bool = False,
                     now: dt.datetime | None = None) -> LabelInfo:
    """The manager's edit replaces the proposal's wording; the checks run on the edit and
    the answer decides its sensitivity."""
    require(store, actor, Action.REVIEW_LABEL)
    return review_label(store, actor, label_id, True, now=now, draft=draft, answer=answer,
                        acknowledge_warnings=acknowledge_warnings)


def reject_label(store: Store, actor: Actor, label_id: int, reason: RejectReason,
                 note: str = "", *, now: dt.datetime | None = None) -> LabelInfo:
    """Refuse a proposal; the reason (and optional note) is about the word, not a guest."""
    require(store, actor, Action.REVIEW_LABEL)
    return review_label(store, actor, label_id, False, note, now=now,
                        reason=RejectReason(reason))


def apply_draft(lb: Label, d: LabelDraft) -> None:
    """Write a cleaned draft onto a label row, updating wordings in place per language."""
    lb.category = d.category
    set_names(lb, d.names)
    lb.sensitivity = d.sensitivity
    lb.retention_days = d.retention_days
    set_wordings(lb, d.wordings)


def set_names(lb: Label, names: Mapping[str, str]) -> None:
    """The staff names per language, in place (like :func:`set_wordings`)."""
    for row in list(lb.names):
        if row.language not in names:
            lb.names.remove(row)
    for lang, text in names.items():
        row_for = lb.name(lang)
        if row_for is None:
            lb.names.append(LabelName(language=lang, staff_wording=text))
        else:
            row_for.staff_wording = text


def set_wordings(lb: Label, wordings: tuple[Wording, ...]) -> None:
    # In place: replacing the list would INSERT before DELETE and trip (label_id, language).
    wanted = {w.language: w for w in wordings}
    for row in list(lb.wordings):
        if row.language not in wanted:
            lb.wordings.remove(row)
    for lang, w in wanted.items():
        row_for = lb.wording(lang)
        if row_for is None:
            lb.wordings.append(LabelWording(language=lang, guest_wording=w.guest_wording,
                                            purpose=w.purpose))
        else:
            row_for.guest_wording = w.guest_wording
            row_for.purpose = w.purpose
