"""Python's cycle collector stays paused while an import reads, checks, matches and writes
a file (app.importing.collector): it walked the file's millions of live objects again and
again, a quarter of the CPU of reading and preparing a large file; it runs again after."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator

import pytest

from app import importing
from app.importing import collector
from app.views import Actor
from storage.store import Store
from tests.import_helpers import counts, plan_of

pytestmark = pytest.mark.both_engines

HEADER = b"Booking no;Name;Email;Arrival;Departure;Room\n"


def _file(rows: int, bad: int = 0) -> bytes:
    lines = [f"C-{i};Gast{i} de Vries;gast{i}@example.nl;14-03-2026;16-03-2026;{100 + i % 50}"
             for i in range(rows)]
    lines += [f"X-{i};Fout{i};;31-02-2026;;1" for i in range(bad)]
    return HEADER + "\n".join(lines).encode() + b"\n"


STEPS = {"read_table", "build_plan", "preview", "apply", "prepare", "_build_rest", "match"}


@pytest.fixture
def collections() -> Iterator[list[str]]:
    """The import steps (functions of app/importing) on the stack of each cycle collection
    that began meanwhile (a collection right after a step, when the objects it made are
    walked once, is not one of them)."""
    seen: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase != "start":
            return
        frame = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            if code.co_name in STEPS and "importing" in code.co_filename:
                seen.append(code.co_name)
                return
            frame = frame.f_back  # type: ignore[assignment]

    gc.callbacks.append(note)
    try:
        yield seen
    finally:
        gc.callbacks.remove(note)


def test_no_cycle_collection_while_a_file_is_read_checked_previewed_and_applied(
        store: Store, manager: Actor, collections: list[str]) -> None:
    assert gc.isenabled()
    table = importing.read_table(_file(3000))
    mapping, _ = importing.mapping_for(store, table.header)
    plan = importing.build_plan(table, mapping, file_name="export.csv")
    pre = importing.preview(store, manager, plan)
    result = importing.apply(store, manager, plan, previewed=pre)
    assert collections == []   # thousands of rows: without the pause, dozens of collections
    assert result.guests_created == 3000
    assert gc.isenabled()      # and it runs again afterwards


def test_the_collector_runs_again_after_a_refused_import(store: Store,
                                                         manager: Actor) -> None:
    plan = plan_of(store, _file(20, bad=3))
    before = counts(store)
    with pytest.raises(importing.ImportHasErrors):
        importing.apply(store, manager, plan)
    assert gc.isenabled()
    assert counts(store) == before


def test_a_pause_of_the_callers_own_is_kept() -> None:
    gc.disable()
    try:
        importing.read_table(_file(10))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_runs_again_only_when_the_last_step_running_ends() -> None:
    """Two desks' steps at once (a preview in one thread while another applies): the
    collector stays paused until both have ended."""
    inside, release = threading.Event(), threading.Event()

    def long_step() -> None:
        with collector.paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=long_step)
    other.start()
    try:
        inside.wait(10)
        importing.read_table(_file(10))   # begins and ends while the other step runs
        assert not gc.isenabled()
    finally:
        release.set()
        other.join()
    assert gc.isenabled()


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_a_step_made_is_not_walked_by_the_next_young_collection() -> None:
    """The objects a step made while the collector was paused go to the oldest generation
    when it resumes, so the first allocation after the step does not begin a collection
    walking all of them (0.2-0.6 s after each step of a 100,000-row file)."""
    assert gc.isenabled() and gc.get_freeze_count() == 0
    table = importing.read_table(_file(3000))
    assert _in_generation(table, 2)          # without: young (0, or 1 after that walk)
    assert not _in_generation(table.records[-1], 0)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_objects_the_program_froze_stay_frozen_after_a_step() -> None:
    """The desk freezes what its start-up loaded (ui.main): a step leaves them frozen."""
    kept = [object() for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        table = importing.read_table(_file(300))
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled() and len(table.records) == 300 and kept
    finally:
        gc.unfreeze()
