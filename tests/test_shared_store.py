"""The shared store on a real PostgreSQL server: reaching it, each failure named, and trust.

Every test here talks to the throw-away server of tests/pg_server.py over verified
TLS; nothing is mocked. Failures must leave the server unchanged and say what to do.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from app import errors as ae
from app import guests, shared_store, staff, vocabulary
from app.guests import GuestFields
from app.i18n import Msg
from app.verify import verify_store
from storage import audit_chain, migrate, postgres_admin, queries
from storage import postgres as pg
from tests.pg_fixtures import DESK, OWNER, SharedCluster, record_fetches, round_trips
from tests.pg_server import make_other_ca

pytestmark = pytest.mark.postgres


def _open_error(url: str) -> ae.FrontdeskError:
    with pytest.raises(ae.FrontdeskError) as info:
        shared_store.open_shared_store(url)
    assert isinstance(info.value.args[0], Msg), "the message goes through app.i18n"
    return info.value


# --- addresses -------------------------------------------------------------------------

@pytest.mark.parametrize("url,fragment", [
    ("postgresql://desk:secret@localhost/db", "contains a password"),
    ("postgresql://desk@localhost/db?sslmode=disable", "sslmode=disable"),
    ("postgresql://desk@localhost/db?sslmode=require", "verify-full"),
    ("postgresql://desk@localhost/db?host=/tmp", "unknown option host"),
    ("postgresql://desk@localhost/", "names no database"),
    ("mysql://desk@localhost/db", "postgresql://"),
])
def test_unsafe_or_wrong_addresses_are_refused_before_connecting(url: str, fragment: str) -> None:
    err = _open_error(url)
    assert fragment in str(err)
    assert "secret" not in str(err)


def test_address_defaults_and_keyring_entry() -> None:
    a = pg.parse_address("postgresql://front.example:6543/hotel?sslrootcert=/etc/ca.crt")
    assert (a.host, a.port, a.dbname, a.user) == ("front.example", 6543, "hotel", DESK)
    assert a.conninfo("pw")["sslmode"] == "verify-full"
    assert str(a) == "postgresql://frontdesk_desk@front.example:6543/hotel"


# --- each failure has its own message -----------------------------------------------------

def test_no_password_in_keyring_says_how_to_save_it(pg_cluster: SharedCluster,
                                                     shared_db: str) -> None:
    err = _open_error(pg_cluster.desk_url(shared_db))
    assert isinstance(err, shared_store.SharedPasswordError)
    assert "frontdesk store-password" in str(err)


def test_wrong_password(pg_cluster: SharedCluster, shared_db: str) -> None:
    url = pg_cluster.desk_url(shared_db)
    shared_store.save_password(url, "not the password")
    err = _open_error(url)
    assert isinstance(err, shared_store.SharedPasswordError)
    assert "refused the password" in str(err)


def test_server_down(pg_cluster: SharedCluster) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    url = f"postgresql://{DESK}@localhost:{port}/x?sslrootcert={pg_cluster.server.ca_file}"
    shared_store.save_password(url, "pw")
    err = _open_error(url)
    assert isinstance(err, shared_store.ServerUnreachableError)
    assert "does not answer" in str(err)


def test_certificate_from_another_ca(pg_cluster: SharedCluster, shared_db: str,
                                     tmp_path: Path) -> None:
    other = make_other_ca(tmp_path / "other")
    url = pg_cluster.desk_url(shared_db).split("?")[0] + f"?sslrootcert={other}"
    shared_store.save_password(url, pg_cluster.desk_password)
    err = _open_error(url)
    assert isinstance(err, shared_store.CertificateError)
    assert "did not sign" in str(err)


def test_certificate_for_another_host_name(pg_cluster: SharedCluster, shared_db: str) -> None:
    # The server's certificate names localhost and 127.0.0.1, not 127.0.0.2.
    url = pg_cluster.desk_url(shared_db).replace("@localhost:", "@127.0.0.2:")
    shared_store.save_password(url, pg_cluster.desk_password)
    err = _open_error(url)
    assert isinstance(err, shared_store.CertificateError)
    assert "another host name" in str(err)


def test_missing_ca_file(pg_cluster: SharedCluster, shared_db: str, tmp_path: Path) -> None:
    url = pg_cluster.desk_url(shared_db).split("?")[0] + f"?sslrootcert={tmp_path}/none.crt"
    shared_store.save_password(url, pg_cluster.desk_password)
    err = _open_error(url)
    assert isinstance(err, shared_store.CertificateError)
    assert "none.crt" in str(err)


def test_database_missing(pg_cluster: SharedCluster) -> None:
    url = pg_cluster.desk_url("no_such_db")
    shared_store.save_password(url, pg_cluster.desk_password)
    err = _open_error(url)
    assert "has no database no_such_db" in str(err)


def test_not_a_frontdesk_database(pg_cluster: SharedCluster, empty_db: str) -> None:
    pg_cluster.server.admin("CREATE TABLE orders (id int)", dbname=empty_db)
    url = pg_cluster.desk_url(empty_db)
    shared_store.save_password(url, pg_cluster.desk_password)
    err = _open_error(url)
    assert isinstance(err, ae.NotAStoreError)
    assert "not a Frontdesk store" in str(err)
    owner = pg.parse_address(pg_cluster.owner_url(empty_db))
    with pytest.raises(Exception, match="other tables"):
        postgres_admin.initialise(owner, pg_cluster.owner_password, DESK)


def test_schema_newer_than_the_app(pg_cluster: SharedCluster, shared_url: str,
                                   shared_db: str) -> None:
    pg_cluster.server.admin("UPDATE alembic_version SET version_num = '9999'", dbname=shared_db)
    err = _open_error(shared_url)
    assert isinstance(err, ae.SchemaTooNewError)
    assert "newer Frontdesk" in str(err)


def test_a_desk_from_before_the_two_write_locks_refuses_the_store(
        pg_cluster: SharedCluster, shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk that appends without the chain lock must never share the database with one
    that takes it (it would fork the chain): such a desk does not know revision 0016, and
    a revision it does not know is a store made by a newer Frontdesk."""
    from storage import write_locks

    assert write_locks.PROTOCOL_REVISION in migrate.known_revisions()
    graph = migrate.revision_graph()
    older = {rev: down for rev, down in graph.items()
             if rev < write_locks.PROTOCOL_REVISION}   # what a desk of that version knew
    monkeypatch.setattr(migrate, "revision_graph", lambda: older)
    err = _open_error(shared_url)
    assert isinstance(err, ae.SchemaTooNewError)
    assert "newer Frontdesk" in str(err)


