"""The shared store: one venue's PostgreSQL database, reached over verified TLS.

A shared store is named by an address, ``postgresql://ROLE@HOST[:PORT]/DATABASE``,
optionally with ``?sslrootcert=FILE`` (the venue's CA certificate; ``system`` for
a certificate from a public CA; default ``~/.postgresql/root.crt``). The address
never carries a password: the role's password lives in the system keyring
(service ``frontdesk``, entry = the address), as the local store's key does.
Every connection is TLS with ``sslmode=verify-full``: the server's certificate
must be signed by that CA *and* name the host. Anything else is refused before a
byte is sent.

Opening checks, in order, and names the first that fails (``storage.postgres_errors``):
the address; the password in the keyring; reaching the server (down / no TLS /
certificate / password / database); that the database is a Frontdesk store (its
``alembic_version`` and store id); that its schema is the one this version knows
(newer: refuse; older: the owner must upgrade it with ``frontdesk init --store``,
desks never change the schema). Opening never writes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage import engine_postgres as pge
from storage import keys, migrate
from storage import postgres_errors as pe
from storage.errors import SchemaTooNew, StoreBusy
from storage.header import Header
from storage.store import Store, StorePaths

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
DEFAULT_DESK_ROLE = "frontdesk_desk"
STORE_ID_KEY = "store.id"
KEY_SOURCE = "server"  # what Store.header.key_source says for a shared store


def is_address(value: str | None) -> bool:
    """Whether ``value`` names a shared store (rather than a local folder)."""
    return bool(value) and str(value).split(":", 1)[0].lower() in SCHEMES


@dataclass(frozen=True)
class ServerAddress:
    """A parsed, checked shared-store address (holds no secret)."""

    host: str
    port: int
    dbname: str
    user: str
    sslrootcert: str | None = None

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = "" if self.port == DEFAULT_PORT else f":{self.port}"
        return f"postgresql://{self.user}@{host}{port}/{self.dbname}"

    def url(self) -> str:
        """The full address to give to a desk: ``str(self)`` plus the CA file, if any."""
        return str(self) + (f"?sslrootcert={self.sslrootcert}" if self.sslrootcert else "")

    @property
    def keyring_entry(self) -> str:
        return str(self)

    def with_user(self, user: str) -> ServerAddress:
        return ServerAddress(self.host, self.port, self.dbname, user, self.sslrootcert)

    def conninfo(self, password: str | None) -> dict[str, Any]:
        """Keyword arguments for ``psycopg.connect``: always verify-full TLS."""
        info: dict[str, Any] = dict(
            host=self.host, port=self.port, dbname=self.dbname, user=self.user,
            sslmode="verify-full", connect_timeout=pge.CONNECT_TIMEOUT_S,
            application_name="frontdesk", options=pge.session_options(),
            # A pulled cable or a dead server is noticed in seconds, not at TCP's minutes.
            keepalives=1, keepalives_idle=5, keepalives_interval=2, keepalives_count=3,
            tcp_user_timeout=10_000,
        )
        if self.sslrootcert:
            info["sslrootcert"] = self.sslrootcert
        if password is not None:
            info["password"] = password
        return info


_ALLOWED_QUERY = {"sslrootcert", "sslmode"}


def parse_address(url: str) -> ServerAddress:
    """Check and parse a store address; raise a ``postgres_errors`` type naming what is wrong."""
    shown = url.split("?", 1)[0]
    try:
        parts = urlsplit(url)
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise pe.BadAddress(_redact(shown), str(exc)) from exc
    if parts.scheme.lower() not in SCHEMES:
        raise pe.BadAddress(_redact(shown), "it does not start with postgresql://")
    if parts.password is not None:
        raise pe.PasswordInAddress(_redact(shown))
    if not parts.hostname:
        raise pe.BadAddress(shown, "it names no server")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname or "/" in dbname:
        raise pe.BadAddress(shown, "it names no database")
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(query) - _ALLOWED_QUERY)
    if unknown:
        raise pe.BadAddress(shown, "unknown option " + ", ".join(unknown))
    mode = query.get("sslmode", "verify-full")
    if mode != "verify-full":
        raise pe.PlainTextRefused(shown, mode)
    user = unquote(parts.username) if parts.username else DEFAULT_DESK_ROLE
    return ServerAddress(parts.hostname, port, dbname, user, query.get("sslrootcert") or None)


def _redact(url: str) -> str:
    """The address with any password replaced, for messages and logs."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://…"
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(":" + parts.password + "@", ":***@")
    return parts._replace(netloc=netloc).geturl()


# --- the role's password, kept in the keyring ---------------------------------------

