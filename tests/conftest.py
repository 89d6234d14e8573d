"""Shared fixtures: every test gets its own folders, its own keyring and, when asked, a store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from app import staff, vocabulary
from app.opening import KeyringKey, open_store
from app.views import Actor
from storage.models import Role
from storage.store import Store
from tests.keyrings import MemoryKeyring
from tests.templates import Templates

pytest_plugins = ["tests.pg_fixtures"]  # the PostgreSQL server, `both_engines` (postgres helper)

MANAGER_PIN = "4826"
RECEPTIONIST_PIN = "3917"
HOST_PIN = "5273"


def as_staff(name: str = "Eva Visser", pin: str = MANAGER_PIN) -> Callable[[Store], Actor]:
    """Signs ``name`` in to a given store: what ``restore_backup`` asks of the person restoring."""
    return lambda s: staff.sign_in_by_name(s, name, pin)


as_manager = as_staff()


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Point every folder Frontdesk may touch at tmp_path and install an in-memory keyring."""
    for var, sub in (("FRONTDESK_DATA_DIR", "data"), ("FRONTDESK_LOG_DIR", "logs"),
                     ("XDG_DATA_HOME", "xdg-data"), ("XDG_CONFIG_HOME", "xdg-config"),
                     ("XDG_STATE_HOME", "xdg-state"), ("XDG_CACHE_HOME", "xdg-cache")):
        monkeypatch.setenv(var, str(tmp_path / sub))
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    from storage import audit_anchor

    audit_anchor.flush()   # anchors still on their way land in this test's keyring
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def store_templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    """Stores built once per run and copied per test (tests/templates.py)."""
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(data_dir: Path, engine_name: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh store, no staff: an encrypted file on disk (keyring key), or with
    ``both_engines`` also a fresh shared store on the test PostgreSQL server."""
    if engine_name == "postgresql":
        from app.shared_store import open_shared_store

        s: Store = open_shared_store(request.getfixturevalue("shared_url"))
    else:
        s = open_store(data_dir, KeyringKey())
    yield s
    s.close()


@pytest.fixture
def manager(store: Store) -> Actor:
    """The first manager, as ``create_first_manager`` signs them in."""
    actor = staff.create_first_manager(store, "Eva Visser", MANAGER_PIN)
    vocabulary.load_starter(store, actor)
    return actor


@pytest.fixture
def receptionist(store: Store, manager: Actor) -> Actor:
    """A real sign-in (``staff.sign_in`` with the PIN): Actors cannot be built by hand."""
    info = staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, RECEPTIONIST_PIN)
    return staff.sign_in(store, info.id, RECEPTIONIST_PIN)


@pytest.fixture
def host(store: Store, manager: Actor) -> Actor:
    info = staff.add_staff(store, manager, "Luca Rossi", Role.HOST, HOST_PIN)
    return staff.sign_in(store, info.id, HOST_PIN)


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    """Tests may call setup_logging(); close its file handler so no file is left open."""
    import logging
    import logging.handlers

    yield
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(h)
        h.close()
