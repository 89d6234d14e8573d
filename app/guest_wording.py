"""How a label reads to the guest: the one rendering shared by Show guest and label review.

A manager approving a proposal sees exactly the words the guest will see,
because both screens call :func:`render_label`. The label's own words come
from the vocabulary (one wording per language); the words around them (the
category's title, how we know) are ``app.i18n`` messages in
:mod:`app.report_text`, so there is one mechanism for every guest-facing word.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import languages
from app.report_text import CATEGORY, SOURCE, supported, word
from app.views import LabelInfo
from storage.models import Source


@dataclass(frozen=True)
class GuestLabelText:
    category_title: str
    wording: str
    purpose: str
    language: str
    fell_back: bool  # True when the guest's language had no wording and English was used


def render_label(label: LabelInfo, language: str) -> GuestLabelText:
    """The label as a guest whose language is ``language`` reads it (English if missing)."""
    lang = supported(language)
    by_lang = {w.language: w for w in label.wordings}
    chosen = (by_lang.get(lang) or by_lang.get(languages.source()) or
              next(iter(by_lang.values()), None))
    wording = chosen.guest_wording if chosen else label.staff_wording
    purpose = chosen.purpose if chosen else ""
    used = chosen.language if chosen else languages.source()
    return GuestLabelText(
        category_title=word(supported(used), CATEGORY, label.category.value),
        wording=wording,
        purpose=purpose,
        language=used,
        fell_back=used != language,
    )


def source_words(source: Source, language: str) -> str:
    return word(language, SOURCE, Source(source).value)
