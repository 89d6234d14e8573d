"""The floor desk: the least a faithful desk does per key press and card open on the shared
store, for ``bench/shared_store.py --floor`` (issue #14: can any desk meet search p95 <= 5 ms
and card open p95 <= 15 ms on this machine under the bench's load?).

A floor desk is a process with one psycopg connection for its key presses and one for its
card opens (no SQLAlchemy session, no ``app``; the statement builders of
``storage.postgres_search``, ``storage.card`` and ``storage.audit_chain`` are called as plain
functions), connected as a desk is (the desk role, ``verify-full`` TLS, the same connection
settings: ``storage.postgres.ServerAddress.conninfo``), paced exactly as
``bench.shared_desks.desk`` (same targets, same random draws, same stopping rule).

* **Key press: one round trip, one statement.** The signed-in staff member's standing
  (role, active) and the change counter, read in the same statement (so the same snapshot)
  as the search; every guest read of the statement is guarded on the server by that standing
  (``postgres_search.guarded``: nothing of a guest is read for a person it would refuse). The
  search is the app's own (``postgres_search._find_plan``: the word index, whole words in id
  order, then prefixes in word order, the same LIMITs, each further typed word tested on the
  word row and the guest row), whole words first and the prefix read only when they did not
  fill the list (a one-time filter on their count), its LIMIT the app's for no whole word and
  large enough for any other count (the desk keeps the entries the app's own LIMIT would
  give); a typed-on key press looks only among a complete earlier answer's guests and those
  the change log names since (``postgres_search._kept_or_full``, as the app narrows). LIMITs
  are written in the statement (a generic plan can be kept). The list is ranked on the desk
  as ``app.guest_search._ranked`` ranks index matches: whole name, whole words, prefixes;
  then, approximated from the row's ``last_visit_at``, today's and this week's guests first;
  then the last visit, newest first, the name, the id.
  **Simplified** (less work than the app, so the floor stays a floor): no forgiving look-ups
  (typos, sound-alikes), no phone or room look-up, no in-memory match of today's and the
  week's arrivals (the app keeps them in memory, no round trip), a non-ASCII typed word folded
  on the desk (``storage.name_keys.fold``) instead of once by the server, the visit facts of
  a guest booked today or later approximated from ``last_visit_at`` (the app reads them), no
  change feed, no reason ("email", "phone") per row.
* **Card open: two round trips**, as the app's now: (1) ``BEGIN``, the standing, the card's
  reads as the app's one guarded statement of tagged rows (``storage.card._guarded``), the
  chain lock and the chain's end; (2) the "guest.opened" event and the head record in one
  statement (``audit_chain._APPEND_PG``, hashed by ``audit_chain.event_hash``) and ``COMMIT``.
  Refused (no standing): ``ROLLBACK``, nothing shown, nothing written. **Simplified**: the
  rows are untagged (``card._untag``) but no card object is built; the audit anchor outside
  the database (the app reads its facts in the event's round trip when other desks appended
  since its last anchor) is not kept.
* **Searches counted** as the app counts them (``app.audit.note_search``: a "guests.searched"
  event at the first search, then at most once a minute, after the list was handed over,
  waiting at most ``BRIEF_WAIT_MS`` for the chain lock), not timed.

Per operation the desk records the wall time, the time inside the driver, its own CPU
(``getrusage``) and, per connection, the server backend's CPU (``/proc``: the cluster runs as
this user) over the run: what a key press and a card open cost the server.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import random
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

LIMIT = 20          # app.guests.SEARCH_LIMIT: the desk's list
T_EXACT, T_WORDS, T_PREFIX = 0, 1, 2   # app.guest_search's tiers of index matches
SEARCH_WINDOW_S = 60.0                 # app.audit.SEARCH_WINDOW_S
BRIEF_WAIT_MS = 50                     # storage.write_locks.BRIEF_WAIT_MS


class Refused(Exception):
    """The staff member's standing does not allow it (deactivated, or a role that may not)."""


