"""Health information at the desk: the consent question in the guest's own language.

Health labels (allergies, diets, mobility) are special-category data: they need the
guest's explicit consent, and the guest can only give it to a question they understand.
The question is asked in the guest's language (falling back to English when that
language's guest texts are not complete); staff see their own language beside it.
"""

from __future__ import annotations

from app import languages
from app.i18n import _, translate

CONSENT_QUESTION = _(
    "May we note this so we can take care of it on every visit? You can see it and have it "
    "removed at any time.")


def consent_question(guest_language: str) -> tuple[str, str]:
    """(language code, the question in that language) for a guest speaking ``guest_language``."""
    lang = languages.guest_language(guest_language)
    return lang, translate(CONSENT_QUESTION, lang)
