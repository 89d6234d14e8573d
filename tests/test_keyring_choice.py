"""The keyring backend chosen without keyring's full search is the one keyring would pick.

Each check runs a fresh interpreter (keyring chooses once per process): one
asks ``storage.keyring_choice`` first, the other only keyring itself; both must
name the same backend class. The Secret Service cases need a real one
(``scripts/with-secret-service.sh``, as tests/test_secret_service.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from storage import keyring_choice
from tests.keyrings import MemoryKeyring

ROOT = Path(__file__).resolve().parent.parent

_CHOSEN = """
import sys, keyring
{install}
backend = keyring.get_keyring()
print(type(backend).__module__ + "." + type(backend).__qualname__)
print("macOS backend imported:", "keyring.backends.macOS" in sys.modules)
"""


def _chosen(direct: bool, env: dict[str, str] | None = None) -> tuple[str, bool]:
    """(backend class, whether the macOS backend was imported) in a fresh process."""
    install = "from storage import keyring_choice; keyring_choice.install()" if direct else ""
    done = subprocess.run([sys.executable, "-c", _CHOSEN.format(install=install)], cwd=ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=60, check=True)
    name, imported = done.stdout.splitlines()[-2:]
    return name, imported.endswith("True")


def _secret_service_running() -> bool:
    from keyring.backends import SecretService

    try:
        SecretService.Keyring.priority  # noqa: B018
    except Exception as exc:
        if os.environ.get("FRONTDESK_REQUIRE_SECRET_SERVICE"):
            raise
        pytest.skip(f"no Secret Service on this machine: {exc}")
    return True


@pytest.mark.secret_service
def test_the_secret_service_is_chosen_directly_as_keyring_would() -> None:
    _secret_service_running()
    direct, searched = _chosen(direct=True), _chosen(direct=False)
    assert direct[0] == searched[0] == "keyring.backends.SecretService.Keyring"
    assert direct[1] is False  # no macOS backend (its find_library subprocesses) on Linux
    assert searched[1] is (sys.platform.startswith("linux"))  # what the search costs


def test_without_a_secret_service_keyring_searches_as_before(tmp_path: Path) -> None:
    nowhere = {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}
    direct, searched = _chosen(True, nowhere), _chosen(False, nowhere)
    assert direct[0] == searched[0]
    assert direct[0] != "keyring.backends.SecretService.Keyring"


def test_the_environment_variable_is_honoured() -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    assert _chosen(True, env) == ("keyring.backends.null.Keyring", False)


def test_keyrings_own_config_file_is_honoured() -> None:
    from keyring.util import platform_

    config = platform_.config_root() / "keyringrc.cfg"  # under the test's XDG_CONFIG_HOME
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[backend]\ndefault-keyring=keyring.backends.null.Keyring\n",
                      encoding="utf-8")
    assert keyring_choice.explicitly_chosen()
    assert _chosen(True)[0] == "keyring.backends.null.Keyring"


def test_a_backend_already_set_is_kept(isolated: MemoryKeyring,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring_choice, "_done", False)
    keyring_choice.install()
    assert keyring.get_keyring() is isolated
