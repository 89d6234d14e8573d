"""The living vocabulary: rewording, retention and retirement of approved labels.

Labels change after approval: a word turns out to be clumsy, a retention
period too long, a label no longer needed. Only managers make these changes,
each one is audited, and each keeps the guest's side honest: the Show-guest
view reads the label rows, so a new wording shows at once; a shorter
retention shortens the existing assignments too; a retired label is either
taken off every guest now or left to run out at each assignment's expiry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from app import label_answer, languages, snapshots
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import N_, _, gettext
from app.labels import _remove, forget_in_merge_undo, scrub
from app.permissions import Action, require
from app.views import Actor, LabelInfo, LabelUsage, Wording
from app.vocabulary import (
    LabelDraft,
    _require_default_language,
    enforce_checks,
    set_names,
    set_wordings,
)
from app.wording import check_wording
from app.wording_rules import label_texts, rules_in_use, text_languages
from storage import queries
from storage.models import (
    Category,
    Label,
    LabelStatus,
    RemovalReason,
    ReviewAction,
    Sensitivity,
    SpecialAnswer,
)
from storage.store import Store


def label_overview(store: Store, actor: Actor, *, include_retired: bool = True
                   ) -> list[LabelUsage]:
    """Approved (and retired) labels with how many guests carry each one now."""
    require(store, actor, Action.EDIT_VOCABULARY)
    statuses = [LabelStatus.APPROVED] + ([LabelStatus.RETIRED] if include_retired else [])
    with store.read() as s:
        rows = queries.labels_with_usage(s, *statuses)
        return [LabelUsage(snapshots.label(lb), n) for lb, n in rows]


def reword_label(store: Store, actor: Actor, label_id: int,
                 staff_wording: str | Mapping[str, str],
                 wordings: tuple[Wording, ...], *, category: Category | None = None,
                 answer: SpecialAnswer | str | None = None,
                 acknowledge_warnings: bool = False,
                 now: dt.datetime | None = None) -> LabelInfo:
    """Rename (staff wording) or reword (guest wording, purpose) an approved label.

    Like approval, it needs the manager's ``answer`` to the special-category
    question, stored and audited, and the wording checks run as on approval.
    The answer must fit the label's kind: a label in use as ordinary data
    cannot be reworded into health (its guests gave no consent) and a health
    label cannot become ordinary — retire it and propose anew.
    """
    require(store, actor, Action.EDIT_VOCABULARY)
    chosen = label_answer.require_answer(answer)
    # Clean and check the words before taking the write lock (the retention is a stand-in).
    draft = LabelDraft(category or Category.PREFERENCE, staff_wording, Sensitivity.NORMAL, 1,
                       wordings).cleaned()
    _require_default_language(store, draft)
    rules = rules_in_use(store).rules
    at = now or _now()
    with store.write() as s:
        lb = _approved(s.get(Label, label_id))
        label_answer.refuse_change_of_meaning(lb.sensitivity, chosen)
        result = check_wording(label_texts(draft.names, draft.wordings),
                               languages=text_languages(draft.wordings, draft.names),
                               special_category=lb.sensitivity == Sensitivity.SPECIAL,
                               rules=rules)
        enforce_checks(result, acknowledge_warnings)
        renamed = draft.names != {n.language: n.staff_wording for n in lb.names}
        lb.category = category or lb.category
        set_names(lb, draft.names)
        set_wordings(lb, draft.wordings)
        label_answer.store_answer(s, actor, lb, ReviewAction.REWORDED, chosen, result, at)
        record(s, actor, "label.reworded", at=at, label=lb.id, renamed=renamed,
               warnings_acknowledged=len(result.warnings), answer=chosen.value)
        return snapshots.label(lb)


def change_retention(store: Store, actor: Actor, label_id: int, days: int, *,
                     now: dt.datetime | None = None) -> int:
    """Set a label's retention; every active assignment's expiry is recomputed from the day
    it was added. Returns how many assignments changed."""
    require(store, actor, Action.EDIT_VOCABULARY)
    if not (1 <= int(days) <= 3650):
        raise ValidationError(_("Retention"), _("Retention must be between 1 and 3650 days."))
    at = now or _now()
    with store.write() as s:
        lb = s.get(Label, label_id)
        if lb is None or lb.status not in (LabelStatus.APPROVED, LabelStatus.RETIRED):
            raise NotFound(_("That label is not in the vocabulary."))
        old = lb.retention_days
        lb.retention_days = int(days)
        changed = 0
        for a in queries.active_assignments_of_label(s, lb.id):
            expires = a.added_at + dt.timedelta(days=lb.retention_days)
            if a.expires_at != expires:
                a.expires_at = expires
                changed += 1
        record(s, actor, "label.retention_changed", at=at, label=lb.id, old_days=old,
               new_days=lb.retention_days, assignments=changed)
        return changed


def retire_label(store: Store, actor: Actor, label_id: int, *, remove_now: bool,
                 now: dt.datetime | None = None) -> int:
    """Retire a label: nobody can add it any more (``app.labels`` refuses non-approved labels).

    With ``remove_now`` it is taken off every guest at once (reason "label
    retired", audited per guest); otherwise existing assignments stay until
    their own expiry. Returns how many assignments were removed.
    """
    require(store, actor, Action.EDIT_VOCABULARY)
    at = now or _now()
    with store.write() as s:
        lb = _approved(s.get(Label, label_id))
        lb.status = LabelStatus.RETIRED
        removed = 0
        health = lb.sensitivity == Sensitivity.SPECIAL
        if remove_now:
            for a in queries.active_assignments_of_label(s, lb.id):
                # show-guest: the per-guest event names the assignment, not the label (the
                # kept record names it until its short record time ends). A health label's
                # row is deleted at once, like any staff removal of one, with no per-guest
                # event: one at the time of "label.retired" would tell which label it was.
                ref, assignment_id = a.guest.ref, a.id
                if health:
                    forget_in_merge_undo(a)
                    s.delete(a)
                else:
                    _remove(a, actor, RemovalReason.LABEL_RETIRED, at)
                    record(s, actor, "label.removed", guest_ref=ref, at=at,
                           assignment=assignment_id, reason=RemovalReason.LABEL_RETIRED.value)
                removed += 1
        record(s, actor, "label.retired", at=at, label=lb.id, remove_now=remove_now,
               removed=removed)
    if health and removed:
        scrub(store)  # the deleted rows' old pages leave the file and the WAL too
    return removed


def _approved(lb: Label | None) -> Label:
    if lb is None or lb.status != LabelStatus.APPROVED:
        raise NotFound(_("That label is not an approved label (it may have been retired)."))
    return lb


# The example the proposal form shows in each language's empty fields, written in that
# field's language (not the reader's): the catalogues carry it, so a new language gets
# its example with its .po file, and a language whose .po lacks it shows none rather
# than an English example in a French field.
EXAMPLE_WORDING: dict[str, str] = {
    "staff": N_("Prefers a quiet table"),
    "guest": N_("You prefer a quiet table."),
    "purpose": N_("So we can seat you where you like."),
}


def example_wording(language: str, part: str) -> str:
    """The example for ``part`` ("staff", "guest", "purpose") in ``language``, or ""."""
    text = EXAMPLE_WORDING[part]
    said = gettext(language, text)
    return said if said != text or language == languages.source() else ""