def load_password(address: ServerAddress) -> str:
    """The role's password from the keyring, or ``PasswordMissing``."""
    import keyring
    from keyring.errors import KeyringError

    keys.usable_backend()
    try:
        value: str | None = keyring.get_password(keys.SERVICE, address.keyring_entry)
    except KeyringError as exc:
        from storage.errors import KeyringLocked

        raise KeyringLocked(str(exc)) from exc
    if value is None:
        raise pe.PasswordMissing(str(address))
    return value


def save_password(address: ServerAddress, password: str) -> None:
    """Keep the role's password in the keyring (refuses keyrings that would write it in clear)."""
    import keyring
    from keyring.errors import KeyringError

    keys.usable_backend()
    try:
        keyring.set_password(keys.SERVICE, address.keyring_entry, password)
    except KeyringError as exc:
        from storage.errors import KeyringLocked

        raise KeyringLocked(str(exc)) from exc


# --- connecting ---------------------------------------------------------------------

def connect(address: ServerAddress, password: str, *, autocommit: bool = False) -> Any:
    """One psycopg connection, or the ``postgres_errors`` type that names the failure."""
    import psycopg

    try:
        return psycopg.connect(**address.conninfo(password), autocommit=autocommit)
    except psycopg.Error as exc:
        raise classify(exc, address) from exc


def classify(exc: BaseException, address: ServerAddress) -> pe.SharedStoreError:
    """Turn a failed connection attempt into the error that names its cause."""
    where = str(address)
    text = str(exc)
    low = text.lower()
    state = getattr(exc, "sqlstate", None)
    if state == "3D000" or ("database" in low and "does not exist" in low):
        return pe.DatabaseMissing(where, address.dbname)
    if state in {"28P01", "28000"} or "password authentication failed" in low \
            or "no password supplied" in low:
        return pe.WrongPassword(where, address.user)
    if "root certificate file" in low or "could not read root certificate" in low \
            or "could not load root certificate" in low:
        return pe.CertificateMissing(where, address.sslrootcert or "~/.postgresql/root.crt")
    if "certificate verify failed" in low or "does not match host name" in low \
            or ("certificate" in low and "match" in low) or "ssl error" in low:
        # "SSL error: …" covers a forged CA with the right name (signature failure).
        return pe.CertificateMismatch(where, _first_line(text))
    if "server does not support ssl" in low or "ssl was required" in low \
            or ("no pg_hba.conf entry" in low and "no encryption" in low):
        return pe.ServerWithoutTls(where)
    return pe.ServerUnreachable(where, _first_line(text))


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def store_identity(conn: Any) -> tuple[str, str]:
    """(schema revision, store id) of a connected database; ``NotAFrontdeskDatabase`` if none."""
    row = conn.execute("SELECT to_regclass('alembic_version'), to_regclass('setting')").fetchone()
    if row[0] is None or row[1] is None:
        raise pe.NotAFrontdeskDatabase("", "it has no Frontdesk tables")
    rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    sid = conn.execute("SELECT value FROM setting WHERE key = %s", (STORE_ID_KEY,)).fetchone()
    if rev is None or sid is None:
        raise pe.NotAFrontdeskDatabase("", "it has no Frontdesk store id")
    return str(rev[0]), str(sid[0])


