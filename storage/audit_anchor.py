"""The audit chain's head, anchored outside the database after every write that logged events.

The chain in ``storage.audit_chain`` makes an edit *inside* the log visible, but
whoever can write the file can also delete its newest events and move the head
back, recompute every hash, or put back an older copy of the file. So after
each committed transaction that appended events, the new head — event id,
hash, time and how many events each staff member has up to it — is written
*outside* the file:

* a keyring store: the OS keyring, entry ``<store id>.audit-anchor`` (service
  ``frontdesk``), next to the store key but in its own entry;
* a passphrase store (no keyring): a 0600 file in the user's state folder,
  outside the data folder, so copying an old data folder back does not bring
  an old anchor with it;
* a memory store (demo, tests): this process's memory;
* the venue's shared store (PostgreSQL): each desk's OS keyring, same entry name
  (``move-store`` carries the local store's anchor there, see :func:`seed`).

Every backup carries the anchor of the moment it was made in its plain header
(``storage.backup``), and the manager's audit screen shows a short fingerprint
to note down. ``app.verify`` compares the chain with all of them.

Anchoring must never break or slow the use case that logged the event. A
write to a real Secret Service keyring takes tens to hundreds of milliseconds
(bench/trust_costs.py), so the new anchor is handed to one background writer
per process, which always writes the newest pending anchor of each store
(commits in between are folded into it) and is flushed at exit and before
``verify`` reads. A keyring that refuses the write is logged and the next
commit tries again (``verify`` then sees an older, still valid, anchor). A
crash in the moment between a commit and its anchor write leaves the anchor
one step behind, which is still a valid checkpoint.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from storage import write_locks
from storage.models import Setting

log = logging.getLogger("frontdesk.anchor")

SERVICE = "frontdesk"          # the keyring service of storage.keys
INFO_STORE = "anchor_store"    # session.info key: (store id, where) set by storage.store
INFO_APPENDED = "audit_appended"
SYSTEM = "-"                   # by_staff key for events without a staff member
ANCHORED_KEY = "audit.anchored"  # in the store once anchored: a missing anchor is then news


@dataclass(frozen=True)
class Anchor:
    """A checkpoint of the chain: event ``id`` had ``hash``; counts of events per staff id."""

    id: int
    hash: str
    at: str
    by_staff: Mapping[str, int] = field(default_factory=dict)
    # Highest row id per table at that moment: an older copy of the file lacks rows the
    # anchor's moment had; a cut log still holds them (``app.verify`` tells them apart).
    rows: Mapping[str, int] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """What a manager notes down: ``1234:3F9A-C2D1`` (event id, 32 bits of its hash)."""
        return fingerprint(self.id, self.hash)

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "hash": self.hash, "at": self.at,
                           "by_staff": dict(self.by_staff), "rows": dict(self.rows)},
                          sort_keys=True)

    @classmethod
    def from_value(cls, raw: object) -> Anchor | None:
        """From JSON text or a dict; None for anything that is not a well-formed anchor."""
        try:
            data = json.loads(raw) if isinstance(raw, str) else raw
            if not isinstance(data, dict):
                return None
            by_staff = {str(k): int(v) for k, v in dict(data.get("by_staff") or {}).items()}
            rows = {str(k): int(v) for k, v in dict(data.get("rows") or {}).items()}
            return cls(int(data["id"]), str(data["hash"]), str(data.get("at", "")), by_staff,
                       rows)
        except (ValueError, TypeError, KeyError):
            return None


def fingerprint(event_id: int, event_hash: str) -> str:
    h = event_hash[:8].upper()
    return f"{event_id}:{h[:4]}-{h[4:]}"


def parse_fingerprint(text: str) -> tuple[int, str] | None:
    """``1234:3F9A-C2D1`` (spaces, dashes, case and a thousands comma forgiven)."""
    number, sep, rest = text.replace(",", "").replace(" ", "").partition(":")
    digest = rest.replace("-", "").lower()
    if not sep or not number.isdigit() or len(digest) != 8 or \
            any(c not in "0123456789abcdef" for c in digest):
        return None
    return int(number), digest


# --- where an anchor lives ------------------------------------------------------------

_memory: dict[str, Anchor] = {}     # memory stores, and the last anchor written per store
_lock = threading.Lock()


def _state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("frontdesk", appauthor=False)) / "anchors"


def _entry(store_id: str) -> str:
    return f"{store_id}.audit-anchor"


def load(store_id: str, where: str) -> Anchor | None:
    """The anchor kept outside the store, or None (never anchored, or unreadable)."""
    flush()
    if where == "memory":
        return _memory.get(store_id)
    if where == "keyring":
        import keyring
        from keyring.errors import KeyringError

        try:
            return Anchor.from_value(keyring.get_password(SERVICE, _entry(store_id)))
        except KeyringError as exc:
            log.warning("audit anchor not readable from the keyring: %s", type(exc).__name__)
            return None
    path = _state_dir() / f"{store_id}.json"
    try:
        return Anchor.from_value(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def save(store_id: str, where: str, anchor: Anchor, backend: Any = None) -> bool:
    """Write the anchor; False (logged) when the keyring or folder refuses.

    ``backend``: the keyring backend to write to (default: the active one).
    """
    if where == "memory":
        _memory[store_id] = anchor
        return True
    if where == "keyring":
        import keyring
        from keyring.errors import KeyringError

        try:
            (backend or keyring.get_keyring()).set_password(SERVICE, _entry(store_id),
                                                            anchor.to_json())
            return True
        except KeyringError as exc:
            log.warning("audit anchor not written to the keyring: %s", type(exc).__name__)
            return False
    folder = _state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".anchor-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(anchor.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / f"{store_id}.json")
        return True
    except OSError as exc:
        log.warning("audit anchor not written to %s: %s", folder, exc.strerror or exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
        return False


def where_for(key_source: str) -> str | None:
    """Where a store whose header says ``key_source`` keeps its anchor (None: nowhere).

    A shared store (``"server"``) is anchored in each desk's keyring, where the desk
    keeps the server password: every desk's anchor is a checkpoint of the one chain.
    """
    return {"keyring": "keyring", "passphrase": "file", "memory": "memory",
            "server": "keyring"}.get(key_source)


def seed(store_id: str, anchor: Anchor) -> None:
    """Start ``store_id``'s anchoring from ``anchor`` (move-store: the local store's anchor
    carried to the shared store, whose copied chain must still hold it). The next commit
    that logs an event extends it, or keeps it as evidence if the chain does not hold it."""
    with _lock:
        _memory[store_id] = anchor


# --- after every commit that logged events ----------------------------------------------

@dataclass
class _Span:
    """What one transaction appended: the event before its first, its last, counts."""

    before: tuple[int, str]
    last: tuple[int, str, Any]
    counts: Counter[str]


def mark_appended(session: Session, before: tuple[int, str] | None = None,
                  last: tuple[int, str, Any] | None = None,
                  counts: Mapping[int | None, int] | None = None) -> None:
    """Called by ``storage.audit_chain`` when it appends (under the chain lock): this commit
    moves the head from ``before`` (id, hash) to ``last`` (id, hash, time), adding
    ``counts`` events per staff id. Without them the head is read back at commit."""
    if before is None or last is None:
        session.info[INFO_APPENDED] = True
        return
    mine = Counter({(SYSTEM if k is None else str(k)): int(v)
                    for k, v in (counts or {}).items()})
    span = session.info.get(INFO_APPENDED)
    if isinstance(span, _Span):
        span.last = last
        span.counts.update(mine)
    elif span is None:
        session.info[INFO_APPENDED] = _Span(before, last, mine)


def compute(session: Session, store_id: str, where: str, span: _Span | None = None
            ) -> Anchor | None:
    """The anchor for the chain as this session sees it (inside its transaction).

    None when there is no event yet, or when the chain no longer holds the last
    anchor (then the old anchor stays, as the evidence ``verify`` reports).

    With ``span`` (what this transaction appended, under the chain lock) the head is not
    read back; and when nothing was appended since the last anchor but this transaction's
    own events and it added no rows, nothing is read at all (every change to guests,
    visits, labels or consents appends an event, so the row marks are those of the last
    anchor). Otherwise one statement reads the rest (:func:`_facts`).
    """
    from storage import audit_chain

    if span is None:
        head = audit_chain.head(session)
        if head is None:
            return None
    else:
        head = span.last
    event_id, event_hash, at = head
    pinned = session.info.pop(_PINNED, _UNPINNED)
    if pinned is not _UNPINNED:   # committed with its event (commit_with_event)
        base = pinned
    else:
        with _lock:
            base = _memory.get(store_id)
        if base is None and where != "memory":
            base = load(store_id, where)
    ahead = session.info.pop(_FACTS_AHEAD, None)
    if span is not None and base is not None and (base.id, base.hash) == span.before \
            and not write_locks.wrote(session) & write_locks.ROW_MARK_TABLES:
        counts = Counter(base.by_staff)
        counts.update(span.counts)
        rows: Mapping[str, int] = base.rows
    else:
        if ahead is not None and ahead[0] == (event_id, _key_of(base)) \
                and not write_locks.wrote(session) & write_locks.ROW_MARK_TABLES:
            facts = ahead[1]   # read with the event (facts_ahead): nothing appended since
            _anchored_seen(session, facts.anchored)
        elif pinned is not _UNPINNED:
            # Committed already (commit_with_event), so nothing can be read in its snapshot:
            # no new anchor from this commit (the last one stays, a valid checkpoint).
            log.warning("audit anchor not computed: its facts were not read with its event")
            return None
        else:
            # This transaction's own events (span) are counted already: only the events
            # between the last anchor and its first are read (an import's thousands of
            # events were counted under the chain lock, ~10 ms of its hold).
            own = span is not None and base is not None and span.before[0] >= base.id
            facts = _facts(session, base, span.before[0] if own and span else event_id)
            if own and span is not None:
                facts.counts.update(span.counts)
        if base is not None and facts.base_hash != base.hash:
            # The chain no longer holds the last anchor: it was cut, recomputed or rolled
            # back. Keep the old anchor as the evidence `verify` reports; never follow.
            log.error("audit chain does not contain its anchor (event %d); not re-anchoring",
                      base.id)
            return None
        counts = Counter(base.by_staff if base is not None else {})
        counts.update(facts.counts)
        rows = facts.rows
    when = at.isoformat() if hasattr(at, "isoformat") else str(at)
    return Anchor(event_id, event_hash, when,
                  {k: v for k, v in sorted(counts.items()) if v}, dict(rows))


@dataclass
class _Facts:
    base_hash: str | None
    counts: Counter[str]
    rows: dict[str, int]
    anchored: bool


def _facts(session: Session, base: Anchor | None, upto: int) -> _Facts:
    """In one statement: the hash of the last anchor's event, the events per staff member
    after it up to ``upto``, the row marks, and whether the store says it is anchored."""
    from sqlalchemy import BigInteger, String, cast, func, literal, select, union_all

    from storage.models import Assignment, AuditEvent, Consent, Guest, Visit

    after = base.id if base is not None else 0
    if session.get_bind().dialect.name == "postgresql":
        # The same statement written for the driver (_FACTS_PG): an import reads this under
        # the chain lock, and building and compiling the SQLAlchemy statement cost more
        # of the desk's CPU than the server's work.
        from storage.postgres_search import fetch_rows

        facts = _facts_of(fetch_rows(session, _FACTS_PG, {
            "after": after, "upto": upto, "anchored": ANCHORED_KEY, "base": after}))
        _anchored_seen(session, facts.anchored)
        return facts
    no_text, no_int = cast(literal(None), String), cast(literal(None), BigInteger)
    parts = [
        *_counts_by_staff(session, after, upto),
        *(select(literal("r"), literal(str(m.__tablename__)),
                 func.coalesce(func.max(m.__table__.c.id), 0), no_text)
          for m in (Guest, Visit, Assignment, Consent)),
        select(literal("a"), no_text, no_int, Setting.value).where(Setting.key == ANCHORED_KEY),
    ]
    if base is not None:
        parts.append(select(literal("h"), no_text, no_int, AuditEvent.hash)
                     .where(AuditEvent.id == base.id))
    facts = _facts_of(session.execute(union_all(*parts)))
    _anchored_seen(session, facts.anchored)
    return facts


def _facts_of(rows: Iterable[Any]) -> _Facts:
    """The facts in the rows of :func:`_facts`'s statement (or ``_FACTS_PG``'s)."""
    facts = _Facts(None, Counter(), {}, False)
    for kind, name, number, value in rows:
        if kind == "s":
            facts.counts[SYSTEM if name is None else str(name)] += int(number)
        elif kind == "r":
            facts.rows[str(name)] = int(number or 0)
        elif kind == "a":
            facts.anchored = True
        else:
            facts.base_hash = str(value)
    return facts


def _counts_by_staff(session: Session, after: int, upto: int) -> list[Any]:
    """The parts of :func:`_facts` that count the events after ``after`` up to ``upto``
    per staff member: rows ``("s", staff id as text or None, count, None)``.

    On SQLite the events' rows are not read: each staff member's count is a range of
    the staff index (``ix_audit_event_staff_id`` holds ``(staff_id, rowid)``), and the
    staff ids come from that index too, one seek each (a recursive skip over it; events
    name staff that may have gone, so the staff table is not the list). After another
    desk's 100,000-row import (~172,000 events, ~67 MB of rows) a desk's next anchor
    counted them from the table's rows: 50-120 ms under the store's lock; from the index
    7-14 ms (docs/performance.md). A staff id with no event in the range counts 0, which
    :func:`compute` leaves out as before. PostgreSQL's index on ``staff_id`` is not
    ordered by id within a staff member, so there the events' range is grouped as before.
    """
    from sqlalchemy import String, cast, func, literal, select

    from storage.models import AuditEvent

    no_text = cast(literal(None), String)
    in_range = (AuditEvent.id > after, AuditEvent.id <= upto)
    if session.get_bind().dialect.name != "sqlite":
        return [select(literal("s"), cast(AuditEvent.staff_id, String), func.count(), no_text)
                .where(*in_range).group_by(AuditEvent.staff_id)]
    staff_ids = select(func.min(AuditEvent.staff_id).label("v")).cte("anchor_staff",
                                                                     recursive=True)
    staff_ids = staff_ids.union_all(
        select(select(func.min(AuditEvent.staff_id)).where(AuditEvent.staff_id > staff_ids.c.v)
               .scalar_subquery())
        .where(staff_ids.c.v.is_not(None)))
    return [
        select(literal("s"), cast(staff_ids.c.v, String),
               select(func.count()).where(AuditEvent.staff_id == staff_ids.c.v, *in_range)
               .scalar_subquery(), no_text)
        .where(staff_ids.c.v.is_not(None)),
        select(literal("s"), no_text,
               select(func.count()).where(AuditEvent.staff_id.is_(None), *in_range)
               .scalar_subquery(), no_text),
    ]


# The facts read in the round trip of the event that ends an audit-only transaction
# (facts_ahead): ((event id, last anchor's (id, hash) or None), facts), in session.info.
_FACTS_AHEAD = "audit_anchor_facts_ahead"
# The same statement as _facts, for the driver connection (PostgreSQL), the hash of the
# last anchor's event read only when there is one.
_FACTS_PG = (
    "SELECT 's', CAST(staff_id AS VARCHAR), count(*), CAST(NULL AS VARCHAR) FROM audit_event "
    "WHERE id > %(after)s AND id <= %(upto)s GROUP BY staff_id"
    + "".join(f" UNION ALL SELECT 'r', '{t}', coalesce(max(id), 0), CAST(NULL AS VARCHAR) "
              f"FROM {t}" for t in ("guest", "visit", "assignment", "consent"))
    + " UNION ALL SELECT 'a', NULL, CAST(NULL AS BIGINT), value FROM setting "
    "WHERE key = %(anchored)s"
    " UNION ALL SELECT 'h', NULL, CAST(NULL AS BIGINT), hash FROM audit_event "
    "WHERE id = %(base)s")


def _key_of(base: Anchor | None) -> tuple[int, str] | None:
    return (base.id, base.hash) if base is not None else None


def facts_ahead(session: Session, event_id: int, before: tuple[int, str]
                ) -> tuple[str, dict[str, Any]] | None:
    """The statement (psycopg parameters) that reads what this transaction's anchor will
    need (:func:`compute`), for ``storage.audit_chain`` to send in the round trip of the
    event ``event_id`` it appends after ``before`` — or None when the anchor will need no
    read, or the statement is better read at commit.

    Only in an audit-only write (a card opened, a search counted: it adds no rows, so what
    is read after its event under the chain lock is what the commit would read — no other
    desk can log an event, hence change data, while the lock is held) whose event is the
    first it appends, on a store anchored outside itself. At a busy venue the last anchor
    of this desk is rarely the chain's end (other desks appended since), so a card open
    read the facts in a round trip of its own: one of its five."""
    target = session.info.get(INFO_STORE)
    if target is None or not write_locks.audit_only(session) \
            or session.info.get(INFO_APPENDED) is not None:
        return None
    store_id, where = target
    with _lock:
        base = _memory.get(store_id)
    if base is None and where != "memory":
        return None   # read at commit, as before (the first event of this process)
    return _facts_statement(base, event_id, before)


def _facts_statement(base: Anchor | None, event_id: int, before: tuple[int, str]
                     ) -> tuple[str, dict[str, Any]] | None:
    if base is not None and (base.id, base.hash) == before:
        return None   # nothing appended since: the anchor needs no read
    return _FACTS_PG, {"after": base.id if base is not None else 0, "upto": event_id,
                       "anchored": ANCHORED_KEY, "base": base.id if base is not None else 0,
                       "key": (event_id, _key_of(base))}


# The last anchor a transaction committed with its event extends (commit_with_event):
# compute uses it, not this process's newest, which another thread may move meanwhile.
_PINNED = "audit_anchor_pinned"
_UNPINNED = object()


def commit_with_event(session: Session, event_id: int, before: tuple[int, str]
                      ) -> tuple[tuple[str, dict[str, Any]] | None] | None:
    """Whether an audit-only write may send its ``COMMIT`` in the round trip of the event
    ``event_id`` it appends now after ``before`` (``storage.audit_chain``, an event its
    caller writes last): only when its anchor, computed at commit, will read and write
    nothing more — this is the first event it appends, it wrote no rows, this process has
    anchored this store before (so the store's "anchored" mark is there and not written
    now) and knows its last anchor. Then ``(statement,)``: what :func:`facts_ahead` would
    read (None: nothing), to go in the same round trip before the ``COMMIT``, and the last
    anchor is pinned for :func:`compute`. Else None: commit as usual."""
    if not write_locks.audit_only(session) or session.info.get(INFO_APPENDED) is not None \
            or write_locks.wrote(session) & write_locks.ROW_MARK_TABLES:
        return None
    target = session.info.get(INFO_STORE)
    if target is None:
        return (None,)   # nothing anchored for this store
    store_id, where = target
    with _lock:
        base = _memory.get(store_id)
        anchored = store_id in _anchored
    if not anchored or (base is None and where != "memory"):
        return None
    session.info[_PINNED] = base
    return (_facts_statement(base, event_id, before),)


def took_facts(session: Session, params: dict[str, Any], rows: list[Any]) -> None:
    """The rows of :func:`facts_ahead`'s statement, kept for :func:`compute`."""
    session.info[_FACTS_AHEAD] = (params["key"], _facts_of(rows))


