"""app/'s messages: one gettext mechanism, complete and placeholder-safe in every language."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app import i18n, languages
from app.errors import ValidationError
from app.guests import GuestFields
from app.i18n import _, translate
from app.views import Actor
from storage.store import Store

OTHER = [lang for lang in languages.all_languages() if lang.code != languages.source()]


def _placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_registry_has_the_source_language_and_every_catalogue() -> None:
    assert languages.source() == "en"
    assert "nl" in languages.codes()
    for lang in OTHER:
        assert lang.app_catalogue.is_file(), f"{lang.code}: no {lang.app_catalogue}"


@pytest.mark.parametrize("lang", OTHER, ids=lambda lang: lang.code)
def test_placeholders_match_across_languages(lang: languages.Language) -> None:
    with lang.app_catalogue.open("rb") as fh:
        cat = read_po(fh, locale=lang.code)
    wrong = []
    for msg in cat:
        if not msg.id or not msg.string or msg.fuzzy:  # fuzzy entries are never used
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        strs = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        want = set().union(*(_placeholders(i) for i in ids))
        wrong += [f"{msg.id!r} -> {s!r}" for s in strs if s and _placeholders(s) != want]
    assert not wrong


def test_a_message_is_english_text_and_says_itself_in_dutch() -> None:
    with pytest.raises(ValidationError) as info:
        GuestFields(full_name="   ").cleaned()
    err = info.value
    assert str(err) == "Full name is required."  # logs and old callers: English
    assert translate(err, "nl") == "Volledige naam is verplicht."  # nested field name too
    assert translate(err.field, "nl") == "Volledige naam"
    assert translate(err, "en") == "Full name is required."


def test_unknown_language_and_missing_entry_fall_back_to_english() -> None:
    assert translate(_("Full name"), "xx") == "Full name"
    assert translate(_("No catalogue has this {thing}.", thing="x"), "nl") == \
        "No catalogue has this x."
    assert translate("plain text", "nl") == "plain text"


def test_plural_messages_pick_the_form_by_count() -> None:
    one = i18n.ngettext_("{n} guest", "{n} guests", 1, n=1)
    many = i18n.ngettext_("{n} guest", "{n} guests", 3, n=3)
    assert (str(one), str(many)) == ("1 guest", "3 guests")


# Programmer errors (never shown to a person as such) may stay English.
_INTERNAL = {"ValueError", "TypeError", "RuntimeError", "KeyError", "AssertionError",
             "NotImplementedError", "LookupError", "IndexError", "AttributeError",
             "at"}  # LexiconError.at: a shipped data file is malformed (for developers)
# Owners convert these themselves (issue #11's split): the import, and the wording checks.
_NOT_YET = ("importing/", "wording.py", "wording_rules.py")


def _is_english_text(node: ast.expr) -> bool:
    """A literal sentence: "…", f"…", "…" + x, "…".format(…) or "…" % x — not _("…")."""
    if isinstance(node, ast.Constant):  # "frontdesk: " + say(…) names the program: fine
        return isinstance(node.value, str) and any(
            ch.isalpha() for ch in node.value.removeprefix("frontdesk: "))
    if isinstance(node, ast.JoinedStr):  # f"…": English if its fixed parts have words
        return any(_is_english_text(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _is_english_text(node.left) or _is_english_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and _is_english_text(node.func.value)
    if isinstance(node, ast.IfExp):
        return _is_english_text(node.body) or _is_english_text(node.orelse)
    return False


def bare_english_raises(root: Path) -> list[str]:
    """Every ``raise X("…")`` (or ``X(f"…")``, any line layout) of a non-internal error."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(_NOT_YET):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            call = node.exc if isinstance(node, ast.Raise) else None
            if not isinstance(call, ast.Call):
                continue
            f = call.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(
                f, ast.Attribute) else ""
            if name in _INTERNAL:
                continue
            args = [*call.args, *(k.value for k in call.keywords)]
            if any(_is_english_text(a) for a in args):
                out.append(f"app/{rel}:{node.lineno}")
    return out


def bare_english_prints(root: Path) -> list[str]:
    """``print("…")`` in the command line's modules: what a person reads in the terminal."""
    out = []
    for path in sorted([*root.glob("commands/*.py"), *root.glob("cli*.py")]):
        rel = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                    node.func.id in ("print", "input") and \
                    any(_is_english_text(a) for a in node.args):
                out.append(f"app/{rel}:{node.lineno}")
    return out


