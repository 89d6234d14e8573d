"""The desk opens its store on a worker thread: the window keeps painting meanwhile.

A shared store's server may take seconds to answer (or not answer until the connect
timeout), and a local store's key derivation takes about a second; neither may freeze
the window. Failures still come back to the GUI thread with Retry / Quit.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.opening import PassphraseKey, Store
from tests.ui.desk_helpers import Modals, modals  # noqa: F401  (fixture)

PASSPHRASE = "a long passphrase"


def test_the_store_opens_off_the_gui_thread_while_the_window_paints(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ui.main as main

    parent = QWidget()
    qtbot.addWidget(parent)
    started, go_on = threading.Event(), threading.Event()
    ran_on: list[threading.Thread] = []
    real = main._open_once

    def held(data_dir: Path, key_source: object, shared: str | None) -> Store:
        ran_on.append(threading.current_thread())
        started.set()
        go_on.wait(10)   # a slow server; on the GUI thread this would freeze the test
        return real(data_dir, key_source, shared)

    monkeypatch.setattr(main, "_open_once", held)
    got: list[Store | None] = []
    main.open_in_background(parent, tmp_path / "store", PassphraseKey(PASSPHRASE),
                            shared=None, done=got.append)
    assert started.wait(10)
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)   # the GUI thread is free
    assert got == []
    go_on.set()
    qtbot.waitUntil(lambda: bool(got), timeout=30_000)
    store = got[0]
    assert store is not None and ran_on[0] is not threading.main_thread()
    store.close()


def test_the_open_thread_preloads_the_desk_and_a_failed_preload_still_opens(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """After the open, the same worker imports what the desk needs (ui.main.PRELOAD); that
    is only a head start, so a preload that fails is logged and the store still opens."""
    import ui.main as main
    from tests.ui.desk_helpers import open_as_the_desk

    preloaded_on: list[threading.Thread] = []
    real = main.preload_after_open

    def watched() -> None:
        preloaded_on.append(threading.current_thread())
        real()

    monkeypatch.setattr(main, "preload_after_open", watched)
    store = open_as_the_desk(qtbot, None, tmp_path / "a", PassphraseKey(PASSPHRASE))
    assert store is not None
    store.close()
    assert len(preloaded_on) == 1 and preloaded_on[0] is not threading.main_thread()

    def broken() -> None:
        raise RuntimeError("a module that no longer imports")

    monkeypatch.setattr(main, "preload_after_open", broken)
    store = open_as_the_desk(qtbot, None, tmp_path / "b", PassphraseKey(PASSPHRASE))
    assert store is not None
    store.close()
    assert "preloading after the open failed" in caplog.text


def test_the_demo_store_is_filled_on_the_opening_worker_before_the_sign_in(
        qtbot: QtBot, tmp_path: Path) -> None:
    """``--demo`` (app.cli) hands ``build_demo`` as ``prepare``: it runs on the worker after
    the open, so the window paints meanwhile, and the desk gets the store only once filled."""
    import ui.main as main
    from app.demo import build_demo
    from app.opening import MemoryKey
    from app.staff import list_staff

    filled_on: list[threading.Thread] = []

    def prepare(store: Store) -> None:
        filled_on.append(threading.current_thread())
        build_demo(store)

    got: list[Store | None] = []
    main.open_in_background(None, tmp_path / "demo", MemoryKey(), shared=None,
                            done=got.append, prepare=prepare)
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=2000)   # painting while it fills
    qtbot.waitUntil(lambda: bool(got), timeout=120_000)
    store = got[0]
    assert store is not None
    assert filled_on and filled_on[0] is not threading.main_thread()
    assert "Eva Visser" in [s.name for s in list_staff(store)]
    store.close()
