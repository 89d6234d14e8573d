"""How many proposals wait for a manager's review: the count in the Manager menu.

A module of its own so the desk can show the count without loading the wording checks
(app.vocabulary pulls in the lexicons, a second of start-up).
"""

from __future__ import annotations

from app.permissions import Action, require
from app.views import Actor
from storage import queries
from storage.models import LabelStatus
from storage.store import Store


def waiting_proposals(store: Store, actor: Actor) -> int:
    require(store, actor, Action.REVIEW_LABEL)
    with store.read() as s:
        return queries.count_labels_with_status(s, LabelStatus.PROPOSED)
