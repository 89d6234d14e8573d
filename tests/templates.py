"""Stores built once per test run by the app's own code, and copied for each test.

A test that damages, fills or changes a store needs a store of its own, but not a
build of its own: every test that asked for ``store`` and ``manager`` made the same
store (a new key, the migrations from zero, the first manager's PIN hash, the starter
vocabulary), and test_store_faults' store committed 300 use cases each time. A
template is built the first time a test asks for it, in a session folder of its own,
with its own in-memory keyring and its own data, config and state folders, by the
same calls the test's fixtures made before. Each test then gets a byte-for-byte copy
of everything the build left behind: the store folder (the SQLCipher file and its
header), the keyring entries (a keyring store's key, audit anchor and erasure list)
and the state folder (a passphrase store's audit-anchor file). The test still
changes or damages only its own copy, opened with the real key, keyring backend and
key derivation.

A copy keeps the template's store id (for a keyring store the id is the SQLCipher
salt in the file's first page). So at each copy this process's memory of that id is
set to what it was when the build finished — the last audit anchor written and
whether the store is known to be anchored (``storage.audit_anchor``), no counted
reads pending (``app.audit``) — as the fixtures left it when they built the store in
the test itself. Give one test at most one copy of a template.

The staff fixtures (``manager``, ``receptionist``, ``host`` in tests/conftest.py) come
from a template only when pytest sets them up right after ``store`` with nothing in
between that could touch a store or change how one is built (:data:`HARMLESS`), and
nothing but those before ``store`` (:func:`staff_steps`); the fixtures check at set-up
that it went so (:func:`check_order`). Their Actors are the ones the build's real
sign-ins returned: valid for the template's store id, so for every copy. A template
whose Actor was signed out since is built again, and so is one built on another day.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest

from tests.keyrings import MemoryKeyring

# The folders tests/conftest.py's ``isolated`` points at the test's tmp_path; a build
# gets its own. Logs are not copied (they are the build's, not the store's).
FOLDERS = ("FRONTDESK_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
           "XDG_CACHE_HOME")
STORE = "store"

STAFF = ("manager", "receptionist", "host")
# Fixtures that neither touch a store nor change what building or opening one does.
HARMLESS = frozenset({
    "request", "tmp_path", "tmp_path_factory", "monkeypatch", "pytestconfig", "capsys",
    "capfd", "caplog", "isolated", "_close_log_files", "data_dir", "engine_name",
    "store_templates", "qapp", "qapp_args", "qapp_cls", "qtbot", "pg_cluster",
    "_no_view_outlives_its_test",
})
SETUP_ORDER = pytest.StashKey[list[str]]()   # fixtures set up so far (tests/conftest.py)


@dataclass(frozen=True)
class Template:
    root: Path                                   # the build's folders; the store in STORE
    made: Any = None                             # what the build returned
    secrets: dict[tuple[str, str], str] = field(default_factory=dict)
    store_id: str = ""
    anchor: Any = None                           # audit_anchor's memory of it, after the build
    anchored: bool = False

    def copy_to(self, data_dir: Path, backend: MemoryKeyring) -> Path:
        """A copy of the store in ``data_dir`` (must not exist), its keyring entries in
        ``backend`` and its state files in this test's folders; returns ``data_dir``."""
        shutil.copytree(self.root / STORE, data_dir)   # modes and times kept (copy2)
        for var in FOLDERS:
            made = self.root / var.lower()
            if made.exists():
                shutil.copytree(made, os.environ[var], dirs_exist_ok=True)
        backend.secrets.update(self.secrets)
        _remember(self.store_id, self.anchor, self.anchored)
        return data_dir


def _remember(store_id: str, anchor: Any, anchored: bool) -> None:
    """This process's memory of ``store_id``: as the build left it."""
    from app import audit
    from storage import audit_anchor

    audit_anchor.forget(store_id)
    with audit_anchor._lock:
        if anchor is not None:
            audit_anchor._memory[store_id] = anchor
        if anchored:
            audit_anchor._anchored.add(store_id)
    with audit._lock:
        for key in [k for k in audit._pending if k and k[0] == store_id]:
            del audit._pending[key]


