"""Python's cycle collector paused while an import builds or writes a large file's rows.

Reading, checking, matching and preparing a 100,000-row file allocates millions of small
objects (cells, rows, tuples, dictionaries) that stay alive until the import ends. Each
time enough new objects were made, Python's cycle collector walks the older ones again
looking for reference cycles there are none of: about a quarter of the CPU time of
reading and preparing such a file (docs/performance.md, "Importing arrivals").
The import makes no cycles worth collecting meanwhile, so the collector is paused while
one of the import's steps runs (the rest of the program's objects are freed by their
reference counts as always) and resumed when the last step running ends, however it
ends; a program that paused the collector itself keeps it paused.

When it is resumed, the objects made meanwhile go to the oldest generation rather than
staying in the youngest: a paused collector still puts every new object there, so the
first allocation after the step began a collection walking all of them at once (0.2-0.6 s
after each step of a 100,000-row file, ~1 s an import) to find nothing. In the oldest
generation they are walked by the next full collection only, as every long-lived object
is (``gc.freeze`` then ``gc.unfreeze``: two list splices, whatever their number). Only
when the program keeps nothing frozen itself (the command line, a script): the desk
freezes what its start-up loaded (``ui.main``), and ``gc.unfreeze`` would hand that back
to every full collection; there the young collection after a step stays as it was.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["paused", "while_paused"]

_lock = threading.Lock()
_running = 0           # import steps running now (a desk may preview while another applies)
_resume = False        # whether the collector was on when the first of them began

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off while the block runs (on again after the last such block,
    if it was on before the first)."""
    global _running, _resume
    with _lock:
        if _running == 0:
            _resume = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _resume:
                _to_oldest_generation()
                gc.enable()


def _to_oldest_generation() -> None:
    """Every object the collector tracks moved to its oldest generation (and the count of
    new objects that starts the next collection back to zero), at no cost per object;
    not when the program keeps objects frozen (they would be unfrozen too)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()     # all generations into the permanent one
        gc.unfreeze()   # the permanent one into the oldest


def while_paused(step: Callable[P, R]) -> Callable[P, R]:
    """``step`` run with the collector :func:`paused`."""
    @functools.wraps(step)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return step(*args, **kwargs)
    return run
