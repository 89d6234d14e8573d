"""A venue's own words for the wording checks, kept by a dialog instead of a hand-edited file.

Managers list phrases that must never appear on a label (``block``) or that a reviewer
should look at twice (``warn``). They are written to ``own_words.toml`` in Frontdesk's
config folder, in the rules format of ``resources/wording_rules.toml`` (two groups,
``own_block`` and ``own_warn``), and ``app.wording_rules.rules_in_use`` reads that file
with the others, so a proposal is checked against them at once. The file is Frontdesk's
own: it is rewritten whole on every save (a hand-written rules file stays
``wording_rules.toml``, untouched). Each save is audited (how many phrases, not which).
"""

from __future__ import annotations

import json
import os
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app import languages
from app.audit import record
from app.errors import ValidationError
from app.i18n import _, translate
from app.permissions import Action, require
from app.views import Actor
from storage.store import Store

FILE_NAME = "own_words.toml"
BLOCK, WARN = "block", "warn"
GROUPS = {BLOCK: "own_block", WARN: "own_warn"}
MAX_PHRASE = 80
MAX_WORDS = 500
REASONS = {
    BLOCK: _("Your venue does not put this on a label (the manager's own list)."),
    WARN: _("Your venue asks the reviewer to look at this twice (the manager's own list)."),
}


@dataclass(frozen=True)
class OwnWord:
    phrase: str
    severity: str  # BLOCK or WARN


def own_words_file() -> Path:
    """Beside the manager's hand-written rules file, in the user's config folder."""
    from app.wording_rules import user_rules_file

    return user_rules_file().with_name(FILE_NAME)


def own_words(path: Path | None = None) -> list[OwnWord]:
    """The phrases saved so far (none when there is no file yet)."""
    path = path or own_words_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return []
    out = []
    for group in data.get("group", []):
        severity = next((s for s, name in GROUPS.items() if name == group.get("name")), None)
        if severity is not None:
            out += [OwnWord(str(p), severity) for p in group.get("phrases", [])]
    return out


def check_phrase(phrase: str) -> str:
    """A phrase as it will be matched: trimmed, not empty, short, without control marks."""
    cleaned = " ".join(phrase.split())
    field = _("Phrase")
    if not cleaned.strip("*"):
        raise ValidationError(field, _("Type a word or phrase."))
    if len(cleaned) > MAX_PHRASE:
        raise ValidationError(field, _("“{phrase}” is longer than {n} characters; a phrase to "
                                       "look for is a few words.", phrase=cleaned[:40] + "…",
                                       n=MAX_PHRASE))
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") for ch in cleaned):
        raise ValidationError(field, _("“{phrase}” holds invisible characters; please retype "
                                       "it.", phrase=cleaned))
    return cleaned


def save_own_words(store: Store, actor: Actor, words: Sequence[OwnWord],
                   path: Path | None = None) -> Path:
    """Write the list (checked first: nothing is written if one phrase is refused)."""
    require(store, actor, Action.EDIT_VOCABULARY)
    if len(words) > MAX_WORDS:
        raise ValidationError(_("Phrase"), _("At most {n} phrases.", n=MAX_WORDS))
    seen: dict[str, OwnWord] = {}
    for w in words:
        if w.severity not in GROUPS:
            raise ValidationError(_("Phrase"), _("Choose block or warn."))
        phrase = check_phrase(w.phrase)
        seen.setdefault(phrase.casefold(), OwnWord(phrase, w.severity))
    path = path or own_words_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = render(list(seen.values()))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # readers see the old list or the new one, never half
    with store.write() as s:
        record(s, actor, "vocabulary.own_words_changed",
               blocked=sum(w.severity == BLOCK for w in seen.values()),
               warned=sum(w.severity == WARN for w in seen.values()))
    return path


def render(words: Sequence[OwnWord]) -> str:
    """The rules document for ``words`` (the format of resources/wording_rules.toml)."""
    lines = ["# Written by Frontdesk (Manager ▸ Vocabulary ▸ Own words): edit it there.",
             "format = 1", ""]
    for severity, name in GROUPS.items():
        phrases = [w.phrase for w in words if w.severity == severity]
        if not phrases:
            continue
        lines += ["[[group]]", f'name = "{name}"', f'severity = "{severity}"',
                  "phrases = [" + ", ".join(json.dumps(p, ensure_ascii=False)
                                            for p in phrases) + "]",
                  "[group.reason]"]
        lines += [f"{code} = {json.dumps(translate(REASONS[severity], code), ensure_ascii=False)}"
                  for code in languages.codes()]
        lines.append("")
    return "\n".join(lines)
