"""The hash chain that makes the audit log tamper-evident.

Each event's hash covers its id, time, actor, action, guest token, detail and
the previous event's hash. Editing a row, deleting one or swapping two breaks
the chain at that point; deleting the newest rows is caught by the chain head
kept in the ``setting`` table and updated in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage import write_locks
from storage.audit_anchor import commit_with_event, facts_ahead, mark_appended, took_facts
from storage.models import AuditEvent, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


def event_hash(
    *, id: int, at: dt.datetime, staff_id: int | None, action: str, guest_ref: str | None,
    detail: str, prev_hash: str,
) -> str:
    payload = json.dumps(
        [id, at.isoformat(), staff_id, action, guest_ref, detail, prev_hash],
        separators=(",", ":"), ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(
    session: Session, *, at: dt.datetime, staff_id: int | None, action: str,
    guest_ref: str | None, detail: dict[str, object], last: bool = False,
) -> None:
    """Add one event at the end of the chain. Call inside a write transaction: the chain's
    end is read under the chain lock (``storage.write_locks``), so no other desk appends
    after the same event.

    ``last``: the caller's transaction reads and writes nothing after this event (a card
    open: ``app.audit.record_last``). On PostgreSQL an audit-only write then sends its
    ``COMMIT`` in the event's own round trip, when nothing is left for the commit to do
    (``storage.audit_anchor.commit_with_event``): the event is committed, and the chain
    lock released, when this returns; a card open is two round trips, not three. A failed
    event or ``COMMIT`` raises here, and nothing of the transaction stays."""
    end = write_locks.hold_chain(session)
    newest = end[0] if end is not None else session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    new_id, prev = (int(newest[0]) + 1, str(newest[1])) if newest else (1, GENESIS)
    detail_json = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    h = event_hash(
        id=new_id, at=at, staff_id=staff_id, action=action, guest_ref=guest_ref,
        detail=detail_json, prev_hash=prev,
    )
    values: dict[str, object] = {
        "id": new_id, "at": at, "staff_id": staff_id, "action": action,
        "guest_ref": guest_ref, "detail": detail_json, "prev_hash": prev, "hash": h}
    if session.get_bind().dialect.name == "postgresql":
        # The event and the head record in one statement (one round trip to the server),
        # with what the anchor will read and, for a last event, the COMMIT. No ORM object:
        # its instrumented attributes were ~0.15 ms of a card open's desk CPU.
        ahead = (commit_with_event(session, new_id, (new_id - 1, prev))
                 if last and new_id > 1 and _pipelines() else None)
        _set_head(session, new_id, h, with_event=values,
                  then=ahead[0] if ahead else facts_ahead(session, new_id, (new_id - 1, prev)),
                  commit=ahead is not None)
    else:
        session.add(AuditEvent(**values))
        _set_head(session, new_id, h)
    mark_appended(session, (new_id - 1, prev), (new_id, h, at), {staff_id: 1})


# PostgreSQL: the event and the head record in one statement (typed as SQLAlchemy's own
# statement was: the same values reach the same columns).
_APPEND_PG = (
    "WITH appended AS (INSERT INTO audit_event (id, at, staff_id, action, guest_ref, detail, "
    "prev_hash, hash) VALUES (%(id)s::INTEGER, %(at)s::TIMESTAMP WITHOUT TIME ZONE, "
    "%(staff_id)s::INTEGER, %(action)s::VARCHAR, %(guest_ref)s::VARCHAR, %(detail)s::TEXT, "
    "%(prev_hash)s::VARCHAR, %(hash)s::VARCHAR)) "
    "UPDATE setting SET value = %(value)s::VARCHAR WHERE setting.key = %(key)s::VARCHAR")


def _pipelines() -> bool:
    import psycopg

    return bool(psycopg.Pipeline.is_supported())   # libpq 14 or later


def _set_head(session: Session, event_id: int, event_hash: str,
              with_event: dict[str, object] | None = None,
              then: tuple[str, dict[str, object]] | None = None, commit: bool = False) -> None:
    """The head record, in one statement (an insert only the first time); with
    ``with_event`` (its column values), that event is inserted by the same statement
    (PostgreSQL's ``WITH … INSERT`` before the ``UPDATE``); ``then``, a statement read in
    the same round trip whose rows go to ``storage.audit_anchor.took_facts`` (its
    ``facts_ahead``);
    ``commit``: the transaction's ``COMMIT`` after them, in the same round trip."""
    value = f"{event_id}:{event_hash}"
    if with_event is not None:
        from storage import postgres_search

        # On the driver connection (as the search's statements): building and compiling
        # the SQLAlchemy statement was ~2 ms of a card open's desk CPU (docs/performance.md).
        params = {**with_event, "value": value, "key": HEAD_KEY}
        if commit:
            updated, rows = _append_and_commit(session, params, then)
            if then is not None:
                took_facts(session, then[1], rows)
            if not updated:   # no head record: a damaged store (verify reports it)
                raise RuntimeError("the audit chain's head record is missing")
            return
        if then is None:
            updated = postgres_search.execute_driver(session, _APPEND_PG, params)
        else:
            updated, rows = postgres_search.execute_then_fetch(
                session, _APPEND_PG, params, then[0],
                {k: v for k, v in then[1].items() if k != "key"})
            took_facts(session, then[1], rows)
        if not updated:
            session.add(Setting(key=HEAD_KEY, value=value))
        return
    stmt = update(Setting).where(Setting.key == HEAD_KEY).values(value=value)
    done = session.execute(stmt.execution_options(synchronize_session=False))
    if not getattr(done, "rowcount", 1):
        session.add(Setting(key=HEAD_KEY, value=value))


def _append_and_commit(session: Session, params: dict[str, object],
                       then: tuple[str, dict[str, object]] | None) -> tuple[int, list[Any]]:
    """The event with its head record (``_APPEND_PG``), ``then`` (the anchor's facts) and
    ``COMMIT``, sent together in one pipeline on the session's driver connection: one round
    trip. If any of them fails the server skips the rest up to the pipeline's end (the
    transaction is left failed, then rolled back: nothing of it stays) and the error comes
    back as SQLAlchemy's — sometimes before ``COMMIT`` is even queued (psycopg reads the
    results that have arrived while it queues), and then none is sent. The session's own
    commit then has nothing left to send."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    from storage import engine_postgres as pge
    from storage.search import _dbapi

    raw = _dbapi(session)
    try:
        with raw.pipeline():
            appended = raw.execute(_APPEND_PG, params)
            facts = (raw.execute(then[0], {k: v for k, v in then[1].items() if k != "key"})
                     if then is not None else None)
            pge.queue_commit(raw)
        rows = list(facts.fetchall()) if facts is not None else []
    except psycopg.Error as exc:
        raise DBAPIError.instance(_APPEND_PG, params, exc, psycopg.Error) from exc
    write_locks.committed_with_event(session)
    return int(appended.rowcount), rows


@dataclass(frozen=True)
class ChainReport:
    events: int
    first_broken_id: int | None
    problem: str

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None and not self.problem


def verify(session: Session) -> ChainReport:
    """Walk the whole log in id order and report the first broken link."""
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
    return _walk(session, rows.yield_per(2000), GENESIS, 1)


def verify_tail(session: Session, newest: int) -> ChainReport:
    """Walk only the newest ``newest`` events (``verify``'s quick mode); the whole log if
    it is no longer than that. Their links, hashes and the head record are checked, and
    the first of them must follow the stored hash of the event before it. A change
    further back is ``verify --full``'s, or the anchors' (an anchored event's hash
    is compared either way)."""
    top = head(session)
    if top is None:
        return _walk(session, [], GENESIS, 1)
    first = max(1, top[0] - newest + 1)
    prev = GENESIS if first == 1 else hash_at(session, first - 1)
    if prev is None:
        return ChainReport(0, first - 1, f"event {first - 1} is missing before {first}")
    rows = session.execute(select(AuditEvent).where(AuditEvent.id >= first)
                           .order_by(AuditEvent.id)).scalars()
    return _walk(session, rows.yield_per(2000), prev, first)


def _walk(session: Session, rows: Iterable[AuditEvent], prev: str,
          expected_id: int) -> ChainReport:
    count = 0
    last_id = expected_id - 1
    for ev in rows:
        count += 1
        if ev.id != expected_id:
            return ChainReport(count, ev.id, f"event {expected_id} is missing before {ev.id}")
        if ev.prev_hash != prev:
            return ChainReport(count, ev.id, f"event {ev.id} does not follow the one before it")
        h = event_hash(
            id=ev.id, at=ev.at, staff_id=ev.staff_id, action=ev.action, guest_ref=ev.guest_ref,
            detail=ev.detail, prev_hash=ev.prev_hash,
        )
        if h != ev.hash:
            return ChainReport(count, ev.id, f"event {ev.id} was changed after it was written")
        prev, last_id, expected_id = ev.hash, ev.id, ev.id + 1
    head_row = session.get(Setting, HEAD_KEY)
    expected_head = f"{last_id}:{prev}" if last_id else None
    if head_row is not None and head_row.value != expected_head:
        return ChainReport(count, last_id + 1, f"events after {last_id} were removed")
    if head_row is None and last_id:
        return ChainReport(count, None, "the chain head record is missing")
    return ChainReport(count, None, "")


Event = tuple[dt.datetime, int | None, str, str | None, dict[str, object]]


@dataclass(frozen=True)
class PreparedEvents:
    """Events made ready before the write lock (imports): their JSON detail and the hashed
    fields between the id and the previous hash are built once, so appending them under
    the lock only chains the hashes (the id and the previous hash are known only there)."""

    middles: list[str]               # JSON of [at, staff_id, action, guest_ref, detail]
    values: list[tuple[object, ...]]  # (at, staff_id, action, guest_ref, detail), bound
    last_at: dt.datetime | None = None  # the last event's time (for the audit anchor)
    staff: Counter[int | None] = field(default_factory=Counter)  # events per staff id

    def __len__(self) -> int:
        return len(self.middles)


_COLUMNS = ("at", "staff_id", "action", "guest_ref", "detail")


def prepare_events(session: Session, events: Iterable[Event]) -> PreparedEvents:
    """Make ``events`` ready for :func:`append_prepared` (no write lock needed)."""
    from storage import bulk

    bind = bulk.binder(session, AuditEvent, _COLUMNS)
    middles: list[str] = []
    values: list[tuple[object, ...]] = []
    # An import's events share their time, actor and action, and many their detail: each
    # of those is turned into JSON (and bound) once. The strings are escaped by the same
    # function json.dumps uses, so the payload is byte for byte event_hash's.
    heads: dict[tuple[dt.datetime, int | None, str], tuple[str, tuple[object, ...]]] = {}
    details: dict[object, tuple[str, str]] = {}
    parts: dict[tuple[str, object], str] = {}
    plain_tail: bool | None = None
    last_at: dt.datetime | None = None
    staff: Counter[int | None] = Counter()
    for at, staff_id, action, guest_ref, detail in events:
        last_at = at
        staff[staff_id] += 1
        head_key = (at, staff_id, action)
        if head_key not in heads:
            bound = bind((at, staff_id, action, None, ""))
            heads[head_key] = (_dumps([at.isoformat(), staff_id, action])[1:-1], bound[:3])
        head_json, head_bound = heads[head_key]
        flat = _flat_json(detail, parts)
        if flat is not None:   # each event its own detail (a visit id): no json.dumps
            detail_json, detail_str = flat, _encode_str(flat)
        else:
            try:
                detail_key: object = tuple(sorted(detail.items()))
                hash(detail_key)
            except TypeError:
                detail_key = None
            known = details.get(detail_key) if detail_key is not None else None
            if known is None:
                detail_json = _dumps(detail, sort_keys=True)
                known = (detail_json, _encode_str(detail_json))
                if detail_key is not None:
                    details[detail_key] = known
            detail_json, detail_str = known
        ref = "null" if guest_ref is None else _encode_str(guest_ref)
        # event_hash's payload is [id, at, staff, action, ref, detail, prev]: all but the
        # first and the last, which only the write transaction knows.
        middles.append(f"{head_json},{ref},{detail_str}")
        tail = (guest_ref, detail_json)
        if plain_tail is None:  # text columns: the driver takes them as they are (checked)
            plain_tail = bind((at, staff_id, action, *tail))[3:] == tail
        values.append((*head_bound, *tail) if plain_tail else
                      bind((at, staff_id, action, *tail)))
    return PreparedEvents(middles, values, last_at, staff)


def _flat_json(detail: dict[str, object], parts: dict[tuple[str, object], str]) -> str | None:
    """``json.dumps(detail, sort_keys=True)`` (compact, not ASCII-escaped) for a detail of
    text and whole numbers only, from its ``"key":value`` parts, each string part made
    once (an import's 100,000 ``visit.recorded`` details differ only in the visit id);
    None for any other detail (the caller dumps it as it is). The same bytes:
    tests/test_audit_detail_json.py."""
    out: list[str] = []
    for key in detail:
        if key.__class__ is not str:
            return None
    for key in sorted(detail):
        value = detail[key]
        if value.__class__ is int:  # not bool, not an IntEnum: json writes those otherwise
            out.append(f"{_encode_str(key)}:{value}")
        elif isinstance(value, str) and value.__class__ is str:
            part = parts.get((key, value))
            if part is None:
                part = parts[(key, value)] = f"{_encode_str(key)}:{_encode_str(value)}"
            out.append(part)
        else:
            return None
    return "{" + ",".join(out) + "}"


def _dumps(value: object, *, sort_keys: bool = False) -> str:
    return json.dumps(value, sort_keys=sort_keys, separators=(",", ":"), ensure_ascii=False)


def _encode_str(value: str) -> str:
    """A string as json.dumps(..., ensure_ascii=False) writes it (quotes and escapes)."""
    return _dumps(value) if _encode_basestring is None else _encode_basestring(value)


_encode_basestring: Callable[[str], str] | None = getattr(
    json.encoder, "c_encode_basestring", None) or getattr(json.encoder, "encode_basestring", None)


@dataclass(frozen=True)
class Chained:
    """Prepared events with their ids and hashes, chained after the event ``after`` (its id
    and hash; None: they begin the chain): the rows :func:`append_prepared` inserts."""

    after: tuple[int, str] | None
    rows: list[tuple[object, ...]]


def chain(prepared: PreparedEvents, after: tuple[int, str] | None) -> Chained:
    """Give prepared events their ids and hashes after the event ``after`` (see
    :func:`chain_end`). No session: an import's helper thread hashes its events while
    the write transaction inserts its guests' pairs."""
    next_id, prev = (after[0] + 1, after[1]) if after else (1, GENESIS)
    rows: list[tuple[object, ...]] = []
    sha256 = hashlib.sha256
    for middle, value in zip(prepared.middles, prepared.values, strict=True):
        h = sha256(f'[{next_id},{middle},"{prev}"]'.encode()).hexdigest()
        rows.append((next_id, *value, prev, h))
        prev = h
        next_id += 1
    return Chained(after, rows)


def chain_end(session: Session) -> tuple[int, str] | None:
    """The chain's end (the newest event's id and hash), read under the chain lock
    (``storage.write_locks``); None when there is no event yet. Call inside a write
    transaction."""
    end = write_locks.hold_chain(session)
    if end is not None:
        return (int(end[0][0]), str(end[0][1])) if end[0] else None
    last = head(session)
    return (last[0], last[1]) if last else None


def append_prepared(session: Session, prepared: PreparedEvents,
                    after_batch: Callable[[int], None] | None = None,
                    chained: Chained | None = None) -> None:
    """Append prepared events at the end of the chain: the same ids, hashes and head as
    :func:`append` once per event, with only the hash chaining done here — or not even
    that, with ``chained``: the same events already chained (:func:`chain`) after the
    event that still ends the chain (else they are chained again here). Call inside a
    write transaction that is rolled back whole if this fails (the events are inserted
    without a statement journal: ``storage.bulk.insert_values``' ``whole_transaction``)."""
    from storage import bulk

    if not prepared.middles:
        return
    if session.get_bind().dialect.name == "postgresql":
        fields = _copy_fields(prepared)
        if fields is not None:
            _append_copied(session, prepared, fields, after_batch)
            return
    end = chain_end(session)
    if chained is None or chained.after != end or len(chained.rows) != len(prepared):
        chained = chain(prepared, end)
    rows = chained.rows
    bulk.insert_prepared(session, bulk.PreparedRows(
        str(AuditEvent.__tablename__), ("id", *_COLUMNS, "prev_hash", "hash"), rows,
        bulk.placeholder(session)), after_batch=after_batch, whole_transaction=True)
    last_id, last_hash = int(str(rows[-1][0])), str(rows[-1][-1])
    _set_head(session, last_id, last_hash)
    mark_appended(session, end if end is not None else (0, GENESIS),
                  (last_id, last_hash, prepared.last_at), prepared.staff)


# --- PostgreSQL: an import's events under the chain lock for as short a time as it can be --

_EVENT_COLUMNS = ("id", *_COLUMNS, "prev_hash", "hash")
_COPY_EVENTS = f"COPY audit_event ({', '.join(_EVENT_COLUMNS)}) FROM STDIN"
# The chain's end read without the chain lock (a guess to chain the events after before
# taking it: :func:`_append_copied`).
_END_GUESS = "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1"
# The head record and the id sequence after the events, in one statement: the rows'
# ``COPY`` gave their own ids, so the sequence is moved past the last (what
# ``bulk.advance_id_sequence`` does with ``max(id)``, which under the chain lock is it).
_HEAD_AFTER_COPY = (
    "WITH h AS (UPDATE setting SET value = %(value)s::VARCHAR WHERE key = %(key)s::VARCHAR "
    "RETURNING 1) SELECT (SELECT count(*) FROM h), "
    "setval(pg_get_serial_sequence('audit_event', 'id'), %(next)s, false)")


def _copy_text(value: str) -> str:
    """A text value as ``COPY``'s text format writes it (backslash escapes)."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        value = (value.replace("\\", "\\\\").replace("\t", "\\t")
                 .replace("\n", "\\n").replace("\r", "\\r"))
    return value


def _copy_fields(prepared: PreparedEvents) -> list[str] | None:
    """Each prepared event's columns between its id and its previous hash (``at``,
    ``staff_id``, ``action``, ``guest_ref``, ``detail``) as a line of ``COPY``'s text
    format, built before the chain lock; None when a value is not of the plain kinds this
    writes byte for byte (a time with a zone, a staff id that is not an int): those events
    go in the usual way."""
    times: dict[object, str] = {}
    texts: dict[object, str] = {}
    out: list[str] = []
    for at, staff_id, action, guest_ref, detail in prepared.values:
        when = times.get(at)
        if when is None:
            if at.__class__ is not dt.datetime or at.tzinfo is not None:
                return None
            when = times[at] = at.isoformat()
        if staff_id is not None and staff_id.__class__ is not int:
            return None
        parts = [when, "\\N" if staff_id is None else str(staff_id)]
        for value in (action, guest_ref, detail):
            if value is None:
                parts.append("\\N")
                continue
            if value.__class__ is not str:
                return None
            known = texts.get(value)
            if known is None:
                known = texts[value] = _copy_text(value)
            parts.append(known)
        out.append("\t".join(parts))
    return out


def _copy_lines(prepared: PreparedEvents, fields: list[str], after: tuple[int, str] | None
                ) -> tuple[bytes, tuple[int, str]]:
    """The events chained after ``after`` (as :func:`chain`) as ``COPY`` data, and the new
    end (the last event's id and hash): the hashing and the lines in one pass."""
    next_id, prev = (after[0] + 1, after[1]) if after else (1, GENESIS)
    lines: list[str] = []
    add = lines.append
    sha256 = hashlib.sha256
    for middle, row in zip(prepared.middles, fields, strict=True):
        h = sha256(f'[{next_id},{middle},"{prev}"]'.encode()).hexdigest()
        add(f"{next_id}\t{row}\t{prev}\t{h}\n")
        prev = h
        next_id += 1
    return "".join(lines).encode(), (next_id - 1, prev)


def _append_copied(session: Session, prepared: PreparedEvents, fields: list[str],
                   after_batch: Callable[[int], None] | None) -> None:
    """PostgreSQL: append prepared events holding the chain lock only for the chain's end,
    one ``COPY`` of lines hashed after it, the head and the commit.

    Another desk's card open waits for the chain lock (its event needs the end), so all
    that does not need the end is done before it is taken: the change counter's bump
    (``storage.notify``; it only needs this transaction's data rows, all written by now),
    the events' ``COPY`` lines, and their hashes after the end as read without the lock —
    taken, the lock's own read of the end says whether that guess still holds (no desk
    appended in between); if not, they are hashed again after the true end. The events
    still go in this transaction, after the chain's end read under the lock: the chain,
    ``verify`` and ``verify --full`` are what :func:`append` would give, one event each."""
    from storage import notify
    from storage.search import _dbapi

    raw = _dbapi(session)
    notify.before_commit(session)   # flushes; the bump, under the data lock only
    with raw.cursor() as cur:
        guessed = cur.execute(_END_GUESS).fetchone()
    guess = (int(guessed[0]), str(guessed[1])) if guessed else None
    data, last = _copy_lines(prepared, fields, guess)
    end = chain_end(session)   # the chain lock, and the end read under it
    if end != guess:
        data, last = _copy_lines(prepared, fields, end)
    write_locks.before_copy(session, str(AuditEvent.__tablename__))
    with raw.cursor() as cur:
        with cur.copy(_COPY_EVENTS) as copy:
            copy.write(data)
        cur.execute(_HEAD_AFTER_COPY, {"value": f"{last[0]}:{last[1]}", "key": HEAD_KEY,
                                       "next": last[0] + 1})
        found = cur.fetchone()
    if not found or not found[0]:   # no head record yet: the first events of the store
        session.add(Setting(key=HEAD_KEY, value=f"{last[0]}:{last[1]}"))
    if after_batch is not None:
        after_batch(len(prepared))
    mark_appended(session, end if end is not None else (0, GENESIS),
                  (last[0], last[1], prepared.last_at), prepared.staff)


def head(session: Session) -> tuple[int, str, dt.datetime] | None:
    """The newest event's id, hash and time (a primary-key read)."""
    row = session.execute(select(AuditEvent.id, AuditEvent.hash, AuditEvent.at)
                          .order_by(AuditEvent.id.desc()).limit(1)).first()
    return (int(row[0]), str(row[1]), row[2]) if row else None


def hash_at(session: Session, event_id: int) -> str | None:
    return session.scalar(select(AuditEvent.hash).where(AuditEvent.id == event_id))


def staff_counts(session: Session, *, after: int, upto: int) -> dict[str, int]:
    """Events per staff id (``"-"`` for none) with ``after < id <= upto``."""
    rows = session.execute(
        select(AuditEvent.staff_id, func.count()).where(AuditEvent.id > after,
                                                        AuditEvent.id <= upto)
        .group_by(AuditEvent.staff_id))
    return {("-" if sid is None else str(sid)): int(n) for sid, n in rows}
