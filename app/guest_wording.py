"""How a label reads to the guest: the one rendering shared by Show guest and label review.

A manager approving a proposal sees exactly the words the guest will see,
because both screens call :func:`render_label`.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.views import LabelInfo
from storage.models import Category, Source

FALLBACK = "en"

CATEGORY_TITLES: dict[str, dict[Category, str]] = {
    "en": {
        Category.RECOGNITION: "So we recognise you",
        Category.APPRECIATION: "What we appreciate",
        Category.PREFERENCE: "Your preferences",
        Category.GUEST_CONTROL: "Your wishes about how we treat you",
    },
    "nl": {
        Category.RECOGNITION: "Zodat we u herkennen",
        Category.APPRECIATION: "Wat we waarderen",
        Category.PREFERENCE: "Uw voorkeuren",
        Category.GUEST_CONTROL: "Uw wensen over hoe we met u omgaan",
    },
}

SOURCE_WORDS: dict[str, dict[Source, str]] = {
    "en": {Source.GUEST_TOLD: "you told us", Source.STAFF_OBSERVED: "we noticed"},
    "nl": {Source.GUEST_TOLD: "u vertelde het ons", Source.STAFF_OBSERVED: "wij merkten het op"},
}


@dataclass(frozen=True)
class GuestLabelText:
    category_title: str
    wording: str
    purpose: str
    language: str
    fell_back: bool  # True when the guest's language had no wording and English was used


def supported(language: str) -> str:
    """The language the guest view will use: theirs if we have it, else English."""
    return language if language in CATEGORY_TITLES else FALLBACK


def render_label(label: LabelInfo, language: str) -> GuestLabelText:
    lang = supported(language)
    by_lang = {w.language: w for w in label.wordings}
    chosen = by_lang.get(lang) or by_lang.get(FALLBACK) or next(iter(by_lang.values()), None)
    wording = chosen.guest_wording if chosen else label.staff_wording
    purpose = chosen.purpose if chosen else ""
    used = chosen.language if chosen else FALLBACK
    return GuestLabelText(
        category_title=CATEGORY_TITLES[supported(used)][label.category],
        wording=wording,
        purpose=purpose,
        language=used,
        fell_back=used != language,
    )


def source_words(source: Source, language: str) -> str:
    return SOURCE_WORDS[supported(language)][source]
