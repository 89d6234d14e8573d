"""A large file's visits, name words and audit events are built by a helper thread while
the guests are inserted (app.importing.prepare): what lands is what building them in the
calling thread lands, and a failure or a cancel on either side writes nothing."""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app import importing, staff, vocabulary
from app.importing import prepare
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage import bulk, name_terms
from storage.models import AuditEvent, Guest, Visit
from storage.store import Store
from tests.conftest import MANAGER_PIN
from tests.import_helpers import counts, plan_of

ROWS = (b"Booking no;Name;Email;Phone;Arrival;Departure;Room\n"
        b"R-1;Anna de Vries;anna@example.nl;;14-03-2026;16-03-2026;101\n"
        b"R-2;Bram Smit;bram@example.nl;+31 6 12345678;14-03-2026;15-03-2026;102\n"
        b"R-3;Carla Bos;;;15-03-2026;17-03-2026;103\n"
        b"R-4;Anna de Vries;anna@example.nl;;20-03-2026;22-03-2026;104\n"
        b"R-5;Dirk Hoek;dirk@example.nl;;21-03-2026;22-03-2026;105\n"
        b"R-6;Joost Thomassen;;;22-03-2026;23-03-2026;106\n")


_NAME_TERM_ROWS = name_terms.name_term_rows


def _landed(store: Store, after_event: int) -> dict[str, object]:
    """What an import wrote, without the random guest tokens: guests, visits, name words
    and the events from ``after_event`` on, each naming its guest and visit by content."""
    with store.read() as s:
        gs = list(s.scalars(select(Guest)))
        name = {g.ref: g.full_name for g in gs}
        visits = {v.id: (v.kind, v.starts_at) for v in s.scalars(select(Visit))}
        events = [(e.action, name.get(e.guest_ref or ""), {
            k: (visits[v] if k == "visit" else v)
            for k, v in json.loads(e.detail or "{}").items() if k != "file_sha256"})
            for e in s.scalars(select(AuditEvent).where(AuditEvent.id > after_event)
                               .order_by(AuditEvent.id))]
        return {
            "guests": sorted((g.full_name, g.email, g.phone_e164, g.last_visit_at) for g in gs),
            "visits": sorted((name_of, *rest) for name_of, *rest in (
                (next(g.full_name for g in gs if g.id == v.guest_id), v.kind, v.starts_at,
                 v.ends_on, v.place, v.reference, v.status)
                for v in s.scalars(select(Visit)))),
            "words": sorted(tuple(r) for r in s.execute(text(
                "SELECT term, fold, rev, sound, english FROM name_term"))),
            "events": events,
        }


def _import(store: Store, actor: Actor, helper_from: int, monkeypatch: pytest.MonkeyPatch,
            threads: list[str]) -> dict[str, object]:
    real = _NAME_TERM_ROWS

    def noted(names: object) -> list[dict[str, str]]:
        threads.append(threading.current_thread().name)
        return real(names)  # type: ignore[arg-type]

    monkeypatch.setattr(prepare, "HELPER_FROM", helper_from)
    monkeypatch.setattr(prepare, "spare_core", lambda: True)
    monkeypatch.setattr(name_terms, "name_term_rows", noted)
    with store.read() as s:
        last = int(s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
                   or 0)
    plan = plan_of(store, ROWS)
    importing.apply(store, actor, plan, previewed=importing.preview(store, actor, plan))
    assert verify_store(store).ok
    return _landed(store, last)


