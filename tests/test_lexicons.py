"""The category lexicons (resources/lexicons/) and the evaluation set that measures them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pycountry
import pytest
from babel import Locale

from app import lexicon_sources, morphology
from app.lexicon import Lexicon, LexiconError, load_file, parse_pattern, tokenise
from app.wording import check_wording
from app.wording_categories import CATEGORIES

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "tests" / "data" / "wording_eval"


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("wording_eval", REPO / "bench" /
                                                  "wording_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wording_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", lexicon_sources.lexicon_languages())
def test_every_lexicon_file_parses_into_known_categories(language: str) -> None:
    lx = lexicon_sources.lexicon(language)
    assert len(lx.patterns) > 300
    for path in lexicon_sources.lexicon_files(language):
        if path.name.startswith("_") or path.name == lexicon_sources.PATTERNS_FILE:
            continue
        assert path.stem in CATEGORIES, path
    for p in lx.patterns:
        assert p.category in CATEGORIES or p.category.startswith("_"), p.source


def test_demonyms_cover_every_cldr_country_region_and_former_country() -> None:
    territories = set(Locale("en").territories)
    countries = {code for code in territories if len(code) == 2 and code.isalpha()}
    regions = {code for code in territories if code.isdigit()} - {"001"}  # not the world
    skipped = {"AC", "AQ", "BV", "CP", "DG", "EU", "EZ", "HM", "IC", "QO", "TA", "UM", "UN",
               "XA", "XB", "ZZ"}
    former = {c.alpha_4 for c in pycountry.historic_countries}
    codes = lexicon_sources.demonym_codes()
    assert countries - skipped - codes == set()
    assert regions - codes == set()
    assert former - lexicon_sources.NOT_ORIGIN_FORMER - codes == set()
    assert codes <= countries | regions | former
    assert not codes & lexicon_sources.NOT_ORIGIN_FORMER
    adjectives, nouns = lexicon_sources.demonyms("nl")
    assert {"Portugees", "Braziliaans", "Indonesisch"} <= set(adjectives)
    assert "Duitser" in nouns


def _inflected(adjective: str, language: str) -> str:
    """The adjective as it stands before a noun: Dutch "Pools" -> "Poolse", "Chinees" ->
    "Chinese"; German "polnisch" -> "polnische"; English unchanged."""
    if language == "nl" and adjective.endswith("s"):
        return adjective[:-3] + adjective[-2:] + "e" if adjective.endswith(
            ("ees", "aas", "oos")) and adjective[-4] not in "aeiou" else adjective + "e"
    return adjective + "e" if language == "de" else adjective


_FAMILY = {"en": "{} family", "nl": "{} familie", "de": "{} Familie"}
_FROM = {"en": "comes from {}", "nl": "komt uit {}", "de": "kommt aus {}"}
#: Table words the check cannot take as origin on their own, and why.
_KNOWN_GAPS = {
    ("en", "Isle of Man"): "allowed: 'man' would otherwise be origin everywhere",
    ("nl", "Noordelijke Marianen"): "not an inflectable adjective",
    ("nl", "Chinees"): "allowed alone: 'haalt Chinees' is the restaurant",
}


@pytest.mark.parametrize("language", ["en", "nl", "de"])
def test_every_nationality_word_and_country_in_the_tables_is_caught(language: str) -> None:
    """Each table word in a plain desk phrase is found as origin: guards against an allowed
    phrase or a morphology rule that swallows a whole nationality ("!polished" once allowed
    "Polish" in every label)."""
    adjectives, nouns = lexicon_sources.demonyms(language)
    phrases = [_FAMILY[language].format(_inflected(a, language)) for a in adjectives]
    phrases += nouns
    phrases += [_FROM[language].format(c) for c in
                (*lexicon_sources.countries(language), *lexicon_sources.former_countries(language))]
    missed = [p for p in phrases if "origin" not in check_wording(
        [p], special_category=False, languages=[language]).categories()
        and not any(lang == language and word in p for lang, word in _KNOWN_GAPS)]
    assert missed == []
    assert len(phrases) > 500


def test_an_allowed_phrase_in_an_inflected_form_allows_only_that_form() -> None:
    lx = Lexicon("en")
    lx.add(parse_pattern("Polish", category="origin", language="en"))
    lx.add(parse_pattern("!polished", category="origin", language="en"))
    lx.add(parse_pattern("!persian rug", category="origin", language="en"))
    lx.add(parse_pattern("Persian", category="origin", language="en"))

    def found(text: str) -> list[str]:
        return [text[m.start:m.end] for m in lx.find(text, tokenise(text), "en")]

    assert found("Polish workers") == ["Polish"]
    assert found("Likes polished shoes") == []
    assert found("Two Persian rugs in the room") == []  # dictionary form: every inflection


def test_former_countries_and_regions() -> None:
    def groups(text: str, lang: str) -> set[str]:
        return set(check_wording([text], special_category=False, languages=[lang]).categories())

    assert "Joegoslavië" in lexicon_sources.former_countries("nl")
    assert "Niederländische Antillen" in lexicon_sources.former_countries("de")
    assert groups("Antilliaanse familie", "nl") == {"origin"}
    assert groups("Komt uit de Sovjet-Unie", "nl") == {"origin"}
    assert groups("Yugoslavian couple", "en") == {"origin"}
    assert groups("Caribbean family", "en") == {"origin"}
    assert groups("Karibische Familie", "de") == {"origin"}
    assert groups("Comes from Jordan", "en") == {"origin"}  # a country that is also a name
    assert groups("Jordan will call back", "en") == set()


def test_peoples_named_by_their_language_and_the_service_contexts() -> None:
    def groups(text: str, lang: str) -> set[str]:
        return set(check_wording([text], special_category=False, languages=[lang]).categories())

    assert "Tamil" in lexicon_sources.peoples("en")
    assert "Fries" in lexicon_sources.peoples("nl")
    assert "Sanskrit" not in lexicon_sources.peoples("en")
    assert groups("Tamil couple", "en") == {"origin"}
    assert groups("Friese boer", "nl") == {"origin"}
    assert groups("Baskische Familie", "de") == {"origin"}
    assert groups("Speaks Tamil", "en") == set()
    assert groups("Speaks Hungarian and German", "en") == set()  # a list of languages
    assert groups("Spreekt Hongaars en Duits", "nl") == set()
    assert groups("Likes Japanese green tea", "en") == set()  # one word between
    # ... but a person between the nationality and the thing is a person
    assert groups("Hungarian lady with a dog", "en") == {"origin"}
    assert groups("Brazilian football fans", "en") == {"origin"}


def test_country_names_come_from_cldr_in_each_language() -> None:
    assert "Portugal" in lexicon_sources.countries("en")
    assert "Brazilië" in lexicon_sources.countries("nl")
    assert "Brasilien" in lexicon_sources.countries("de")
    assert "Myanmar" in lexicon_sources.countries("en")  # "Myanmar (Burma)": both forms
    assert "Myanmar Burma" in lexicon_sources.countries("en")
    assert "world" not in [c.lower() for c in lexicon_sources.countries("en")]


def test_lemmas_and_compounds_instead_of_wildcards() -> None:
    def groups(text: str, lang: str) -> set[str]:
        return set(check_wording([text], special_category=False, languages=[lang]).categories())

    assert groups("notenallergieën", "nl") == {"health"}  # compound + plural
    assert groups("Hartpatiënte", "nl") == {"health"}  # compound + feminine
    assert groups("Indonesische familie", "nl") == {"origin"}  # inflected adjective
    assert groups("Erdnussallergiker", "de") == {"health"}
    assert groups("richest guests in town", "en") == {"spending"}  # comparison by lemma
    assert groups("Speaks Portuguese", "en") == set()  # a language, not an origin
    assert groups("Likes Italian wine", "en") == set()  # a wine from a country
    assert groups("Kamer met bad", "nl") == set()  # "bad" is also a form of "bidden"
    # "still" (quiet) shares forms with "stillen" (to breastfeed)
    assert groups("Stilles Wasser", "de") == set()
    assert groups("Möchte einen stillen Tisch", "de") == set()
    assert groups("Stillt noch", "de") == {"health"}
    assert groups("Eine stillende Mutter", "de") == {"health"}


def test_a_word_of_another_language_counts_unless_the_text_language_knows_it() -> None:
    # "arm" is Dutch for poor, English for an arm
    assert "spending" not in check_wording(["Arm in a sling"], special_category=False,
                                           languages=["en"]).categories()
    assert "spending" in check_wording(["Arme familie"], special_category=False,
                                       languages=["nl"]).categories()
    # an English judgement in a Dutch label is still caught
    assert "spending" in check_wording(["Echte big spender"], special_category=False,
                                       languages=["nl"]).categories()


def test_pattern_syntax() -> None:
    lx = Lexicon("en")
    lx.add(parse_pattern("might … [steal|run off]", category="suspicion_behaviour",
                         language="en"))
    lx.add(parse_pattern("too much $", category="suspicion_behaviour", language="en"))
    lx.add(parse_pattern("!too much $ ice", category="suspicion_behaviour", language="en"))

    def found(text: str) -> list[str]:
        return [text[m.start:m.end] for m in lx.find(text, tokenise(text), "en")]

    assert found("He might just run off") == ["might just run off"]
    assert found("might steal") == ["might steal"]
    assert found("Talks too much") == ["too much"]
    assert found("Too much ice in drinks") == []
    with pytest.raises(LexiconError, match="needs words"):
        parse_pattern("might []", category="x", language="en")


def test_a_bad_lexicon_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "patterns.txt"
    bad.write_text("# fine\nkeep an eye on\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"patterns.txt:2"):
        load_file(Lexicon("en"), bad, category=None)


def test_tokens_keep_offsets_and_acronyms() -> None:
    tokens = tokenise("A V.I.P. guest, b.i.g spender")
    assert [t.text for t in tokens] == ["A", "VIP", "guest", "big", "spender"]
    assert tokens[1].start == 2 and tokens[1].end == 7


def test_morphology_keys() -> None:
    assert "allergie" in morphology.keys("allergieën", "nl")
    assert morphology.fold("Straße") == "strasse"
    assert morphology.EXACT + "bad" in morphology.keys("bad", "nl")
    # adjectives of origin the dictionaries lack, by their regular endings
    assert "trinidadiaans" in morphology.keys("Trinidadiaanse", "nl")
    assert "chinees" in morphology.keys("Chinese", "nl")
    assert "estnisch" in morphology.keys("estnischen", "de")
    assert morphology.uninflected("Rose", "en") == ()


# --------------------------------------------------------------------------- evaluation set

def test_evaluation_set_is_large_split_and_disjoint() -> None:
    bench = _bench()
    tuning = bench.read("tuning")  # type: ignore[attr-defined]
    test = bench.read("test")  # type: ignore[attr-defined]
    assert len(tuning) + len(test) >= 1200
    keys = {(r.lang, r.phrase) for r in tuning}
    assert not keys & {(r.lang, r.phrase) for r in test}
    for lang in ("en", "nl", "de"):
        for expect in (*CATEGORIES.keys() - {"vague", "speculation"}, "clean"):
            assert any(r.lang == lang and r.expect == expect for r in test), (lang, expect)
    split = importlib.util.spec_from_file_location("split", EVAL / "split.py")
    assert split is not None and split.loader is not None
    module = importlib.util.module_from_spec(split)
    split.loader.exec_module(module)
    again_tuning, again_test = module.split()
    assert [tuple(r) for r in again_tuning] == [(r.lang, r.expect, r.topic, r.phrase)
                                               for r in tuning]
    assert len(again_test) == len(test)


def test_the_tuning_half_stays_caught_and_clean() -> None:
    """A regression guard on the half the lexicons were tuned on (the test half is measured
    by bench/wording_eval.py and reported in docs/wording-check.md)."""
    bench = _bench()
    stats, misses, _times = bench.evaluate(bench.read("tuning"))  # type: ignore[attr-defined]
    for name, s in stats.items():
        if s["n"]:
            assert s["caught"] / s["n"] >= 0.97, (name, [m[0].phrase for m in misses])
