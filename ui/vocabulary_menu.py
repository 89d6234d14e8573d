"""Menu entries for the vocabulary screens, so the main window only needs one line each."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from app.opening import Store
from app.views import Actor


class _Window(Protocol):
    store: Store | None
    actor: Actor | None


def open_review_queue(window: _Window) -> None:
    from ui.review_queue import ReviewQueueDialog

    if window.store is not None and window.actor is not None:
        parent = window if isinstance(window, QWidget) else None
        ReviewQueueDialog(window.store, window.actor, parent).exec()


def open_vocabulary(window: _Window) -> None:
    from ui.vocabulary_admin import VocabularyDialog

    if window.store is not None and window.actor is not None:
        parent = window if isinstance(window, QWidget) else None
        VocabularyDialog(window.store, window.actor, parent).exec()


def open_my_proposals(window: _Window) -> None:
    from ui.my_proposals import MyProposalsDialog

    if window.store is not None and window.actor is not None:
        parent = window if isinstance(window, QWidget) else None
        MyProposalsDialog(window.store, window.actor, parent).exec()