def connect(url: str, password: str, *, plans_kept: bool = False) -> Any:
    """A desk's connection: the desk role, verify-full TLS, the app's settings (autocommit:
    each search statement its own snapshot, a write's ``BEGIN`` sent by the desk).

    ``plans_kept``: every statement prepared at its first run and planned once, generically
    (``plan_cache_mode=force_generic_plan``): what a desk signed in for hours has (psycopg
    prepares a statement at its 5th run, the server plans it anew 5 more times before it
    may keep a plan; in a 60-s bench a desk's dozens of statement shapes are mostly planned
    at every run, 1.4-1.7 ms of the server's CPU each for the floor's statement)."""
    import psycopg
    from psycopg import _queries

    from storage.postgres import parse_address

    # A key press narrowed to earlier answers is one statement of 5-7 KB: psycopg keeps the
    # conversion of its placeholders only for statements up to 4 KB (else ~0.5 ms of the
    # desk's CPU at every key press); a desk process of its own may keep longer ones.
    _queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 16_384)
    info = parse_address(url).conninfo(password)
    if plans_kept:
        info["options"] += " -c plan_cache_mode=force_generic_plan"
    conn = psycopg.connect(**info, autocommit=True)
    if plans_kept:
        conn.prepare_threshold = 0
    return conn


def backend_cpu(conn: Any) -> float:
    """CPU seconds the server's process for ``conn`` has used (nan if unreadable)."""
    import os

    try:
        fields = Path(f"/proc/{conn.info.backend_pid}/stat").read_text().rsplit(")", 1)[1]
    except OSError:
        return float("nan")
    parts = fields.split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def read_common(conn: Any) -> tuple[list[str], list[float], list[float]]:
    """The word statistics the app's statement builder reads (``postgres_search._common``)."""
    from storage.postgres_schema import WORD_TABLE
    from storage.postgres_search import COMMON_SQL, common_of

    return common_of(conn.execute(COMMON_SQL, {"t": WORD_TABLE}).fetchone())


_NOT_WORD = re.compile(r"[\W_]+")


def fold_words(typed: str) -> list[str]:
    """The typed words folded as the server folds the stored ones (``frontdesk_search_text``):
    ASCII as ``postgres_search._ascii_fold`` (which the app checks the server agrees with);
    other words by ``storage.name_keys.fold`` on the desk (the app asks the server once)."""
    from storage.name_keys import fold
    from storage.postgres_search import _ascii_fold
    from storage.search import typed_words_raw

    out = []
    for w in typed_words_raw(typed):
        f = _ascii_fold(w) if w.isascii() else " ".join(
            p for p in _NOT_WORD.split(fold(w)) if p)
        if f:
            out.append(f)
    return out


def whole_of(name: str) -> str:
    """``app.guest_search._whole``: a name's words folded and joined (the app's own)."""
    from app.guest_search import _whole

    return _whole(name)


_PARAM = re.compile(r"(?<!:):(\w+)")


def _part(plan: tuple[str, dict[str, Any], str, str], k: int, among: tuple[int, Any] | None
          ) -> tuple[str, dict[str, Any], int]:
    """One step's statement (driver SQL) with its LIMIT written in and its parameters renamed
    ``<name>_<k>``; narrowed to ``among`` (a kept complete answer: its counter and guest ids)
    and the guests the change log names since, as the app narrows; and its LIMIT."""
    from storage import postgres_search as pg

    full, params, cap, kept_to = plan
    limit = int(params[cap])
    sql = pg._kept_or_full(kept_to, full) if among is not None else full
    sql = _literal_limits(sql, params["n"], params["m"])
    named = {f"{p}_{k}": v for p, v in params.items() if p not in ("n", "m")}
    if among is not None:
        named[f"among_{k}"], named[f"among_since_{k}"] = list(among[1]), among[0]
    return _renamed(sql, k), named, limit