def test_the_command_line_prints_no_untranslatable_english() -> None:
    root = Path(__file__).resolve().parent.parent / "app"
    offenders = bare_english_prints(root)
    # The self-test's check list is for IT, in English on purpose (it names code paths).
    assert [o for o in offenders if "selftest" not in o] == []


def test_the_ratchet_catches_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'raise NotFound("a")\n'
        'raise ValidationError(\n    "Field",\n    f"{x} is wrong")\n'
        'raise X("a" + str(y))\n'
        'raise SystemExit("frontdesk: bad")\n'
        'raise NotFound(_("fine"))\n'
        'raise ValueError("internal")\n', encoding="utf-8")
    assert bare_english_raises(tmp_path) == ["app/m.py:1", "app/m.py:2", "app/m.py:5",
                                            "app/m.py:6"]


def test_app_raises_no_untranslatable_english() -> None:
    """Every error a person reads is raised with a _() message, not a bare English string."""
    root = Path(__file__).resolve().parent.parent / "app"
    assert bare_english_raises(root) == []


def test_permission_and_sign_in_messages_say_themselves_in_dutch(store: Store,
                                                                 host: Actor) -> None:
    from app.errors import PermissionDenied
    from app.permissions import Action, require

    with pytest.raises(PermissionDenied) as info:
        require(store, host, Action.MANAGE_STAFF)
    assert str(info.value) == "A host may not manage staff; ask a manager."
    assert translate(info.value, "nl") == \
        "Een gastheer/gastvrouw mag dit niet: medewerkers beheren. Vraag het een manager."


def test_counts_are_grouped_the_readers_way() -> None:
    msg = _("OK: integrity check passed, {n} audit events verified.", n=i18n.num(12345))
    assert str(msg) == "OK: integrity check passed, 12,345 audit events verified."
    assert translate(msg, "nl") == \
        "OK: integriteitscontrole geslaagd, 12.345 auditgebeurtenissen gecontroleerd."


def test_a_list_of_reasons_is_said_one_by_one_in_the_language() -> None:
    from app.errors import WordingBlocked

    err = WordingBlocked([_("Wrong PIN."), "A plain reason."])
    assert str(err) == "This wording cannot be approved: Wrong PIN. A plain reason."
    assert translate(err, "nl") == ("Deze formulering kan niet worden goedgekeurd: "
                                    "Verkeerde pincode. A plain reason.")


def test_a_translation_with_a_wrong_placeholder_falls_back_to_english(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gettext

    class Broken(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return "{typo} kapot"

    monkeypatch.setitem(i18n._catalogues, "nl", Broken())
    assert translate(_("Cannot read {file}: {reason}.", file="a", reason="b"), "nl") == \
        "Cannot read a: b."


def test_the_command_line_speaks_the_chosen_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    monkeypatch.setenv("FRONTDESK_LANG", "en")  # restored after the test: main() sets it
    assert main(["--lang", "nl", "verify", "--data-dir", str(tmp_path / "none")]) == 2
    err = capsys.readouterr().err
    assert "bevat geen Frontdesk-gegevens" in err, err
    assert i18n.cli_language() == "nl"
    monkeypatch.setenv("FRONTDESK_LANG", "xx")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert i18n.cli_language() == "nl"  # the system's language when Frontdesk speaks it
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert i18n.cli_language() == "en"


def test_lookup_reads_every_way_a_file_names_a_language() -> None:
    assert [languages.lookup(n) for n in ("nl", "NL-be", "nld", "Dutch", "Nederlands", "Vlaams",
                                          "en_US", "English", "Engels", "de", "Deutsch",
                                          "German", "DEU")] == \
        ["nl"] * 6 + ["en"] * 3 + ["de"] * 4
    assert languages.lookup("Klingon") is None
    assert languages.lookup("  ") is None


def test_yes_at_a_command_line_question_is_said_in_the_language() -> None:
    """"[j/N]" in German and Dutch: the yes-words come from the catalogue, not from code."""
    assert i18n.is_yes("ja", "de") and i18n.is_yes(" J ", "nl") and i18n.is_yes("Yes", "de")
    assert i18n.is_yes("y", "en") and not i18n.is_yes("ja", "en")
    assert not i18n.is_yes("", "de") and not i18n.is_yes("n", "nl") and not i18n.is_yes("nee", "nl")
