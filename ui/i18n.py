"""The interface language, chosen per desk from the language registry (app/languages.py).

Order of choice: ``$FRONTDESK_LANG`` (handy for one run: ``FRONTDESK_LANG=nl
frontdesk``), then the desk's saved choice (QSettings, set from Help →
Language), then the system locale; the languages offered are the registry's
``staff_complete`` ones. Translations live in
``resources/i18n/frontdesk_<lang>.ts`` (Qt Linguist files, made with
``packaging/update_translations.py``); the compiled ``.qm`` is built from the ``.ts`` at start
when it is missing or older (with ``pyside6-lrelease`` from PySide6), or
shipped ready-made by the package build. Qt's own strings (standard buttons,
file dialogs) come from Qt's ``qtbase_<lang>.qm``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app import i18n as app_i18n
from app import languages

ENV = "FRONTDESK_LANG"
SETTING = "ui/language"

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_system_locale: list[QLocale] = []  # the default before any language was installed
_current: list[str] = [languages.source()]  # the interface language in use


def current_language() -> str:
    """The interface language in use (the source language until a translation was installed)."""
    return _current[0]


def tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def say(value: object) -> str:
    """A message from ``app/`` (an ``app.i18n.Msg`` or an error carrying one) in the
    interface language. Use it wherever the UI shows ``str(exc)``."""
    return app_i18n.translate(value, current_language())


def settings() -> QSettings:
    return QSettings("Frontdesk", "Frontdesk")


def offered() -> dict[str, str]:
    """{code: name in its own words} of the languages the staff interface speaks."""
    return {lang.code: lang.native_name for lang in languages.staff_languages()}


def chosen_language() -> str:
    """A registry code: the environment, then this desk's setting, then the system locale."""
    codes = offered()
    for value in (os.environ.get(ENV, ""), str(settings().value(SETTING, "") or ""),
                  QLocale.system().name()):
        code = value.strip().lower()[:2]
        if code in codes:
            return code
    return languages.source()


def save_language(code: str) -> None:
    if code not in offered():
        raise ValueError(code)
    s = settings()
    s.setValue(SETTING, code)
    s.sync()


def lrelease_tool() -> list[str] | None:
    """The lrelease command: PySide6's own binary, the venv script, or one on PATH."""
    try:
        import PySide6

        exe = Path(PySide6.__file__).resolve().parent / (
            "lrelease.exe" if sys.platform == "win32" else "lrelease")
        if exe.is_file():
            return [str(exe)]
    except ImportError:  # pragma: no cover - PySide6 is always there in the GUI
        pass
    for candidate in (Path(sys.executable).parent / "pyside6-lrelease",
                      shutil.which("pyside6-lrelease"), shutil.which("lrelease")):
        if candidate and Path(candidate).is_file():
            return [str(candidate)]
    return None


def compiled(code: str, folder: Path | None = None) -> Path | None:
    """The .qm for ``code``, rebuilt from the .ts when missing or stale; None if unavailable.

    Written next to the .ts when that folder is writable, else in the user cache folder
    (an installed app's resources may be read-only).
    """
    folder = folder or languages.QT_CATALOGUES
    ts = folder / f"{languages.DOMAIN}_{code}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.is_file():
        return qm if qm.is_file() else None
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = lrelease_tool()
    if tool is None:
        return qm if qm.is_file() else None
    for target in (qm, _cache_dir() / qm.name):
        cached_fresh = (target.is_file() and target != qm
                        and target.stat().st_mtime >= ts.stat().st_mtime)
        if cached_fresh:
            return target
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            done = subprocess.run([*tool, "-silent", str(ts), "-qm", str(target)],
                                  capture_output=True, timeout=60, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0 and target.is_file():
            return target
    return qm if qm.is_file() else None


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("frontdesk", appauthor=False)) / "i18n"


def install_translator(app: QCoreApplication, code: str | None = None) -> str:
    """Load the interface language into ``app``; returns the code actually in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if not _system_locale:
        _system_locale.append(QLocale())
    code = code or chosen_language()
    _current[0] = languages.source()
    if code == languages.source():
        QLocale.setDefault(_system_locale[0])
        return code
    qm = compiled(code)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        return languages.source()
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(code))  # dates and numbers in Qt's own widgets follow suit
    _current[0] = code
    qt = QTranslator(app)
    if qt.load(QLocale(code), "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return code


def add_language_menu(window: QMainWindow) -> None:
    """Help → Language: every staff language, each in its own words (applies at next start)."""
    menus = [m for m in (a.menu() for a in window.menuBar().actions()) if isinstance(m, QMenu)]
    host = menus[-1] if menus else window.menuBar().addMenu(tr("&Help"))
    menu = host.addMenu(tr("&Language"))
    group = QActionGroup(menu)
    current = chosen_language()
    for code, name in offered().items():
        act = QAction(name, menu)  # each language in its own words: no translation
        act.setCheckable(True)
        act.setChecked(code == current)
        act.setData(code)
        group.addAction(act)
        menu.addAction(act)
    group.triggered.connect(lambda act: _choose(window, str(act.data())))


def _choose(window: QMainWindow, code: str) -> None:
    save_language(code)
    QMessageBox.information(window, tr("Language"), tr(
        "Frontdesk will use {language} the next time it starts.").format(
        language=offered()[code]))