@functools.lru_cache(maxsize=512)
def _literal_limits(sql: str, n: int, m: int) -> str:
    return re.sub(r"(?<!:):m\b", str(m), re.sub(r"(?<!:):n\b", str(n), sql))


@functools.lru_cache(maxsize=512)
def _renamed(sql: str, k: int) -> str:
    from storage.postgres_search import to_driver

    return to_driver(_PARAM.sub(lambda m: f":{m.group(1)}_{k}", sql))


_TYPED_NULLS = ("NULL::integer, s.role::text, s.active::text, "
                "(SELECT value FROM setting WHERE key = %(seq_key)s)::text, NULL::text, "
                "NULL::text, NULL::text, NULL::text, NULL::timestamp, NULL::timestamp, "
                "NULL::integer")


@functools.lru_cache(maxsize=512)
def key_statement(whole: str, first: str, more: str, limit: int) -> str:
    """A key press's one statement: the standing and the change counter (tag -1: role,
    active, counter in the guest columns), the whole-word step's guests (tag 0), and the
    prefix step's — for no whole word (tag 1), or for some but fewer than ``limit`` (tag 2)
    — each read only when the guard passes (``postgres_search.guarded``), all in one
    snapshot. The prefix steps are one-time filtered on the whole words' count: at most one
    of them runs, none when whole words fill the list."""
    from storage.postgres_search import GUARD, guarded

    return (f"WITH w AS MATERIALIZED ({guarded(whole)}) "
            f"SELECT -1, {_TYPED_NULLS} FROM staff s WHERE s.id = %(ahead_staff)s "
            "UNION ALL SELECT 0, w.* FROM w "
            f"UNION ALL SELECT 1, q.* FROM ({first}) q WHERE (SELECT count(*) FROM w) = 0 "
            f"AND {GUARD} "
            f"UNION ALL SELECT 2, q.* FROM ({more}) q WHERE (SELECT count(*) FROM w) "
            f"BETWEEN 1 AND {limit - 1} AND {GUARD}")


def _prefix_m(limit: int, tested: bool) -> int:
    """The prefix step's LIMIT in ``postgres_search._find_plan`` for ``limit`` guests."""
    return limit + limit // 4 + 1 if tested else 2 * limit


