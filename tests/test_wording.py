"""Tests for the wording checks (app/wording.py) and the data files they guard."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.wording import (
    DEFAULT_RULES_PATH,
    Finding,
    Rules,
    RulesError,
    Severity,
    WordingResult,
    check_wording,
    default_rules,
    load_rules,
    normalise,
    rules_from_toml,
)
from app.wording_categories import CATEGORIES as FINDING_CATEGORIES
from app.wording_categories import Kind

REPO = Path(__file__).resolve().parent.parent
STARTER = REPO / "resources" / "vocabulary" / "starter.toml"

CATEGORIES = {"recognition", "appreciation", "preference", "guest_control"}
SENSITIVITIES = {"normal", "special"}
LANGUAGES = ("en", "nl", "de")  # the starter is complete in these

BLOCK, HEALTH, WARN, CLEAN = "block", "health", "warn", "clean"

# (text, expected outcome, expected group or None). Health rows are checked both
# without the special flag (blocked) and with it (accepted).
# (text, expected outcome, expected category or None); the language is guessed by LANG below.
PHRASES: list[tuple[str, str, str | None]] = [
    # --- spending / wealth
    ("Alert the manager. Big spender.", BLOCK, "spending"),
    ("Big-Spender!", BLOCK, "spending"),
    ("big   spender", BLOCK, "spending"),
    ("bigspender", BLOCK, "spending"),
    ("Geeft veel geld uit aan wijn", BLOCK, "spending"),
    ("Very rich, always the best suite", BLOCK, "spending"),
    ("Wealthy family from out of town", BLOCK, "spending"),
    ("Cheap – shares one starter", BLOCK, "spending"),
    ("Stingy", BLOCK, "spending"),
    ("Erg gierig", BLOCK, "spending"),
    ("Tips well", BLOCK, "spending"),
    ("Geeft altijd flinke fooien", BLOCK, "spending"),
    ("Big tipper at the bar", BLOCK, "spending"),
    ("Expensive taste in wine", BLOCK, "spending"),
    ("Heeft een dure smaak", BLOCK, "spending"),
    # --- value ranking
    ("Gold star guest", BLOCK, "value_ranking"),
    ("VIP", BLOCK, "value_ranking"),
    ("V.I.P.", BLOCK, "value_ranking"),
    ("One of our VIP's", BLOCK, "value_ranking"),
    ("Treat as a whale", BLOCK, "value_ranking"),
    ("A-klant", BLOCK, "value_ranking"),
    ("A klant", BLOCK, "value_ranking"),
    ("b-klant, geen upgrade", BLOCK, "value_ranking"),
    ("High value guest", BLOCK, "value_ranking"),
    ("Top customer of the year", BLOCK, "value_ranking"),
    ("Our favourite guest", BLOCK, "value_ranking"),
    ("Belangrijke gast voor de zaak", BLOCK, "value_ranking"),
    ("Zeer belangrijk!", BLOCK, "value_ranking"),
    # --- character / mood
    ("Difficult", BLOCK, "character_mood"),
    ("Lastige klant", BLOCK, "character_mood"),
    ("Rude to the staff", BLOCK, "character_mood"),
    ("Onbeleefd tegen de bediening", BLOCK, "character_mood"),
    ("Gets angry quickly", BLOCK, "character_mood"),
    ("Was erg boos", BLOCK, "character_mood"),
    ("Complainer", BLOCK, "character_mood"),
    ("Bekende klager", BLOCK, "character_mood"),
    ("Very demanding", BLOCK, "character_mood"),
    ("Zeer veeleisend", BLOCK, "character_mood"),
    ("Was drunk at dinner", BLOCK, "suspicion_behaviour"),
    ("Kwam dronken binnen", BLOCK, "suspicion_behaviour"),
    ("A bit weird", BLOCK, "character_mood"),
    ("Arrogant", BLOCK, "character_mood"),
    # --- appearance / age
    ("Fat man at table 4", BLOCK, "body_looks"),
    ("Dikke meneer van kamer 12", BLOCK, "body_looks"),
    ("Ugly shirt", BLOCK, "body_looks"),
    ("Lelijke jas", BLOCK, "body_looks"),
    ("Pretty girl at the bar", BLOCK, "body_looks"),
    ("Mooie vrouw", BLOCK, "body_looks"),
    ("Old lady with the red hat", BLOCK, "age"),
    ("Oude man, loopt langzaam", BLOCK, "age"),
    ("Attractive", BLOCK, "body_looks"),
    ("Badly dressed", BLOCK, "body_looks"),
    ("Sloppy", BLOCK, "body_looks"),
    # --- protected characteristics
    ("Foreign guest", BLOCK, "origin"),
    ("Buitenlandse gast", BLOCK, "origin"),
    ("Duitser, wil altijd de ligstoel", BLOCK, "origin"),
    ("Ethnic background", BLOCK, "origin"),
    ("Muslim", BLOCK, "religion"),
    ("Moslim, geen varkensvlees", BLOCK, "religion"),
    ("Jewish family", BLOCK, "religion"),
    ("Joods", BLOCK, "religion"),
    ("Christian couple", BLOCK, "religion"),
    ("Katholiek", BLOCK, "religion"),
    ("Only halal", BLOCK, "religion"),
    ("Gay couple", BLOCK, "sexuality_gender"),
    ("Homo", BLOCK, "sexuality_gender"),
    ("Lesbian", BLOCK, "sexuality_gender"),
    ("Left-wing journalist", BLOCK, "politics_union"),
    ("Extreem-rechts", BLOCK, "politics_union"),
    ("Stemt PVV", BLOCK, "politics_union"),
    ("Suspected thief", BLOCK, "suspicion_behaviour"),
    ("Komt met zijn minnares", BLOCK, "suspicion_behaviour"),
    # --- health: allowed only with the special-category flag
    ("Allergic to nuts", HEALTH, "health"),
    ("Nut allergy", HEALTH, "health"),
    ("Notenallergie", HEALTH, "health"),
    ("Pinda-allergie", HEALTH, "health"),
    ("Allergisch voor schaaldieren", HEALTH, "health"),
    ("Coeliac", HEALTH, "health"),
    ("Coeliakie", HEALTH, "health"),
    ("Gluten intolerance", HEALTH, "health"),
    ("Lactose-intolerant", HEALTH, "health"),
    ("Lactose intolerantie", HEALTH, "health"),
    ("Diabetic – sugar-free dessert", HEALTH, "health"),
    ("Heeft diabetes", HEALTH, "health"),
    ("Uses a wheelchair", HEALTH, "health"),
    ("Rolstoelgebruiker", HEALTH, "health"),
    ("Pregnant – no soft cheese", HEALTH, "health"),
    ("Zwanger", HEALTH, "health"),
    ("Wears a hearing aid", HEALTH, "health"),
    ("Slechthorend", HEALTH, "health"),
    ("Blind – guide dog", HEALTH, "health"),
    ("Epilepsy", HEALTH, "health"),
    ("Takes medication with breakfast", HEALTH, "health"),
    ("Reduced mobility", HEALTH, "health"),
    ("Slecht ter been", HEALTH, "health"),
    # --- soft risks: warned, not blocked
    ("Special guest", WARN, "vague"),
    ("Strange requests", WARN, "vague"),
    ("Normal room", WARN, "vague"),
    ("Nice", WARN, "vague"),
    ("Aardige man", BLOCK, "character_mood"),
    ("The usual", WARN, "vague"),
    ("Typical", WARN, "vague"),
    ("Watch out", BLOCK, "suspicion_behaviour"),
    ("Let op!", WARN, "vague"),
    ("Keep an eye on him", BLOCK, "suspicion_behaviour"),
    ("Beware", BLOCK, "suspicion_behaviour"),
    ("Funny accent", BLOCK, "origin"),
    ("Grappige meneer", WARN, "vague"),
    ("Quite a character", WARN, "vague"),
    ("Interesting", WARN, "vague"),
    ("In de gaten houden", BLOCK, "suspicion_behaviour"),
    # --- clean phrases that look risky
    ("Prefers a table by the window", CLEAN, None),
    ("Prefers a quiet room away from the lift", CLEAN, None),
    ("Celebrating an anniversary this stay", CLEAN, None),
    ("Celebrating a gold anniversary", CLEAN, None),
    ("Early riser – breakfast from 6:30", CLEAN, None),
    ("Prefers a room with an old town view", CLEAN, None),
    ("Likes an Old Fashioned before dinner", CLEAN, None),
    ("Viert oud en nieuw bij ons", CLEAN, None),
    ("Kamer met mooi uitzicht op de gracht", CLEAN, None),
    ("Likes a dikke deken", CLEAN, None),
    ("Enriched oat milk in the coffee", CLEAN, None),
    ("Likes rich desserts", CLEAN, None),
    ("Low-fat milk at breakfast", CLEAN, None),
    ("Prefers the room next to the pool", CLEAN, None),
    ("Prefers to speak English", CLEAN, None),
    ("Full English breakfast", CLEAN, None),
    ("Her favourite table is by the window", CLEAN, None),
    ("Tafel links bij het raam", CLEAN, None),
    ("Kamer rechts van de lift", CLEAN, None),
    ("Vegetarian", CLEAN, None),
    ("Vegan, no honey", CLEAN, None),
    ("Gluten-free by choice", CLEAN, None),
    ("Lactose-free milk", CLEAN, None),
    ("Returning after a special occasion we hosted", CLEAN, None),
    ("Vipers and snakes exhibition tickets", CLEAN, None),
    ("Extra pillows", CLEAN, None),
    ("No phone calls to the room", CLEAN, None),
    ("Room with blackout blinds", CLEAN, None),
    ("Reads a foreign newspaper at breakfast", CLEAN, None),
    ("Whale watching trip on Sunday", CLEAN, None),
    ("Komt ze uren te vroeg ophalen", CLEAN, None),
    ("Does not want upselling offers", CLEAN, None),
]




DUTCH = {
    "Geeft veel geld uit aan wijn",
    "Erg gierig",
    "Geeft altijd flinke fooien",
    "Heeft een dure smaak",
    "A-klant",
    "A klant",
    "b-klant, geen upgrade",
    "Belangrijke gast voor de zaak",
    "Zeer belangrijk!",
    "Lastige klant",
    "Onbeleefd tegen de bediening",
    "Was erg boos",
    "Bekende klager",
    "Zeer veeleisend",
    "Kwam dronken binnen",
    "Dikke meneer van kamer 12",
    "Lelijke jas",
    "Mooie vrouw",
    "Oude man, loopt langzaam",
    "Buitenlandse gast",
    "Duitser, wil altijd de ligstoel",
    "Moslim, geen varkensvlees",
    "Joods",
    "Katholiek",
    "Homo",
    "Extreem-rechts",
    "Stemt PVV",
    "Komt met zijn minnares",
    "Notenallergie",
    "Pinda-allergie",
    "Allergisch voor schaaldieren",
    "Coeliakie",
    "Lactose-intolerant",
    "Lactose intolerantie",
    "Heeft diabetes",
    "Rolstoelgebruiker",
    "Zwanger",
    "Slechthorend",
    "Slecht ter been",
    "Aardige man",
    "Let op!",
    "Grappige meneer",
    "In de gaten houden",
    "Viert oud en nieuw bij ons",
    "Kamer met mooi uitzicht op de gracht",
    "Tafel links bij het raam",
    "Kamer rechts van de lift",
    "Komt ze uren te vroeg ophalen",
}


def _lang(text: str) -> str:
    return "nl" if text in DUTCH else "en"


def _check(text: str, special: bool) -> WordingResult:
    return check_wording([text], special_category=special, languages=[_lang(text)])


def _ids(row: tuple[str, str, str | None]) -> str:
    return f"{row[1]}:{row[0]}"


def _groups(findings: tuple[Finding, ...]) -> set[str]:
    return {f.group for f in findings}


@pytest.mark.parametrize(("text", "expected", "group"), PHRASES, ids=[_ids(r) for r in PHRASES])
def test_phrase_table(text: str, expected: str, group: str | None) -> None:
    result = _check(text, False)
    found = [(f.group, f.matched) for f in result.findings]
    if expected == BLOCK:
        assert result.blocked, found
        assert any(f.severity is Severity.BLOCK for f in result.findings), found
        assert group in _groups(result.blocking), found
    elif expected == HEALTH:
        assert result.blocked, found
        assert result.needs_special_category, found
        assert not any(f.severity is Severity.BLOCK for f in result.findings), found
        assert group in _groups(result.health), found
        special = _check(text, True)
        assert not special.blocked, found
        assert special.needs_special_category
        assert special.clean, found
    elif expected == WARN:
        assert not result.blocked, found
        assert not result.needs_special_category, found
        assert result.warnings, found
        assert group in _groups(result.warnings), found
        assert not result.clean
    else:
        assert result.findings == (), found
        assert result.clean
        assert result.reasons("en") == []


def test_table_is_large_and_balanced() -> None:
    counts = {
        kind: sum(1 for r in PHRASES if r[1] == kind) for kind in (BLOCK, HEALTH, WARN, CLEAN)
    }
    assert len(PHRASES) >= 60
    assert all(n >= 10 for n in counts.values()), counts


def test_health_with_special_flag_is_clean() -> None:
    result = check_wording(["Allergic to nuts"], special_category=True)
    assert not result.blocked
    assert result.needs_special_category
    assert result.warnings == ()
    assert result.clean
    assert [f.matched for f in result.health] == ["Allergic"]


def test_block_stays_blocked_with_special_flag() -> None:
    result = check_wording(["Nut allergy, big spender"], special_category=True)
    assert result.blocked
    assert [f.group for f in result.blocking] == ["spending"]


def test_whole_words_only() -> None:
    for text in ("enriched", "Richard", "vipers", "overrich", "whaleboat"):
        assert check_wording([text], special_category=False, languages=["en"]).findings == (), \
            text
    assert check_wording(["Rijksmuseum"], special_category=False, languages=["nl"]).clean
    assert check_wording(["rich"], special_category=False, languages=["en"]).blocked


def test_case_accents_and_obfuscation() -> None:
    for text in (
        "BIG SPENDER",
        "bíg spëndér",
        "Ｂｉｇ Ｓｐｅｎｄｅｒ",
        "big\u00adspender",
        "b.i.g spender",
    ):
        result = check_wording([text], special_category=False)
        assert "spending" in _groups(result.blocking), text
    # accents in the rule are optional in the text, and the other way round
    assert check_wording(["Coeliakíe"], special_category=False).needs_special_category
    assert check_wording(["geïrriteerd en onbeleefd"], special_category=False).blocked


def test_offsets_point_at_the_words() -> None:
    text = "Alert the manager. Big   Spender!"
    result = check_wording([text], special_category=False, languages=["en"])
    spending = next(f for f in result.findings if f.group == "spending")
    assert text[spending.start : spending.end] == "Big   Spender"
    assert spending.matched == "Big   Spender"
    assert spending.phrase == "big spender"
    assert spending.text_index == 0
    warn = next(f for f in result.findings if f.group == "vague")
    assert (warn.start, warn.end) == (0, len("Alert the manager"))


def test_offsets_with_accents_and_decomposed_characters() -> None:
    text = "Cafe\u0301 regular, ve\u0301ry rude"  # decomposed accents before the word
    result = check_wording([text], special_category=False)
    (finding,) = result.findings
    assert text[finding.start : finding.end] == "rude"
    text = "Zéér VEELEISEND"
    (finding,) = check_wording([text], special_category=False).findings
    assert text[finding.start : finding.end] == "VEELEISEND"
    text = "Vegetarian, V.I.P."
    (finding,) = check_wording([text], special_category=False).findings
    assert text[finding.start : finding.end] == "V.I.P"


def test_prefix_match_highlights_the_whole_word() -> None:
    text = "Is erg allergisch voor noten"
    (finding,) = check_wording([text], special_category=True).findings
    assert finding.matched == "allergisch"
    text = "Heeft een notenallergie"
    (finding,) = check_wording([text], special_category=True).findings
    assert finding.matched == "notenallergie"


def test_several_texts_carry_their_index() -> None:
    texts = ["Prefers a quiet room", "You are a VIP.", "U bent een A-klant."]
    result = check_wording(texts, special_category=False)
    assert [(f.text_index, f.matched) for f in result.findings] == [(1, "VIP"), (2, "A-klant")]
    for finding in result.findings:
        assert texts[finding.text_index][finding.start : finding.end] == finding.matched


def test_a_single_string_is_one_text() -> None:
    result = check_wording("Big spender", special_category=False)
    assert [f.matched for f in result.findings] == ["Big spender"]


def test_reasons_per_language_once_per_group() -> None:
    result = check_wording(["VIP, gold star, the usual"], special_category=False,
                           languages=["en"])
    en = result.reasons("en")
    nl = result.reasons("nl")
    assert len(en) == len(nl) == 2  # value ranking once, then the warning
    assert en[0].startswith("Ranks a guest's worth.")
    assert nl[0].startswith("Rangschikt de waarde van een gast.")
    assert nl[1].startswith("Vaag, beladen of spottend")
    assert result.reasons("xx") == en  # an unknown language falls back to English
    first = result.findings[0]
    assert first.reason_in("nl") == "Rangschikt de waarde van een gast."
    assert first.suggestion_in("en").startswith("We recognise people")
    assert first.kind is Kind.JUDGEMENT


def test_health_reason_only_when_not_special() -> None:
    assert len(check_wording(["Nut allergy"], special_category=False).reasons("en")) == 1
    assert check_wording(["Nut allergy"], special_category=True).reasons("en") == []


def test_default_rules_are_cached() -> None:
    assert default_rules() is default_rules()
    assert load_rules() is default_rules()


def test_every_category_has_a_reason_and_suggestion_in_every_language() -> None:
    from app import languages
    from app.i18n import gettext

    assert {"spending", "value_ranking", "character_mood", "body_looks", "health"} <= set(
        FINDING_CATEGORIES)
    assert {c.severity for c in FINDING_CATEGORIES.values()} == set(Severity)
    for lang in languages.codes():
        if lang == languages.source():
            continue
        for cat in FINDING_CATEGORIES.values():
            for msgid in (cat.title, cat.reason, cat.suggestion):
                assert gettext(lang, msgid) != msgid, (lang, msgid)


def test_allow_phrases_do_not_hide_findings_elsewhere() -> None:
    result = check_wording(["Rich food, rich guest"], special_category=False,
                           languages=["en"])
    assert [f.matched for f in result.findings] == ["rich"]
    assert result.findings[0].start == len("Rich food, ")


# --------------------------------------------------------------------------- extra rule files

EXTRA_RULES = """
format = 1

