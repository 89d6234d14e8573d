"""Each guest's latest visit kept on the guest row by the database itself (revision 0018).

``guest.last_visit_at`` is the start of the guest's latest visit that is not cancelled
(``NULL``: none). Search ranks its candidates by their last visit before today
(``app.guest_search``); reading that from the visits cost a decrypted index page per
guest — ~2 ms of the slowest exact key presses at a million guests — while the guest row
is read anyway. Today's and this week's visits are known from the arrivals the search
keeps in memory, so only a guest whose latest visit is today or later (a booking: a few
hundred of a million) still has their visits read.

Triggers on ``visit`` keep the column right on every write path (the form, imports,
merge and its undo, erasure, ``move-store``, the demo builder) without any of them
knowing: SQLite row triggers; PostgreSQL statement triggers over the changed rows, so a
``COPY`` of a million visits recomputes once, not per row. An insert can only move the
latest visit later; an update or a delete recomputes the guests involved from
``ix_visit_guest_facts`` (guest_id, starts_at, status). A write that leaves the value
as it was writes nothing.

SQLite's search-index trigger on ``guest`` updates is narrowed to the searched columns
here (it fired on any update, so every visit written would have rewritten its guest's
index entry).
"""

from __future__ import annotations

from typing import Any

COLUMN = "last_visit_at"
_LIVE = "status != 'cancelled'"


def _latest(guest: str) -> str:
    return (f"(SELECT max(starts_at) FROM visit WHERE guest_id = {guest} AND {_LIVE})")


# --- SQLite ------------------------------------------------------------------------------

_FTS_COLUMNS = "full_name, preferred_name, email, phone"
_FTS_AU_BODY = (
    "BEGIN\n"
    f"        INSERT INTO guest_fts(guest_fts, rowid, {_FTS_COLUMNS})\n"
    "        VALUES ('delete', old.id, old.full_name, old.preferred_name, old.email, old.phone);\n"
    f"        INSERT INTO guest_fts(rowid, {_FTS_COLUMNS})\n"
    "        VALUES (new.id, new.full_name, new.preferred_name, new.email, new.phone);\n"
    "    END")
FTS_AU_ANY = f"CREATE TRIGGER guest_fts_au AFTER UPDATE ON guest {_FTS_AU_BODY}"
FTS_AU_SEARCHED = (f"CREATE TRIGGER guest_fts_au AFTER UPDATE OF id, {_FTS_COLUMNS} ON guest "
                   f"{_FTS_AU_BODY}")


def _set_latest(guest: str, extra: str = "") -> str:
    return (f"UPDATE guest SET {COLUMN} = {_latest(guest)} WHERE id = {guest}{extra} "
            f"AND {COLUMN} IS NOT {_latest(guest)};")


SQLITE_TRIGGERS = {
    "visit_last_ai": (
        "CREATE TRIGGER visit_last_ai AFTER INSERT ON visit "
        f"WHEN new.{_LIVE} BEGIN "
        f"UPDATE guest SET {COLUMN} = new.starts_at WHERE id = new.guest_id "
        f"AND ({COLUMN} IS NULL OR {COLUMN} < new.starts_at); END"),
    "visit_last_ad": (
        "CREATE TRIGGER visit_last_ad AFTER DELETE ON visit "
        f"WHEN old.{_LIVE} BEGIN {_set_latest('old.guest_id')} END"),
    "visit_last_au": (
        "CREATE TRIGGER visit_last_au AFTER UPDATE OF guest_id, starts_at, status ON visit "
        f"BEGIN {_set_latest('old.guest_id')} "
        f"{_set_latest('new.guest_id', ' AND new.guest_id != old.guest_id')} END"),
}
SQLITE_FILL = (f"UPDATE guest SET {COLUMN} = {_latest('guest.id')} "
               f"WHERE id IN (SELECT guest_id FROM visit)")


def create_sqlite(conn: Any) -> None:
    """The triggers and the column's values for the visits already stored."""
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS guest_fts_au")
    conn.exec_driver_sql(FTS_AU_SEARCHED)
    conn.exec_driver_sql(SQLITE_FILL)
    for sql in SQLITE_TRIGGERS.values():
        conn.exec_driver_sql(sql)


def drop_sqlite(conn: Any) -> None:
    for name in SQLITE_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS guest_fts_au")
    conn.exec_driver_sql(FTS_AU_ANY)


# --- PostgreSQL --------------------------------------------------------------------------
# Names schema-qualified as in storage.postgres_schema (dumps restore with an empty
# search_path).

_PG_LATEST = (f"(SELECT max(v.starts_at) FROM public.visit v WHERE v.guest_id = c.guest_id "
              f"AND v.{_LIVE})")
_PG_ADDED = "frontdesk_last_visit_added"
_PG_CHANGED = "frontdesk_last_visit_changed"
_PG_REMOVED = "frontdesk_last_visit_removed"


def _pg_recompute(rows: str) -> str:
    return (f"UPDATE public.guest g SET {COLUMN} = c.latest FROM (SELECT c.guest_id, "
            f"{_PG_LATEST} AS latest FROM ({rows}) c) c "
            f"WHERE g.id = c.guest_id AND g.{COLUMN} IS DISTINCT FROM c.latest")


_PG_BODIES = {
    _PG_ADDED: (f"UPDATE public.guest g SET {COLUMN} = n.latest FROM (SELECT guest_id, "
                f"max(starts_at) AS latest FROM new_rows WHERE {_LIVE} GROUP BY guest_id) n "
                f"WHERE g.id = n.guest_id AND (g.{COLUMN} IS NULL OR g.{COLUMN} < n.latest)"),
    _PG_CHANGED: _pg_recompute("SELECT guest_id FROM old_rows UNION SELECT guest_id FROM new_rows"),
    _PG_REMOVED: _pg_recompute(f"SELECT DISTINCT guest_id FROM old_rows WHERE {_LIVE}"),
}
_PG_TRIGGERS = {
    "visit_last_added": f"AFTER INSERT ON visit REFERENCING NEW TABLE AS new_rows "
                        f"FOR EACH STATEMENT EXECUTE FUNCTION public.{_PG_ADDED}()",
    "visit_last_changed": "AFTER UPDATE ON visit REFERENCING OLD TABLE AS old_rows NEW TABLE "
                          f"AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.{_PG_CHANGED}()",
    "visit_last_removed": "AFTER DELETE ON visit REFERENCING OLD TABLE AS old_rows "
                          f"FOR EACH STATEMENT EXECUTE FUNCTION public.{_PG_REMOVED}()",
}
PG_FILL = (f"UPDATE public.guest g SET {COLUMN} = c.latest FROM (SELECT guest_id, "
           f"max(starts_at) AS latest FROM public.visit WHERE {_LIVE} GROUP BY guest_id) c "
           "WHERE g.id = c.guest_id")


def create_postgresql(conn: Any) -> None:
    """The triggers first (they hold off visit writes until the migration commits, so none
    is missed by the fill below them), then the values for the visits already stored."""
    for name, body in _PG_BODIES.items():
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION public.{name}() RETURNS trigger LANGUAGE plpgsql "
            f"AS $$ BEGIN {body}; RETURN NULL; END $$")
    for name, definition in _PG_TRIGGERS.items():
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {definition}")
    conn.exec_driver_sql(PG_FILL)


def drop_postgresql(conn: Any) -> None:
    for name in _PG_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON visit")
    for name in _PG_BODIES:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{name}()")