class FloorDesk:
    """A signed-in staff member's key presses and card opens on two connections."""

    def __init__(self, search_conn: Any, card_conn: Any, staff_id: int,
                 search_roles: Sequence[str], view_roles: Sequence[str],
                 limit: int = LIMIT) -> None:
        from storage.notify import server_of

        self.conn, self.card_conn = search_conn, card_conn
        self.staff_id, self.limit = staff_id, limit
        self.search_roles, self.view_roles = tuple(search_roles), tuple(view_roles)
        # Its complete answers are kept apart from the app's (postgres_search._COMPLETE is
        # per process, and a test runs both desks in one).
        self.server = f"floor {id(self)} " + server_of(search_conn.info)
        self.common = read_common(search_conn)
        self.seq: int | None = None       # the change counter the last key press read
        self.changed = False              # … and whether it moved since the one before
        self.in_driver = 0.0              # time inside the driver, summed
        self.round_trips = 0
        self.guest_rows_read = 0          # the last statement's rows of guests (tests)
        self._searches = self._results = 0
        self._counted_at: float | None = None

    def warm_up(self) -> None:
        """What the app's desk does once signed in (``app.guests.warm_up_search``, its
        sign-in's event): the modules loaded, each connection's server process has read the
        tables' catalog entries. A key press (nothing counted) and a card open of no guest
        (nothing written)."""
        self.key_press("a")
        self.open_card(0)

    # --- a key press ------------------------------------------------------------------

    def key_press(self, typed: str, *, day: dt.date | None = None) -> list[tuple[Any, ...]]:
        """The first ``limit`` guests for ``typed`` (rows of ``storage.search.GuestRow``'s
        columns), ranked; :class:`Refused` without the standing. One round trip."""
        from storage import postgres_search as pg
        from storage.notify import SEQ_KEY

        words = fold_words(typed.strip())
        if not words:
            return []
        limit, key = self.limit, tuple(dict.fromkeys(words))
        whole = pg._find_plan(None, words, limit, whole=True,  # type: ignore[arg-type]
                              common=self.common)
        first = pg._find_plan(None, words, limit, whole=False,  # type: ignore[arg-type]
                              common=self.common)
        more = pg._find_plan(None, words, 2 * limit - 1, whole=False,  # type: ignore[arg-type]
                             common=self.common)
        if whole is None or first is None or more is None:
            return []
        seen = self.seq
        parts = []
        for k, (plan, is_whole) in enumerate(((whole, True), (first, False), (more, False))):
            among = (pg._complete_among(self.server, seen, key, is_whole)
                     if seen is not None else None)
            parts.append(_part(plan, k, among))
        params: dict[str, Any] = {"ahead_staff": self.staff_id,
                                  "ahead_roles": pg.roles_param(self.search_roles),
                                  "seq_key": SEQ_KEY}
        for _sql, p, _limit in parts:
            params.update(p)
        sql = key_statement(parts[0][0], parts[1][0], parts[2][0], limit)
        t = time.perf_counter()
        rows = self.conn.execute(sql, params).fetchall()
        self.in_driver += time.perf_counter() - t
        self.round_trips += 1
        self.guest_rows_read = len(rows) - (1 if rows and rows[0][0] == -1 else 0)
        if not rows or rows[0][0] != -1:
            raise Refused("no such staff member")
        _tag, _id, role, active, seq_text = rows[0][:5]
        if active != "true" or role not in self.search_roles:
            raise Refused(f"{role}, active {active}")
        seq = int(seq_text or 0)
        self.changed, self.seq = seq != self.seq, seq
        steps: list[list[tuple[Any, ...]]] = [[], [], []]
        for r in rows[1:]:
            steps[r[0]].append(r[1:])
        for k, (step, is_whole) in enumerate(((steps[0], True), (steps[1], False),
                                              (steps[2], False))):
            ran = k == 0 or (k == 1 and not steps[0]) or (k == 2 and 0 < len(steps[0]) < limit)
            if ran and len(step) < parts[k][2]:   # every match came back: kept (narrowing)
                pg._remember_complete(self.server, seq, key, is_whole, step)
        found = _distinct(steps[0], limit)
        if len(found) < limit:
            begun = steps[1] if not found else steps[2][: _prefix_m(
                limit + len(found), any(p.startswith("t") for p in more[1]))]
            rest = _distinct(begun, limit + len(found))
        else:
            rest = []
        return self.ranked(found, rest, typed, day or dt.date.today())

    def ranked(self, whole: list[tuple[Any, ...]], begun: list[tuple[Any, ...]], typed: str,
               day: dt.date) -> list[tuple[Any, ...]]:
        """``app.guest_search._ranked`` of index matches (see the module docstring): the
        first ``limit`` rows, each its 10 guest columns and its tier."""
        d0 = dt.datetime.combine(day, dt.time())
        d1, d7 = d0 + dt.timedelta(days=1), d0 + dt.timedelta(days=7)
        typed_whole = whole_of(typed.strip())
        keyed = []
        seen = set()
        for rows, prefix in ((whole, False), (begun, True)):
            for r in rows:
                if r[0] in seen:
                    continue
                seen.add(r[0])
                if prefix:
                    tier = T_PREFIX
                elif whole_of(r[2]) == typed_whole or (r[3] and whole_of(r[3]) == typed_whole):
                    tier = T_EXACT
                else:
                    tier = T_WORDS
                last = r[9]
                soon = last is not None and last >= d0
                ago = 0.0 if last is None or soon else (d0 - last).total_seconds()
                keyed.append(((min(tier, T_PREFIX), not (soon and last < d1), tier,
                               not (soon and d1 <= last < d7), 0, 0,
                               ago if last is not None else float("inf"),
                               str(r[2]).casefold(), r[0]), (*r[:10], tier)))
        keyed.sort(key=lambda kr: kr[0])
        return [r for _k, r in keyed[: self.limit]]

    # --- a card open ------------------------------------------------------------------

    def open_card(self, guest_id: int, *, now: dt.datetime | None = None
                  ) -> list[list[tuple[Any, ...]]] | None:
        """The card's rows (``storage.card._untag``), read and audited in one transaction of
        two round trips; None when there is no such guest (nothing written);
        :class:`Refused` without the standing (nothing read, nothing written)."""
        from storage import card
        from storage import engine_postgres as pge
        from storage import postgres_search as pg
        from storage.audit_chain import _APPEND_PG, GENESIS, HEAD_KEY, event_hash

        conn = self.card_conn
        params = {"g": guest_id, "ahead_staff": self.staff_id,
                  "ahead_roles": pg.roles_param(self.view_roles)}
        t = time.perf_counter()
        try:
            with conn.pipeline():
                conn.execute("BEGIN")
                standing = conn.execute("SELECT role::text, active FROM staff "
                                        "WHERE id = %(ahead_staff)s", params)
                tagged = conn.execute(card._guarded(), params)
                conn.execute(pge.CHAIN_LOCK_THEN_END[0])
                end = conn.execute(pge.CHAIN_LOCK_THEN_END[1])
            self.in_driver += time.perf_counter() - t
            self.round_trips += 1
            st, got = standing.fetchone(), tagged.fetchall()
            self.guest_rows_read = len(got)
            if st is None or not st[1] or st[0] not in self.view_roles:
                raise Refused(f"{st}")
            rows = card._untag(got)
            guest = [g for g in rows[0] if g[0] is not None]
            if not guest:
                conn.rollback()
                return None
            last = end.fetchone()
            self._append(conn, last, "guest.opened", guest[0][1], {},
                         now or dt.datetime.now().replace(microsecond=0),
                         _APPEND_PG, GENESIS, HEAD_KEY, event_hash)
            return [guest, *rows[1:]]
        except BaseException:
            if not conn.closed:
                conn.rollback()
            raise

    def _append(self, conn: Any, last: Any, action: str, guest_ref: str | None,
                detail: dict[str, object], at: dt.datetime, append_sql: str, genesis: str,
                head_key: str, hash_of: Any) -> None:
        """The event after the chain's end ``last`` (id, hash) and the head record, then
        ``COMMIT``: one round trip (``storage.audit_chain``'s statement and hash)."""
        new_id, prev = (int(last[0]) + 1, str(last[1])) if last else (1, genesis)
        detail_json = json.dumps(detail, sort_keys=True, separators=(",", ":"),
                                 ensure_ascii=False)
        h = hash_of(id=new_id, at=at, staff_id=self.staff_id, action=action,
                    guest_ref=guest_ref, detail=detail_json, prev_hash=prev)
        t = time.perf_counter()
        with conn.pipeline():
            appended = conn.execute(append_sql, {
                "id": new_id, "at": at, "staff_id": self.staff_id, "action": action,
                "guest_ref": guest_ref, "detail": detail_json, "prev_hash": prev, "hash": h,
                "value": f"{new_id}:{h}", "key": head_key})
            conn.execute("COMMIT")
        self.in_driver += time.perf_counter() - t
        self.round_trips += 1
        if appended.rowcount != 1:
            raise RuntimeError("the audit chain's head record is missing")

    # --- searches counted ---------------------------------------------------------------

    def count_search(self, results: int) -> bool:
        """``app.audit.note_search``: a "guests.searched" event with the searches (and
        results) since the last one, at the first search and then at most once a minute;
        the lock waited for briefly (busy: the count stays pending). Not timed."""
        import psycopg

        from storage import engine_postgres as pge
        from storage.audit_chain import _APPEND_PG, GENESIS, HEAD_KEY, event_hash

        self._searches += 1
        self._results += results
        now = time.monotonic()
        if self._counted_at is not None and now - self._counted_at < SEARCH_WINDOW_S:
            return False
        conn = self.card_conn
        try:
            with conn.pipeline():
                conn.execute("BEGIN")
                conn.execute(f"SET LOCAL lock_timeout = {BRIEF_WAIT_MS}")
                conn.execute(pge.CHAIN_LOCK_THEN_END[0])
                end = conn.execute(pge.CHAIN_LOCK_THEN_END[1])
            self._append(conn, end.fetchone(), "guests.searched", None,
                         {"results": self._results, "searches": self._searches},
                         dt.datetime.now().replace(microsecond=0), _APPEND_PG, GENESIS,
                         HEAD_KEY, event_hash)
        except psycopg.errors.LockNotAvailable:
            conn.rollback()
            return False
        except BaseException:
            if not conn.closed:
                conn.rollback()
            raise
        self._counted_at, self._searches, self._results = now, 0, 0
        return True


