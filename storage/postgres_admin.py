"""Setting up a shared store as its owner: schema, the desk role and what it may do.

``frontdesk init --store`` runs :func:`initialise` connected as the database's
owner (the role that owns the tables). The desks never connect as the owner: they
use a separate *desk role* that may read and change guest data but may only
**append** to the audit log. PostgreSQL enforces that with plain grants, so a desk
cannot rewrite history even with its own credentials:

* every table: ``SELECT, INSERT, UPDATE, DELETE`` (guests, visits, labels…);
* ``audit_event``: ``SELECT, INSERT`` only — no ``UPDATE``, ``DELETE`` or ``TRUNCATE``;
* ``alembic_version``: ``SELECT`` only (desks never change the schema);
* sequences: ``USAGE, SELECT, UPDATE`` (new rows and bulk inserts);
* nothing granted to ``PUBLIC``, no ownership, no ``CREATE`` on the schema.

Running it again upgrades an older schema, re-applies the grants (so tables a
later migration adds are covered) and refreshes the planner's statistics (``ANALYZE``:
run it after ``move-store``, whose bulk copy leaves the server none). It refuses a
database that holds tables but is not a Frontdesk store.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, text

from storage import migrate
from storage import postgres_errors as pe
from storage.models import Base
from storage.postgres import STORE_ID_KEY, ServerAddress, connect, store_identity
from storage.postgres_schema import WORD_TABLE

# The revision that made the word table again (its rows' texts): a store upgraded
# across it gets the same VACUUM as one upgraded across 0017.
WORD_TEXTS_REVISION = "0020"

APPEND_ONLY = ("audit_event",)
READ_ONLY = ("alembic_version",)


@dataclass(frozen=True)
class InitResult:
    store_id: str
    created: bool  # a new store (False: an existing one was upgraded / re-granted)
    desk_role: str
    desk_password: str | None  # set when this run created the desk role (shown once)
    revision: str


def _owner_engine(address: ServerAddress, password: str) -> Engine:
    from storage.postgres import make_engine

    return make_engine(address, password, pool_size=1)


def _tables(conn: Any) -> set[str]:
    rows = conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {str(r[0]) for r in rows}


def initialise(owner: ServerAddress, owner_password: str, desk_role: str,
               desk_password: str | None = None) -> InitResult:
    """Create (or upgrade) the schema, the desk role and its grants. Run as the owner."""
    probe = connect(owner, owner_password)  # names an unreachable server, wrong password…
    probe.close()
    engine = _owner_engine(owner, owner_password)
    try:
        with engine.begin() as conn:
            tables = _tables(conn)
            ours = {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
            if tables and "alembic_version" not in tables:
                raise pe.NotAFrontdeskDatabase(str(owner), "it already holds other tables: "
                                               + ", ".join(sorted(tables)[:5]))
            if tables and not tables & ours - {"alembic_version"}:
                raise pe.NotAFrontdeskDatabase(str(owner), "it is another Alembic project")
            created = not tables
            revision = migrate.current(conn) if tables else ""
            migrate.check_not_newer(revision)
            _require_owner(conn, owner)
            migrate.upgrade(conn)
            store_id = conn.execute(text("SELECT value FROM setting WHERE key = :k"),
                                    {"k": STORE_ID_KEY}).scalar()
            if store_id is None:
                store_id = uuid.uuid4().hex
                conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"),
                             {"k": STORE_ID_KEY, "v": store_id})
            new_password = _ensure_role(conn, desk_role, desk_password)
            grant_desk_role(conn, desk_role)
            if not created:
                # Fresh statistics for the planner: after move-store's bulk copy the server
                # has none until autovacuum gets round to it (a desk role may not ANALYZE),
                # and searches and imports meanwhile pick plans for empty tables.
                conn.exec_driver_sql("ANALYZE")
        if tables and (WORD_TABLE not in tables or revision < WORD_TEXTS_REVISION):
            # The search's word table was just filled (revision 0017, again in 0020): until a VACUUM
            # marks its pages all-visible, every index read also visits the table's rows
            # (measured: the first bench runs after the upgrade, searches and the import
            # at about half speed while autovacuum caught up). VACUUM runs outside a
            # transaction.
            with engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                    f"VACUUM (ANALYZE) {WORD_TABLE}")
    finally:
        engine.dispose()
    return InitResult(str(store_id), created, desk_role, new_password, migrate.head())


def _require_owner(conn: Any, owner: ServerAddress) -> None:
    ok = conn.exec_driver_sql(
        "SELECT pg_catalog.has_database_privilege(current_user, current_database(), 'CREATE') "
        "AND pg_catalog.has_schema_privilege(current_user, 'public', 'CREATE')").scalar()
    if not ok:
        raise pe.NeedsOwner(str(owner), "it may not create tables in this database")


def _quote(conn: Any, name: str) -> str:
    return str(conn.exec_driver_sql("SELECT pg_catalog.quote_ident(%(n)s)", {"n": name}).scalar())


def _ensure_role(conn: Any, role: str, password: str | None) -> str | None:
    """Create the desk role when it does not exist yet; return its new password if made."""
    exists = conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s",
                                  {"r": role}).first()
    if exists is not None:
        return None
    can = conn.exec_driver_sql(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user").scalar()
    if not can:
        raise pe.NeedsOwner("", f"the desk role {role} does not exist and this role may not "
                            "create roles")
    password = password or secrets.token_urlsafe(24)
    quoted = _quote(conn, role)
    literal = conn.exec_driver_sql("SELECT pg_catalog.quote_literal(%(p)s)",
                                   {"p": password}).scalar()
    conn.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN PASSWORD {literal}")
    return password


def grant_desk_role(conn: Any, role: str) -> None:
    """What a desk may do: change guest data, append to the audit log, nothing more."""
    q = _quote(conn, role)
    db = _quote(conn, str(conn.exec_driver_sql("SELECT current_database()").scalar()))
    conn.exec_driver_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {q}")
    conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    conn.exec_driver_sql(f"REVOKE CREATE ON SCHEMA public FROM {q}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {q}")
    for table in sorted(_tables(conn)):
        t = _quote(conn, table)
        conn.exec_driver_sql(f"REVOKE ALL ON TABLE {t} FROM PUBLIC")
        conn.exec_driver_sql(f"REVOKE ALL ON TABLE {t} FROM {q}")
        if table in APPEND_ONLY:
            grant = "SELECT, INSERT"
        elif table in READ_ONLY:
            grant = "SELECT"
        else:
            grant = "SELECT, INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"GRANT {grant} ON TABLE {t} TO {q}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {q}")


def desk_can_rewrite_audit(conn: Any, role: str | None = None) -> list[str]:
    """Privileges on the audit log that a desk must not have (empty when all is well)."""
    who = "current_user" if role is None else "%(r)s"
    params = {} if role is None else {"r": role}
    run = getattr(conn, "exec_driver_sql", None) or conn.execute  # SQLAlchemy or psycopg
    found = []
    for priv in ("UPDATE", "DELETE", "TRUNCATE"):
        row = run(f"SELECT pg_catalog.has_table_privilege({who}, 'public.audit_event', "
                  f"'{priv}')", params).fetchone()
        if row[0]:
            found.append(priv)
    return found


def integrity_problems(engine: Engine) -> list[str]:
    """What ``verify`` checks on the server: constraints valid, the audit log append-only."""
    problems: list[str] = []
    with engine.connect() as conn:
        owner = conn.exec_driver_sql(
            "SELECT tableowner = current_user FROM pg_tables "
            "WHERE schemaname = 'public' AND tablename = 'audit_event'").scalar()
        if not owner:
            rights = desk_can_rewrite_audit(conn)
            if rights:
                problems.append("this desk's role may " + ", ".join(rights)
                                + " audit events: run frontdesk init --store as the owner")
        for name, table in conn.exec_driver_sql(
                "SELECT conname, conrelid::regclass::text FROM pg_constraint "
                "WHERE connamespace = 'public'::regnamespace AND NOT convalidated"):
            problems.append(f"constraint {name} on {table} is not validated")
        conn.rollback()
    return problems


def admin_engine(address: ServerAddress, password: str) -> Engine:
    """A plain engine for owner-side tools (no write lock; used by move-store's checks)."""
    import psycopg

    info = address.conninfo(password)
    return create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(**info))


__all__ = ["InitResult", "desk_can_rewrite_audit", "grant_desk_role", "initialise",
           "integrity_problems", "store_identity"]