def test_schema_older_than_the_app_is_left_to_the_owner(pg_cluster: SharedCluster,
                                                         shared_url: str,
                                                         shared_db: str) -> None:
    graph = migrate.revision_graph()
    older = graph[migrate.head()]
    assert older is not None
    pg_cluster.server.admin(f"UPDATE alembic_version SET version_num = '{older}'",
                            dbname=shared_db)
    err = _open_error(shared_url)
    assert "frontdesk init --store" in str(err)


# --- what the server adds to trust ---------------------------------------------------------

def _desk_conn(pg_cluster: SharedCluster, db: str) -> psycopg.Connection[tuple[object, ...]]:
    address = pg.parse_address(pg_cluster.desk_url(db))
    conn: psycopg.Connection[tuple[object, ...]] = pg.connect(address, pg_cluster.desk_password)
    return conn


def test_desk_role_cannot_update_or_delete_audit_rows(pg_cluster: SharedCluster,
                                                      shared_url: str, shared_db: str) -> None:
    store = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        guests.create_guest(store, actor, GuestFields("Ingrid Holm"))
    finally:
        store.close()
    for statement in ("UPDATE audit_event SET action = 'x' WHERE id = 1",
                      "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)",
                      "TRUNCATE audit_event",
                      "ALTER TABLE audit_event DISABLE TRIGGER ALL",
                      "DROP TABLE audit_event"):
        with _desk_conn(pg_cluster, shared_db) as conn, \
                pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)  # type: ignore[arg-type]
    with _desk_conn(pg_cluster, shared_db) as conn:
        # …but appending is allowed (that is how every desk writes its events).
        assert conn.execute("SELECT has_table_privilege('audit_event', 'INSERT')").fetchone() \
            == (True,)
        assert postgres_admin.desk_can_rewrite_audit(conn) == []
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone()[0] >= 2  # type: ignore[index]


def test_verify_reports_a_desk_role_that_may_rewrite_the_audit_log(
        pg_cluster: SharedCluster, shared_url: str, shared_db: str) -> None:
    store = shared_store.open_shared_store(shared_url)
    try:
        assert verify_store(store).ok
        pg_cluster.server.admin(f"GRANT DELETE ON audit_event TO {DESK}", dbname=shared_db)
        report = verify_store(store)
        assert not report.ok
        assert any("DELETE audit events" in p for p in report.problems)
    finally:
        store.close()