[[group]]
name = "spending"
phrases = ["moneybags"]
allow = ["cheap flights"]

[[group]]
name = "house_nicknames"
severity = "block"
phrases = ["the duchess", "de hertog*"]
[group.reason]
en = "Nicknames for guests are not allowed."
nl = "Bijnamen voor gasten zijn niet toegestaan."
"""


def test_extra_rules_file_extends_the_lists(tmp_path: Path) -> None:
    extra = tmp_path / "manager.toml"
    extra.write_text(EXTRA_RULES, encoding="utf-8")
    texts = ["Moneybags", "The Duchess of room 4", "de Hertogin", "Books cheap flights"]
    langs = ["en", "en", "nl", "en"]
    before = check_wording(texts, special_category=False, languages=langs)
    assert [(f.text_index, f.group) for f in before.findings] == [(3, "spending")]  # "cheap"

    rules = load_rules(extra)
    after = check_wording(texts, special_category=False, rules=rules, languages=langs)
    assert [(f.text_index, f.group) for f in after.findings] == [
        (0, "spending"),
        (1, "house_nicknames"),
        (2, "house_nicknames"),
    ]  # and the manager's "cheap flights" silences the built-in "cheap"
    assert after.findings[2].matched == "de Hertogin"
    assert rules.group("house_nicknames").reason["nl"].startswith("Bijnamen")
    assert after.findings[1].reason_in("de") == "Nicknames for guests are not allowed."
    # an extended built-in category keeps its severity and its built-in reasons
    spending = rules.group("spending")
    assert spending.severity is Severity.BLOCK
    assert "moneybags" in spending.phrases
    assert after.findings[0].reason_in("nl").startswith("Zegt iets over het geld")
    assert str(extra) in rules.sources
    # the cached default rules are untouched
    assert not check_wording(["moneybags"], special_category=False, languages=["en"]).blocked
    assert rules.check(["moneybags"], special_category=False).blocked


def test_extra_files_apply_in_order(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    first.write_text(EXTRA_RULES, encoding="utf-8")
    second = tmp_path / "b.toml"
    second.write_text(
        '[[group]]\nname = "house_nicknames"\nseverity = "warn"\n[group.reason]\nen = "Hm."\n',
        encoding="utf-8",
    )
    rules = load_rules(first, second)
    group = rules.group("house_nicknames")
    assert group.severity is Severity.WARN
    assert group.reason["en"] == "Hm." and group.reason["nl"].startswith("Bijnamen")
    result = check_wording(["The duchess"], special_category=False, rules=rules)
    assert not result.blocked and result.warnings


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[group]]\nname = "x"\nseverity = "fatal"\nphrases = ["a"]\nreason.en = "r"', "severity"),
        ('[[group]]\nname = "x"\nphrases = ["a"]\nreason.en = "r"', "severity"),
        ('[[group]]\nname = "x"\nseverity = "warn"\nphrases = ["a"]', "reason.en"),
        ('[[group]]\nname = "x"\nseverity = "warn"\nreason.en = "r"', "phrase"),
        ('[[group]]\nname = "x"\nseverity = "warn"\nphrases = ["a*b"]\nreason.en = "r"', "'*'"),
        ('[[group]]\nname = "x"\nseverity = "warn"\nphrases = ["--"]\nreason.en = "r"', "letters"),
        ('[[group]]\nname = "x"\nseverity = "warn"\nphrase = ["a"]\nreason.en = "r"', "unknown"),
        (
            '[[group]]\nname = "Bad Name"\nseverity = "warn"\nphrases = ["a"]\nreason.en = "r"',
            "slug",
        ),
        ("format = 2", "format"),
        ("words = []", "unknown top-level"),
        ("[[group]\n", "not valid TOML"),
    ],
)
def test_malformed_rules_are_reported(text: str, message: str) -> None:
    with pytest.raises(RulesError) as info:
        rules_from_toml(text, source="manager.toml")
    assert message in str(info.value)
    assert "manager.toml" in str(info.value)


def test_missing_rules_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="Cannot read"):
        load_rules(tmp_path / "nope.toml")


def test_default_rules_path_points_into_resources() -> None:
    assert DEFAULT_RULES_PATH == REPO / "resources" / "wording_rules.toml"
    assert DEFAULT_RULES_PATH.is_file()


# --------------------------------------------------------------------------- property tests


@settings(max_examples=300, deadline=None, database=None)
@given(
    texts=st.lists(st.text(max_size=200), max_size=4),
    special=st.booleans(),
)
def test_never_crashes_and_offsets_are_valid(texts: list[str], special: bool) -> None:
    result = check_wording(texts, special_category=special)
    for finding in result.findings:
        assert 0 <= finding.text_index < len(texts)
        text = texts[finding.text_index]
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.matched
        assert finding.severity in set(Severity)
    assert result.blocked == bool(result.blocking)
    for lang in LANGUAGES:
        assert all(isinstance(r, str) and r for r in result.reasons(lang))


@settings(max_examples=200, deadline=None, database=None)
@given(
    before=st.text(alphabet=" .,;:!?()\n", max_size=5),
    sep=st.sampled_from([" ", "  ", "-", " - ", "", "\t", "_", "\u200b"]),
    after=st.text(alphabet=" .,;:!?()\n", max_size=5),
    upper=st.booleans(),
)
def test_spacing_and_punctuation_do_not_hide_a_phrase(
    before: str, sep: str, after: str, upper: bool
) -> None:
    word = f"big{sep}spender"
    text = before + (word.upper() if upper else word) + after
    result = check_wording([text], special_category=False)
    assert "spending" in _groups(result.blocking)
    finding = next(f for f in result.findings if f.group == "spending")
    assert finding.start == len(before)


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=100))
def test_normalise_maps_back_to_the_text(text: str) -> None:
    folded, origin = normalise(text)
    assert len(folded) == len(origin)
    assert origin == sorted(origin)
    assert all(0 <= i < len(text) for i in origin)


# --------------------------------------------------------------------------- starter vocabulary


def _starter() -> list[dict[str, Any]]:
    with STARTER.open("rb") as fh:
        labels = tomllib.load(fh)["label"]
    assert isinstance(labels, list)
    return labels


def _label_texts(label: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Every text of a starter label and its language."""
    texts, langs = [], []
    staff = label["staff"] if isinstance(label["staff"], dict) else {"en": label["staff"]}
    for part in (staff, label["guest"], label["purpose"]):
        for lang, text in part.items():
            texts.append(text)
            langs.append(lang)
    return texts, langs


