"""Real file-system faults for tests: no permission, a read-only mount, a full disk.

Nothing is faked: the `frontdesk` command runs in a child process that meets
the fault the way a desk would.

* **No permission** needs an account the file modes apply to. Root ignores
  them (CAP_DAC_OVERRIDE), so as root the child runs under ``setpriv`` with
  those capabilities dropped from its bounding set; as another user, as is.
* **A read-only file system** and **a full disk** need a mount. The child runs
  in its own mount namespace (``unshare -m``, or ``unshare -Urm`` — a user
  namespace — without root), where it bind-mounts the store folder read-only,
  or mounts a small tmpfs, copies the store in and fills the rest. The mounts
  vanish with the child; the test's own view of the disk never changes.
  Where the kernel refuses namespaces the test is skipped, saying why.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FRONTDESK = [sys.executable, "-m", "app"]


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def snapshot(folder: Path) -> dict[str, str]:
    """Hash of every file under ``folder`` (names relative to it)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _run(argv: list[str], stdin: str = "") -> Run:
    done = subprocess.run(argv, input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env=_env(), timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


def frontdesk(*args: str, stdin: str = "") -> Run:
    """The real command line in a child process (same environment and folders as the test)."""
    return _run([*FRONTDESK, *args], stdin)


def without_file_permissions(*args: str) -> Run:
    """`frontdesk ARGS` as an account that file modes apply to (root loses its override)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv (util-linux) is missing")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]
    return _run([*prefix, *FRONTDESK, *args])


def _namespace_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) is missing")
    prefix = [unshare, "-m", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix = [unshare, "-Urm", "--propagation", "private"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"this kernel refuses a private mount namespace: {probe.stderr.strip()}")
    return prefix


def in_mount_namespace(script: str) -> Run:
    """Run a shell script in a private mount namespace (``$FRONTDESK`` runs the command)."""
    prefix = _namespace_prefix()
    cmd = " ".join(shlex.quote(a) for a in FRONTDESK)
    return _run([*prefix, "sh", "-ec", f"FRONTDESK={shlex.quote(cmd)}\n{script}"])


def read_only_mount(folder: Path, *args: str) -> Run:
    """`frontdesk ARGS` while ``folder`` is a read-only bind mount (EROFS)."""
    q = shlex.quote(str(folder))
    return in_mount_namespace(f"mount --bind {q} {q}\nmount -o remount,ro,bind {q}\n"
                              f"exec $FRONTDESK {' '.join(shlex.quote(a) for a in args)}")


def full_disk(store: Path, mount_point: Path, size_kib: int, *args: str) -> tuple[Run, str, str]:
    """`frontdesk ARGS` on a copy of ``store`` on a full tmpfs; hashes before and after.

    ``args`` may use ``{store}`` for the copy's path. Returns the run and the
    ``sha256sum`` listings of the copy's files taken before and after it.
    """
    copy = mount_point / "store"
    argv = " ".join(shlex.quote(a.format(store=copy)) for a in args)
    m, c, s = (shlex.quote(str(x)) for x in (mount_point, copy, store))
    script = (f"mount -t tmpfs -o size={size_kib}k frontdesk-test {m}\n"
              f"cp -a {s} {c}\n"
              f"dd if=/dev/zero of={m}/filler bs=4096 2>/dev/null || true\n"
              f"df -k {m} >&2\n"
              f"echo '--before--'\n"
              f"(cd {c} && find . -type f -exec sha256sum {{}} + | sort)\n"
              f"set +e\n$FRONTDESK {argv}\ncode=$?\nset -e\n"
              f"echo '--after--'\n"
              f"(cd {c} && find . -type f -exec sha256sum {{}} + | sort)\n"
              f"exit $code\n")
    run = in_mount_namespace(script)
    before, _, after = run.stdout.partition("--after--")
    return run, before.partition("--before--")[2].strip(), after.strip()