def _anchored_seen(session: Session, anchored: bool) -> None:
    if anchored:
        session.info[_ANCHORED_SEEN] = True


_ANCHORED_SEEN = "audit_anchored_seen"
_anchored: set[str] = set()   # stores whose "anchored" mark this process saw or wrote


def row_marks(session: Session) -> dict[str, int]:
    """The highest id in each table that grows with the desk's work (primary-key reads).

    One statement for the four tables: on the shared store every statement is a round
    trip to the server.
    """
    from sqlalchemy import func, select

    from storage.models import Assignment, Consent, Guest, Visit

    models = (Guest, Visit, Assignment, Consent)
    row = session.execute(select(*(
        select(func.coalesce(func.max(m.__table__.c.id), 0)).scalar_subquery()
        for m in models))).one()
    return {m.__tablename__: int(v or 0) for m, v in zip(models, row, strict=True)}


def for_backup(session: Session, store_id: str, key_source: str) -> dict[str, Any] | None:
    """The anchor a backup carries: the head now, or the last good anchor if the chain
    no longer holds it (a backup must not bless a tampered log)."""
    where = where_for(key_source) or "memory"
    anchor = compute(session, store_id, where) or load(store_id, where)
    return json.loads(anchor.to_json()) if anchor else None


def _before_commit(session: Session) -> None:
    target = session.info.get(INFO_STORE)
    appended = session.info.pop(INFO_APPENDED, None)
    if not appended or target is None:
        return
    store_id, where = target
    try:
        new = compute(session, store_id, where,
                      appended if isinstance(appended, _Span) else None)
        if new is not None and store_id not in _anchored \
                and not session.info.pop(_ANCHORED_SEEN, False) \
                and session.get(Setting, ANCHORED_KEY) is None:
            session.merge(Setting(key=ANCHORED_KEY, value=where))  # a missing anchor is news
        session.info["anchor_new"] = new
    except Exception:   # never fail the use case for its anchor
        log.exception("audit anchor not computed")


