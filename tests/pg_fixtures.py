"""Pytest fixtures for the shared store: one real server per run, one database per test.

Loaded from tests/conftest.py (``pytest_plugins``). A test module marked
``pytestmark = pytest.mark.both_engines`` runs every test that uses the ``store``
fixture twice: ``[sqlite]`` on the local encrypted file and ``[postgresql]`` on a
fresh database of the throw-away server (tests/pg_server.py), opened the way a desk
opens it: ``frontdesk init --store``'s set-up as the owner, the desk role's password
in the (test) keyring, verify-full TLS against the fixture's CA.

Without an installed server these tests are skipped, unless ``CI`` or
``FRONTDESK_REQUIRE_POSTGRES`` is set: then they fail, so CI cannot pass by skipping.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from tests.pg_server import PgServer, server_bin_dir

ENGINES = ("sqlite", "postgresql")
OWNER = "frontdesk_owner"
DESK = "frontdesk_desk"
TEMPLATE = "frontdesk_template"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_engines: run the store tests on SQLCipher and "
                                       "on a real PostgreSQL server")
    config.addinivalue_line("markers", "postgres: needs the throw-away PostgreSQL server")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" in metafunc.fixturenames and \
            metafunc.definition.get_closest_marker("both_engines") is not None:
        metafunc.parametrize("engine_name", ENGINES, indirect=True)


@pytest.fixture
def engine_name(request: pytest.FixtureRequest) -> str:
    """Which engine the ``store`` fixture opens ("sqlite" unless a test asks for both)."""
    return str(getattr(request, "param", "sqlite"))


@dataclass
class SharedCluster:
    server: PgServer
    owner_password: str
    desk_password: str

    def owner_url(self, db: str) -> str:
        return self.server.url(db, OWNER)

    def desk_url(self, db: str) -> str:
        return self.server.url(db, DESK)


def _require_server() -> None:
    if server_bin_dir() is None:
        if os.environ.get("CI") or os.environ.get("FRONTDESK_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL server not installed (scripts/install-system-deps.sh)")
        pytest.skip("PostgreSQL server not installed")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[SharedCluster]:
    """The server, an owner role and a template database set up by ``init --store``'s code."""
    _require_server()
    from storage import postgres as pg
    from storage import postgres_admin

    server = PgServer.start()
    try:
        owner_pw, desk_pw = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
        server.admin(f"CREATE ROLE {OWNER} LOGIN CREATEROLE PASSWORD '{owner_pw}'")
        server.admin(f"CREATE DATABASE {TEMPLATE} OWNER {OWNER}")
        cluster = SharedCluster(server, owner_pw, desk_pw)
        postgres_admin.initialise(pg.parse_address(cluster.owner_url(TEMPLATE)), owner_pw,
                                  DESK, desk_pw)
        yield cluster
    finally:
        server.stop()


@pytest.fixture
def shared_db(pg_cluster: SharedCluster) -> Iterator[str]:
    """A fresh database copied from the set-up template, with its own store id; its name."""
    name = "t_" + uuid.uuid4().hex[:12]
    server = pg_cluster.server
    server.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} OWNER {OWNER}")
    server.admin(f"UPDATE setting SET value = '{uuid.uuid4().hex}' WHERE key = 'store.id'",
                 dbname=name)
    yield name
    server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def empty_db(pg_cluster: SharedCluster) -> Iterator[str]:
    """An empty database owned by the owner role (for init --store and move-store)."""
    name = "e_" + uuid.uuid4().hex[:12]
    pg_cluster.server.admin(f"CREATE DATABASE {name} OWNER {OWNER}")
    yield name
    pg_cluster.server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def shared_url(pg_cluster: SharedCluster, shared_db: str) -> str:
    """The desk's address of a fresh shared store, its password saved in the test keyring."""
    from app import shared_store

    url = pg_cluster.desk_url(shared_db)
    shared_store.save_password(url, pg_cluster.desk_password)
    return url


def record_fetches(monkeypatch: pytest.MonkeyPatch, into: list[str] | None = None
                   ) -> list[str]:
    """Record every statement the shared store's search runs on the driver connection
    (``storage.postgres_search.fetch_rows``) in ``into`` (a new list if None), which is
    returned; the statements still run."""
    from storage import postgres_search

    seen: list[str] = [] if into is None else into
    real = postgres_search.fetch_rows

    def fetch(session: object, sql: str, params: dict[str, object]) -> list[object]:
        seen.append(sql)
        return real(session, sql, params)  # type: ignore[arg-type]

    monkeypatch.setattr(postgres_search, "fetch_rows", fetch)
    return seen


@contextmanager
def round_trips() -> Iterator[list[list[str]]]:
    """Every round trip the driver's connections make inside the block, each the list of
    what it sent: statements (a cursor's or a connection's ``execute``) and psycopg's own
    commands (``BEGIN``, ``COMMIT``, ``ROLLBACK``). A pipeline is one round trip, whatever
    it holds; a multi-statement query (the locks') one; anything else one each. Within a
    round trip, a statement is noted before the ``BEGIN`` psycopg sends for it."""
    import psycopg
    from psycopg import _connection_base as base

    trips: list[list[str]] = []
    current: dict[int, list[str]] = {}
    real_execute = psycopg.Cursor.execute
    real_command = base.BaseConnection._exec_command
    real_pipeline = psycopg.Connection.pipeline

    def note(conn: object, what: str) -> None:
        trip = current.get(id(conn)) if getattr(conn, "_pipeline", None) is not None else None
        if trip is None:
            trips.append([what])
        else:
            trip.append(what)

    def execute(self: psycopg.Cursor[object], query: object, *a: object, **kw: object
                ) -> object:
        note(self.connection, str(query))
        return real_execute(self, query, *a, **kw)  # type: ignore[arg-type]

    def command(self: object, cmd: object, *a: object, **kw: object) -> object:
        note(self, cmd.decode() if isinstance(cmd, bytes) else str(cmd))
        return real_command(self, cmd, *a, **kw)  # type: ignore[arg-type]

    @contextmanager
    def pipeline(self: psycopg.Connection[object], *a: object, **kw: object
                 ) -> Iterator[object]:
        outer = self._pipeline is None
        if outer:
            trips.append([])
            current[id(self)] = trips[-1]
        try:
            with real_pipeline(self, *a, **kw) as p:  # type: ignore[arg-type]
                yield p
        finally:
            if outer:
                current.pop(id(self), None)

    psycopg.Cursor.execute = execute  # type: ignore[method-assign,assignment]
    base.BaseConnection._exec_command = command  # type: ignore[method-assign,assignment]
    psycopg.Connection.pipeline = pipeline  # type: ignore[method-assign,assignment]
    try:
        yield trips
    finally:
        psycopg.Cursor.execute = real_execute  # type: ignore[method-assign]
        base.BaseConnection._exec_command = real_command  # type: ignore[method-assign]
        psycopg.Connection.pipeline = real_pipeline  # type: ignore[method-assign]
