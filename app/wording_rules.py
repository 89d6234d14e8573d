"""Which wording rules a venue checks labels with, and which texts of a label are checked.

The built-in lists (``resources/wording_rules.toml``) are extended by a
manager's own file, found in two places: ``wording_rules.toml`` in the
user's Frontdesk config folder (platformdirs), and a path stored in the
venue settings. A file that cannot be read does not switch the checks off:
the other rules still apply and the problem is reported so the screen can
say it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import venue_settings
from app.views import Wording
from app.wording import Rules, RulesError, load_rules
from storage.store import Store

RULES_FILE_NAME = "wording_rules.toml"


@dataclass(frozen=True)
class TextRef:
    """Which part of a label a checked text is: ``staff``, ``guest`` or ``purpose``."""

    part: str
    language: str | None = None


@dataclass(frozen=True)
class RulesInUse:
    rules: Rules
    files: tuple[Path, ...]  # the manager's files that were loaded
    problems: tuple[str, ...]  # why a manager's file was skipped, fit to show


def user_rules_file() -> Path:
    """The manager's own rules file in the user's config folder (it may not exist)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("frontdesk", appauthor=False)) / RULES_FILE_NAME


def rules_in_use(store: Store) -> RulesInUse:
    from app.own_words import own_words_file  # the desk's Own words dialog keeps this one

    candidates = [own_words_file(), user_rules_file()]
    stored = venue_settings.wording_rules_path(store)
    if stored is not None and stored not in candidates:
        candidates.append(stored)
    stamps = []
    for path in candidates:
        try:
            stamps.append((str(path), path.stat().st_mtime_ns))
        except OSError:
            if path == stored:
                stamps.append((str(path), -1))  # configured but missing: report it
    return _load(tuple(stamps))


@lru_cache(maxsize=8)
def _load(stamps: tuple[tuple[str, int], ...]) -> RulesInUse:
    loaded: list[Path] = []
    problems: list[str] = []
    for name, stamp in stamps:
        path = Path(name)
        if stamp < 0:
            problems.append(f"The wording rules file {path} set for this venue is missing; "
                            "only the other rules are checked.")
            continue
        try:
            load_rules(path)  # parse alone first, so one bad file skips only itself
        except RulesError as exc:
            problems.append(f"{exc} Until then, only the other rules are checked.")
            continue
        loaded.append(path)
    return RulesInUse(load_rules(*loaded), tuple(loaded), tuple(problems))


Staff = str | Mapping[str, str]


def _staff_items(staff: Staff) -> list[tuple[str, str]]:
    """A label's staff names as (language, text); a plain string is the English name."""
    if isinstance(staff, str):
        return [("en", staff)]
    return sorted(staff.items())


def label_texts(staff: Staff, wordings: Sequence[Wording]) -> list[str]:
    """The texts checked for a label, in the order :func:`text_refs` names them."""
    out = [text for _lang, text in _staff_items(staff)]
    for w in wordings:
        out += [w.guest_wording, w.purpose]
    return out


def text_refs(wordings: Sequence[Wording], staff: Staff = "") -> list[TextRef]:
    """What each index of :func:`label_texts` refers to (for highlighting a finding)."""
    out = [TextRef("staff", lang) for lang, _text in _staff_items(staff)]
    for w in wordings:
        out += [TextRef("guest", w.language), TextRef("purpose", w.language)]
    return out


def text_languages(wordings: Sequence[Wording], staff: Staff = "") -> list[str | None]:
    """The language of each text of :func:`label_texts`."""
    return [ref.language for ref in text_refs(wordings, staff)]
