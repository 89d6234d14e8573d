"""The vocabulary: starter labels, proposals and their review.

Anyone may propose a label; only a manager approves it, and only approved
labels can be attached to a guest (enforced in ``app.labels``).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app import snapshots, validate
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.permissions import Action, require
from app.views import Actor, LabelInfo, Wording
from storage import queries
from storage.models import Category, Label, LabelStatus, LabelWording, Sensitivity
from storage.store import Store

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
STARTER = RESOURCES / "vocabulary" / "starter.toml"


@dataclass(frozen=True)
class LabelDraft:
    """What a proposal (or a manager's edit) says about a label."""

    category: Category
    staff_wording: str
    sensitivity: Sensitivity
    retention_days: int
    wordings: tuple[Wording, ...] = field(default=())

    def cleaned(self) -> LabelDraft:
        staff = validate.text("Staff wording", self.staff_wording, max_len=200, required=True)
        if not (1 <= int(self.retention_days) <= 3650):
            raise ValidationError("Retention", "Retention must be between 1 and 3650 days.")
        if not self.wordings:
            raise ValidationError("Guest wording", "Give the guest-facing wording in at least "
                                                   "one language.")
        cleaned = []
        for w in self.wordings:
            lang = validate.language(w.language)
            cleaned.append(Wording(
                lang,
                validate.text(f"Guest wording ({lang})", w.guest_wording, max_len=300,
                              required=True),
                validate.text(f"Purpose ({lang})", w.purpose, max_len=300, required=True),
            ))
        return LabelDraft(Category(self.category), staff, Sensitivity(self.sensitivity),
                          int(self.retention_days), tuple(cleaned))


def read_starter(path: Path = STARTER) -> list[tuple[str, LabelDraft]]:
    """Parse the starter vocabulary file into (key, draft) pairs."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for entry in data.get("label", []):
        langs = sorted(set(entry.get("guest", {})) | set(entry.get("purpose", {})))
        draft = LabelDraft(
            category=Category(entry["category"]),
            staff_wording=entry["staff"],
            sensitivity=Sensitivity(entry.get("sensitivity", "normal")),
            retention_days=int(entry["retention_days"]),
            wordings=tuple(Wording(lang, entry["guest"].get(lang, ""),
                                   entry["purpose"].get(lang, "")) for lang in langs),
        )
        out.append((str(entry["key"]), draft))
    return out


def load_starter(store: Store, actor: Actor | None = None, path: Path = STARTER,
                 *, now: dt.datetime | None = None) -> int:
    """Load the starter vocabulary as approved labels (first run and demo). Idempotent."""
    at = now or _now()
    added = 0
    with store.write() as s:
        for key, draft in read_starter(path):
            if queries.label_by_key(s, key) is not None:
                continue
            d = draft.cleaned()
            lb = Label(key=key, category=d.category, staff_wording=d.staff_wording,
                       sensitivity=d.sensitivity, retention_days=d.retention_days,
                       status=LabelStatus.APPROVED, proposed_by=None, proposed_at=at,
                       reviewed_by=actor.id if actor else None, reviewed_at=at,
                       review_note="starter vocabulary")
            lb.wordings = [LabelWording(language=w.language, guest_wording=w.guest_wording,
                                        purpose=w.purpose) for w in d.wordings]
            s.add(lb)
            added += 1
        if added:
            record(s, actor, "vocabulary.starter_loaded", at=at, labels=added)
    return added


def propose_label(store: Store, actor: Actor, draft: LabelDraft, *,
                  now: dt.datetime | None = None) -> LabelInfo:
    require(actor.role, Action.PROPOSE_LABEL)
    d = draft.cleaned()
    at = now or _now()
    with store.write() as s:
        lb = Label(key=None, category=d.category, staff_wording=d.staff_wording,
                   sensitivity=d.sensitivity, retention_days=d.retention_days,
                   status=LabelStatus.PROPOSED, proposed_by=actor.id, proposed_at=at)
        lb.wordings = [LabelWording(language=w.language, guest_wording=w.guest_wording,
                                    purpose=w.purpose) for w in d.wordings]
        s.add(lb)
        s.flush()
        record(s, actor, "label.proposed", at=at, label=lb.id)
        return snapshots.label(lb)


def pending_proposals(store: Store, actor: Actor) -> list[LabelInfo]:
    require(actor.role, Action.REVIEW_LABEL)
    with store.read() as s:
        rows = queries.labels_with_status(s, LabelStatus.PROPOSED)
        names = queries.staff_names(s, {r.proposed_by for r in rows if r.proposed_by})
        return [snapshots.label(r, names) for r in rows]


def review_label(store: Store, actor: Actor, label_id: int, approve: bool, note: str = "",
                 *, now: dt.datetime | None = None) -> LabelInfo:
    """Approve or reject a proposal (managers only)."""
    require(actor.role, Action.REVIEW_LABEL)
    note = validate.text("Reason", note, max_len=500, required=not approve)
    at = now or _now()
    with store.write() as s:
        lb = s.get(Label, label_id)
        if lb is None or lb.status != LabelStatus.PROPOSED:
            raise NotFound("That proposal is no longer waiting for review.")
        lb.status = LabelStatus.APPROVED if approve else LabelStatus.REJECTED
        lb.reviewed_by = actor.id
        lb.reviewed_at = at
        lb.review_note = note
        record(s, actor, "label.approved" if approve else "label.rejected", at=at, label=lb.id)
        return snapshots.label(lb)