def _after_commit(session: Session) -> None:
    new: Anchor | None = session.info.pop("anchor_new", None)
    target = session.info.get(INFO_STORE)
    if new is None or target is None:
        return
    store_id, where = target
    with _lock:
        _anchored.add(store_id)   # this commit wrote the mark if the store lacked it
        last = _memory.get(store_id)
        if last is not None and last.id >= new.id and where != "memory":
            return   # another thread of this process already anchored further
        _memory[store_id] = new
    if where != "memory":
        _writer.submit(store_id, where, new)


class _Writer:
    """One daemon thread writing the newest pending anchor per store, off the caller."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[str, tuple[str, Anchor, Any]] = {}
        self._busy = False
        self._thread: threading.Thread | None = None

    def submit(self, store_id: str, where: str, anchor: Anchor) -> None:
        import keyring

        # The keyring of the moment of the commit, even if the process switches later.
        backend = keyring.get_keyring() if where == "keyring" else None
        with self._cond:
            self._pending[store_id] = (where, anchor, backend)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="frontdesk-anchor",
                                                daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending:
                    self._cond.wait()
                batch, self._pending = self._pending, {}
                self._busy = True
            try:
                for store_id, (where, anchor, backend) in batch.items():
                    save(store_id, where, anchor, backend)
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until every submitted anchor is written; False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._pending or self._busy:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True


_writer = _Writer()
atexit.register(_writer.flush, 5.0)


def flush(timeout: float = 10.0) -> bool:
    """Let anchors handed to the background writer reach the keyring (before reading it)."""
    return _writer.flush(timeout)


def _after_rollback(session: Session) -> None:
    session.info.pop(INFO_APPENDED, None)
    session.info.pop(_PINNED, None)
    session.info.pop(_FACTS_AHEAD, None)
    session.info.pop("anchor_new", None)
    session.info.pop(_ANCHORED_SEEN, None)


def install() -> None:
    """Listen on every Session (idempotent); only sessions a Store marked are anchored."""
    if not event.contains(Session, "before_commit", _before_commit):
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Session, "after_commit", _after_commit)
        event.listen(Session, "after_soft_rollback", _after_rollback_soft)


def _after_rollback_soft(session: Session, previous_transaction: Any) -> None:
    _after_rollback(session)


def forget(store_id: str) -> None:
    """Drop this process's memory of a store's anchor (tests; a store replaced on disk)."""
    with _lock:
        _memory.pop(store_id, None)
        _anchored.discard(store_id)
