"""Which guests' rows and visits changed at which change counter, on the shared store
(revision 0023; PostgreSQL only, not a model).

Every desk keeps today's and the week's arrivals and its candidates' visit facts until
guest data changes (``storage.search``). At a venue some desk changes something every few
seconds (a guest marked arrived), and each desk then read both windows (~300 rows) and its
candidates' facts again at its next key press: 51-94 ms under the shared-store bench's load
(docs/performance.md). With this log a desk reads only the guests that changed since the
counter it last saw, and keeps the rest.

``guest_change`` holds one row per (transaction, guest it wrote): statement triggers on
``guest`` and ``visit`` (over their transition tables, so an import's ``COPY`` logs once
per statement) insert the guests' ids with ``seq`` NULL, and the transaction's change
counter bump (``storage.notify.before_commit``) stamps them with the new counter in the
same statement, so they become visible with it, at commit. A statement that writes more
than :data:`STATEMENT_ROWS` rows (an import) logs one row with ``guest_id`` NULL instead:
"everything", read again whole. ``TRUNCATE`` logs the same. Rows older than
:data:`KEEP` counters are deleted by the bump; a desk further behind reads again whole.

Unstamped rows of a transaction that committed without a bump (none should) are stamped
by the next bump: a desk then reads those guests again, never less than changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TABLE = "guest_change"
KEEP = 1000            # counters kept back from the newest
STATEMENT_ROWS = 1000  # rows a statement may write and still be logged guest by guest
MANY = 1000            # more logged rows than this since a desk's counter: read whole

_FUNCTIONS = {
    "frontdesk_guest_changed": "id",
    "frontdesk_visit_changed": "guest_id",
}
_TRIGGERS = {"guest": "frontdesk_guest_changed", "visit": "frontdesk_visit_changed"}


def _body(column: str) -> str:
    def log(rows: str) -> str:
        return (f"IF (SELECT count(*) FROM (SELECT 1 FROM {rows} LIMIT {STATEMENT_ROWS + 1}) x)"
                f" > {STATEMENT_ROWS} THEN INSERT INTO public.{TABLE} (guest_id) VALUES (NULL); "
                f"ELSE INSERT INTO public.{TABLE} (guest_id) SELECT DISTINCT {column} "
                f"FROM {rows}; END IF;")

    both = f"(SELECT {column} FROM old_rows UNION ALL SELECT {column} FROM new_rows) u"
    return ("BEGIN "
            "IF TG_OP = 'TRUNCATE' THEN "
            f"INSERT INTO public.{TABLE} (guest_id) VALUES (NULL); "
            f"ELSIF TG_OP = 'INSERT' THEN {log('new_rows')} "
            f"ELSIF TG_OP = 'DELETE' THEN {log('old_rows')} "
            # An update of a visit may move it to another guest: both are logged.
            f"ELSE {log(both)} "
            "END IF; RETURN NULL; END")


def create(conn: Any) -> None:
    """The log, its index, the triggers that fill it."""
    conn.exec_driver_sql(f"CREATE TABLE {TABLE} (seq bigint, guest_id integer)")
    conn.exec_driver_sql(f"CREATE INDEX ix_{TABLE}_seq ON {TABLE} (seq)")
    for name, column in _FUNCTIONS.items():
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ {_body(column)} $$")
    for table, function in _TRIGGERS.items():
        run = f"FOR EACH STATEMENT EXECUTE FUNCTION public.{function}()"
        conn.exec_driver_sql(f"CREATE TRIGGER {table}_changes_added AFTER INSERT ON {table} "
                             f"REFERENCING NEW TABLE AS new_rows {run}")
        conn.exec_driver_sql(f"CREATE TRIGGER {table}_changes_changed AFTER UPDATE ON {table} "
                             f"REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows {run}")
        conn.exec_driver_sql(f"CREATE TRIGGER {table}_changes_removed AFTER DELETE ON {table} "
                             f"REFERENCING OLD TABLE AS old_rows {run}")
        conn.exec_driver_sql(f"CREATE TRIGGER {table}_changes_truncated AFTER TRUNCATE ON "
                             f"{table} {run}")


def drop(conn: Any) -> None:
    for table in _TRIGGERS:
        for what in ("added", "changed", "removed", "truncated"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_changes_{what} ON {table}")
    for name in _FUNCTIONS:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{name}()")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")


# The change counter's bump (storage.notify.before_commit on this engine): the counter, this
# transaction's log rows stamped with it, the rows older than KEEP counters deleted, and the
# NOTIFY, in one statement (one round trip; the NOTIFY is delivered only if it commits).
# The payload is what json.dumps({"seq": seq, "tables": tables}) gives.
BUMP_SQL = (
    "WITH s AS (UPDATE setting SET value = CAST(CAST(value AS INTEGER) + 1 AS VARCHAR(20)) "
    "WHERE key = :k RETURNING CAST(value AS bigint) AS seq), "
    f"stamped AS (UPDATE {TABLE} SET seq = (SELECT seq FROM s) WHERE seq IS NULL), "
    f"trimmed AS (DELETE FROM {TABLE} WHERE seq < (SELECT seq FROM s) - {KEEP}) "
    "SELECT seq, pg_notify(:c, '{\"seq\": ' || seq || ', \"tables\": ' || :tables || '}') "
    "FROM s")
STAMP_SQL = f"UPDATE {TABLE} SET seq = :seq WHERE seq IS NULL"


def since_sql(since_param: str, window_sql: str, windows: int, columns: int) -> str:
    """One statement (one snapshot) that reads the guests logged since the counter
    ``:<since_param>`` and, for each of ``windows`` parameter sets of ``window_sql`` (a
    window's statement with placeholders ``{i}`` for its number, its parameters suffixed
    ``_<i>``, ``{among}`` for a condition on the visit ``v``; ``columns`` columns after its
    number, the first the guest's id), its rows of those guests only.

    Rows: ``(-1, …)`` once when the desk must read whole instead (more than :data:`MANY`
    rows logged, an "everything" row, or the counter moved more than :data:`KEEP` since:
    the rows it needs may be deleted), and nothing else; else ``(-2, guest_id, …)`` per
    changed guest, and ``(i, <the window's row>)`` for the changed guests' rows of window
    ``i``. The window rows come first (their column types decide the union's)."""
    head = (f"WITH ch AS MATERIALIZED (SELECT guest_id FROM {TABLE} WHERE seq > :{since_param}), "
            f"st AS MATERIALIZED (SELECT {_says_all(since_param, 'guest_id')} AS ok, "
            "array_agg(DISTINCT guest_id) AS ids FROM ch) ")
    among = "(SELECT ok FROM st) AND v.guest_id = ANY(CAST((SELECT ids FROM st) AS integer[]))"
    parts = [f"({window_sql.format(i=i, among=among)})" for i in range(windows)]
    nulls = ", NULL" * (columns - 1)
    parts.append(f"(SELECT -2, u.g{nulls} FROM st, unnest(st.ids) u(g) WHERE st.ok)")
    parts.append(f"(SELECT -1, NULL{nulls} FROM st WHERE NOT st.ok)")
    return head + " UNION ALL ".join(parts)


def logged_sql(since_param: str) -> str:
    """SQL for the guests logged since the counter ``:<since_param>``, as an integer array
    (an import's "everything" row left out: :func:`can_say_sql` says whether to trust it)."""
    return (f"ARRAY(SELECT l.guest_id FROM {TABLE} l WHERE l.seq > :{since_param} "
            "AND l.guest_id IS NOT NULL)")


def can_say_sql(since_param: str) -> str:
    """SQL, true when the log names every guest changed since the counter
    ``:<since_param>`` (as :func:`since_sql` decides: at most :data:`MANY` rows, no
    "everything" row, the counter at most :data:`KEEP` behind)."""
    return (f"(SELECT {_says_all(since_param, 'l.guest_id')} "
            f"FROM {TABLE} l WHERE l.seq > :{since_param})")


def _says_all(since_param: str, guest_id: str) -> str:
    """The aggregate over the log's rows since ``:<since_param>`` (their guest column
    ``guest_id``) that is true when they name every changed guest: at most :data:`MANY`
    rows, no "everything" row (a NULL guest), the counter at most :data:`KEEP` behind."""
    return (f"count(*) <= {MANY} AND count(*) = count({guest_id}) AND "
            "(SELECT CAST(value AS bigint) FROM setting WHERE key = 'changes.seq') "
            f"- :{since_param} <= {KEEP}")


def merged(old: Sequence[Any], old_order: Sequence[Any], changed: frozenset[int],
           new: Sequence[Any], new_order: Sequence[Any], limit: int
           ) -> tuple[list[Any], list[Any]]:
    """A window's rows after a change: the old rows of guests that did not change, and the
    changed guests' rows read now, in the window's order (each row's sort key in
    ``*_order``), the first ``limit``. Equal to a fresh read when the old rows were the
    whole window (fewer than ``limit``)."""
    both = sorted([(k, r) for k, r in zip(old_order, old, strict=True) if r[0] not in changed]
                  + list(zip(new_order, new, strict=True)), key=lambda kr: kr[0])[:limit]
    return [r for _k, r in both], [k for k, _r in both]
