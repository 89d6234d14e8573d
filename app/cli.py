"""The `frontdesk` command: the GUI by default, maintenance sub-commands otherwise.

This is the launcher: the only module of ``app`` that may start the Qt GUI
(and lend Qt's PDF writer to a sub-command). It imports ``ui`` lazily so the
maintenance commands never load Qt. Sub-commands live in ``app.commands``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from app import __version__

VERSION_LINE = f"frontdesk {__version__}"  # a name and a number: the same in every language

if TYPE_CHECKING:
    from pathlib import Path

    from app.report import GuestReport
    from storage.store import Store


def _command_modules(path: Sequence[str]) -> list[str]:
    """The sub-command modules, listed from their folder: pkgutil.iter_modules imports
    `inspect`, a tenth of `frontdesk --help`'s start-up. A frozen build keeps the modules
    in an archive (no folder, no .py files): there pkgutil is what can list them."""
    names: set[str] = set()
    for folder in path:
        with contextlib.suppress(OSError):
            names |= {entry.name.removesuffix(".py") for entry in os.scandir(folder)
                      if entry.name.endswith(".py") and not entry.name.startswith("_")}
    if not names:
        import pkgutil

        names = {info.name for info in pkgutil.iter_modules(path)}
    return sorted(names)


class _CommandNames:
    """Stands in for argparse's sub-commands when only `frontdesk --help` is asked: each
    command is listed with its one-line help, and its own arguments are not built (three
    quarters of building the parser; the same text, ``tests/test_cli.py``)."""

    def __init__(self, sub: Any) -> None:
        self._sub = sub

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        self._sub.add_parser(name, help=kwargs.get("help"))
        return _Ignored()


class _Ignored:
    """Takes any call (add_argument, set_defaults, a group) and answers with itself."""

    def __getattr__(self, _name: str) -> Any:
        return self._ignore

    def _ignore(self, *_args: Any, **_kwargs: Any) -> _Ignored:
        return self


def build_parser(*, commands_in_full: bool = True) -> argparse.ArgumentParser:
    import app.commands
    from app.cli_common import Parser, add_store_args, language_code

    parser = Parser(
        prog="frontdesk",
        description="Recognise returning guests from an encrypted local store.",
    )
    parser.add_argument("--version", action="version", version=VERSION_LINE)
    add_store_args(parser, top=True)
    parser.add_argument("--demo", action="store_true",
                        help="open a throw-away store filled with a sample hotel and restaurant")
    parser.add_argument("--background", action="store_true",
                        help="open the store and wait, hidden, for `frontdesk` to show the "
                             "desk at once (for a start at login: `frontdesk autostart`)")
    parser.add_argument("--lang", type=language_code(staff=True), metavar="CODE",
                        help="language for this run, e.g. nl (default: the desk's setting, "
                             "then the system language)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands = sub if commands_in_full else _CommandNames(sub)
    for name in _command_modules(app.commands.__path__):
        importlib.import_module(f"app.commands.{name}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # `frontdesk --version` answers before anything else loads (bench/startup.py); the
    # storage layer, logging and Qt load only for the command that needs them.
    given = list(sys.argv[1:] if argv is None else argv)
    if given == ["--version"]:
        print(VERSION_LINE)
        return 0
    args = build_parser(commands_in_full=given not in (["--help"], ["-h"])).parse_args(argv)
    from app.errors import FrontdeskError
    from app.i18n import cli_language, translate

    where: _DeskStore | None = None
    if args.command is None and not args.demo:
        # A failure here is met again, and said, on the way to a desk of its own.
        with contextlib.suppress(FrontdeskError):
            where = _desk_store(args)
        if where is not None and not args.background and _handed_over(where):
            return 0  # before logging and the crash hook: nothing else to do
    if args.lang:
        os.environ["FRONTDESK_LANG"] = args.lang  # the GUI (ui.i18n) and commands read it
    from app.logs import setup_logging

    setup_logging()
    from app.crash import install

    install()  # unhandled errors: a scrubbed report, never a message with guest data
    try:
        if args.command is None:
            return _gui(args, where)
        code: int = args.func(args)
        return code
    except FrontdeskError as exc:
        import logging

        logging.getLogger("frontdesk.cli").warning("command %s failed: %s", args.command,
                                                   type(exc).__name__)
        print(f"frontdesk: {translate(exc, cli_language())}", file=sys.stderr)
        return 2


class _DeskStore(NamedTuple):
    """The store a desk opens: the shared store's address (or None), the local folder, and
    what names it to a desk waiting in the background (``app.resident``)."""

    shared: str | None
    data_dir: Path
    identity: str


def _desk_store(args: argparse.Namespace) -> _DeskStore:
    from app import resident
    from app.opening import resolve_data_dir
    from app.shared_store import resolve_store

    shared = resolve_store(args.store, args.data_dir)
    data_dir = resolve_data_dir(args.data_dir)
    return _DeskStore(shared, data_dir, resident.shared_identity(shared) if shared is not None
                      else resident.local_identity(data_dir))


def _handed_over(where: _DeskStore) -> bool:
    """Whether a desk waiting in the background on this store (``frontdesk --background``)
    showed itself when asked: then this process has nothing left to do."""
    from app import resident

    return resident.ask_to_show(where.identity)


def _fill_demo(store: Store) -> None:
    """``--demo``'s guests, staff and vocabulary, written into its fresh throw-away store."""
    from app.demo import build_demo

    build_demo(store)