class SharedStore(Store):
    """A :class:`Store` on a PostgreSQL server: same sessions, same models, same use cases.

    ``paths`` is a small folder on this desk (never guest data) for what the app keeps
    beside a store; the data itself lives only on the server.
    """

    kind = "postgresql"
    shared = True

    def __init__(self, address: ServerAddress, engine: Engine, header: Header,
                 local_dir: Path, password: str) -> None:
        super().__init__(StorePaths(local_dir), engine, header)
        self.address = address
        self._password = password
        # A read runs each statement in a transaction of its own (autocommit): what READ
        # COMMITTED, the server's default, already gives each statement of a read (its own
        # snapshot), without the BEGIN before the first statement and the ROLLBACK at the
        # end, each a round trip of its own in psycopg: 2 of a key press's 6-9 (with 8
        # desks on 2 cores, each round trip also waits for the server's process and the
        # desk's to get a CPU). A read takes no locks and writes nothing.
        self._read = sessionmaker(engine.execution_options(isolation_level="AUTOCOMMIT"),
                                  expire_on_commit=False)
        # An audit-only write (a card opened, a counted search, a sign-in) runs on an
        # autocommit connection that sends its own BEGIN with its first statement, in the
        # same round trip (engine_postgres.connection_class): psycopg sent it in one of its
        # own, one of a card open's five. COMMIT and ROLLBACK are psycopg's, as before.
        for writes in (self._audit_write, self._brief_write):
            writes.configure(bind=writes.kw["bind"].execution_options(
                isolation_level="AUTOCOMMIT"))

    def connect_raw(self) -> Any:
        """A new psycopg connection of its own (the change watcher's ``LISTEN``)."""
        return connect(self.address, self._password, autocommit=True)

    @contextmanager
    def write(self, *, audit_only: bool = False, brief: bool = False) -> Iterator[Session]:
        try:
            with self._session_for(audit_only, brief)() as session, session.begin():
                yield session
        except DBAPIError as exc:
            if pge.is_lock_timeout(exc.orig):
                busy = StoreBusy(str(exc.orig))
                if self.busy_error is not None:
                    raise self.busy_error(busy) from exc
                raise busy from exc
            if exc.connection_invalidated or pge.is_connection_lost(exc.orig):
                raise pe.ServerLost(str(self.address), _first_line(str(exc.orig))) from exc
            raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._read() as session, session.begin():
                yield session
        except DBAPIError as exc:
            if exc.connection_invalidated or pge.is_connection_lost(exc.orig):
                raise pe.ServerLost(str(self.address), _first_line(str(exc.orig))) from exc
            raise

    @contextmanager
    def search_read(self) -> Iterator[Session]:
        """A read for type-ahead search (``app.guests.find_guests``, its warm-up) straight on
        a pooled driver connection, without an ORM session (``postgres_search.DriverRead``:
        its text statements run on the driver; nothing else of a ``Session`` is there)."""
        from typing import cast

        from storage import postgres_search

        try:
            # Bound as the store's reads are (what the search keeps is kept per bind).
            with postgres_search.driver_read(self._read.kw["bind"]) as read:
                yield cast(Session, read)
        except DBAPIError as exc:
            if exc.connection_invalidated or pge.is_connection_lost(exc.orig):
                raise pe.ServerLost(str(self.address), _first_line(str(exc.orig))) from exc
            raise

    def save_header(self) -> None:
        """A shared store has no header file: its identity lives in the database."""

    def integrity_problems(self) -> list[str]:
        from storage.postgres_admin import integrity_problems

        return integrity_problems(self.engine)

    def quick_problems(self, whole_below: int | None = None) -> tuple[list[str], bool]:
        """The server's checks are catalogue look-ups: quick and full are the same."""
        return self.integrity_problems(), True

    def checkpoint(self) -> None:
        """The server manages its own write-ahead log."""

    def scrub_deleted(self, wait_ms: int) -> bool:
        """Erasure's scrub (trust-storage's hook): nothing a desk can fold on a server.

        The deleted rows' old versions stay in PostgreSQL's pages until ``VACUUM`` reuses
        them and in its WAL until recycled; only the owner may vacuum. docs/shared-store.md
        says so. Returns True: there is no local WAL that could still hold the guest.
        """
        return True


def local_dir_for(base: Path, address: ServerAddress) -> Path:
    """This desk's small folder for one shared store (named by a hash of the address)."""
    digest = hashlib.sha256(str(address).encode("utf-8")).hexdigest()[:16]
    return base / "shared" / digest


def open_shared(address: ServerAddress, password: str, local_base: Path) -> SharedStore:
    """Open the shared store at ``address`` as a desk (no schema change, nothing written)."""
    conn = connect(address, password)
    try:
        try:
            revision, store_id = store_identity(conn)
        except pe.NotAFrontdeskDatabase as exc:
            raise pe.NotAFrontdeskDatabase(str(address), exc.detail) from None
        except Exception as exc:  # e.g. no privilege to read: not set up for this role
            import psycopg

            if isinstance(exc, psycopg.Error):
                raise pe.NotAFrontdeskDatabase(str(address), _first_line(str(exc))) from exc
            raise
        finally:
            conn.rollback()
    finally:
        conn.close()
    migrate.check_not_newer(revision)
    if revision != migrate.head():
        raise pe.SchemaTooOld(str(address), revision)
    engine = make_engine(address, password)
    header = Header(store_id=store_id, key_source=KEY_SOURCE, key_fingerprint="",
                    fingerprint_salt="", schema_revision=revision)
    local = local_dir_for(local_base, address)
    local.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = SharedStore(address, engine, header, local, password)
    from storage import postgres_search

    try:
        with store.read() as s:   # two reads now instead of in the desk's first key press
            postgres_search.warm_up(s)
    except (DBAPIError, pe.ServerLost):
        pass   # the first key press asks them itself, as it did before
    return store


def make_engine(address: ServerAddress, password: str, *, pool_size: int = 4) -> Engine:

    from storage.models import with_postgresql_options

    with_postgresql_options()  # the models' PostgreSQL-only index options (not loaded locally)
    info = address.conninfo(password)

    connection = pge.connection_class()

    def creator() -> Any:
        return connection.connect(**info)

    return pge.engine_from(creator, pool_size=pool_size)


__all__ = ["SchemaTooNew", "ServerAddress", "SharedStore", "is_address", "load_password",
           "open_shared", "parse_address", "save_password"]
