"""`frontdesk verify`: SQLite's integrity check, the audit chain, and our own invariants."""

from __future__ import annotations

from dataclasses import dataclass

from app.audit_log import chain_problem
from app.i18n import _
from storage import audit_chain, queries
from storage.store import Store


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[str, ...]
    audit_events: int

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_store(store: Store) -> VerifyReport:
    problems = list(store.integrity_problems())
    with store.read() as s:
        chain = audit_chain.verify(s)
        if not chain.ok:
            problem = chain_problem(chain.problem)
            problems.append(_("audit log broken at event {id}: {problem}",
                              id=chain.first_broken_id, problem=problem)
                            if chain.first_broken_id else
                            _("audit log broken: {problem}", problem=problem))
        problems += [_("assignment {id} uses a label that is {status}", id=a,
                       status=_label_status(st.value))
                     for a, st in queries.assignments_on_unapproved_labels(s)]
    return VerifyReport(tuple(problems), chain.events)


def _label_status(status: str) -> str:
    words = {"proposed": _("proposed"), "approved": _("approved"), "rejected": _("rejected"),
             "retired": _("retired")}
    return words.get(status, status)