def _gui(args: argparse.Namespace, where: _DeskStore | None) -> int:
    # Imported here, not at the top: `frontdesk --version`/`--help` never load the storage
    # layer (bench/startup.py measures them against a bare interpreter).
    import shutil
    import tempfile
    from pathlib import Path

    from app.errors import FrontdeskError
    from app.i18n import _
    from app.opening import MemoryKey, key_source_for
    from ui.main import run_gui  # the launcher is the one place app/ may start Qt

    if args.demo:
        if args.background:
            raise FrontdeskError(_("A demo store is thrown away when its desk closes: it "
                                   "cannot wait in the background. Start `frontdesk --demo` "
                                   "without --background."))
        folder = Path(tempfile.mkdtemp(prefix="frontdesk-demo-"))
        try:
            # Made and filled on the desk's opening worker: the window shows at once, saying
            # what it is doing, instead of after seconds of building guests.
            return run_gui(None, demo=True, data_dir=folder, key_source=MemoryKey(),
                           prepare=_fill_demo)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    from app import autostart, resident

    shared, data_dir, identity = where if where is not None else _desk_store(args)
    if args.background and resident.socket_path(identity) is None:
        raise FrontdeskError(_("This system has no private folder where `frontdesk` could "
                               "reach a desk waiting in the background: start the desk "
                               "without --background, or set $XDG_RUNTIME_DIR."))
    if args.background and resident.desk_waits(identity):
        raise FrontdeskError(_("A desk already waits in the background on this store: "
                               "`frontdesk` shows it."))
    background = identity if args.background else None
    login = autostart.command_for_store(shared, data_dir, args.passphrase_file)
    if shared is not None:  # the venue's shared store (postgres helper's hook)
        return run_gui(None, shared=shared, background=background, login_command=login,
                       identity=identity)
    return run_gui(None, data_dir=data_dir, key_source=key_source_for(args.passphrase_file),
                   background=background, login_command=login, identity=identity)


_qt_app: object = None  # keeps the QGuiApplication made for a PDF alive


def render_guest_pdf(report: GuestReport, path: Path) -> None:
    """Lend Qt's PDF writer to `export-guest` (app/ has no Qt; the launcher may load ui/).

    Needs a QGuiApplication for fonts; makes one on the offscreen platform if none runs,
    so it works over SSH and in cron jobs.
    """
    global _qt_app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _qt_app = QGuiApplication(["frontdesk", "-platform", "offscreen"])
    from ui.report_pdf import write_pdf

    write_pdf(report, path)