def test_built_beside_the_insert_or_in_line_the_same_lands(
        store: Store, manager: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    beside: list[str] = []
    by_helper = _import(store, manager, 0, monkeypatch, beside)
    other = open_store(tmp_path / "other", KeyringKey())
    try:
        actor = staff.create_first_manager(other, "Eva Visser", MANAGER_PIN)
        vocabulary.load_starter(other, actor)
        in_line: list[str] = []
        by_caller = _import(other, actor, 10**9, monkeypatch, in_line)
    finally:
        other.close()
    assert beside and all(t.startswith("import-prepare") for t in beside)
    assert in_line == [threading.current_thread().name]
    assert by_helper == by_caller
    assert [a for a, *_ in by_helper["events"]] == [  # type: ignore[attr-defined]
        "import.previewed", *["guest.created"] * 5, *["visit.recorded"] * 6,
        "import.applied"]
    assert not [t for t in threading.enumerate() if t.name.startswith("import-prepare")]


def test_no_helper_when_every_core_is_busy(store: Store, manager: Actor,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """With no idle core the helper would only make the write lock last longer: a large
    file is then built in the calling thread, before the lock, as a small one is."""
    threads: list[str] = []
    _import(store, manager, 0, monkeypatch, threads)
    assert threads and all(t.startswith("import-prepare") for t in threads)
    threads.clear()
    monkeypatch.setattr(prepare, "spare_core", lambda: False)
    plan = plan_of(store, ROWS.replace(b"R-", b"S-").replace(b"example.nl", b"example.org"))
    importing.apply(store, manager, plan, previewed=importing.preview(store, manager, plan))
    assert threads == [threading.current_thread().name]


def test_a_spare_core_is_read_from_the_load_average(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prepare.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(prepare.os, "getloadavg", lambda: (1.2, 3.0, 3.0))
    assert prepare.spare_core()
    monkeypatch.setattr(prepare.os, "getloadavg", lambda: (1.6, 0.5, 0.5))
    assert not prepare.spare_core()

    def unknown() -> tuple[float, float, float]:
        raise OSError("no load average here")

    monkeypatch.setattr(prepare.os, "getloadavg", unknown)
    assert not prepare.spare_core()


def _previewed_with_helper(store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch,
                           name_words: Callable[[object], list[dict[str, str]]]
                           ) -> tuple[importing.ImportPlan, importing.Preview,
                                      tuple[int, int, int, int]]:
    """ROWS planned and previewed, the helper thread forced on and building the name words
    with ``name_words``; and the store's counts before the apply."""
    monkeypatch.setattr(prepare, "HELPER_FROM", 0)
    monkeypatch.setattr(prepare, "spare_core", lambda: True)
    monkeypatch.setattr(name_terms, "name_term_rows", name_words)
    plan = plan_of(store, ROWS)
    return plan, importing.preview(store, manager, plan), counts(store)


@pytest.mark.both_engines
def test_a_failure_in_the_helper_writes_nothing(store: Store, manager: Actor,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(names: object) -> list[dict[str, str]]:
        raise RuntimeError("disk full while building the name words")

    plan, pre, before = _previewed_with_helper(store, manager, monkeypatch, broken)
    with pytest.raises(RuntimeError, match="disk full"):
        importing.apply(store, manager, plan, previewed=pre)
    assert counts(store) == before
    assert not [t for t in threading.enumerate() if t.name.startswith("import-prepare")]


@pytest.mark.both_engines
def test_a_cancel_while_the_helper_builds_writes_nothing(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()
    real = name_terms.name_term_rows

    def slow(names: object) -> list[dict[str, str]]:
        started.set()
        release.wait(10)
        return real(names)  # type: ignore[arg-type]

    plan, pre, before = _previewed_with_helper(store, manager, monkeypatch, slow)

    def cancelled() -> bool:
        if started.is_set():   # the guests are being written, the helper is still busy
            release.set()
            return True
        return False

    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan, previewed=pre, cancelled=cancelled)
    assert started.is_set()
    assert counts(store) == before
    assert not [t for t in threading.enumerate() if t.name.startswith("import-prepare")]


def test_on_the_local_store_the_helper_builds_beside_the_guests_insert(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's guests go in without their insert triggers (no Python function called per
    guest, which waited for the interpreter lock behind the helper: 3-10x slower), so the
    helper builds the visits, words and events while they are inserted, as on PostgreSQL:
    here the guests' insert waits until the helper is building, and then lands as usual."""
    building = threading.Event()
    real_insert = bulk.insert_prepared
    waited: list[bool] = []

    def noted_insert(session: object, rows: bulk.PreparedRows, **kw: object) -> None:
        if rows.table == "guest":
            waited.append(building.wait(10))
        real_insert(session, rows, **kw)  # type: ignore[arg-type]

    def noted_words(names: object) -> list[dict[str, str]]:
        if threading.current_thread().name.startswith("import-prepare"):
            building.set()
        return _NAME_TERM_ROWS(names)  # type: ignore[arg-type]

    plan, pre, before = _previewed_with_helper(store, manager, monkeypatch, noted_words)
    monkeypatch.setattr(bulk, "insert_prepared", noted_insert)
    result = importing.apply(store, manager, plan, previewed=pre)
    assert waited == [True]
    assert result.guests_created == counts(store)[0] - before[0]
    assert verify_store(store).ok


def test_new_guests_get_tokens_of_the_form_uuid4_gives(store: Store, manager: Actor) -> None:
    """The tokens are made in one read of the system's random source (uuid4() per guest
    was ~0.4 s of a backlog's preparation): still random version-4 UUIDs, all different."""
    import uuid

    refs = prepare.new_refs(5000)
    assert len(set(refs)) == 5000
    for ref in refs:
        u = uuid.UUID(ref)
        assert (u.hex, u.version, u.variant) == (ref, 4, uuid.RFC_4122)
    assert {r[16] for r in refs} == set("89ab")   # the variant's two random bits vary
    plan = plan_of(store, ROWS)
    importing.apply(store, manager, plan, previewed=importing.preview(store, manager, plan))
    with store.read() as s:
        stored = list(s.scalars(select(Guest.ref)))
    assert len(set(stored)) == len(stored) == 5
    assert all(uuid.UUID(r).version == 4 for r in stored)


def test_on_the_local_store_the_helper_hashes_the_events_beside_the_inserts(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit chain's end is read under the write lock once the guests are written, and
    the helper chains the events after it while the visits and pairs are inserted: no
    hashing is left for the lock's end; the chain verifies."""
    from storage import audit_chain

    threads: list[str] = []
    real_chain = audit_chain.chain

    def noted(prepared: audit_chain.PreparedEvents, after: tuple[int, str] | None
              ) -> audit_chain.Chained:
        threads.append(threading.current_thread().name[:14])
        return real_chain(prepared, after)

    plan, pre, _before = _previewed_with_helper(store, manager, monkeypatch, _NAME_TERM_ROWS)
    monkeypatch.setattr(audit_chain, "chain", noted)
    importing.apply(store, manager, plan, previewed=pre)
    assert threads == ["import-prepare"]
    assert verify_store(store).ok


def test_events_hashed_after_an_end_that_moved_are_hashed_again(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the chain's end not be the one the helper hashed after (it cannot move while
    the lock is held; a guard), the events are chained again under the lock: the same
    chain as if nothing had been hashed before."""
    from storage import audit_chain

    threads: list[str] = []
    real_chain, real_end = audit_chain.chain, audit_chain.chain_end
    ends: list[tuple[int, str] | None] = []

    def noted(prepared: audit_chain.PreparedEvents, after: tuple[int, str] | None
              ) -> audit_chain.Chained:
        threads.append(threading.current_thread().name[:14])
        return real_chain(prepared, after)

    def moved_once(session: object) -> tuple[int, str] | None:
        end = real_end(session)  # type: ignore[arg-type]
        ends.append(end)
        return (end[0], "f" * 64) if end is not None and len(ends) == 1 else end

    plan, pre, _before = _previewed_with_helper(store, manager, monkeypatch, _NAME_TERM_ROWS)
    monkeypatch.setattr(audit_chain, "chain", noted)
    monkeypatch.setattr(audit_chain, "chain_end", moved_once)
    importing.apply(store, manager, plan, previewed=pre)
    assert threads == ["import-prepare", "MainThread"]
    assert verify_store(store).ok


@pytest.mark.parametrize("spare", [True, False])
def test_the_written_rows_are_let_go_by_the_helper_while_the_commit_runs(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch, spare: bool) -> None:
    """Freeing a large file's rows holds the interpreter lock for a fifth of a second: once
    every row is written they are let go by the helper thread, beside the engine's commit,
    not by the calling thread after it (with or without a spare core)."""
    applying = importlib.import_module("app.importing.apply")   # the module, not apply()
    seen: list[tuple[str, int, int, int]] = []
    held: list[bulk.PreparedRows] = []
    real = prepare.release

    def noted(guests: bulk.PreparedRows, visits: bulk.PreparedRows, later: prepare.Later,
              chained: object) -> None:
        seen.append((threading.current_thread().name, len(guests), len(visits),
                     len(later.events)))
        held.extend((guests, visits))
        real(guests, visits, later, chained)  # type: ignore[arg-type]

    monkeypatch.setattr(prepare, "HELPER_FROM", 0)
    monkeypatch.setattr(prepare, "spare_core", lambda: spare)
    monkeypatch.setattr(applying, "release", noted)
    plan = plan_of(store, ROWS)
    result = importing.apply(store, manager, plan, previewed=importing.preview(store, manager,
                                                                               plan))
    assert [(n.startswith("import-prepare"), g, v, e) for n, g, v, e in seen] == [
        (True, result.guests_created, result.visits, 5 + 6 + 1)]
    assert all(len(rows) == 0 for rows in held)          # emptied there
    assert counts(store)[0] == 5 and verify_store(store).ok
    assert not [t for t in threading.enumerate() if t.name.startswith("import-prepare")]