def _distinct(rows: list[tuple[Any, ...]], limit: int) -> list[tuple[Any, ...]]:
    """``postgres_search._guest_list``: each guest once, the first ``limit``."""
    seen: set[int] = set()
    out = []
    for r in rows:
        if r[0] not in seen and len(out) < limit:
            seen.add(r[0])
            out.append(r)
    return out


def staff_id_of(conn: Any, name: str) -> int:
    """The staff member's id (the floor desk does not sign in: the app's sign-in checks the
    PIN once, not per operation)."""
    row = conn.execute("SELECT id FROM staff WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise LookupError(name)
    return int(row[0])


def floor_desk(url: str, password: str, targets: list[tuple[int, str]], pacing: Any,
               seconds: float, seed: int, out: Any, roles: tuple[list[str], list[str]],
               staff_name: str, plans_kept: bool = False) -> None:
    """``bench.shared_desks.desk`` with a floor desk: the same targets, random draws,
    pacing and stopping rule; the same record (and each operation's CPU, the backends' CPU
    per connection, each key press's class)."""
    from bench.shared_desks import GcTimer, _cpu, type_and_open

    search_conn = connect(url, password, plans_kept=plans_kept)
    card_conn = connect(url, password, plans_kept=plans_kept)
    desk = FloorDesk(search_conn, card_conn, staff_id_of(search_conn, staff_name), *roles)
    desk.warm_up()
    gc.freeze()   # as the app's desks (what start-up loaded lives as long as the desk)
    gct = GcTimer()
    rng = random.Random(seed)
    rec: dict[str, list[Any]] = {k: [] for k in (
        "search", "card", "search_db", "card_db", "search_statements", "card_statements",
        "errors", "keys", "missed", "slow", "search_cpu", "card_cpu", "search_info")}

    def timed(kind: str, call: Any, typed: str = "") -> Any:
        db0, n0, gc0, c0 = desk.in_driver, desk.round_trips, gct.spent, _cpu()
        t = time.perf_counter()
        try:
            result = call()
        except Exception as exc:
            rec["errors"].append(f"{kind}: {type(exc).__name__}")
            return None
        took = time.perf_counter() - t
        c1 = _cpu()
        nth = len(rec[kind]) + 1
        rec[kind].append((time.monotonic(), took))
        rec[f"{kind}_db"].append(desk.in_driver - db0)
        rec[f"{kind}_statements"].append(desk.round_trips - n0)
        rec[f"{kind}_cpu"].append(c1 - c0)
        if kind == "search":
            rec["search_info"].append((len(typed.strip()), False, desk.changed))
        if took > 0.1:
            rec["slow"].append({"kind": kind, "at": time.monotonic(), "took": took,
                                "db": desk.in_driver - db0, "gc": gct.spent - gc0,
                                "cpu": c1 - c0, "statements": desk.round_trips - n0,
                                "typed": typed, "longest": (desk.in_driver - db0, kind),
                                "nth": nth})
        return result

    cpu0 = _cpu()
    backends0 = (backend_cpu(search_conn), backend_cpu(card_conn))
    def search(typed: str) -> list[int] | None:
        found = timed("search", lambda: desk.key_press(typed), typed)
        if found is not None:
            try:
                desk.count_search(len(found))   # after the list was handed over
            except Exception as exc:
                rec["errors"].append(f"count: {type(exc).__name__}")
        return None if found is None else [r[0] for r in found]

    type_and_open(rng, targets, pacing, seconds, rec, search,
                  lambda gid: timed("card", lambda: desk.open_card(gid)))
    cpu = _cpu() - cpu0
    backends = (backend_cpu(search_conn) - backends0[0], backend_cpu(card_conn) - backends0[1])
    search_conn.close()
    card_conn.close()
    out.put({"role": "desk", "floor": True, "cpu_s": cpu, "db_statements": desk.round_trips,
             "gc_s": gct.total, "gc_n": gct.count, "backend_search_cpu_s": backends[0],
             "backend_card_cpu_s": backends[1], **rec})


# --- the slowest operations by class (both desks' records) -----------------------------

def search_class(info: Sequence[Any], at: float, took: float, apply_window: Any) -> list[str]:
    """The classes a key press belongs to (they overlap)."""
    length, forgiving, changed = info[0], info[1], info[2]
    out = [f"typed {length if length < 3 else '3+'}"]
    out.append("forgiving" if forgiving else "exact/prefix")
    if changed:
        out.append("after a change")
    if apply_window and apply_window[0] <= at <= apply_window[1] + took:
        out.append("during apply")
    if length >= 2 and not forgiving and len(out) == 2:
        out.append("plain")   # 2+ letters, exact/prefix, no change heard, not during apply
    return out


def breakdown(desks: list[dict[str, Any]], apply_window: Any) -> dict[str, Any]:
    """Per class of key press (typed length, forgiving or not, after a change, during the
    import's apply) and of card open (during apply or not): count, p50, p95 and how many of
    the slowest twentieth of all (the operations at or above the p95)."""
    from bench.common import percentile

    out: dict[str, Any] = {"ops": {}}
    for kind in ("search", "card"):
        ops = []
        for r in desks:
            infos = r.get("search_info") if kind == "search" else None
            for j, (at, took) in enumerate(r[kind]):
                if kind == "search":
                    if not infos or j >= len(infos):
                        continue
                    classes = search_class(infos[j], at, took, apply_window)
                else:
                    during = bool(apply_window) and apply_window[0] <= at <= apply_window[1] + took
                    classes = ["during apply" if during else "not during apply"]
                ops.append((took * 1000, classes))
        if not ops:
            continue
        out["ops"][kind] = ops   # each operation's time (ms) and classes, for the JSON
        edge = percentile([t for t, _c in ops], 95)
        slow = [c for t, c in ops if t >= edge]
        table = {}
        for name in sorted({c for _t, cs in ops for c in cs}):
            mine = [t for t, cs in ops if name in cs]
            table[name] = {"n": len(mine), "share": len(mine) / len(ops),
                           "p50": percentile(mine, 50), "p95": percentile(mine, 95),
                           "in_slowest": sum(name in cs for cs in slow),
                           # the p95 of all the others: what shedding this class would give
                           "p95_without": percentile([t for t, cs in ops if name not in cs],
                                                     95)}
        out[kind] = {"p95": edge, "slowest_n": len(slow), "classes": table}
    return out


def print_breakdown(b: dict[str, Any]) -> None:
    for kind, got in b.items():
        if kind == "ops":
            continue
        print(f"  {kind} by class (the slowest twentieth: {got['slowest_n']} at or above "
              f"p95 {got['p95']:.1f} ms):")
        for name, c in got["classes"].items():
            print(f"    {name:<18} n={c['n']:<5} ({100 * c['share']:4.0f}%)  p50 "
                  f"{c['p50']:6.1f}  p95 {c['p95']:6.1f} ms;  {c['in_slowest']} of the slowest; "
                  f"the others' p95 {c['p95_without']:.1f}")
