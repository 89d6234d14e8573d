"""Choosing and reaching the venue's shared store, with a next step for every failure.

A desk uses the shared (PostgreSQL) store when ``--store ADDRESS`` is given, or
``FRONTDESK_STORE`` is set, or a manager chose it for this desk (the ``store``
entry of the desk's ``settings.toml``); otherwise the local encrypted file
(``--data-dir``) as before. :func:`resolve_store` says which.

Every way of failing to reach the shared store has its own error type and a
message, through :mod:`app.i18n`, that says what happened and what to do next;
none of them changes anything on the server.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from app import errors as ae
from app.i18n import _
from storage import errors as se
from storage import postgres_errors as pe

if TYPE_CHECKING:
    from storage import postgres as pg

ENV_STORE = "FRONTDESK_STORE"
DESK_SETTINGS = "settings.toml"  # in the desk's config folder; key "store"

__all__ = ["ENV_STORE", "SharedStoreError", "chosen_store", "is_address", "open_shared_store",
           "parse", "resolve_store", "save_desk_store", "save_password", "translate"]

def is_address(value: str | None) -> bool:
    """Whether ``value`` names a shared store (rather than a local folder). ``storage.postgres``
    (SQLAlchemy, the driver) loads only when a shared store is used: the desk resolves its
    store before its window shows (bench/startup.py)."""
    from storage import postgres as pg

    return pg.is_address(value)


class SharedStoreError(ae.StoreOpenError):
    """The shared store could not be reached or used; nothing on the server was changed."""


class ServerUnreachableError(SharedStoreError):
    pass


class SharedPasswordError(SharedStoreError):
    pass


class CertificateError(SharedStoreError):
    pass


class PlainTextError(SharedStoreError):
    pass


class ServerLostError(SharedStoreError):
    """The server went away while working; what is on screen may be out of date."""


def _config_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("frontdesk", appauthor=False))


def _data_base() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("frontdesk", appauthor=False))


def chosen_store() -> str | None:
    """The shared store a manager chose for this desk (``settings.toml``), if any."""
    path = _config_dir() / DESK_SETTINGS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    value = data.get("store")
    return str(value) if isinstance(value, str) and value.strip() else None


def save_desk_store(address: str | None) -> Path:
    """Remember (or forget, with ``None``) the shared store for this desk; returns the file.

    The address is checked first and holds no secret (a password in it is refused).
    """
    if address is not None:
        address = parse(address).url()
    path = _config_dir() / DESK_SETTINGS
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [] if address is None else [f'store = "{address}"']
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def resolve_store(arg: str | None, data_dir_arg: str | os.PathLike[str] | None = None
                  ) -> str | None:
    """The shared store to use, or ``None`` for the local one.

    ``--store`` wins; an explicit ``--data-dir`` then means the local store; then
    ``FRONTDESK_STORE``, then the store a manager chose for this desk.
    """
    if arg and arg.strip():
        return arg.strip()
    if data_dir_arg:
        return None
    for value in (os.environ.get(ENV_STORE), chosen_store()):
        if value and value.strip():
            return value.strip()
    return None


def parse(address: str) -> pg.ServerAddress:
    from storage import postgres as pg

    try:
        return pg.parse_address(address)
    except se.StorageError as exc:
        raise translate(exc) from exc


def save_password(address: str, password: str) -> None:
    """Keep the desk role's password in this desk's keyring (never in a file)."""
    if not password:
        raise SharedPasswordError(_("The password is empty; nothing was saved."))
    from storage import postgres as pg

    try:
        pg.save_password(parse(address), password)
    except se.StorageError as exc:
        raise translate(exc) from exc


def open_shared_store(address: str) -> pg.SharedStore:
    """Open the shared store as this desk; raises a :class:`SharedStoreError` subclass."""
    from storage import postgres as pg

    parsed = parse(address)
    try:
        password = pg.load_password(parsed)
        store = pg.open_shared(parsed, password, _data_base())
    except se.StorageError as exc:
        raise translate(exc) from exc
    store.busy_error = translate  # a busy write says so in plain words, from every use case
    return store


def translate(exc: se.StorageError) -> ae.FrontdeskError:
    """A shared-store failure in plain words, naming the next step."""
    where = getattr(exc, "where", "") or ""
    detail = getattr(exc, "detail", "") or ""
    match exc:
        case pe.PasswordInAddress():
            return PlainTextError(_(
                "The store address contains a password. Passwords are kept in the keyring, "
                "never in an address: remove it from the address and save it with "
                "'frontdesk store-password --store ADDRESS'."))
        case pe.PlainTextRefused():
            return PlainTextError(_(
                "The store address asks for sslmode={mode}. Frontdesk only talks to the "
                "shared store over TLS with a verified certificate (sslmode=verify-full): "
                "remove sslmode from the address and give the venue's CA certificate with "
                "?sslrootcert=FILE.", mode=detail))
        case pe.BadAddress():
            return SharedStoreError(_(
                "'{address}' is not a store address ({detail}). Write it as "
                "postgresql://ROLE@SERVER/DATABASE, optionally followed by "
                "?sslrootcert=CA-FILE.", address=where, detail=detail))
        case pe.PasswordMissing():
            return SharedPasswordError(_(
                "This desk has no password for {address} yet. Ask the manager for the desk "
                "password and save it once with 'frontdesk store-password --store {address}'.",
                address=where))
        case pe.ServerUnreachable():
            return ServerUnreachableError(_(
                "The shared store's server at {address} does not answer ({detail}). Check "
                "that the server is running and this desk is on the venue network, then try "
                "again. Nothing was changed.", address=where, detail=detail))
        case pe.ServerWithoutTls():
            return PlainTextError(_(
                "The server at {address} does not offer TLS, and Frontdesk never sends guest "
                "data unencrypted. Ask whoever runs the server to switch on ssl.",
                address=where))
        case pe.CertificateMissing():
            return CertificateError(_(
                "The CA certificate {file} that vouches for the server is not on this desk. "
                "Copy the venue's CA certificate here and name it in the address with "
                "?sslrootcert=FILE (or ?sslrootcert=system for a public certificate).",
                file=detail))
        case pe.CertificateMismatch():
            return CertificateError(_(
                "The server at {address} showed a certificate that the venue's CA did not "
                "sign, or one made for another host name ({detail}). Do not connect: check "
                "the server name and the CA file with whoever runs the server.",
                address=where, detail=detail))
        case pe.WrongPassword():
            return SharedPasswordError(_(
                "The server refused the password of role {role} for {address}. Save the right "
                "one with 'frontdesk store-password --store {address}'.",
                role=detail, address=where))
        case pe.DatabaseMissing():
            return SharedStoreError(_(
                "The server has no database {name}. Check the database name in the address, "
                "or ask whoever runs the server to create it and run 'frontdesk init --store' "
                "as its owner.", name=detail))
        case pe.NotAFrontdeskDatabase():
            return ae.NotAStoreError(_(
                "The database at {address} is not a Frontdesk store ({detail}). Check the "
                "address, or set it up with 'frontdesk init --store' as the database owner.",
                address=where, detail=detail))
        case pe.SchemaTooOld():
            return ae.SchemaTooNewError(_(
                "The shared store at {address} has an older schema ({revision}) than this "
                "Frontdesk. Its owner upgrades it with 'frontdesk init --store'; desks never "
                "change it.", address=where, revision=detail))
        case pe.NotEmpty():
            return SharedStoreError(_(
                "The shared store at {address} is not empty ({detail}). Move a local store "
                "only into a new, empty shared store.", address=where, detail=detail))
        case pe.NeedsOwner():
            return SharedStoreError(_(
                "This role may not set up the shared store ({detail}). Run 'frontdesk init "
                "--store' as the database's owner (a role that may create tables and roles).",
                detail=detail))
        case pe.ServerLost():
            return ServerLostError(_(
                "The connection to the shared store was lost ({detail}). Nothing half-written "
                "was kept; Frontdesk reconnects by itself when the server is back.",
                detail=detail))
        case se.SchemaTooNew():
            return ae.SchemaTooNewError(_(
                "The shared store was set up by a newer Frontdesk (schema {found}; this "
                "version knows up to {known}). Install the newer version on this desk.",
                found=exc.found, known=exc.known))
        case se.KeyringUnavailable() | se.KeyringLocked():
            from app.opening import translate as local_translate
            from storage.store import StorePaths

            return local_translate(exc, StorePaths(_data_base()))
        case se.StoreBusy():
            return ae.StoreBusyError(_(
                "The shared store is busy: another desk is writing. Try again in a moment."))
    return ae.FrontdeskError(str(exc))
