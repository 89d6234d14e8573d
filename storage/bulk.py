"""Fast multi-row inserts for demo data and imports (one statement per batch)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from storage import name_pairs
from storage.models import Base


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """One Core executemany for the batch; every row must carry the same keys.

    Core, not the ORM's bulk insert: the ORM groups *consecutive* rows by which
    values are None, so randomly missing emails or phones split a batch into
    thousands of one-row statements (the demo build took 30% longer).
    """
    if rows:
        table = model.__table__
        assert isinstance(table, Table)
        session.execute(insert(table), list(rows))
        if "id" in rows[0] and session.get_bind().dialect.name == "postgresql":
            advance_id_sequence(session, table)


def advance_id_sequence(session: Session, table: Table) -> None:
    """After rows were inserted with their own ids, move PostgreSQL's id sequence past them.

    SQLite picks ``max(id) + 1`` by itself; a PostgreSQL serial column would
    otherwise hand out an id that a bulk insert already used.
    """
    session.execute(
        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), "
             f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"),
        {"t": table.name},
    )


def max_id(session: Session, model: type[Base]) -> int:
    column = model.__table__.c.id
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0)


# --- prepared inserts: the slow part before the write lock, the insert under it ----------

@dataclass(frozen=True)
class PreparedRows:
    """Rows whose values are already in the engine's own form (dates as SQLite text,
    enums as their stored words), so inserting them under the write lock costs only the
    engine's work: SQLAlchemy's per-row parameter processing (half the time of a large
    import's inserts) was done beforehand, outside any write transaction."""

    table: str
    columns: tuple[str, ...]
    values: list[tuple[Any, ...]]
    placeholder: str  # the driver's parameter marker ("?" or "%s")

    def __len__(self) -> int:
        return len(self.values)


def _bind_processors(session: Session, model: type[Base], columns: Sequence[str]
                     ) -> list[Callable[[Any], Any] | None]:
    """Per column, the conversion SQLAlchemy applies to a value for this engine's driver
    (None: the value goes as it is)."""
    table = model.__table__
    assert isinstance(table, Table)
    dialect = session.get_bind().dialect
    return [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]


def binder(session: Session, model: type[Base], columns: Sequence[str]
           ) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """A function turning one row's Python values (in ``columns`` order) into the values
    the driver is given: the same conversions SQLAlchemy applies to a Core insert."""
    procs = _bind_processors(session, model, columns)
    if not any(procs):
        return tuple
    pairs = list(enumerate(procs))

    def bind(values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(p(values[i]) if p is not None else values[i] for i, p in pairs)
    return bind


def placeholder(session: Session) -> str:
    style = session.get_bind().dialect.paramstyle
    if style == "qmark":
        return "?"
    if style in ("format", "pyformat"):
        return "%s"
    raise NotImplementedError(f"no prepared inserts for the {style!r} parameter style")


def _once_per_value(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``proc`` run once per distinct value: an import's rows share their dates, times and
    kinds (100,000 rows, a few hundred distinct days), and SQLAlchemy's conversion of a
    date or time to SQLite's text costs ~5 µs, a dictionary look-up ~0.1 µs."""
    done: dict[tuple[type, Any], Any] = {}

    def convert(value: Any) -> Any:
        key = (value.__class__, value)  # by type too: 1 == True, "stay" == VisitKind.STAY
        try:
            return done[key]
        except KeyError:
            out = done[key] = proc(value)
            return out
        except TypeError:  # unhashable: converted every time
            return proc(value)
    return convert


def prepare_rows(session: Session, model: type[Base], columns: Sequence[str],
                 rows: Iterable[Sequence[Any]]) -> PreparedRows:
    """Convert ``rows`` (tuples in ``columns`` order) for :func:`insert_prepared`; call in a
    read transaction (or none): it only asks the session which engine it talks to."""
    # Column by column: each conversion runs over a whole column at C speed (map), not
    # per value in a Python generator (a third of a large import's preparation).
    by_column = list(zip(*rows, strict=True)) or [() for _ in columns]
    converted = [
        list(map(_once_per_value(proc), values)) if proc is not None else values
        for proc, values in zip(_bind_processors(session, model, columns), by_column,
                                strict=True)]
    values = list(zip(*converted, strict=True))
    return PreparedRows(str(model.__tablename__), tuple(columns), values, placeholder(session))


# Rows per statement of a large SQLite insert. Each statement of a transaction keeps a
# journal of the pages it changes (for an insert with a trigger or a foreign key, as the
# guests' and visits'), and a page changed by many statements is copied once per
# statement: with a large import's keys landing all over their indexes, 10,000 rows per
# statement instead of 2,978 (what 32,766 variables allowed the guests) cut that copying
# to about half, at the cost of one statement's journal and values held at once (+27 MB
# at a million guests; 20,000 rows: +90 MB for ~0.2 s less CPU; docs/performance.md).
ROWS_PER_STATEMENT = 10_000
_MOST_VARIABLES = 250_000   # what SQLCipher's builds allow (SQLITE_MAX_VARIABLE_NUMBER)


def insert_prepared(session: Session, prepared: PreparedRows, *,
                    batch: int = ROWS_PER_STATEMENT,
                    after_batch: Callable[[int], None] | None = None,
                    whole_transaction: bool = False) -> None:
    """Insert prepared rows with no per-row work in Python: on SQLite up to ``batch`` rows
    per statement, on PostgreSQL ``COPY`` per ``batch``. ``after_batch(n)`` is called with
    each statement's or batch's size (progress, cancel). ``whole_transaction``: see
    :func:`insert_values`."""
    if not prepared.values:
        return
    if session.get_bind().dialect.name == "postgresql":
        _copy_prepared(session, prepared, batch, after_batch)
        return
    # SQLite: many rows per statement. FTS5 writes its pending index entries out at the end
    # of every statement, so an executemany of 70,000 guests wrote 70,000 one-row segments
    # of the search index (prefix indexes of 1 to 10 letters) and merged them over and
    # over: two thirds of a large import's write phase. Thousands of rows per statement
    # write a segment each (measured at a million guests: 100,000 guests in 4-6 s instead
    # of 9-14 s, the same index).
    insert_values(session, prepared.table, prepared.columns, prepared.values,
                  marker=prepared.placeholder, batch=batch, after_batch=after_batch,
                  whole_transaction=whole_transaction)


def insert_values(session: Session, table: str, columns: Sequence[str],
                  values: Sequence[Sequence[Any]], *, suffix: str = "", marker: str = "?",
                  batch: int = ROWS_PER_STATEMENT,
                  after_batch: Callable[[int], None] | None = None,
                  whole_transaction: bool = False) -> None:
    """SQLite: ``values`` (tuples in ``columns`` order, as the driver takes them) inserted up
    to ``batch`` rows per statement (within the build's variable limit), ``suffix`` ending
    each statement (``ON CONFLICT … DO NOTHING``); see :func:`insert_prepared` for why.

    ``whole_transaction``: for a caller whose whole transaction is rolled back when any of
    its statements fails (an import): a row breaking a constraint then fails its statement
    without SQLite undoing the statement's earlier rows (``INSERT OR FAIL``), so SQLite
    keeps no statement journal for it. Inside a transaction SQLite otherwise copies every
    page a multi-row statement changes, before changing it, into an in-memory journal (to
    undo just that statement): for a large import ~2 s of CPU under the write lock
    (docs/performance.md, "Importing arrivals"). Only for a table without triggers and
    foreign keys: an insert that fires a trigger writing the search index, or checks a
    foreign key, keeps its statement journal whatever it says."""
    row = "(" + ", ".join([marker] * len(columns)) + ")"
    verb = "INSERT OR FAIL" if whole_transaction else "INSERT"
    head = f"{verb} INTO {table} ({', '.join(columns)}) VALUES "
    per = max(1, min(batch, _sqlite_variables(session) // len(columns)))
    conn = session.connection()
    for start in range(0, len(values), per):
        chunk = values[start:start + per]
        conn.exec_driver_sql(head + ", ".join([row] * len(chunk)) + suffix,
                             tuple(itertools.chain.from_iterable(chunk)))
        if after_batch is not None:
            after_batch(len(chunk))


_DEFAULT_VARIABLES = 32766  # SQLite's SQLITE_MAX_VARIABLE_NUMBER since 3.32


def _sqlite_variables(session: Session) -> int:
    """How many ``?`` one SQLite statement may hold: the build's MAX_VARIABLE_NUMBER when
    it names one (SQLCipher's: 250,000; at most that), else SQLite's default."""
    conn = session.connection()
    for (option,) in conn.exec_driver_sql("PRAGMA compile_options"):
        if str(option).startswith("MAX_VARIABLE_NUMBER="):
            return min(_MOST_VARIABLES, int(str(option).partition("=")[2]))
    return _DEFAULT_VARIABLES if _sqlite_version(conn) >= (3, 32) else 999


def _sqlite_version(conn: Any) -> tuple[int, ...]:
    version = str(conn.exec_driver_sql("SELECT sqlite_version()").scalar())
    return tuple(int(part) for part in version.split(".")[:2])


def _copy_prepared(session: Session, prepared: PreparedRows, batch: int,
                   after_batch: Callable[[int], None] | None) -> None:
    """PostgreSQL: the rows go in with ``COPY … FROM STDIN`` (a third of the server's work
    of as many ``INSERT``s; an import's audit events are sent while it holds the audit
    chain's lock, which card opens at other desks wait for). The statement hooks do not see
    a ``COPY``: the locks and the change feed are told by hand."""
    from storage import notify, write_locks

    write_locks.before_copy(session, prepared.table)
    conn = session.connection()
    notify.note_write(conn, prepared.table)
    raw: Any = conn.connection.dbapi_connection   # psycopg's own connection: its copy()
    statement = f"COPY {prepared.table} ({', '.join(prepared.columns)}) FROM STDIN"
    for start in range(0, len(prepared.values), batch):
        chunk = prepared.values[start:start + batch]
        with raw.cursor() as cur, cur.copy(statement) as copy:
            for row in chunk:
                copy.write_row(row)
        if after_batch is not None:
            after_batch(len(chunk))
    if "id" in prepared.columns:
        advance_id_sequence(session, Base.metadata.tables[prepared.table])


# --- the name-pair table (SQLite, storage.name_pairs) of a bulk insert of guests ---------

def keeps_name_pairs(session: Session) -> bool:
    """Whether this engine keeps the name-pair table (SQLite; PostgreSQL searches its own
    way): then a bulk insert of guests writes their pairs and their search-index entries
    itself (:func:`insert_guests_bare`)."""
    return session.get_bind().dialect.name == "sqlite"


def name_pair_rows(guests: PreparedRows) -> list[tuple[str, str, int]]:
    """The name-pair rows of prepared guest rows (with ``id``, ``full_name`` and
    ``preferred_name``), in key order: what the table's insert trigger would write."""
    i, f, p = (guests.columns.index(c) for c in ("id", "full_name", "preferred_name"))
    return name_pairs.rows_of((r[i], r[f], r[p]) for r in guests.values)


# The guest table's insert triggers on SQLite: the search index's (revision 0003) and the
# name pairs' (revision 0019). What they write for new guests, :func:`insert_guests_bare`
# writes set-wise: the search index from the inserted rows (the same columns as the
# trigger: ``tests/test_import_bare_guests.py`` compares them), the pairs by its caller.
GUEST_INSERT_TRIGGERS = ("guest_fts_ai", "name_pair_ai")
_INDEX_NEW_GUESTS = (
    "INSERT INTO guest_fts(rowid, full_name, preferred_name, email, phone) "
    "SELECT id, full_name, preferred_name, email, phone FROM guest WHERE id BETWEEN ? AND ?")


def insert_guests_bare(session: Session, guests: PreparedRows, *,
                       after_batch: Callable[[int], None] | None = None) -> None:
    """SQLite (:func:`keeps_name_pairs`), inside a write transaction that is rolled back
    whole if anything fails (an import): insert prepared guests (with their ``id``) without
    running the table's insert triggers per guest, then give the search index their
    entries in one statement; the caller writes their name pairs
    (:func:`name_pair_rows`, :func:`insert_name_pairs`) before the transaction ends.

    Per guest, the two insert triggers ran the search index's insert (one virtual-table
    call) and a Python function with a JSON walk for the pairs; and a statement firing a
    trigger keeps a statement journal of every page it changes. For a large import that
    was about a third of the guests' insert (docs/performance.md, "Importing arrivals").
    So within this transaction the two triggers are dropped, the guests inserted
    (``INSERT OR FAIL``: no statement journal), and the triggers made again from their own
    stored text, before anything else is written; if the transaction is rolled back the
    drop is undone with it. No other connection sees them gone: it cannot write while
    this transaction holds the write lock, and reads the schema of its own snapshot. At
    the commit the schema is as it was (each connection reads it again once, as after any
    migration)."""
    if not guests.values:
        return
    at = guests.columns.index("id")
    first, last = min(r[at] for r in guests.values), max(r[at] for r in guests.values)
    if last - first + 1 != len(guests):   # the index's range must hold these guests only
        raise ValueError("a bare insert of guests needs consecutive ids")
    conn = session.connection()
    names = ", ".join(f"'{n}'" for n in GUEST_INSERT_TRIGGERS)
    kept = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'guest' "
        f"AND name IN ({names})").all()
    if len(kept) != len(GUEST_INSERT_TRIGGERS):
        raise RuntimeError("the guest table's insert triggers are not the ones expected")
    for name, _sql in kept:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        insert_prepared(session, guests, after_batch=after_batch, whole_transaction=True)
    finally:
        # (IF NOT EXISTS: after a failure SQLite may have rolled back the drop already;
        # SQLite stores the trigger's text without those words, so it is byte for byte
        # the text it had.)
        for _name, sql in kept:
            conn.exec_driver_sql(str(sql).replace(
                "CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1))
    conn.exec_driver_sql(_INDEX_NEW_GUESTS, (first, last))


def insert_name_pairs(session: Session, rows: Sequence[tuple[str, str, int]],
                      after_batch: Callable[[int], None] | None = None) -> None:
    """SQLite: name-pair rows (in key order: each page of the table written once) inserted
    many per statement, in a write transaction that is rolled back whole if it fails
    (:func:`insert_values`' ``whole_transaction``: the table has no trigger)."""
    insert_values(session, name_pairs.TABLE, ("a", "b", "guest_id"), rows,
                  after_batch=after_batch, whole_transaction=True)


@contextmanager
def roomy_cache(session: Session, mib: int) -> Iterator[None]:
    """Give this connection a page cache of ``mib`` MiB for a large write, then the usual.

    A large import inserts into indexes spread over the whole file (the search index's
    prefix indexes, emails, references); with the default cache SQLCipher decrypts and
    checks the same pages again and again. Measured on a million guests: 70,000 guest
    rows took half the time with 256 MiB. Setting the size back frees the extra pages.
    Only SQLite has such a per-connection cache; elsewhere this does nothing.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    conn = session.connection()
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-1024 * int(mib)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
