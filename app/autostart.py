"""Starting the desk at login, waiting in the background (``frontdesk --background``).

A desk started at login has opened its store before anyone reaches the desk,
so ``frontdesk`` shows it at once (``app.resident``). The entry is the
freedesktop.org autostart file ``frontdesk.desktop`` in
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``), which GNOME, KDE,
Xfce, LXQt and openbox's session all read. One entry per OS account: it starts
the store it names. Written by ``frontdesk autostart on`` and by Desk ▸ Open at
login.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.i18n import _, cli_language, translate

FILE_NAME = "frontdesk.desktop"
# The Exec key's reserved characters (Desktop Entry Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def entry_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / FILE_NAME


def quoted(arg: str) -> str:
    """One argument of the Exec key, quoted as the specification says."""
    arg = arg.replace("%", "%%")
    if not arg or any(ch in _RESERVED for ch in arg):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'
    return arg


def command_line(*, data_dir: str | os.PathLike[str] | None = None,
                 passphrase_file: str | os.PathLike[str] | None = None,
                 store: str | None = None) -> list[str]:
    """The command the login session runs: this Frontdesk in the background, on the store
    chosen (folders made absolute: the session starts it from the home folder)."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
    cmd.append("--background")
    if data_dir:
        cmd += ["--data-dir", str(Path(data_dir).expanduser().resolve())]
    if passphrase_file:
        cmd += ["--passphrase-file", str(Path(passphrase_file).expanduser().resolve())]
    if store:
        cmd += ["--store", store]
    return cmd


def command_for(store: str | None, data_dir: str | os.PathLike[str] | None,
                passphrase_file: str | os.PathLike[str] | None) -> list[str]:
    """The login command for the store these options name, resolved as the desk resolves
    them (``--store``, ``--data-dir``, ``$FRONTDESK_STORE``/``$FRONTDESK_DATA_DIR``, the
    desk's setting, the default folder), so the entry names that store explicitly — the
    login session may lack the variables — and matches the command a desk started by hand
    on the same store computes (``opens_at_login``)."""
    from app.opening import resolve_data_dir
    from app.shared_store import resolve_store

    shared = resolve_store(store, data_dir)
    return command_for_store(shared, resolve_data_dir(data_dir), passphrase_file)


def command_for_store(shared: str | None, data_dir: str | os.PathLike[str],
                      passphrase_file: str | os.PathLike[str] | None) -> list[str]:
    """The login command for a store already resolved (the shared store's address, or
    None and the local folder): what a desk on it compares the entry with."""
    return command_line(data_dir=None if shared else data_dir,
                        passphrase_file=passphrase_file, store=shared)


def entry_text(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=Frontdesk",
        "Comment=" + translate(_("Opens the guest store at login, so the desk shows at once"),
                               cli_language()),
        "Exec=" + " ".join(quoted(part) for part in command),
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def switch_on(command: list[str]) -> Path:
    path = entry_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(command), encoding="utf-8")
    return path


def switch_off() -> bool:
    """Remove the entry; False when there was none."""
    path = entry_path()
    if not path.exists():
        return False
    path.unlink()
    return True


def is_on() -> bool:
    return entry_path().exists()


def opens_at_login(command: list[str] | None) -> bool:
    """Whether the login entry starts this desk: its ``Exec`` line is ``command``'s.

    A desk started by hand on the store that opens at login keeps itself ready the same
    way when its window is closed (``ui.main.ReadyKeeper``); on any other store it quits.
    """
    if command is None:
        return False
    try:
        text = entry_path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    wanted = "Exec=" + " ".join(quoted(part) for part in command)
    return any(line.strip() == wanted for line in text.splitlines())