class Templates:
    """The templates of one test run (``store_templates`` in tests/conftest.py)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._made: dict[str, Template] = {}
        self._builds = 0

    def get(self, name: str, build: Callable[[Path], object],
            still_good: Callable[[Template], bool] = lambda t: True) -> Template:
        """The template ``name``, built by ``build(store_folder)`` the first time (and
        again when ``still_good`` says no, or on another day: the events' dates)."""
        key = f"{name}@{dt.date.today().isoformat()}"
        made = self._made.get(key)
        if made is None or not still_good(made):
            self._made[key] = made = self._build(build)
        return made

    def _build(self, build: Callable[[Path], object]) -> Template:
        from storage import audit_anchor
        from storage.store import HEADER_NAME

        self._builds += 1
        root = self.base / str(self._builds)
        root.mkdir()
        backend, previous = MemoryKeyring(), keyring.get_keyring()
        with pytest.MonkeyPatch.context() as mp:
            for var in (*FOLDERS, "FRONTDESK_LOG_DIR"):
                mp.setenv(var, str(root / var.lower()))
            keyring.set_keyring(backend)
            try:
                made = build(root / STORE)
                audit_anchor.flush()   # the anchor's write lands in the build's keyring/folder
            finally:
                keyring.set_keyring(previous)
        store_id = str(json.loads((root / STORE / HEADER_NAME).read_text())["store_id"])
        with audit_anchor._lock:
            anchor = audit_anchor._memory.get(store_id)
            anchored = store_id in audit_anchor._anchored
        _remember(store_id, None, False)
        return Template(root, made, dict(backend.secrets), store_id, anchor, anchored)


# --- which staff fixtures a template may hold ------------------------------------------

def _harmless(item: pytest.Item, name: str) -> bool:
    if name in HARMLESS or name in STAFF:
        return True
    defs = item._fixtureinfo.name2fixturedefs.get(name)  # type: ignore[attr-defined]
    # A value of @pytest.mark.parametrize (not a fixture function) touches nothing.
    return not defs or getattr(defs[-1].func, "__name__", "") == "get_direct_param_fixture_func"


def setup_order(item: pytest.Item) -> list[str]:
    """The order pytest sets up ``item``'s fixtures in: each name of its closure in
    turn, the fixtures one asks for before it (``FixtureRequest._fillfixtures``)."""
    defs = item._fixtureinfo.name2fixturedefs  # type: ignore[attr-defined]
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for dep in (defs[name][-1].argnames if defs.get(name) else ()):
            visit(dep)
        order.append(name)

    for name in item.fixturenames:  # type: ignore[attr-defined]
        visit(name)
    return order


def staff_steps(item: pytest.Item) -> tuple[str, ...] | None:
    """The staff fixtures set up right after ``store`` (only harmless ones between), or
    None when anything but harmless fixtures comes before ``store``."""
    order = setup_order(item)
    if "store" not in order:   # asked for while the test runs (getfixturevalue)
        return None
    at = order.index("store")
    if not all(_harmless(item, name) for name in order[:at]):
        return None
    steps: list[str] = []
    for name in order[at + 1:]:
        if name in STAFF:
            steps.append(name)
        elif not _harmless(item, name):
            break
    return tuple(steps)


def check_order(item: pytest.Item, name: str) -> None:
    """Fail unless only harmless fixtures were set up between ``store`` and staff
    fixture ``name`` (the template held it: it must stand for what the test did)."""
    done = item.stash[SETUP_ORDER]
    since = done[done.index("store") + 1:]
    assert since and since[-1] == name, (name, done)
    wrong = [n for n in since if not _harmless(item, n)]
    assert not wrong, f"{name} came from a store template but {wrong} was set up before it"
