"""Which keyring backend: keyring's own answer, found without its full search where it is known.

``keyring.get_keyring()`` picks, the first time, the backend named by
``$PYTHON_KEYRING_BACKEND`` or keyring's ``keyringrc.cfg``; otherwise it imports
*every* installed backend (entry points ``keyring.backends``) and takes the
viable one of highest priority (a chain of them when several are viable). On
Linux that search imports the macOS backend too, whose ``ctypes.util.find_library``
calls spawn ~9 subprocesses (ldconfig, gcc, ld) at every start of the desk: about
0.1 s before the store's key can be read (bench/startup.py, docs/performance.md).

:func:`install` gives keyring the same backend without that search when the
answer is known, and otherwise leaves the choice to keyring:

* an explicit choice (the environment variable, or a ``keyringrc.cfg`` file):
  keyring reads it itself, with no search — nothing is done here;
* on Linux, when the only backends installed are keyring's own and neither
  KWallet's (``dbus``) nor libsecret's (``gi``) bindings are importable, the only
  backends that can be viable are the Secret Service and the chainer (which
  has nothing to chain with one backend); so if the Secret Service answers
  (keyring's own viability check), it is what keyring would pick;
* anything else (another platform, another backend installed, no Secret
  Service): keyring's full search, exactly as before.

A backend already set (``keyring.set_keyring``, as tests do) is never replaced.
:mod:`storage.keys` still checks the result against its allow-list.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)

# The entry points keyring itself registers (group "keyring.backends"); another one
# means a third-party backend is installed, which keyring's search might prefer.
KEYRING_OWN_BACKENDS = frozenset({
    "keyring.backends.kwallet", "keyring.backends.SecretService", "keyring.backends.Windows",
    "keyring.backends.chainer", "keyring.backends.libsecret", "keyring.backends.macOS",
})
# Bindings that would make another of keyring's Linux backends viable next to the
# Secret Service: KWallet (python-dbus) and libsecret (PyGObject).
OTHER_LINUX_BINDINGS = ("dbus", "gi")

_lock = threading.Lock()
_done = False


def install() -> None:
    """Set keyring's backend directly when keyring's own search would find the Secret
    Service alone (see the module's docstring); else do nothing. Once per process."""
    global _done
    with _lock:
        if _done:
            return
        _done = True
        import keyring.core

        # Chosen already (a test's set_keyring, or an earlier get_keyring), or a keyring
        # whose internals changed: keyring decides.
        if getattr(keyring.core, "_keyring_backend", "unknown") is not None:
            return
        chosen = secret_service_if_alone()
        if chosen is not None:
            keyring.core.set_keyring(chosen)


def explicitly_chosen() -> bool:
    """Whether keyring is told which backend to use (it then searches nothing)."""
    if "PYTHON_KEYRING_BACKEND" in os.environ:
        return True
    from keyring.util import platform_

    return bool((platform_.config_root() / "keyringrc.cfg").exists())


def secret_service_if_alone() -> Any:
    """The Secret Service backend when it is the one keyring's search would pick on this
    Linux machine, else None (keyring's search decides)."""
    if not sys.platform.startswith("linux") or explicitly_chosen():
        return None
    import importlib.util

    if any(importlib.util.find_spec(name) is not None for name in OTHER_LINUX_BINDINGS):
        return None
    from importlib import metadata

    registered = {ep.value.split(":", 1)[0]
                  for ep in metadata.entry_points(group="keyring.backends")}
    if not registered <= KEYRING_OWN_BACKENDS:
        return None
    from keyring.backends import SecretService

    try:
        SecretService.Keyring.priority  # noqa: B018  (keyring's viability check: D-Bus)
    except Exception as exc:  # not viable: keyring's search says what it finds instead
        log.debug("Secret Service not viable (%s): keyring's own search", exc)
        return None
    return SecretService.Keyring()  # type: ignore[no-untyped-call]
