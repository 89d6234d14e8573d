"""`frontdesk verify`: SQLite's integrity check, the audit chain, and our own invariants."""

from __future__ import annotations

from dataclasses import dataclass

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
            where = f" at event {chain.first_broken_id}" if chain.first_broken_id else ""
            problems.append(f"audit log broken{where}: {chain.problem}")
        problems += [f"assignment {a} uses a label that is {st.value}"
                     for a, st in queries.assignments_on_unapproved_labels(s)]
    return VerifyReport(tuple(problems), chain.events)