def test_starter_shape() -> None:
    labels = _starter()
    assert 35 <= len(labels) <= 45
    keys = [label["key"] for label in labels]
    assert len(keys) == len(set(keys))
    per_category = {c: sum(1 for lb in labels if lb["category"] == c) for c in CATEGORIES}
    assert all(8 <= n <= 12 for n in per_category.values()), per_category
    allowed_keys = {"key", "category", "sensitivity", "retention_days", "staff", "guest", "purpose"}
    for label in labels:
        assert set(label) == allowed_keys, label["key"]
        assert label["key"] == label["key"].strip().lower()
        assert all(ch.isalnum() or ch == "-" for ch in label["key"]), label["key"]
        assert label["category"] in CATEGORIES, label["key"]
        assert label["sensitivity"] in SENSITIVITIES, label["key"]
        assert isinstance(label["retention_days"], int) and label["retention_days"] > 0
        for part in ("staff", "guest", "purpose"):
            assert set(LANGUAGES) <= set(label[part]), (label["key"], part)
            assert all(isinstance(v, str) and v.strip() for v in label[part].values())
    assert any(label["sensitivity"] == "special" for label in labels)


def test_starter_occasions_are_kept_briefly() -> None:
    by_key = {label["key"]: label for label in _starter()}
    assert by_key["anniversary-this-stay"]["retention_days"] <= 60
    assert by_key["vegetarian"]["sensitivity"] == "normal"
    for key in ("nut-allergy", "coeliac-no-gluten", "wheelchair-step-free-room"):
        assert by_key[key]["sensitivity"] == "special"


@pytest.mark.parametrize("label", _starter(), ids=lambda label: str(label["key"]))
def test_starter_label_passes_wording_check(label: dict[str, Any]) -> None:
    special = label["sensitivity"] == "special"
    texts, langs = _label_texts(label)
    result = check_wording(texts, special_category=special, languages=langs)
    found = [(f.group, f.matched) for f in result.findings]
    assert not result.blocked, found
    assert result.warnings == (), found
    # the sensitivity must agree with the words: health words <=> special
    assert result.needs_special_category == special, found


def test_rules_type_is_exported() -> None:
    assert isinstance(default_rules(), Rules)
