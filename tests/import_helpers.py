"""Helpers shared by the import tests: a plan from CSV bytes, counting what is in a store."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import func, select

from app import importing
from app.views import Actor
from storage.models import AuditEvent, Guest, Setting, Visit
from storage.store import Store


def plan_of(store: Store, data: bytes) -> importing.ImportPlan:
    """The plan for a CSV file's bytes, with the mapping the store remembers or guesses."""
    table = importing.read_table(data)
    mapping, _ = importing.mapping_for(store, table.header)
    return importing.build_plan(table, mapping, file_name="export.csv")


def counts(store: Store) -> tuple[int, int, int, int]:
    """(guests, visits, audit events, settings): all four unchanged means nothing was written."""
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Guest, Visit, AuditEvent, Setting)
        )


def after_preview(store: Store, before: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """Check that a preview wrote nothing but its own audit event (a bulk read of the
    guests it matched against, "import.previewed") and return the counts after it."""
    now = counts(store)
    assert (now[0], now[1], now[3]) == (before[0], before[1], before[3])
    with store.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)
                                 .offset(before[2])))
    assert actions == ["import.previewed"], actions
    return now



def every_row(store: Store) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the search index's own tables too), sorted: equal before
    and after means the store holds exactly what it held, row for row."""
    from sqlalchemy import inspect, text

    out: dict[str, list[tuple[object, ...]]] = {}
    with store.read() as s:
        for name in sorted(inspect(s.connection()).get_table_names()):
            rows = s.execute(text(f'SELECT * FROM "{name}"'))
            out[name] = sorted((tuple(r) for r in rows), key=repr)
    return out


def import_held(store: Store, actor: Actor, plan: importing.ImportPlan,
                while_held: Callable[[], None]) -> importing.ImportResult:
    """Apply ``plan`` in a thread and call ``while_held()`` while the import's write
    transaction is open (its progress callback waits between its batches until it
    returns); the import's result. Asserts the import really waited for it."""
    writing, done = threading.Event(), threading.Event()
    waited: list[bool] = []
    result: list[importing.ImportResult] = []
    errors: list[BaseException] = []

    def progress(written: int, total: int) -> None:
        if written and not writing.is_set():   # rows written: inside the write
            writing.set()
            waited.append(done.wait(60))

    def run() -> None:
        try:
            result.append(importing.apply(store, actor, plan, progress=progress))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            writing.set()

    thread = threading.Thread(target=run)
    thread.start()
    assert writing.wait(60)
    try:
        while_held()
    finally:
        done.set()
        thread.join(60)
    assert errors == [] and len(result) == 1
    assert waited == [True]   # the import held its transaction open until while_held ended
    return result[0]
