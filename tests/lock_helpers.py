"""A call made while another thread holds a lock: did it come back without waiting for it?"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TypeVar

_T = TypeVar("_T")


def answered_while_held(hold: Callable[[], AbstractContextManager[object]],
                        call: Callable[[], _T]) -> _T:
    """Run ``call`` while another thread is inside ``hold()`` (holding a lock) and check that
    it came back before that thread gave up waiting for it (8 s): ordering, not timing."""
    holding, answered = threading.Event(), threading.Event()
    gave_up: list[bool] = []

    def holder() -> None:
        with hold():
            holding.set()
            gave_up.append(not answered.wait(8))

    thread = threading.Thread(target=holder)
    thread.start()
    try:
        assert holding.wait(10)
        result = call()
    finally:
        answered.set()
        thread.join()
    assert gave_up == [False], "the call waited for the lock to be released"
    return result
