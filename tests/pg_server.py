"""A real, throw-away PostgreSQL server for the tests: own cluster, own CA, TLS only.

Debian's server (``apt-get install postgresql``, see scripts/install-system-deps.sh)
is started on a free loopback port from a cluster made with ``initdb`` in a temporary
folder. The server refuses to run as root, so when the tests run as root every server
command runs as the ``postgres`` system user (``runuser``). The fixture makes a test CA
and a server certificate for ``localhost``/``127.0.0.1`` with ``cryptography``; the
server accepts only TLS connections with a password (``hostssl … scram-sha-256``;
``hostnossl … reject``), so every test connection proves the ``verify-full`` path.

Stopping (``pg_ctl stop -m immediate``) and deleting the folder happen at the end
of the session and, should the session die, at interpreter exit: no daemon is left.
"""

from __future__ import annotations

import atexit
import datetime as dt
import glob
import ipaddress
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "postgres"
OWNER_FILE = "owner.pid"  # the test process that started a cluster (for the orphan sweep)


_RUNNING: list[PgServer] = []


def _stop_all_then_die(signum: int, frame: object) -> None:
    for server in list(_RUNNING):
        server.stop()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


def _exit_cleanly_on_sigterm() -> None:
    """A run stopped with SIGTERM (``timeout``, CI) stops its servers first, then ends."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _stop_all_then_die)


def _stop_orphans(bindir: Path, as_postgres: bool) -> None:
    """Stop and delete throw-away clusters whose test process died without stopping them."""
    for owner in glob.glob(os.path.join(tempfile.gettempdir(), "frontdesk-pg-*", OWNER_FILE)):
        root = Path(owner).parent
        try:
            pid = int(Path(owner).read_text(encoding="utf-8").strip())
            os.kill(pid, 0)
            continue  # its test run is still going
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue
        cmd = [str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "-w", "stop"]
        if as_postgres:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        subprocess.run(cmd, capture_output=True, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)


def server_bin_dir() -> Path | None:
    """The newest installed PostgreSQL server's bin folder, or ``None`` if there is none."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"),
                   key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    which = shutil.which("pg_ctl")
    return Path(which).resolve().parent if which else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A test CA and a server certificate for localhost / 127.0.0.1, signed by it."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Frontdesk test CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, key_cert_sign=True, crl_sign=True,
            content_commitment=False, key_encipherment=False, data_encipherment=False,
            key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    ca_path, cert_path, key_path = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    key_path.chmod(0o600)
    return ca_path, cert_path, key_path


def make_other_ca(folder: Path) -> Path:
    """A CA that did not sign the server's certificate (for the mismatch test)."""
    folder.mkdir(parents=True, exist_ok=True)
    ca, _cert, _key = make_certificates(folder)
    return ca


