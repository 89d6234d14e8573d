"""Checking a value names its field only when it refuses it (imports check 100,000 rows).

``validate.text`` takes the field's name as a message or as a function making one; the
function is called only for a refused value, and the message is the same as before.
``GuestFields.cleaned`` returns fields that need no trimming as they are, and the
language registry's codes are read once per reading of the registry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app import languages, validate
from app.errors import ValidationError
from app.guests import GuestFields
from app.i18n import Msg, _, translate


def _never() -> Msg:
    raise AssertionError("a good value made its field's name")


@pytest.mark.parametrize("value", ["Anna de Vries", "  Anna  ", ""])
def test_a_good_value_makes_no_name(value: str) -> None:
    assert validate.text(_never, value, max_len=200) == value.strip()


@pytest.mark.parametrize(("value", "english", "dutch"), [
    ("", "Full name is required.", "Volledige naam is verplicht."),
    ("x" * 201, "Full name is too long (201 characters, at most 200).", None),
    ("Anna\u202e", "Full name contains invisible control characters", None),
])
def test_a_refused_value_is_named_as_before(value: str, english: str, dutch: str | None
                                            ) -> None:
    made: list[Msg] = []

    def name() -> Msg:
        made.append(_("Full name"))
        return made[-1]

    with pytest.raises(ValidationError) as lazy:
        validate.text(name, value, max_len=200, required=True)
    with pytest.raises(ValidationError) as eager:
        validate.text(_("Full name"), value, max_len=200, required=True)
    assert len(made) == 1
    assert str(lazy.value) == str(eager.value) and str(lazy.value).startswith(english)
    assert lazy.value.field == eager.value.field == "Full name"
    if dutch is not None:
        assert translate(lazy.value, "nl") == translate(eager.value, "nl") == dutch
        assert translate(lazy.value.field, "nl") == "Volledige naam"


def test_email_and_phone_still_name_their_field() -> None:
    with pytest.raises(ValidationError) as email:
        validate.email("anna\u202e@example.org")
    assert email.value.field == "Email" and translate(email.value.field, "nl") == "E-mail"
    with pytest.raises(ValidationError) as phone:
        validate.phone("06" * 21)
    assert phone.value.field == "Phone" and "too long" in str(phone.value)


def test_clean_fields_come_back_as_they_are_and_others_trimmed() -> None:
    clean = GuestFields(full_name="Anna de Vries", language="nl", email="anna@example.org")
    assert clean.cleaned() is clean
    messy = GuestFields(full_name=" Anna de Vries ", language="nl", email=" anna@example.org",
                        phone="")
    assert messy.cleaned() == clean
    assert messy.cleaned() is not messy


def test_the_codes_follow_a_reloaded_registry(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    before = languages.codes()
    copy = tmp_path / "languages.toml"
    copy.write_text(languages.REGISTRY_FILE.read_text(encoding="utf-8") + """
[[language]]
code = "fy"
native_name = "Frysk"
english_name = "West Frisian"
staff_complete = false
guest_complete = false
""", encoding="utf-8")
    monkeypatch.setattr(languages, "REGISTRY_FILE", copy)
    languages.reload()
    try:
        assert languages.codes() == (*before, "fy")
        assert validate.language("fy") == "fy"
    finally:
        monkeypatch.undo()
        languages.reload()
    assert languages.codes() == before
    with pytest.raises(ValidationError):
        validate.language("fy")
