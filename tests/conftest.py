"""Shared fixtures: every test gets its own folders, its own keyring and, when asked, a store."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest

from app import permissions, staff, vocabulary
from app.opening import KeyringKey, open_store
from app.views import Actor
from storage.models import Role
from storage.store import Store
from tests.keyrings import MemoryKeyring
from tests.templates import SETUP_ORDER, Template, Templates, check_order, staff_steps

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


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[object],
                         request: pytest.FixtureRequest) -> Iterator[object]:
    """Note the order fixtures are set up in (tests/templates.py's ``check_order``)."""
    item = getattr(request, "_pyfuncitem", None)
    if item is not None:
        item.stash.setdefault(SETUP_ORDER, []).append(fixturedef.argname)
    return (yield)


def _make_manager(store: Store) -> Actor:
    actor = staff.create_first_manager(store, "Eva Visser", MANAGER_PIN)
    vocabulary.load_starter(store, actor)
    return actor


def _make_receptionist(store: Store, manager: Actor) -> Actor:
    info = staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, RECEPTIONIST_PIN)
    return staff.sign_in(store, info.id, RECEPTIONIST_PIN)


def _make_host(store: Store, manager: Actor) -> Actor:
    info = staff.add_staff(store, manager, "Luca Rossi", Role.HOST, HOST_PIN)
    return staff.sign_in(store, info.id, HOST_PIN)


def _staff_template(templates: Templates, steps: tuple[str, ...]) -> Template:
    """A keyring store with the staff ``steps`` made in that order, as the fixtures do."""
    def build(folder: Path) -> dict[str, Actor]:
        s = open_store(folder, KeyringKey())
        actors: dict[str, Actor] = {}
        try:
            for step in steps:
                actors[step] = (_make_manager(s) if step == "manager" else
                                _make_receptionist(s, actors["manager"]) if step == "receptionist"
                                else _make_host(s, actors["manager"]))
        finally:
            s.close()
        return actors

    def signed_in(t: Template) -> bool:   # no test signed one of them out since
        return all(a._token in permissions._sessions for a in t.made.values())

    return templates.get("staff:" + ",".join(steps), build, signed_in)


STORE_TEMPLATE = pytest.StashKey[Template]()


@pytest.fixture
def store(data_dir: Path, engine_name: str, request: pytest.FixtureRequest,
          store_templates: Templates, isolated: MemoryKeyring) -> Iterator[Store]:
    """A fresh store, no staff: an encrypted file on disk (keyring key), or with
    ``both_engines`` also a fresh shared store on the test PostgreSQL server.

    The file is a copy of a template (tests/templates.py) that already holds the staff
    fixtures the test asks for next (``manager``, ``receptionist``, ``host``), when
    nothing else comes between: they then return the Actors of the template's build."""
    if engine_name == "postgresql":
        from app.shared_store import open_shared_store

        s: Store = open_shared_store(request.getfixturevalue("shared_url"))
    else:
        steps = staff_steps(request.node)
        if steps is None or data_dir.exists():
            s = open_store(data_dir, KeyringKey())
        else:
            template = _staff_template(store_templates, steps)
            template.copy_to(data_dir, isolated)
            request.node.stash[STORE_TEMPLATE] = template
            s = open_store(data_dir, KeyringKey(), create=False)
    yield s
    s.close()


Fill = Callable[[Store], object]


@pytest.fixture
def store_from_template(data_dir: Path, store_templates: Templates, isolated: MemoryKeyring,
                        request: pytest.FixtureRequest) -> Iterator[Callable[[str, Fill], Store]]:
    """``make(name, fill)``: a new keyring store that ``fill(store)`` filled, as a copy of
    the template ``name`` built once per run (tests/templates.py). In a test that also
    uses ``store``, that store, filled (what such fixtures did before)."""
    opened: list[Store] = []

    def make(name: str, fill: Fill) -> Store:
        if "store" in request.fixturenames:
            s: Store = request.getfixturevalue("store")
            fill(s)
            return s

        def build(folder: Path) -> None:
            made = open_store(folder, KeyringKey())
            try:
                fill(made)
            finally:
                made.close()

        store_templates.get(name, build).copy_to(data_dir, isolated)
        opened.append(open_store(data_dir, KeyringKey(), create=False))
        return opened[-1]

    yield make
    for s in opened:
        s.close()


def _from_template(request: pytest.FixtureRequest, name: str) -> Actor | None:
    template = request.node.stash.get(STORE_TEMPLATE, None)
    if template is None or name not in template.made:
        return None
    check_order(request.node, name)
    actor: Actor = template.made[name]
    return actor


@pytest.fixture
def manager(store: Store, request: pytest.FixtureRequest) -> Actor:
    """The first manager, as ``create_first_manager`` signs them in."""
    return _from_template(request, "manager") or _make_manager(store)


@pytest.fixture
def receptionist(store: Store, manager: Actor, request: pytest.FixtureRequest) -> Actor:
    """A real sign-in (``staff.sign_in`` with the PIN): Actors cannot be built by hand."""
    return _from_template(request, "receptionist") or _make_receptionist(store, manager)


@pytest.fixture
def host(store: Store, manager: Actor, request: pytest.FixtureRequest) -> Actor:
    return _from_template(request, "host") or _make_host(store, manager)


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
