"""The desk's garbage-collector policy (``ui.main.startup_done``), which the search bench
(``bench/search_quality.py``) runs at the same point, so it measures what the desk does."""

from __future__ import annotations

import gc

from ui import main


def test_once_started_the_desk_collects_young_objects_less_often() -> None:
    was_enabled, threshold = gc.isenabled(), gc.get_threshold()
    try:
        gc.disable()   # as run_gui does while the store opens and the desk loads
        gc.set_threshold(700, *threshold[1:])
        main.startup_done()
        assert gc.isenabled()
        assert gc.get_threshold() == (main.YOUNG_COLLECTION_AFTER, *threshold[1:])
        assert main.YOUNG_COLLECTION_AFTER > 700
        assert gc.get_freeze_count() > 0   # what loading made, out of the scans
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        if not was_enabled:
            gc.disable()
