"""The manager's answer to the special-category question, asked on every approval, edit
and rewording of a label, and what it decides.

The automatic wording check (``app.wording``) is a help, not the judge: a
health meaning it does not know ("Needs the fridge for her injections") would
otherwise slip into use as ordinary data, assigned without consent. So the
use cases refuse to approve, edit or reword a label until the manager has
answered, with the check's finding beside the question:

* ``none`` — ordinary service data: the label is normal (and the check must
  not find health or another special category in it);
* ``health`` — special-category health data: the label is marked special and
  can only be assigned with the guest's explicit consent;
* ``other`` — origin, religion, sexual life or orientation, politics, union
  membership, genetic or biometric data: refused, whatever the words.

Every answer is stored (``label_review``) and audited with the check's finding.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.audit import record
from app.errors import SpecialCategoryRefused, ValidationError
from app.i18n import _
from app.views import Actor
from app.wording import WordingResult
from storage.models import Label, LabelReview, ReviewAction, Sensitivity, SpecialAnswer


def require_answer(answer: SpecialAnswer | str | None) -> SpecialAnswer:
    """The answer as an enum; refuse a missing one, and "another special category" at once."""
    if answer is None or answer == "":
        raise ValidationError(_("Special category"), _(
            "Answer the question first: does this label reveal health, or another special "
            "category of personal data? Nothing was saved."))
    chosen = SpecialAnswer(answer)
    if chosen is SpecialAnswer.OTHER:
        raise SpecialCategoryRefused(_(
            "A label that reveals origin, religion, sexual life or orientation, political "
            "opinions, union membership, or genetic or biometric data cannot be approved. "
            "Reject it, or reword it so it says only what the guest needs."))
    return chosen


def sensitivity_for(answer: SpecialAnswer) -> Sensitivity:
    return Sensitivity.SPECIAL if answer is SpecialAnswer.HEALTH else Sensitivity.NORMAL


def refuse_change_of_meaning(current: Sensitivity, answer: SpecialAnswer) -> None:
    """Rewording keeps a label's kind: guests carry it on the grounds given for the old one."""
    if current is Sensitivity.NORMAL and answer is SpecialAnswer.HEALTH:
        raise SpecialCategoryRefused(_(
            "This label is in use as ordinary data: the guests who carry it gave no consent "
            "for health information. Keep the words free of health, or retire the label and "
            "propose a new health label."))
    if current is Sensitivity.SPECIAL and answer is SpecialAnswer.NONE:
        raise SpecialCategoryRefused(_(
            "This is a health label, used with each guest's consent. A label that no longer "
            "means health must be a new one: retire this label and propose the new words."))


def found_categories(result: WordingResult) -> str:
    """What the automatic check found, for the review row and the audit ("health,origin")."""
    return ",".join(result.categories())[:300]


def store_answer(s: Session, actor: Actor, lb: Label, action: ReviewAction,
                 answer: SpecialAnswer, result: WordingResult, at: dt.datetime) -> None:
    """The answer with the review, and in the audit log."""
    found = found_categories(result)
    s.add(LabelReview(label_id=lb.id, action=action, answer=answer, check_found=found,
                      reviewed_by=actor.id, reviewed_at=at))
    record(s, actor, "label.special_answer", at=at, label=lb.id, step=action.value,
           answer=answer.value, check=found or "nothing")