@dataclass
class PgServer:
    """One running cluster. ``url(db, user)`` gives a Frontdesk store address for it."""

    root: Path
    port: int
    ca_file: Path
    superuser_password: str
    bindir: Path
    _as_postgres: bool
    keep: bool = False
    attached: bool = False  # started by another run (a kept bench cluster in use)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str, check: bool = True, normal_priority: bool = False
             ) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self._as_postgres:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        if normal_priority and os.geteuid() == 0 and os.nice(0) > 0:
            cmd = ["nice", "-n", str(-os.nice(0)), *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    @classmethod
    def start(cls, root: Path | None = None) -> PgServer:
        """Start a server: a new throw-away cluster, or the one kept in ``root`` (benchmarks,
        which build a million guests once and reuse them; ``stop`` then keeps the folder)."""
        bindir = server_bin_dir()
        if bindir is None:
            raise RuntimeError("no PostgreSQL server is installed (apt-get install postgresql)")
        as_postgres = os.geteuid() == 0
        keep = root is not None
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="frontdesk-pg-"))
        root.mkdir(parents=True, exist_ok=True)
        certs = root / "certs"
        fresh = not (root / "data" / "PG_VERSION").exists()
        if keep and (root / "data" / "postmaster.pid").exists():
            # Another run is using this kept cluster: starting it again would fail, and
            # this run's clean-up would then stop the server under the other one. Use it
            # as it is and leave stopping it to the run that started it.
            return cls._attach(root, bindir, as_postgres)
        pw_keep = root / "superuser-password"
        if fresh:
            password = secrets.token_urlsafe(18)
            certs.mkdir(exist_ok=True)
            ca, cert, key = make_certificates(certs)
        else:
            password = pw_keep.read_text(encoding="utf-8").strip()
            ca, cert, key = certs / "ca.crt", certs / "server.crt", certs / "server.key"
        server = cls(root, _free_port(), ca, password, bindir, as_postgres, keep)
        _stop_orphans(bindir, as_postgres)
        (root / OWNER_FILE).write_text(str(os.getpid()), encoding="utf-8")
        atexit.register(server.stop)
        _RUNNING.append(server)
        _exit_cleanly_on_sigterm()
        if fresh:
            pwfile = root / "pw"
            pwfile.write_text(password + "\n", encoding="utf-8")
            pwfile.chmod(0o600)
            if keep:
                pw_keep.write_text(password + "\n", encoding="utf-8")
                pw_keep.chmod(0o600)
            if as_postgres:
                pw = pwd.getpwnam(SUPERUSER)
                for p in (root, certs, cert, key, pwfile):
                    os.chown(p, pw.pw_uid, pw.pw_gid)
                root.chmod(0o700)
                ca.chmod(0o644)
            server._run(str(bindir / "initdb"), "-D", str(server.data), "-U", SUPERUSER,
                        "--pwfile", str(pwfile), "--auth=scram-sha-256", "--encoding=UTF8",
                        "--locale=C.UTF-8", "--no-sync")
            pwfile.unlink()
            with (server.data / "postgresql.conf").open("a", encoding="utf-8") as fh:
                fh.write("\ninclude_if_exists = 'frontdesk.conf'\n")
            (server.data / "pg_hba.conf").write_text(
                "# Frontdesk tests: TLS with a password, nothing else.\n"
                "hostssl all all 127.0.0.0/8 scram-sha-256\n"
                "hostnossl all all 127.0.0.0/8 reject\n",
                encoding="utf-8",
            )
        conf = server.data / "frontdesk.conf"
        conf.write_text(
            # 127.0.0.2 is not in the certificate: the host-name mismatch test connects there.
            f"listen_addresses = '127.0.0.1, 127.0.0.2'\nport = {server.port}\n"
            f"unix_socket_directories = '{root}'\n"
            f"ssl = on\nssl_cert_file = '{cert}'\nssl_key_file = '{key}'\n"
            "password_encryption = 'scram-sha-256'\n"
            # A throw-away cluster: speed over durability.
            "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            "max_connections = 200\nshared_buffers = 256MB\n"
            "log_min_messages = warning\nlogging_collector = off\n",
            encoding="utf-8",
        )
        if as_postgres:
            pw = pwd.getpwnam(SUPERUSER)
            os.chown(conf, pw.pw_uid, pw.pw_gid)
        # A server started from a niced run (a background bench build) would serve every
        # later benchmark at that low priority: root starts it at the normal one.
        server._run(str(bindir / "pg_ctl"), "-D", str(server.data), "-l",
                    str(root / "server.log"), "-w", "-t", "60", "start", normal_priority=True)
        return server

    @classmethod
    def _attach(cls, root: Path, bindir: Path, as_postgres: bool) -> PgServer:
        """The server another run started in ``root`` (its port from postmaster.pid)."""
        lines = (root / "data" / "postmaster.pid").read_text(encoding="utf-8").splitlines()
        password = (root / "superuser-password").read_text(encoding="utf-8").strip()
        return cls(root, int(lines[3]), root / "certs" / "ca.crt", password, bindir,
                   as_postgres, keep=True, attached=True)

    def stop(self) -> None:
        """Stop the server and delete its folder (a kept cluster is stopped cleanly, kept;
        a server another run started is left to that run)."""
        if self in _RUNNING:
            _RUNNING.remove(self)
        if self.attached or not self.root.exists():
            return
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                      "fast" if self.keep else "immediate", "-w", "stop", check=False)
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)

    def admin_conninfo(self, dbname: str = "postgres") -> str:
        return (f"host=localhost port={self.port} dbname={dbname} user={SUPERUSER} "
                f"password={self.superuser_password} sslmode=verify-full "
                f"sslrootcert={self.ca_file}")

    def admin(self, sql: str, dbname: str = "postgres") -> None:
        """Run one statement as the superuser (outside a transaction: CREATE DATABASE…)."""
        import psycopg

        with psycopg.connect(self.admin_conninfo(dbname), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def url(self, db: str, user: str) -> str:
        """A Frontdesk store address (never with a password in it)."""
        return (f"postgresql://{user}@localhost:{self.port}/{db}"
                f"?sslrootcert={self.ca_file}")