def _at_once(*desks: Callable[[], None]) -> None:
    """Run each desk's work in its own thread at the same time; none may fail."""
    errors: list[BaseException] = []

    def guarded(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_two_desks_writing_at_once_never_fork_the_audit_chain(shared_url: str) -> None:
    first = shared_store.open_shared_store(shared_url)
    second = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(first, "Eva Visser", "4826")

        def work(store: pg.SharedStore, prefix: str) -> None:
            for i in range(15):
                guests.create_guest(store, manager, GuestFields(f"{prefix} Guest {i}"))

        _at_once(lambda: work(first, "Alpha"), lambda: work(second, "Beta"))
        with first.read() as s:
            report = audit_chain.verify(s)
            assert report.ok, report.problem
            assert queries.guest_count(s) == 30
            assert report.events == queries.audit_event_count(s)
    finally:
        first.close()
        second.close()


# --- init --store ------------------------------------------------------------------------

def test_init_sets_up_an_empty_database_and_a_desk_can_use_it(pg_cluster: SharedCluster,
                                                               empty_db: str) -> None:
    owner = pg.parse_address(pg_cluster.owner_url(empty_db))
    result = postgres_admin.initialise(owner, pg_cluster.owner_password, DESK)
    assert result.created and result.desk_password is None  # the role already existed
    # autocommit: each read sees the statistics as they are now, not a snapshot
    with psycopg.connect(pg_cluster.server.admin_conninfo(empty_db), autocommit=True) as conn:
        analysed = "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'guest'"
        assert conn.execute(analysed).fetchone() == (None,)  # type: ignore[arg-type]
        again = postgres_admin.initialise(owner, pg_cluster.owner_password, DESK)
        assert not again.created and again.store_id == result.store_id
        # running it again (as after move-store) refreshes the planner's statistics
        assert conn.execute(analysed).fetchone()[0] is not None  # type: ignore[arg-type,index]
    url = pg_cluster.desk_url(empty_db)
    shared_store.save_password(url, pg_cluster.desk_password)
    store = shared_store.open_shared_store(url)
    try:
        assert store.store_id == result.store_id
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        vocabulary.load_starter(store, actor)
        guests.create_guest(store, actor, GuestFields("José Müller"))
        assert [g.full_name for g in guests.find_guests(store, actor, "jose mul")] \
            == ["José Müller"]
        assert verify_store(store).ok
    finally:
        store.close()


def test_init_refuses_a_role_that_is_not_the_owner(pg_cluster: SharedCluster,
                                                    empty_db: str) -> None:
    desk = pg.parse_address(pg_cluster.desk_url(empty_db))
    with pytest.raises(Exception, match="may not create tables"):
        postgres_admin.initialise(desk, pg_cluster.desk_password, DESK)
    assert OWNER != DESK


def _last_search_count(pg_cluster: SharedCluster, shared_db: str) -> int:
    """How many searches the newest "guests.searched" event counts."""
    with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as reader:
        row = reader.execute("SELECT detail FROM audit_event WHERE action = "
                             "'guests.searched' ORDER BY id DESC LIMIT 1").fetchone()
    assert row is not None
    detail = row[0] if isinstance(row[0], dict) else json.loads(row[0])
    return int(detail["searches"])


def test_a_search_does_not_wait_for_the_chain_lock_another_desk_holds(
        pg_cluster: SharedCluster, shared_url: str, shared_db: str) -> None:
    """A search's audit event is only a count: while another desk holds the chain lock (an
    import appending its events and committing) the search answers at once and its count
    waits for the next search — it does not wait the lock's usual bound (10 s)."""
    from contextlib import contextmanager

    from app import audit
    from storage import engine_postgres as pge
    from tests.lock_helpers import answered_while_held

    store = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        guests.create_guest(store, actor, GuestFields("Ingrid Holm"))
        audit.forget_pending()   # the next search's event is due

        @contextmanager
        def hold() -> Iterator[None]:   # another desk holding the chain lock
            with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as holder:
                holder.execute(f"SELECT pg_advisory_xact_lock({pge.CHAIN_LOCK_KEY})")
                yield

        assert answered_while_held(hold, lambda: guests.find_guests(store, actor, "ingrid"))
        # The held-up count rides on the next search, once the lock is free.
        assert guests.find_guests(store, actor, "ingrid")
        assert _last_search_count(pg_cluster, shared_db) == 2
    finally:
        store.close()


def test_a_desk_that_cannot_get_the_write_lock_in_time_gets_busy_not_a_hang(
        pg_cluster: SharedCluster, shared_url: str, shared_db: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from storage import engine_postgres as pge

    monkeypatch.setattr(pge, "LOCK_TIMEOUT_MS", 500)
    store = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        g = guests.create_guest(store, actor, GuestFields("Ingrid Holm"))

        with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as holder:
            holder.execute(f"SELECT pg_advisory_xact_lock({pge.DATA_LOCK_KEY})")
            with pytest.raises(ae.StoreBusyError):
                guests.update_guest(store, actor, g.id, GuestFields("Ingrid Holm-Berg"))
            # Another desk's data write (an import) holds up changes, not what only writes
            # audit events: the search is counted and the card opens, both audited now.
            assert guests.find_guests(store, actor, "ingrid")
            assert guests.open_card(store, actor, g.id).guest.full_name == "Ingrid Holm"
        assert _last_search_count(pg_cluster, shared_db) == 1
        with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as holder:
            holder.execute(f"SELECT pg_advisory_xact_lock({pge.CHAIN_LOCK_KEY})")
            # The audit chain itself held too long: a card open (its event is the read's
            # record) fails as busy; a search, whose event is only a count, still answers.
            with pytest.raises(ae.StoreBusyError):
                guests.open_card(store, actor, g.id)
            from app import audit
            audit.forget_pending()   # the next search's event is due now
            assert guests.find_guests(store, actor, "ingrid")
        # Once the other writer is done, the same change goes through.
        guests.update_guest(store, actor, g.id, GuestFields("Ingrid Holm-Berg"))
        # The search made while the chain lock was held is not lost from the audit: its
        # count rides on the next search's event.
        assert guests.find_guests(store, actor, "ingrid")
        assert _last_search_count(pg_cluster, shared_db) == 2
    finally:
        store.close()


@pytest.mark.postgres
def test_a_pooled_connection_the_server_ended_is_replaced_without_a_ping_round_trip(
        pg_cluster: SharedCluster, shared_url: str) -> None:
    """Pooled connections are used without a ping while recently used (one round trip less
    per card open and key press), yet one whose session the server ended a moment ago (a
    restart) is noticed by its socket and replaced: the next read succeeds."""
    import time

    store = shared_store.open_shared_store(shared_url)
    pings: list[object] = []
    real_ping = store.engine.dialect.do_ping

    def ping(conn: object) -> bool:
        pings.append(conn)
        return bool(real_ping(conn))

    store.engine.dialect.do_ping = ping  # type: ignore[method-assign]
    try:
        for _ in range(3):
            with store.read() as s:
                queries.guest_count(s)
        assert pings == []   # recently used: no ping
        with psycopg.connect(pg_cluster.server.admin_conninfo(), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = %s", (DESK,))
            for _ in range(100):   # the backends take a moment to go
                if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE usename = %s",
                                     (DESK,)).fetchall():
                    break
                time.sleep(0.05)
        with store.read() as s:
            assert queries.guest_count(s) >= 0
        assert pings   # the ended session was pinged (and replaced), not used
        pings.clear()
        with store.read() as s:
            queries.guest_count(s)
        assert pings == []
    finally:
        store.close()


@pytest.mark.postgres
def test_a_desks_connections_turn_off_the_servers_jit_and_parallel_workers(
        pg_cluster: SharedCluster, shared_db: str, shared_url: str) -> None:
    """A desk's statements read tens of rows: the server's JIT (on by default) and parallel
    workers only add their start-up to a misjudged one (a key press compiled for 100-400
    ms), so a desk's sessions turn both off in the startup packet, read and write alike."""
    from sqlalchemy import text

    ask = "SELECT current_setting('jit'), current_setting('max_parallel_workers_per_gather')"
    with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as conn:
        server_default = conn.execute(ask).fetchone()  # type: ignore[arg-type]
    assert server_default is not None and server_default[0] == "on"   # what a desk turns off
    store = shared_store.open_shared_store(shared_url)
    try:
        with store.read() as s:
            assert tuple(s.execute(text(ask)).one()) == ("off", "0")
        with store.write() as s:
            assert tuple(s.execute(text(ask)).one()) == ("off", "0")
    finally:
        store.close()


def test_a_read_sends_no_begin_or_commit_and_a_write_is_still_one_transaction(
        shared_url: str) -> None:
    """A read runs each statement in a transaction of its own (autocommit: two round trips
    fewer per key press, no BEGIN and no COMMIT), while a write on the same pooled
    connection afterwards is still one transaction that rolls back as a whole."""
    from sqlalchemy import text

    own = text("SELECT statement_timestamp() = transaction_timestamp(), "
               "transaction_timestamp()")
    store = shared_store.open_shared_store(shared_url)
    try:
        for _ in range(2):
            with store.read() as s:
                first, second = s.execute(own).one(), s.execute(own).one()
                assert queries.guest_count(s) >= 0
            # Each statement began its own transaction (after a BEGIN, a statement's time
            # is later than its transaction's).
            assert first[0] and second[0] and second[1] > first[1]
        key = "test.autocommit-read"
        with pytest.raises(RuntimeError), store.write() as s:
            a = s.execute(own).one()
            s.execute(text("INSERT INTO setting (key, value) VALUES (:k, 'x')"), {"k": key})
            b = s.execute(own).one()
            assert b[1] == a[1]   # one transaction
            raise RuntimeError("roll it back")
        with store.read() as s:
            assert queries.setting_value(s, key) is None
    finally:
        store.close()


def test_opening_asks_what_a_first_key_press_asked_so_it_runs_only_its_search(
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether the server folds ASCII as the desk does, and the word statistics, are read
    when the store is opened (while the person signs in), not by each desk's first key
    press: that press runs only the search's own statements, with the same answers."""
    from storage import postgres_search as ps

    monkeypatch.setattr(ps, "_FOLDS_ASCII_ALIKE", {})
    monkeypatch.setattr(ps, "_COMMON", {})
    store = shared_store.open_shared_store(shared_url)
    try:
        assert list(ps._FOLDS_ASCII_ALIKE.values()) == [True] and len(ps._COMMON) == 1
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        ingrid = guests.create_guest(store, actor, GuestFields("Ingrid Holm"))
        ps._FOLDED.clear()
        seen = record_fetches(monkeypatch)
        assert [m.id for m in guests.find_guests(store, actor, "Ingr")] == [ingrid.id]
        assert seen and not [s for s in seen if "pg_stats" in s or "frontdesk_search_text" in s]
    finally:
        store.close()


def test_a_desk_signed_in_has_read_the_arrivals_windows_before_its_first_key_press(
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``guests.warm_up_search`` (run once signed in) reads today's and the week's arrivals
    and keeps them: the first key press, one the index cuts at the limit (so it matches the
    week's arrivals in memory too), sends no statement for them and answers as a desk
    that did not warm up does, the guest arriving today first."""
    import datetime as dt

    from app import visits
    from storage.models import VisitKind

    window = "JOIN guest g ON g.id = v.guest_id"
    today = dt.datetime.combine(dt.date.today(), dt.time(15))
    cold = shared_store.open_shared_store(shared_url)
    warm = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(cold, "Eva Visser", "4826")
        made = [guests.create_guest(cold, actor, GuestFields(f"Ingrid Holm{n}")).id
                for n in ("", "e", "er", "quist")]
        visits.record_visit(cold, actor, made[2], kind=VisitKind.STAY, starts_at=today)
        visits.record_visit(cold, actor, made[3], kind=VisitKind.STAY,
                            starts_at=today + dt.timedelta(days=3))
        answers = []
        for store, warmed in ((cold, False), (warm, True)):
            if warmed:
                guests.warm_up_search(store, actor)
            seen = record_fetches(monkeypatch)
            found = guests.find_guests(store, actor, "Ingrid", limit=2)
            monkeypatch.undo()
            assert any(window in s for s in seen) is not warmed, seen
            answers.append([(m.id, m.when) for m in found])
        assert answers[0] == answers[1] and answers[1][0] == (made[2], "today")
    finally:
        cold.close()
        warm.close()


def test_card_opens_at_two_desks_at_once_append_one_unbroken_chain(shared_url: str) -> None:
    """A card's "opened" event and the chain's head go to the server in one statement on
    the driver connection: two desks opening cards at once still append one chain, and
    every event reads back as it was hashed (verify recomputes each hash)."""
    from sqlalchemy import text

    first = shared_store.open_shared_store(shared_url)
    second = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(first, "Eva Visser", "4826")
        ids = [guests.create_guest(first, manager, GuestFields(f"Guest {i}")).id
               for i in range(5)]

        def work(store: pg.SharedStore) -> None:
            for _ in range(4):
                for gid in ids:
                    guests.open_card(store, manager, gid)

        _at_once(lambda: work(first), lambda: work(second))
        with first.read() as s:
            report = audit_chain.verify(s)
            assert report.ok, report.problem
            assert queries.audit_event_count(s) == report.events
            opened = s.execute(text("SELECT count(*) FROM audit_event WHERE action = "
                                    "'guest.opened'")).scalar()
            assert opened == 2 * 4 * len(ids)
            top = audit_chain.head(s)
            assert top is not None and top[0] == report.events
            # the head record was written with each event, in the same statement
            assert queries.setting_value(s, audit_chain.HEAD_KEY) == f"{top[0]}:{top[1]}"
    finally:
        first.close()
        second.close()


def test_a_card_open_takes_the_chain_lock_in_its_reads_round_trip_then_writes_its_event(
        shared_url: str) -> None:
    """On the shared store a card open is two round trips: its BEGIN with the permission
    read (one pipeline: psycopg sent BEGIN in a round trip of its own), and behind it the
    card's reads (each guarded on the server by the same standing) with the chain lock and
    the chain's end; then the event with the chain's head (one statement) and COMMIT in one
    pipeline — and the chain holds, the event is committed, the anchor follows it. (Three
    before COMMIT went with the event, four before the reads went with the permission.)"""
    from sqlalchemy import text

    from storage import audit_anchor

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
        guests.open_card(store, manager, g.id)   # the pool's connection is warm
        with round_trips() as trips:
            assert guests.open_card(store, manager, g.id).guest.full_name == "Ada Lovelace"
        assert len(trips) == 2, trips
        assert "BEGIN" in trips[0] and "FROM staff WHERE id" in trips[0][0], trips[0]
        assert any("FROM guest WHERE id" in q and "ahead_staff" in q for q in trips[0]), trips
        # the card's five reads are one statement (tagged rows), guarded once
        reads = [q for q in trips[0] if any(f"FROM {t} " in q for t in (
            "guest", "visit", "consent", "assignment", "label_wording"))]
        assert len(reads) == 1 and "FROM label_name" in reads[0], trips[0]
        assert "pg_advisory_xact_lock" in trips[0][-2], trips[0]
        assert "INSERT INTO audit_event" in trips[1][0] and trips[1][-1] == "COMMIT", trips
        with store.read() as s:
            report = audit_chain.verify(s)
            assert report.ok, report.problem
            top = audit_chain.head(s)
            assert top is not None
            newest = s.execute(text("SELECT action, guest_ref FROM audit_event "
                                    "WHERE id = :i"), {"i": top[0]}).one()
        assert tuple(newest) == ("guest.opened", g.ref)
        assert (audit_anchor._memory[store.store_id].id,
                audit_anchor._memory[store.store_id].hash) == (top[0], top[1])
        assert verify_store(store).ok
    finally:
        store.close()


def test_a_card_open_whose_event_or_commit_fails_leaves_nothing_and_shows_nothing(
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The event, the chain's head and COMMIT go in one pipeline: when the server refuses
    any of them the card open raises (nothing is shown), no event stays, the chain lock is
    free for the next desk, and the connection serves the next card as before."""
    store = shared_store.open_shared_store(shared_url)
    other = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
        guests.open_card(store, manager, g.id)   # anchored: the next one commits ahead
        with store.read() as s:
            before = queries.audit_event_count(s)
        good = audit_chain._APPEND_PG
        monkeypatch.setattr(audit_chain, "_APPEND_PG",
                            good + " AND 1 / (length(value) - length(value)) = 0")
        decided: list[object] = []
        real_decide = audit_chain.commit_with_event

        def decide(*args: object) -> object:
            decided.append(real_decide(*args))  # type: ignore[arg-type]
            return decided[-1]

        monkeypatch.setattr(audit_chain, "commit_with_event", decide)
        with round_trips() as trips, pytest.raises(Exception, match="division by zero"):
            guests.open_card(store, manager, g.id)
        # It was the pipeline meant to end in COMMIT that failed (the error may come back
        # before COMMIT is queued: then none is sent; else the server skips it).
        assert len(decided) == 1 and decided[0] is not None, decided
        assert not any(t == ["COMMIT"] for t in trips), trips
        monkeypatch.setattr(audit_chain, "_APPEND_PG", good)
        with store.read() as s:
            assert queries.audit_event_count(s) == before
        guests.open_card(other, manager, g.id)   # the chain lock was not left held
        guests.open_card(store, manager, g.id)
        with store.read() as s:
            assert queries.audit_event_count(s) == before + 2
        assert verify_store(store).ok
    finally:
        other.close()
        store.close()


def test_a_statement_after_a_transaction_committed_with_its_event_is_refused(
        shared_url: str) -> None:
    """An event written last (``record_last``) commits its transaction in its own round
    trip on the shared store: a statement sent through the session after it would run
    outside any transaction, so it raises instead (the event stays: it was committed)."""
    from sqlalchemy import select

    from app.audit import record_last
    from storage.models import Guest
    from storage.write_locks import AuditOnlyWrite

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
        guests.open_card(store, manager, g.id)
        with store.read() as s:
            before = queries.audit_event_count(s)
        with pytest.raises(AuditOnlyWrite), store.write(audit_only=True) as s:
            record_last(s, manager, "test.opened", guest_ref=g.ref)
            s.execute(select(Guest.id)).all()
        with store.read() as s:
            assert queries.audit_event_count(s) == before + 1
            assert audit_chain.verify(s).ok
    finally:
        store.close()


def test_a_card_committed_with_its_event_anchors_from_the_anchor_it_read_its_facts_for(
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The anchor of a transaction committed with its event extends the last anchor its
    facts were read for (nothing can be read at commit any more), even when another
    thread of the desk changed this process's anchor in between: the anchor kept equals
    the one computed from the whole log."""
    from storage import audit_anchor, write_locks

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        ids = [guests.create_guest(store, manager, GuestFields(f"Ada {n}")).id
               for n in ("Byron", "King")]
        sid = store.store_id
        stale = audit_anchor._memory[sid]
        guests.open_card(store, manager, ids[0])
        behind = audit_anchor._memory[sid]
        guests.open_card(store, manager, ids[1])
        audit_anchor._memory[sid] = behind   # the facts since `behind` go with the event
        real = write_locks.committed_with_event

        def meanwhile(session: object) -> None:
            real(session)  # type: ignore[arg-type]
            audit_anchor._memory[sid] = stale   # another thread's doing, meanwhile

        monkeypatch.setattr(write_locks, "committed_with_event", meanwhile)
        with round_trips() as trips:
            guests.open_card(store, manager, ids[1])
        assert trips[1][-1] == "COMMIT" and "GROUP BY staff_id" in trips[1][1], trips
        kept = audit_anchor._memory.pop(sid)
        with store.read() as s:
            top = audit_chain.head(s)
            whole = audit_anchor.compute(s, sid, "memory")   # from the first event on
        assert top is not None and whole is not None
        assert (kept.id, kept.hash) == (top[0], top[1])
        assert (kept.by_staff, dict(kept.rows)) == (whole.by_staff, dict(whole.rows))
    finally:
        store.close()


def test_a_card_opened_after_other_desks_appended_reads_its_anchors_facts_with_its_event(
        shared_url: str) -> None:
    """When other desks appended since this desk's last anchor (its anchor is behind the
    chain's end), the new anchor needs the events per person since it and the row marks:
    a card open reads them in its event's round trip, before the COMMIT that goes there too
    (2 round trips, not 4), and the anchor is the one the read at commit gives."""
    from storage import audit_anchor
    from storage.models import Role

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, "3917")
        sam = staff.sign_in_by_name(store, "Sam Bakker", "3917")
        ids = [guests.create_guest(store, manager, GuestFields(f"Ada {n}")).id
               for n in ("Byron", "King")]
        sid = store.store_id
        guests.open_card(store, manager, ids[0])
        behind = audit_anchor._memory[sid]
        for gid in ids:   # "another desk": events this desk's anchor has not seen
            guests.open_card(store, sam, gid)
        audit_anchor._memory[sid] = behind
        with round_trips() as trips:
            guests.open_card(store, manager, ids[1])
        assert len(trips) == 2, trips
        assert "INSERT INTO audit_event" in trips[1][0] and "GROUP BY staff_id" in trips[1][1]
        assert trips[1][2] == "COMMIT", trips
        new = audit_anchor._memory[sid]
        with store.read() as s:
            facts = audit_anchor._facts(s, behind, new.id)
        counts = dict(behind.by_staff)
        for who, n in facts.counts.items():
            counts[who] = counts.get(who, 0) + n
        assert (new.by_staff, dict(new.rows)) == (counts, facts.rows)
        assert counts[str(sam.id)] == 2 + behind.by_staff.get(str(sam.id), 0)
        assert verify_store(store).ok
    finally:
        store.close()


def test_an_audit_only_write_whose_begin_rides_with_its_first_statement_is_one_transaction(
        shared_url: str) -> None:
    """An audit-only write sends its BEGIN with its first statement (the permission read,
    the chain lock, or anything else first): whichever comes first, what it wrote rolls
    back as a whole when it fails, and the connection serves reads as before afterwards."""
    from app.audit import record

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        with store.read() as s:
            before = queries.audit_event_count(s)
        for first in ("permission", "lock", "orm"):
            with pytest.raises(RuntimeError), store.write(audit_only=True) as s:
                if first == "permission":
                    queries.staff_standing(s, manager.id)
                elif first == "orm":
                    assert queries.audit_event_count(s) == before
                record(s, manager, "test.opened", guest_ref="G-1")
                raise RuntimeError("roll it back")
            with store.read() as s:
                assert queries.audit_event_count(s) == before, first
                assert audit_chain.verify(s).ok
        guests.open_card(store, manager,
                         guests.create_guest(store, manager, GuestFields("Ada Byron")).id)
        with store.read() as s:
            assert queries.audit_event_count(s) == before + 2   # created, opened
            assert audit_chain.verify(s).ok
    finally:
        store.close()


def test_a_counted_search_sets_its_brief_lock_bound_in_the_chain_locks_round_trip(
        shared_url: str) -> None:
    """The counted search's event waits for the chain lock only briefly (see the test
    above); the bound is sent with the lock itself, not in a round trip of its own."""
    from app import audit

    store = shared_store.open_shared_store(shared_url)
    sent: list[str] = []
    real_cur = psycopg.Cursor.execute

    def cur_execute(self: psycopg.Cursor[object], query: object, *a: object,
                    **kw: object) -> object:
        sent.append(str(query))
        return real_cur(self, query, *a, **kw)  # type: ignore[arg-type]

    try:
        actor = staff.create_first_manager(store, "Eva Visser", "4826")
        guests.create_guest(store, actor, GuestFields("Ingrid Holm"))
        audit.forget_pending()   # the next search's event is due
        psycopg.Cursor.execute = cur_execute  # type: ignore[method-assign,assignment]
        try:
            assert guests.find_guests(store, actor, "ingrid")
        finally:
            psycopg.Cursor.execute = real_cur  # type: ignore[method-assign]
        bound = [q for q in sent if "lock_timeout" in q]
        assert len(bound) == 1 and "pg_advisory_xact_lock" in bound[0], bound
        with store.read() as s:
            assert audit_chain.verify(s).ok
    finally:
        store.close()


def test_a_psycopg_without_the_steps_a_begin_rides_on_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit-only writes' BEGIN rides on two of psycopg's internal steps; a psycopg
    without them is refused when the shared store's engine is made, never left to commit
    an audit-only write statement by statement."""
    from psycopg._connection_base import BaseConnection

    from storage import engine_postgres as pge

    monkeypatch.setattr(pge, "_CONNECTION_CLASS", [])
    monkeypatch.delattr(BaseConnection, "_start_query")
    with pytest.raises(RuntimeError, match="_start_query"):
        pge.connection_class()


@pytest.mark.parametrize("log_too_old", [False, True])
def test_after_changes_at_another_desk_a_desk_reads_only_the_changed_guests(
        shared_url: str, monkeypatch: pytest.MonkeyPatch, log_too_old: bool) -> None:
    """After another desk's changes (visits recorded, cancelled, moved to another guest and
    day, a name corrected, a guest erased) a desk's next key press reads the arrivals rows
    and visit facts of the changed guests only (storage.postgres_changes: no window read
    whole), and what it then keeps is exactly what a desk reading cold keeps. When the log
    cannot answer (here: the counter moved further than it keeps), it reads whole."""
    import datetime as dt

    from sqlalchemy import update

    from app import erasure, visits
    from storage import postgres_changes, search
    from storage.models import Visit, VisitKind, VisitStatus

    day = dt.date.today()
    at = dt.datetime.combine(day, dt.time(23))
    kept = shared_store.open_shared_store(shared_url)
    other = shared_store.open_shared_store(shared_url)
    cold = None
    try:
        actor = staff.create_first_manager(other, "Eva Visser", "4826")
        ids = [guests.create_guest(other, actor, GuestFields(f"Ingrid Holm{n}")).id
               for n in ("", "e", "er", "quist", "berg", "gren", "strom")]
        v = {g: visits.record_visit(other, actor, g, kind=VisitKind.STAY,
                                    starts_at=at + dt.timedelta(days=n % 3 * 2)).id
             for n, g in enumerate(ids[:6])}
        guests.warm_up_search(kept, actor)
        assert len(guests.find_guests(kept, actor, "Ingrid Holm")) == 7
        # Another desk's changes.
        visits.record_visit(other, actor, ids[6], kind=VisitKind.STAY, starts_at=at)
        visits.set_status(other, actor, v[ids[0]], VisitStatus.CANCELLED)
        with other.write() as s:   # a visit moved to another guest and day
            s.execute(update(Visit).where(Visit.id == v[ids[1]]).values(
                guest_id=ids[3], starts_at=at + dt.timedelta(days=1)))
        guests.update_guest(other, actor, ids[2], GuestFields("Ingrid Holmes"))
        erasure.erase_guest(other, actor, ids[4])
        if log_too_old:
            monkeypatch.setattr(postgres_changes, "KEEP", 0)
        seen = record_fetches(monkeypatch)
        found = guests.find_guests(kept, actor, "Ingrid Holm")
        monkeypatch.undo()
        whole = [q for q in seen if "ORDER BY v.starts_at, v.id" in q]
        logged = [q for q in seen if f"FROM {postgres_changes.TABLE} WHERE seq >" in q]
        assert len(logged) == 1 and (len(whole) == 1) is log_too_old, seen
        cold = shared_store.open_shared_store(shared_url)
        assert [(m.id, m.when) for m in guests.find_guests(cold, actor, "Ingrid Holm")] \
            == [(m.id, m.when) for m in found]
        binds = []
        for store in (kept, cold):
            with store.read() as s:
                binds.append(s.get_bind())
        windows = {k: e[1] for k, e in search._starting_cache[binds[0]].items()}
        assert windows == {k: e[1] for k, e in search._starting_cache[binds[1]].items()}
        assert {r.id for rows in windows.values() for r in rows} \
            == {ids[2], ids[3], ids[5], ids[6]}
        facts = search._facts_cache[binds[0]][1]
        assert ids[2] in facts and ids[3] in facts
        with cold.read() as s:
            assert facts == {**dict.fromkeys(facts, (False, False, None)),
                             **search._read_facts(s, list(facts), day)}
    finally:
        for store in (kept, other, cold):
            if store is not None:
                store.close()


def test_a_change_the_desk_heard_of_sends_the_change_log_read_with_the_permission_read(
        shared_url: str) -> None:
    """When this desk's change feed (``storage.notify.ServerWatcher``) heard that guest data
    changed since its search last read the counter, the next key press's arrivals windows'
    change-log read goes in its permission read's round trip (``storage.search.
    _windows_ahead``), guarded by the same standing; the windows then equal a cold desk's.
    Nothing heard (nothing changed, or the notification not yet in): no log read with the
    permission (if the counter moved, the log is read in a round trip of its own, as before).
    For a person the guard refuses, no row at all, not even the one saying it passed."""
    import datetime as dt

    from app import visits
    from storage import notify, postgres_changes, search
    from storage import postgres_search as pgs
    from storage.models import VisitKind

    at = dt.datetime.combine(dt.date.today(), dt.time(23))
    kept = shared_store.open_shared_store(shared_url)
    other = shared_store.open_shared_store(shared_url)
    cold = None
    watcher = notify.watcher_for(kept)
    logged_sql = f"FROM {postgres_changes.TABLE} WHERE seq >"

    def press() -> tuple[list[tuple[int, str]], list[list[str]]]:
        with round_trips() as trips:
            found = [(m.id, m.when) for m in guests.find_guests(kept, actor, "Ingrid Holm")]
        return found, trips

    def logged(trips: list[list[str]]) -> list[str]:
        return [q for trip in trips for q in trip if logged_sql in q]

    try:
        actor = staff.create_first_manager(other, "Eva Visser", "4826")
        ids = [guests.create_guest(other, actor, GuestFields(f"Ingrid Holm{n}")).id
               for n in ("", "e", "er", "quist")]
        for g in ids[:2]:
            visits.record_visit(other, actor, g, kind=VisitKind.STAY, starts_at=at)
        guests.warm_up_search(kept, actor)
        press()
        while watcher.wait(0.2) is not None:
            pass   # what it heard so far
        _found, trips = press()   # nothing changed: nothing more sent
        assert not logged(trips) and len(trips[0]) == 2, trips

        visits.record_visit(other, actor, ids[2], kind=VisitKind.STAY, starts_at=at)
        assert watcher.wait(10) is not None   # heard
        found, trips = press()
        assert len(logged(trips)) == 1 and logged(trips)[0] in trips[0], trips
        assert "ahead_staff" in logged(trips)[0]
        cold = shared_store.open_shared_store(shared_url)
        assert [(m.id, m.when) for m in guests.find_guests(cold, actor, "Ingrid Holm")] == found
        assert ids[2] in [i for i, when in found if when == "today"]
        binds = []
        for store in (kept, cold):
            with store.read() as s:
                binds.append(s.get_bind())
        assert {k: e[1] for k, e in search._starting_cache[binds[0]].items()} \
            == {k: e[1] for k, e in search._starting_cache[binds[1]].items()}

        # A change not heard yet: read after the permission, in a round trip of its own.
        visits.record_visit(other, actor, ids[3], kind=VisitKind.STAY, starts_at=at)
        found, trips = press()
        assert len(logged(trips)) == 1 and logged(trips)[0] not in trips[0], trips
        assert ids[3] in [i for i, when in found if when == "today"]
        while watcher.wait(0.2) is not None:
            pass

        # The guard: for a role that may not search, no row of the log, nor the guard's row.
        visits.record_visit(other, actor, ids[0], kind=VisitKind.STAY,
                            starts_at=at + dt.timedelta(days=2))
        assert watcher.wait(10) is not None
        for roles, allowed_here in ((["manager"], True), (["nobody"], False)):
            with kept.search_read() as s:
                assert search._heard_changed(s) is allowed_here   # (the first read it)
                pgs.ask_also_with_permission(s, lambda staff_id, s=s, roles=roles: (
                    search._windows_ahead(s, staff_id, roles)))
                assert queries.staff_standing(s, actor.id) is not None
                (rows,) = s.info[search._WINDOWS_AHEAD][1]
                assert bool(rows) is allowed_here and (
                    not rows or rows[-1][0] == search._GUARD_PASSED), rows
    finally:
        watcher.close()
        for store in (kept, other, cold):
            if store is not None:
                store.close()


def test_a_desk_signed_in_has_read_its_arrivals_visit_facts_before_its_first_key_press(
        shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``guests.warm_up_search`` also reads the visit facts of the arrivals windows' guests
    (``storage.search.warm_facts``): the first key press, whose candidates arrive today and
    this week, reads no facts and answers as a desk that did not warm up does."""
    import datetime as dt

    from sqlalchemy import event

    from app import visits
    from storage.models import VisitKind

    facts = "max(CASE WHEN starts_at"
    at = dt.datetime.combine(dt.date.today(), dt.time(23))
    cold = shared_store.open_shared_store(shared_url)
    warm = shared_store.open_shared_store(shared_url)
    try:
        actor = staff.create_first_manager(cold, "Eva Visser", "4826")
        for n, name in enumerate(("Ingrid Holm", "Ingrid Holme", "Ingrid Holmer")):
            g = guests.create_guest(cold, actor, GuestFields(name)).id
            visits.record_visit(cold, actor, g, kind=VisitKind.STAY,
                                starts_at=at - dt.timedelta(days=30))
            visits.record_visit(cold, actor, g, kind=VisitKind.STAY,
                                starts_at=at + dt.timedelta(days=n * 2))
        answers = []
        for store, warmed in ((cold, False), (warm, True)):
            if warmed:
                guests.warm_up_search(store, actor)
            seen = record_fetches(monkeypatch)
            read: list[str] = []

            def note(_c: object, _cur: object, statement: str, *_rest: object,
                     read: list[str] = read) -> None:
                read.append(statement)

            event.listen(store.engine, "before_cursor_execute", note)
            found = guests.find_guests(store, actor, "Ingrid")
            event.remove(store.engine, "before_cursor_execute", note)
            monkeypatch.undo()
            assert any(facts in q for q in seen + read) is not warmed, seen + read
            answers.append([(m.id, m.when) for m in found])
        assert answers[0] == answers[1] and len(answers[0]) == 3
    finally:
        cold.close()
        warm.close()


def test_a_card_opens_reads_ride_with_its_permission_read_guarded_by_the_same_standing(
        shared_url: str) -> None:
    """The card's reads sent behind the permission read are guarded on the server: for a
    person the standing would refuse, nothing of the guest is read (not even the row that
    says the guard passed); when the standing changed between the two statements the card
    is read again after the check, the same card, and the chain lock taken in that round
    trip is still held for the event."""
    from app.permissions import Action
    from storage import card
    from storage.models import Role

    store = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, "3917")
        sam = staff.sign_in_by_name(store, "Sam Bakker", "3917")
        g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
        shown = guests.open_card(store, sam, g.id)
        for roles, passes in ((guests._roles_that(Action.VIEW_GUEST), True),
                              (["nobody"], False)):
            with store.write(audit_only=True) as s:
                card.ask_with_permission(s, g.id, roles, then_chain=True)
                assert queries.staff_standing(s, sam.id) is not None
                _kept, results = s.info[card._AHEAD]
                # the card's reads are one statement, its guest row says the guard passed;
                # when it did not pass, no row at all
                assert bool(results[0]) is passes, results
                assert len(results) == 3, results   # the card's reads, the lock, the end
                rows = card.card_rows(s, g.id, then_chain=True)
                assert rows is not None and rows.guest.full_name == "Ada Lovelace"
                from app.audit import record

                record(s, sam, "guest.opened", guest_ref=rows.guest.ref)
        # The guard passed and there is no such guest: a row of NULLs, and no card.
        with store.write(audit_only=True) as s:
            card.ask_with_permission(s, g.id + 1000, guests._roles_that(Action.VIEW_GUEST),
                                     then_chain=True)
            assert queries.staff_standing(s, sam.id) is not None
            _kept, results = s.info[card._AHEAD]
            assert len(results[0]) == 1 and set(results[0][0][2:]) == {None}, results
            assert card.card_rows(s, g.id + 1000, then_chain=True) is None
        with pytest.raises(ae.NotFound):
            guests.open_card(store, sam, g.id + 1000)
        assert guests.open_card(store, sam, g.id) == shown
        assert verify_store(store).ok
    finally:
        store.close()
