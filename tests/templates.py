"""Stores built once per test run by the app's own code, and copied for each test.

A test that damages, fills or changes a store needs a store of its own, but not a
build of its own: building one with a few hundred guests commits a few hundred use
cases (seconds each time), and every such test built exactly the same store. A
template is built the first time a test asks for it, in a session folder of its own,
with its own in-memory keyring and its own data, config and state folders, by the
same calls the test made itself before. Each test then gets a byte-for-byte copy of
everything the build left behind: the store folder (the SQLCipher file and its
header), the keyring entries (a keyring store's key and audit anchor) and the state
folder (a passphrase store's audit-anchor file). The test still damages or changes
only its own copy, with the real files, keyring backend and key derivation.

A copy keeps the template's store id (for a keyring store the id is the SQLCipher
salt in the file's first page), so what this process remembers under that id is
dropped at each copy — the audit anchor last written (``audit_anchor.forget``) and the
counted reads' windows (``audit.forget_pending``) — and the test starts as a new
process opening that store would. Give one test at most one copy of a template.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest

from tests.keyrings import MemoryKeyring

# The folders tests/conftest.py's ``isolated`` points at the test's tmp_path; a build
# gets its own. Logs are not copied (they are the build's, not the store's).
FOLDERS = ("FRONTDESK_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
           "XDG_CACHE_HOME")
STORE = "store"


def _forget(store_id: str) -> None:
    from app import audit
    from storage import audit_anchor

    audit_anchor.forget(store_id)
    audit.forget_pending()


@dataclass(frozen=True)
class Template:
    root: Path                                   # the build's folders; the store in STORE
    secrets: dict[tuple[str, str], str] = field(default_factory=dict)
    store_id: str = ""

    def copy_to(self, data_dir: Path, backend: MemoryKeyring) -> Path:
        """A copy of the store in ``data_dir`` (must not exist), its keyring entries in
        ``backend`` and its state files in this test's folders; returns ``data_dir``."""
        shutil.copytree(self.root / STORE, data_dir)   # modes and times kept (copy2)
        for var in FOLDERS:
            made = self.root / var.lower()
            if made.exists():
                shutil.copytree(made, os.environ[var], dirs_exist_ok=True)
        backend.secrets.update(self.secrets)
        _forget(self.store_id)
        return data_dir


class Templates:
    """The templates of one test run (``store_templates`` in tests/conftest.py)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self._made: dict[str, Template] = {}

    def get(self, name: str, build: Callable[[Path], object]) -> Template:
        """The template ``name``, built by ``build(store_folder)`` the first time."""
        if name not in self._made:
            self._made[name] = self._build(name, build)
        return self._made[name]

    def _build(self, name: str, build: Callable[[Path], object]) -> Template:
        from storage import audit_anchor
        from storage.store import HEADER_NAME

        root = self.base / name
        root.mkdir()
        backend, previous = MemoryKeyring(), keyring.get_keyring()
        with pytest.MonkeyPatch.context() as mp:
            for var in (*FOLDERS, "FRONTDESK_LOG_DIR"):
                mp.setenv(var, str(root / var.lower()))
            keyring.set_keyring(backend)
            try:
                build(root / STORE)
                audit_anchor.flush()   # the anchor's write lands in the build's keyring/folder
            finally:
                keyring.set_keyring(previous)
        store_id = str(json.loads((root / STORE / HEADER_NAME).read_text())["store_id"])
        _forget(store_id)
        return Template(root, dict(backend.secrets), store_id)
