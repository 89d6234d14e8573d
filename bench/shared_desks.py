"""The processes of bench/shared_store.py: desks, the importer, the arrivals writer and
watcher, and a raw-SQL probe. Each runs in a process of its own (``spawn``), opens the
shared store as a desk does, and sends its measurements back on a queue.

A desk behaves like a receptionist looking a guest up (:class:`Pacing`): it types the
guest's name one key at a time, the app searching at every key (``ui.search_service``
searches each keystroke after a 30 ms debounce), until the guest is among the first
few results or the whole name is typed; it opens that guest's card, then pauses
(talking to the guest, reading the card) before the next guest. ``--tight`` sets every
pause to zero: a stress figure, not a desk.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import gc
import random
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DESK_STAFF = ("Sam Bakker", "3917")       # receptionists from app.demo.DEMO_STAFF
WRITER_STAFF = ("Noor El Amrani", "6148")
IMPORT_STAFF = ("Eva Visser", "4826")     # a manager (importing needs Action.IMPORT)


@dataclass(frozen=True)
class Pacing:
    """How a desk paces itself; every figure is printed with the results."""

    key_ms: tuple[float, float] = (150.0, 250.0)   # between keystrokes
    pause_s: tuple[float, float] = (2.0, 5.0)      # after a card, before the next guest
    found_in: int = 5    # stop typing once the wanted guest is among this many results

    @property
    def tight(self) -> bool:
        return self.key_ms == (0.0, 0.0) and self.pause_s == (0.0, 0.0)

    def describe(self) -> str:
        if self.tight:
            return "tight loop (no pause between keystrokes or guests: stress, not a desk)"
        return (f"a key every {self.key_ms[0]:.0f}-{self.key_ms[1]:.0f} ms, a search per key, "
                f"typing stops when the guest is in the first {self.found_in}, card open, "
                f"then a pause of {self.pause_s[0]:g}-{self.pause_s[1]:g} s")


def open_desk(url: str, password: str) -> Any:
    import keyring

    from app import shared_store
    from tests.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    shared_store.save_password(url, password)
    return shared_store.open_shared_store(url)


def sign_in(store: Any, who: tuple[str, str]) -> Any:
    from app import staff

    return staff.sign_in_by_name(store, who[0], who[1])


class DbTimer:
    """Time spent inside the driver (network + server) per operation: SQLAlchemy's
    statements (its cursor events), the statements run on the driver connection itself
    (``psycopg.Connection.execute``, as ``storage.postgres_search`` does), and every
    pipeline (the card's, the search's, a write's first statement with its ``BEGIN``, an
    event with its anchor's facts): one round trip each, timed whole from its start to its
    sync and counted as one statement. ``BEGIN`` and ``COMMIT`` sent by psycopg itself are
    not timed. ``longest`` keeps the slowest single statement (time, start of its text)."""

    def __init__(self, engine: Any) -> None:
        import contextlib

        import psycopg
        from sqlalchemy import event

        self.total = 0.0
        self.statements = 0
        self.longest = (0.0, "")
        self._started: list[float] = []
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self.prefix_end)
        timer = self
        plain_execute = psycopg.Connection.execute
        plain_pipeline = psycopg.Connection.pipeline
        piped: dict[int, list[str]] = {}

        def execute(conn: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            if conn._pipeline is not None:   # a pipeline is timed whole, at its sync
                piped.setdefault(id(conn), []).append(str(query)[:60])
                return plain_execute(conn, query, *args, **kwargs)
            started = time.perf_counter()
            try:
                return plain_execute(conn, query, *args, **kwargs)
            finally:
                timer.note(time.perf_counter() - started, str(query))

        @contextlib.contextmanager
        def pipeline(conn: Any, *args: Any, **kwargs: Any) -> Any:
            if conn._pipeline is not None:   # nested: part of the outer one
                with plain_pipeline(conn, *args, **kwargs) as p:
                    yield p
                return
            piped[id(conn)] = []
            started = time.perf_counter()
            try:
                with plain_pipeline(conn, *args, **kwargs) as p:
                    yield p
            finally:
                texts = piped.pop(id(conn), [])
                timer.note(time.perf_counter() - started, "pipeline: " + " | ".join(texts))

        psycopg.Connection.execute = execute  # type: ignore[method-assign]
        psycopg.Connection.pipeline = pipeline  # type: ignore[method-assign,assignment]

    def note(self, took: float, text: str) -> None:
        self.total += took
        self.statements += 1
        if took > self.longest[0]:
            self.longest = (took, text[:160])

    def _before(self, *args: Any) -> None:
        self._started.append(time.perf_counter())

    def prefix_end(self, *args: Any) -> None:
        statement = args[2] if len(args) > 2 else ""
        self.note(time.perf_counter() - self._started.pop(), str(statement))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class GcTimer:
    """Time this process spent in the garbage collector, per generation (``gc.callbacks``):
    a desk's slowest operations are told apart from a full collection that ran inside
    them (measured ~160 ms in the SQLite search bench)."""

    def __init__(self) -> None:
        import gc

        self.total = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._started = 0.0
        gc.callbacks.append(self._event)

    def _event(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            gen = int(info.get("generation", 0))
            self.total[gen] += time.perf_counter() - self._started
            self.count[gen] += 1

    @property
    def spent(self) -> float:
        return sum(self.total)


def desk(url: str, password: str, targets: list[tuple[int, str]], pacing: Pacing,
         seconds: float, seed: int, out: Any, profile: str | None = None) -> None:
    """One desk: look guests up by typing, open their cards, pause; send every latency."""
    from app import guests
    from app.changes import ChangeFeed

    store = open_desk(url, password)
    actor = sign_in(store, DESK_STAFF)
    # As the desk's window does once signed in (ui.main_window._after_sign_in, on the search
    # thread): what the first key press would read first, read now.
    guests.warm_up_search(store, actor)
    # … and hears other desks' changes as its window does (ui.change_watch; postgres helper).
    feed = ChangeFeed(store, lambda _change: None).start()
    # As the desk's window does once signed in (ui.main_window): what start-up and sign-in
    # loaded lives as long as the desk, out of the collector's full scans (without it a
    # desk process here paused 300-550 ms in a full collection under the bench's load).
    gc.freeze()
    timer = DbTimer(store.engine)
    gct = GcTimer()
    prof = cProfile.Profile() if profile else None
    rng = random.Random(seed)
    rec: dict[str, list[Any]] = {k: [] for k in (
        "search", "card", "search_db", "card_db", "search_statements", "card_statements",
        "errors", "keys", "missed", "slow", "search_cpu", "card_cpu", "search_info")}
    last_seq: list[Any] = [None]   # for each key press's class (bench.shared_floor.breakdown)

    def handed_at() -> tuple[float, float, int, float, float, float]:
        """Where a use case stands when it hands its results over (the figures timed)."""
        return (time.perf_counter(), timer.total, timer.statements, gct.spent, _cpu(),
                timer.longest[0])

    def timed(kind: str, call: Any, typed: str = "",
              handed: list[tuple[Any, ...]] | None = None) -> Any:
        """``call()`` timed to its return, or to the moment it handed its results over
        (``handed``: a search's list is shown before its count is written, as the desk's
        search thread does: ``app.guests.find_guests``' ``hand_over``)."""
        db0, n0, t = timer.total, timer.statements, time.perf_counter()
        gc0, c0 = gct.spent, _cpu()
        timer.longest = (0.0, "")
        try:
            if prof is not None:
                prof.enable()
            result = call()
        except Exception as exc:
            rec["errors"].append(f"{kind}: {type(exc).__name__}")
            return None
        finally:
            if prof is not None:
                prof.disable()
        end, db1, n1, gc1, c1, _ = handed[0] if handed else handed_at()
        took = end - t
        nth = len(rec[kind]) + 1   # this desk's how-manieth search or card open
        rec[kind].append((time.monotonic(), took))
        rec[f"{kind}_db"].append(db1 - db0)
        rec[f"{kind}_statements"].append(n1 - n0)
        rec[f"{kind}_cpu"].append(c1 - c0)
        if kind == "search":   # typed length, forgiving, the change counter moved since
            from app import guest_search
            from storage import search as kept

            seq = tuple(kept._seq_seen.values())
            rec["search_info"].append((len(typed.strip()), guest_search._forgave[0] is not None,
                                       last_seq[0] is not None and seq != last_seq[0]))
            last_seq[0] = seq
        if took > 0.1:   # where a slow one's time went (bench/shared_store.py prints them)
            rec["slow"].append({"kind": kind, "at": time.monotonic(), "took": took,
                                "db": db1 - db0, "gc": gc1 - gc0,
                                "cpu": c1 - c0, "statements": n1 - n0,
                                "typed": typed, "longest": timer.longest, "nth": nth})
        return result

    cpu0 = _cpu()
    def search(typed: str) -> list[int] | None:
        handed: list[tuple[Any, ...]] = []
        found = timed("search", lambda: guests.find_guests(
            store, actor, typed, hand_over=lambda _found: handed.append(handed_at())),
            typed, handed)
        return None if found is None else [m.id for m in found]

    type_and_open(rng, targets, pacing, seconds, rec, search,
                  lambda gid: timed("card", lambda: guests.open_card(store, actor, gid)))
    cpu = _cpu() - cpu0
    feed.stop()
    store.close()
    if prof is not None and profile:
        prof.dump_stats(profile)
    out.put({"role": "desk", "cpu_s": cpu, "db_statements": timer.statements,
             "gc_s": gct.total, "gc_n": gct.count, **rec})


def type_and_open(rng: random.Random, targets: list[tuple[int, str]], pacing: Pacing,
                  seconds: float, rec: dict[str, list[Any]],
                  search: Callable[[str], list[int] | None],
                  card: Callable[[int], object]) -> None:
    """A desk's minutes, for the app's desks and the floor's alike (the same draws from
    ``rng`` and the same pacing, so the two see the same guests typed at the same pace):
    pick a guest, type its name a key every ``pacing.key_ms`` (a ``search`` per key; it
    returns the listed ids, None on an error) until the guest is among the first
    ``pacing.found_in``, open its card (``card``), pause ``pacing.pause_s``."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        gid, name = rng.choice(targets)
        chosen: int | None = None
        keys = 0
        next_key = time.monotonic()
        for i in range(1, len(name) + 1):
            if not name[:i].strip():
                continue
            wait = next_key - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            next_key = time.monotonic() + rng.uniform(*pacing.key_ms) / 1000
            keys += 1
            found = search(name[:i])
            if found and gid in found[: pacing.found_in]:
                chosen = gid
                break
        if chosen is None:
            rec["missed"].append(1)
            chosen = gid   # scrolled down or typed more: the card is opened all the same
        rec["keys"].append(keys)
        wait = next_key - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        card(chosen)
        pause = rng.uniform(*pacing.pause_s)
        if pause > 0 and time.monotonic() + pause < end:
            time.sleep(pause)
        elif pause > 0:
            break


def importer(url: str, password: str, export: str, after: float, out: Any) -> None:
    """The 9th desk: after ``after`` seconds, import the file through app.importing."""
    from app import importing

    store = open_desk(url, password)
    actor = sign_in(store, IMPORT_STAFF)
    time.sleep(after)
    rec: dict[str, Any] = {"role": "import", "errors": []}
    try:
        t0 = time.monotonic()
        table = importing.read_file(Path(export))
        mapping, _ = importing.mapping_for(store, table.header)
        plan = importing.build_plan(table, mapping, file_name=Path(export).name)
        t1 = time.monotonic()
        pre = importing.preview(store, actor, plan)
        t2 = time.monotonic()
        result = importing.apply(store, actor, plan)
        t3 = time.monotonic()
        rec.update(rows=plan.records, plan_s=t1 - t0, preview_s=t2 - t1, apply_s=t3 - t2,
                   total_s=t3 - t0, window=(t0, t3), apply_window=(t2, t3),
                   new_guests_previewed=pre.new_guests, guests_created=result.guests_created,
                   guests_matched=result.guests_matched, visits=result.visits,
                   duplicate_visits=result.duplicate_visits, skipped=result.skipped_rows)
    except Exception as exc:
        rec["errors"].append(f"import: {type(exc).__name__}: {exc}")
    store.close()
    out.put(rec)


def writer(url: str, password: str, top_id: int, seconds: float, every: float, out: Any,
           events: Any, stop: Any = None) -> None:
    """Another desk marks arrivals: a visit for today, marked arrived; each commit's time.
    For ``seconds``, or (``stop``, an event) until it is set."""
    from app import visits
    from storage.models import VisitKind, VisitStatus

    store = open_desk(url, password)
    actor = sign_in(store, WRITER_STAFF)
    rng = random.Random(99)
    done: list[int] = []
    marks: list[float] = []
    errors: list[str] = []
    today = dt.datetime.combine(dt.date.today(), dt.time(23, 0))
    end = time.monotonic() + seconds
    while time.monotonic() < end and not (stop is not None and stop.is_set()):
        try:
            v = visits.record_visit(store, actor, rng.randint(1, top_id), kind=VisitKind.STAY,
                                    starts_at=today)
            pressed = time.monotonic()   # the receptionist presses "arrived"
            visits.set_status(store, actor, v.id, VisitStatus.ARRIVED)
            marks.append(time.monotonic() - pressed)
            done.append(v.id)
            events.put((v.id, pressed))
        except Exception as exc:
            errors.append(f"arrival: {type(exc).__name__}")
        if stop is None:
            time.sleep(every)
        else:
            stop.wait(every)
    events.put(None)
    store.close()
    out.put({"role": "writer", "writes": done, "mark": marks, "errors": errors})


def watcher(url: str, password: str, ready: Any, events: Any, out: Any) -> None:
    """An open desk's change feed: how long each arrival took to become visible here.

    An arrival's delay runs from the moment the other desk starts marking it (before its
    write, which the delay includes: the commit's own moment is not observable, and the
    notification often arrives before the writer's call has returned) to the first change
    this feed reported after that; a read of the store confirms the visit is arrived.
    """
    import bisect
    import queue as q

    from app.changes import ChangeFeed
    from storage.models import Visit, VisitStatus

    store = open_desk(url, password)
    seen: q.Queue[float] = q.Queue()
    feed = ChangeFeed(store, lambda change: seen.put(time.monotonic())).start()
    feed.ready.wait(30)
    ready.set()
    notes: list[float] = []
    pending: dict[int, float] = {}
    delays: list[float] = []
    finished = False
    give_up = float("inf")  # after the writer is done, wait 10 s more for its last arrivals
    while not (finished and not pending) and time.monotonic() < give_up:
        while True:
            try:
                item = events.get_nowait()
            except q.Empty:
                break
            if item is None:
                finished = True
                give_up = time.monotonic() + 10
            else:
                pending[item[0]] = item[1]
        try:
            notes.append(seen.get(timeout=0.2))
            while True:
                notes.append(seen.get_nowait())
        except q.Empty:
            pass
        if pending and notes:
            with store.read() as s:
                rows = s.query(Visit.id).filter(Visit.id.in_(list(pending)),
                                                Visit.status == VisitStatus.ARRIVED).all()
            for (vid,) in rows:
                after = bisect.bisect_left(notes, pending[vid])
                if after < len(notes):
                    delays.append(notes[after] - pending.pop(vid))
    feed.stop()
    store.close()
    out.put({"role": "watcher", "visible": delays, "unseen": len(pending)})


def raw_queries(conninfo: str, words: list[str], top_id: int, n: int, every: float = 0.0,
                seconds: float = 0.0) -> dict[str, list[float]]:
    """The same work as raw SQL through psycopg (no ORM, no app, no audit write): the
    search's prefix statement on the word index (``storage.postgres_search``'s shape for one
    typed word), and the card's guest, visits, labels and consents."""
    import psycopg

    from storage.postgres_schema import WORD_TABLE
    from storage.postgres_search import prefix_end

    rng = random.Random(5)
    got: dict[str, list[float]] = {"search": [], "card": []}
    end = time.monotonic() + seconds
    with psycopg.connect(conninfo) as conn:
        for _ in range(n if not seconds else 10**9):
            if seconds and time.monotonic() >= end:
                break
            word = rng.choice(words)
            typed = word[: rng.randint(2, len(word))].lower()
            t = time.perf_counter()
            conn.execute(
                "SELECT id, full_name FROM guest JOIN (SELECT m.guest_id, min(m.word) AS w "
                f"FROM (SELECT guest_id, word FROM {WORD_TABLE} WHERE word >= %s AND word < %s "
                "ORDER BY word, guest_id LIMIT 80) m GROUP BY m.guest_id ORDER BY min(m.word), "
                "m.guest_id LIMIT 40) d ON d.guest_id = guest.id", (typed, prefix_end(typed))
            ).fetchall()
            got["search"].append(time.perf_counter() - t)
            gid = rng.randint(1, top_id)
            t = time.perf_counter()
            conn.execute("SELECT * FROM guest WHERE id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM visit WHERE guest_id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM assignment WHERE guest_id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM consent WHERE guest_id = %s", (gid,)).fetchall()
            got["card"].append(time.perf_counter() - t)
            conn.rollback()
            if every:
                time.sleep(every)
    return got


def raw_probe(conninfo: str, words: list[str], top_id: int, seconds: float, out: Any) -> None:
    """The raw baseline again, paced (4 a second), while the desks and the import run."""
    got = raw_queries(conninfo, words, top_id, 0, every=0.25, seconds=seconds)
    out.put({"role": "raw", "raw_search": got["search"], "raw_card": got["card"]})
