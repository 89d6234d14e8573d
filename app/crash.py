"""What happens on an unhandled exception: a report with no guest data in it.

Exception messages can hold what a person typed (a ``ValidationError``
quotes the email address it refused), so a crash report keeps the exception
*types* and the code locations of the traceback and drops every message and
every frame's local variables. The report goes to the log and to a
``crash-*.txt`` file in the log folder; the person at the desk sees a
plain-words sentence naming that file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.i18n import _, cli_language, translate
from app.logs import log_dir

log = logging.getLogger("frontdesk.crash")

Notify = Callable[[str], None]
_notify: Notify | None = None


def _type_name(exc: BaseException) -> str:
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def scrubbed_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` (and its causes) with messages withheld and no locals."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)  # never capture_locals
        lines = [f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames]
        size = len(str(current)) if _safe_str(current) else 0
        parts.append("\n".join(["Traceback (most recent call last):", *lines,
                                f"{_type_name(current)}: <message withheld, {size} characters>"]))
        if current.__cause__ is not None:
            current = current.__cause__
            parts.append("The above was caused by:")
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
            parts.append("The above happened while handling:")
        else:
            current = None
    return "\n".join(reversed(parts))


def _safe_str(exc: BaseException) -> bool:
    try:
        str(exc)
    except Exception:
        return False
    return True


def write_report(exc: BaseException) -> Path | None:
    """Log the scrubbed report and keep it in ``crash-<time>.txt``; returns the file."""
    report = scrubbed_traceback(exc)
    log.critical("unhandled %s\n%s", _type_name(exc), report)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        path.write_text(report + "\n", encoding="utf-8")
    except OSError:
        return None
    return path


def user_message(exc: BaseException, report: Path | None) -> str:
    """What the person reads (a :class:`app.i18n.Msg`: the GUI says it in its language)."""
    if report:
        return _("Frontdesk stopped because of an internal error ({error}). A report without "
                 "guest data was written to {report}. Your saved work is safe: every change is "
                 "saved when it is made. Start Frontdesk again; if it happens again, send the "
                 "report to your IT contact.", error=type(exc).__name__, report=str(report))
    return _("Frontdesk stopped because of an internal error ({error}). Your saved work is "
             "safe: every change is saved when it is made. Start Frontdesk again; if it happens "
             "again, send the report to your IT contact.", error=type(exc).__name__)


def handle(exc_type: type[BaseException], exc: BaseException,
           tb: TracebackType | None) -> None:
    """``sys.excepthook``: report, then tell the person (GUI dialog or stderr)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    report = write_report(exc)
    message = user_message(exc, report)
    if _notify is not None:
        try:
            _notify(message)
            return
        except Exception:  # the dialog itself failed: fall back to stderr
            log.critical("crash notification failed")
    print(f"frontdesk: {translate(message, cli_language())}", file=sys.stderr)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        handle(args.exc_type, args.exc_value, args.exc_traceback)


def install(notify: Notify | None = None) -> None:
    """Route unhandled exceptions (main and worker threads) through :func:`handle`.

    ``notify`` shows the sentence to the person (the GUI passes a message box).
    """
    global _notify
    _notify = notify
    sys.excepthook = handle
    threading.excepthook = _thread_hook
