"""Menu entries for the vocabulary screens, so the main window only needs one line each."""

from __future__ import annotations

import threading
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


def warm_up_checks() -> None:
    """Read the wording checks' dictionaries and lexicons off the GUI thread (a few seconds),
    so the first proposal or review screen opens at once."""
    def work() -> None:  # the import itself takes a second: in the thread too (desk's hook)
        from app import lexicon_sources

        lexicon_sources.warm_up()

    threading.Thread(target=work, name="wording-warm-up", daemon=True).start()
