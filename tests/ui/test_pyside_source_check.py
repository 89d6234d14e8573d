"""The desk's quicker answer to PySide's "does this module use PySide6?" is PySide's answer.

ui.main.quicker_pyside_source_check replaces the check PySide6 runs on every module
imported after it (start-up time, docs/performance.md); PySide's own ``__feature__``
switches depend on the answer, so it must agree with PySide's check on every module.
"""

from __future__ import annotations

import sys

import pytest

from ui.main import quicker_pyside_source_check


def test_the_quicker_check_answers_as_pyside_does_for_every_loaded_module() -> None:
    import PySide6.QtCore  # noqa: F401  (loads PySide's feature support)

    import storage.models  # noqa: F401  (a module without Qt, for the answer below)

    feature = sys.modules.get("shibokensupport.feature")
    if getattr(feature, "_mod_uses_pyside", None) is None:
        pytest.skip("this PySide6 has no source check to replace")
    quicker_pyside_source_check()
    quicker_pyside_source_check()  # idempotent: wraps PySide's own check once
    quick = feature._mod_uses_pyside  # type: ignore[union-attr]
    upstream = quick.__wrapped__
    assert not hasattr(upstream, "__wrapped__")
    modules = [m for m in list(sys.modules.values()) if m is not None]
    answers = {m.__name__: (quick(m), upstream(m)) for m in modules}
    assert len(answers) > 300
    assert {name for name, (q, u) in answers.items() if q != u} == set()
    assert answers["ui.main"] == (True, True)        # imports PySide6
    assert answers["storage.models"] == (False, False)  # imported above
    assert answers["sys"] == (False, False)          # built in: PySide's own answer
