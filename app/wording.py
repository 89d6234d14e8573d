"""Wording checks: catch judgements and special-category data before they become a label.

Frontdesk never stores free text about a guest, but managers still *write*
words: the staff wording, guest wording and purpose of every vocabulary
label, in each language. This module answers, for such texts:

* is the text **blocked** — a judgement about a person (spending, worth,
  character, suspicion, looks, age) or a special category Frontdesk never
  records (origin, religion, sexual orientation and gender identity,
  politics and union membership, genetic and biometric data)?
* does it reveal **health**, so the label must be marked special category
  (usable only with the guest's explicit consent)?
* are there **soft warnings** (vague, mocking or speculative words)?

The knowledge is data: category lexicons and judgement patterns per language
in ``resources/lexicons/`` (:mod:`app.lexicon`, :mod:`app.lexicon_sources`),
matched by lemma and stem (:mod:`app.morphology`) and inside Dutch and German
compounds. Each finding names its category (:mod:`app.wording_categories`)
with a reason and a suggestion in the reader's language.

Managers may add their own words in a TOML file (format in
``resources/wording_rules.toml``): phrases matched as written, where a
trailing ``*`` matches any word beginning with the phrase and a leading
``*`` the end of a compound word. Case, accents, punctuation and spacing
are ignored ("Big-Spender!", "V.I.P."). Every finding carries character
offsets into the original text so a UI can highlight the words.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app import wording_categories
from app.lexicon import tokenise
from app.wording_categories import CATEGORIES, Kind, Severity, canonical

__all__ = [
    "DEFAULT_RULES_PATH",
    "Finding",
    "Kind",
    "RuleGroup",
    "Rules",
    "RulesError",
    "Severity",
    "WordingResult",
    "check_wording",
    "default_rules",
    "load_rules",
    "normalise",
    "rules_from_toml",
]

DEFAULT_RULES_PATH = Path(__file__).resolve().parent.parent / "resources" / "wording_rules.toml"

#: Language used when a reason is not available in the requested language.
FALLBACK_LANGUAGE = "en"

_FORMAT_VERSION = 1
_GROUP_KEYS = frozenset({"name", "severity", "reason", "phrases", "allow"})
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_\-]*")

# Building blocks for the phrase patterns, applied to *normalised* text.
_WORD_CHAR = r"[^\W_]"  # a letter or digit ("_" counts as a separator)
_START = r"(?<![^\W_])"  # not preceded by a letter or digit
_END = r"(?![^\W_])"  # not followed by a letter or digit
_BETWEEN_WORDS = r"[\W_]*"  # "big spender", "big-spender", "bigspender"
_INSIDE_WORD = r"[^\w\s]*"  # "V.I.P.", "b-i-g"; no whitespace, so "ze uren" is not "zeur*"


class RulesError(ValueError):
    """A wording rules file is malformed; the message names the file and the fix."""


@dataclass(frozen=True)
class Finding:
    """One category's words found in one of the checked texts.

    ``start``/``end`` are offsets into the original text (``text[start:end]``
    equals ``matched``), so a UI can highlight the words; ``text_index`` says
    which of the checked texts it was found in; ``group`` is the category
    (see :mod:`app.wording_categories`) or a manager's own group.
    """

    phrase: str
    matched: str
    start: int
    end: int
    severity: Severity
    group: str
    reason: Mapping[str, str] = field(hash=False)
    text_index: int = 0

    @property
    def category(self) -> str:
        return self.group

    @property
    def kind(self) -> Kind:
        """Judgement, special category (refused), health or soft — for the manager's question."""
        known = CATEGORIES.get(canonical(self.group))
        if known is not None:
            return known.kind
        return {Severity.HEALTH: Kind.HEALTH, Severity.WARN: Kind.SOFT}.get(self.severity,
                                                                            Kind.JUDGEMENT)

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang``: a manager's own text if they wrote one, else the built-in."""
        if lang in self.reason or (self.reason and canonical(self.group) not in CATEGORIES):
            return _pick_language(self.reason, lang)
        return wording_categories.reason(self.group, lang)

    def suggestion_in(self, lang: str) -> str:
        """What to write instead, in ``lang`` ("" for a manager's own group)."""
        if canonical(self.group) not in CATEGORIES:
            return ""
        return wording_categories.suggestion(self.group, lang)

    def message(self) -> str:
        """The reason as a message the reader's side says in its language (``app.i18n``)."""
        if self.reason and canonical(self.group) not in CATEGORIES:
            return _pick_language(self.reason, FALLBACK_LANGUAGE)
        from app.i18n import Msg

        return Msg(CATEGORIES[canonical(self.group)].reason)

    def explanation_in(self, lang: str) -> str:
        """Reason and suggestion together, as one short paragraph."""
        return " ".join(p for p in (self.reason_in(lang), self.suggestion_in(lang)) if p)


@dataclass(frozen=True)
class WordingResult:
    """The outcome of checking one or more texts."""

    findings: tuple[Finding, ...]
    special_category: bool

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Findings that stop the texts from being accepted."""
        return tuple(
            f
            for f in self.findings
            if f.severity is Severity.BLOCK
            or (f.severity is Severity.HEALTH and not self.special_category)
        )

    @property
    def blocked(self) -> bool:
        """True if any block finding, or health wording on a non-special label."""
        return bool(self.blocking)

    @property
    def refused(self) -> tuple[Finding, ...]:
        """Findings that no answer or flag can make acceptable (everything but health)."""
        return tuple(f for f in self.findings if f.severity is Severity.BLOCK)

    @property
    def health(self) -> tuple[Finding, ...]:
        """Findings that mark the texts as health (special-category) data."""
        return tuple(f for f in self.findings if f.severity is Severity.HEALTH)

    @property
    def needs_special_category(self) -> bool:
        """True if the texts mention health, so the label must be special category."""
        return bool(self.health)

    @property
    def special_categories(self) -> tuple[str, ...]:
        """The special categories other than health found (origin, religion, …), in order."""
        return tuple(dict.fromkeys(f.group for f in self.findings if f.kind is Kind.SPECIAL))

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Soft findings: allowed, but worth a second look."""
        return tuple(f for f in self.findings if f.severity is Severity.WARN)

    @property
    def clean(self) -> bool:
        """Nothing blocks and nothing warns (health on a special label is fine)."""
        return not self.blocked and not self.warnings

    def categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.group for f in self.findings))

    def reasons(self, lang: str = FALLBACK_LANGUAGE) -> list[str]:
        """Why the texts are blocked or warned about, once per category, blocking first."""
        out: list[str] = []
        for finding in (*self.blocking, *self.warnings):
            text = finding.explanation_in(lang)
            if text not in out:
                out.append(text)
        return out


@dataclass(frozen=True)
class RuleGroup:
    """A manager's named list of phrases with one severity and one reason.

    ``allow`` lists clean phrases that contain a listed phrase: a finding
    inside an allowed phrase is dropped.
    """

    name: str
    severity: Severity
    reason: Mapping[str, str] = field(hash=False)
    phrases: tuple[str, ...]
    allow: tuple[str, ...] = ()

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return _compile_phrases(self.phrases)

    @cached_property
    def _allow_pattern(self) -> re.Pattern[str] | None:
        return _compile_phrases(self.allow)

    def find(self, normalised: str) -> Iterator[tuple[str, int, int]]:
        """Yield ``(phrase, start, end)`` in *normalised* text, minus allowed phrases."""
        pattern = self._pattern
        if pattern is None:
            return
        allowed: list[tuple[int, int]] = []
        if self._allow_pattern is not None:
            allowed = [m.span() for m in self._allow_pattern.finditer(normalised)]
        for match in pattern.finditer(normalised):
            start, end = match.span()
            if any(a <= start and end <= b for a, b in allowed):
                continue
            index = match.lastindex
            assert index is not None  # every alternative is one capturing group
            yield self._ordered_phrases[index - 1], start, end

    @cached_property
    def _ordered_phrases(self) -> tuple[str, ...]:
        """The phrases in pattern order (longest first, so the longest match wins)."""
        return _sorted_phrases(self.phrases)


@dataclass(frozen=True)
class Rules:
    """The built-in lexicons (``lexicons``) plus managers' phrase groups, ready to check."""

    groups: tuple[RuleGroup, ...] = ()
    sources: tuple[str, ...] = ()
    lexicons: bool = True

    def group(self, name: str) -> RuleGroup:
        """The manager's group called ``name``; KeyError if there is none."""
        for group in self.groups:
            if group.name == canonical(name):
                return group
        raise KeyError(name)

    def merged(self, other: Rules) -> Rules:
        """These rules extended by ``other`` (see :func:`load_rules` for how)."""
        by_name: dict[str, RuleGroup] = {g.name: g for g in self.groups}
        for new in other.groups:
            old = by_name.get(new.name)
            if old is None:
                by_name[new.name] = new
                continue
            by_name[new.name] = RuleGroup(
                name=old.name,
                severity=new.severity,
                reason=MappingProxyType({**old.reason, **new.reason}),
                phrases=_unique((*old.phrases, *new.phrases)),
                allow=_unique((*old.allow, *new.allow)),
            )
        return Rules(groups=tuple(by_name.values()), sources=(*self.sources, *other.sources),
                     lexicons=self.lexicons and other.lexicons)

    def check(self, texts: Iterable[str], *, special_category: bool,
              languages: Sequence[str | None] | None = None) -> WordingResult:
        """Same as :func:`check_wording` with these rules."""
        return check_wording(texts, special_category=special_category, rules=self,
                             languages=languages)


# --------------------------------------------------------------------------- loading


def rules_from_toml(text: str, *, source: str = "<string>", base: Rules | None = None) -> Rules:
    """Parse rules from TOML text; with ``base``, the groups extend those rules.

    An extending document may name an existing group and give only
    ``phrases`` and/or ``allow``; ``severity`` and ``reason`` then default to
    the base group's (a given ``reason`` is merged per language).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{source}: not valid TOML ({exc}). Fix the syntax and reload.") from exc
    return _rules_from_document(data, source=source, base=base)


def load_rules(*extra: Path) -> Rules:
    """The default rules, extended by each ``extra`` file in order.

    In an extra file, a group with a new name is added (it needs ``severity``
    and ``reason.en``); a group with an existing name adds its ``phrases`` and
    ``allow`` entries to that group and may override its severity or reason.
    Without arguments this returns the cached default rules.
    """
    rules = default_rules()
    for path in extra:
        rules = rules.merged(_load_file(path, base=rules))
    return rules


@cache
def default_rules() -> Rules:
    """The rules shipped in ``resources/wording_rules.toml`` (parsed once)."""
    return _load_file(DEFAULT_RULES_PATH, base=None)


def _load_file(path: Path, *, base: Rules | None) -> Rules:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RulesError(
            f"Cannot read wording rules file {path}: {exc.strerror or exc}. "
            "Check that the file exists and is readable."
        ) from exc
    return rules_from_toml(text, source=str(path), base=base)


def _rules_from_document(data: Mapping[str, Any], *, source: str, base: Rules | None) -> Rules:
    version = data.get("format", _FORMAT_VERSION)
    if version != _FORMAT_VERSION:
        raise RulesError(f"{source}: unsupported format {version!r}; expected {_FORMAT_VERSION}.")
    unknown = set(data) - {"format", "group"}
    if unknown:
        raise RulesError(
            f"{source}: unknown top-level key(s) {sorted(unknown)}; rules go in [[group]] tables."
        )
    raw_groups = data.get("group", [])
    if not isinstance(raw_groups, list):
        raise RulesError(f"{source}: 'group' must be an array of tables ([[group]]).")
    groups: dict[str, RuleGroup] = {}
    for position, raw in enumerate(raw_groups, start=1):
        group = _parse_group(raw, where=f"{source}: group #{position}", base=base)
        if group.name in groups:
            raise RulesError(f"{source}: group {group.name!r} is defined twice; merge them.")
        groups[group.name] = group
    return Rules(groups=tuple(groups.values()), sources=(source,))


def _parse_group(raw: object, *, where: str, base: Rules | None) -> RuleGroup:
    if not isinstance(raw, dict):
        raise RulesError(f"{where}: must be a table.")
    unknown = set(raw) - _GROUP_KEYS
    if unknown:
        raise RulesError(
            f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_GROUP_KEYS)}."
        )
    name = raw.get("name")
    if not isinstance(name, str) or not _NAME_RE.fullmatch(name):
        raise RulesError(f"{where}: 'name' must be a lowercase slug such as \"spending\".")
    where = f"{where} ({name!r})"
    name = canonical(name)
    existing: RuleGroup | None = None
    if base is not None:
        try:
            existing = base.group(name)
        except KeyError:
            existing = None
    builtin = CATEGORIES.get(name)
    known = existing is not None or builtin is not None

    severity_raw = raw.get("severity")
    if severity_raw is None:
        if existing is None and builtin is None:
            raise RulesError(f"{where}: a new group needs 'severity' (block, health or warn).")
        severity = existing.severity if existing is not None else \
            builtin.severity  # type: ignore[union-attr]
    else:
        try:
            severity = Severity(severity_raw)
        except ValueError:
            raise RulesError(
                f"{where}: severity {severity_raw!r} is not one of {[s.value for s in Severity]}."
            ) from None

    reason_raw = raw.get("reason", {})
    if not isinstance(reason_raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in reason_raw.items()
    ):
        raise RulesError(f"{where}: 'reason' must be a table of language = \"non-empty text\".")
    if not known and FALLBACK_LANGUAGE not in reason_raw:
        raise RulesError(f"{where}: a new group needs reason.{FALLBACK_LANGUAGE}.")

    phrases = _parse_phrase_list(raw.get("phrases", []), where=f"{where}: phrases")
    allow = _parse_phrase_list(raw.get("allow", []), where=f"{where}: allow")
    if not known and not phrases:
        raise RulesError(f"{where}: a new group needs at least one phrase.")
    return RuleGroup(
        name=name,
        severity=severity,
        reason=MappingProxyType(dict(reason_raw)),
        phrases=phrases,
        allow=allow,
    )


def _parse_phrase_list(raw: object, *, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise RulesError(f"{where}: must be a list of strings.")
    for phrase in raw:
        _phrase_regex(phrase, where=where)  # validate early, with a helpful message
    return _unique(raw)


# --------------------------------------------------------------------------- matching


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching and map each folded character to its source.

    Folding is NFKD, then dropping combining marks and invisible format
    characters (soft hyphens, zero-width spaces), then casefolding. The
    returned list has, for each character of the folded text, the index of
    the original character it came from.
    """
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        if piece:
            folded.append(piece)
            origin.extend([index] * len(piece))
    return "".join(folded), origin


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    once = "".join(c for c in decomposed if not _is_invisible(c)).casefold()
    # Casefolding can produce new decomposable characters; fold again.
    return "".join(c for c in unicodedata.normalize("NFKD", once) if not _is_invisible(c))


def _is_invisible(char: str) -> bool:
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in {"Mn", "Cf"}


def _fold(text: str) -> str:
    return normalise(text)[0]


def _phrase_regex(phrase: str, *, where: str = "phrase") -> str:
    """The regular expression (for normalised text) matching one rule phrase."""
    stripped = phrase.strip()
    prefix = stripped.endswith("*")
    suffix = stripped.startswith("*")
    core = stripped.strip("*")
    if "*" in core:
        raise RulesError(f"{where}: {phrase!r}: '*' is only allowed at the start or end.")
    words = re.findall(r"[^\W_]+", _fold(core))
    if not words:
        raise RulesError(f"{where}: {phrase!r} has no letters or digits to match.")
    body = _BETWEEN_WORDS.join(_INSIDE_WORD.join(re.escape(c) for c in word) for word in words)
    head = _WORD_CHAR + "*" if suffix else ""
    tail = _WORD_CHAR + "*" if prefix else _END
    return head + body + tail


def _compact_length(phrase: str) -> int:
    return len(re.sub(r"[\W_]", "", _fold(phrase.strip("* "))))


def _sorted_phrases(phrases: Sequence[str]) -> tuple[str, ...]:
    # Longest first, so "big spender" wins over "spender" at the same place.
    return tuple(sorted(phrases, key=lambda p: (-_compact_length(p), p)))


def _compile_phrases(phrases: Sequence[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = "|".join(f"({_phrase_regex(p)})" for p in _sorted_phrases(phrases))
    return re.compile(f"{_START}(?:{alternatives})")


def check_wording(
    texts: Iterable[str], *, special_category: bool, rules: Rules | None = None,
    languages: Sequence[str | None] | None = None,
) -> WordingResult:
    """Check texts (e.g. a label's staff wording, guest wording and purpose).

    ``special_category`` says whether the label is marked as special-category
    (health) data; health wording on a label that is not is blocked. A single
    string is treated as one text. ``languages`` gives each text's language
    (None: unknown); words are matched in that language's lexicon first, and
    in the others only where that language does not know the word. Uses the
    cached default rules unless ``rules`` is given.
    """
    active = default_rules() if rules is None else rules
    items: tuple[str, ...] = (texts,) if isinstance(texts, str) else tuple(texts)
    langs: list[str | None] = list(languages or [])
    langs += [None] * (len(items) - len(langs))
    findings: list[Finding] = []
    for text_index, text in enumerate(items):
        if not isinstance(text, str):
            raise TypeError(f"text #{text_index} is {type(text).__name__}, expected str")
        found = list(_check_one(text, text_index, active))
        if active.lexicons:
            found += _check_lexicons(text, text_index, langs[text_index], active)
        findings.extend(_outermost(found))
    findings.sort(key=lambda f: (f.text_index, f.start, f.end, f.group, f.phrase))
    return WordingResult(findings=tuple(findings), special_category=special_category)


def _check_lexicons(text: str, text_index: int, language: str | None, rules: Rules
                    ) -> Iterator[Finding]:
    from app import lexicon_sources

    tokens = tokenise(text)
    if not tokens:
        return
    custom = {g.name: g for g in rules.groups}
    allowed = _custom_allowed(text, custom)
    order = sorted(lexicon_sources.lexicon_languages(), key=lambda code: code != language)
    for code in order:
        for m in lexicon_sources.lexicon(code).find(text, tokens, language):
            name = m.pattern.category
            category = CATEGORIES.get(name)
            if category is None:  # a word class such as _food: context only
                continue
            if any(g == name and a <= m.start and m.end <= b for g, a, b in allowed):
                continue
            group = custom.get(name)
            yield Finding(
                phrase=m.pattern.source,
                matched=text[m.start:m.end],
                start=m.start,
                end=m.end,
                severity=group.severity if group is not None else category.severity,
                group=name,
                reason=group.reason if group is not None else MappingProxyType({}),
                text_index=text_index,
            )


def _custom_allowed(text: str, custom: Mapping[str, RuleGroup]) -> list[tuple[str, int, int]]:
    """A manager's "allow" phrases also silence the built-in lexicon of their group."""
    out: list[tuple[str, int, int]] = []
    folded, origin = normalise(text)
    for group in custom.values():
        if group._allow_pattern is None:
            continue
        for m in group._allow_pattern.finditer(folded):
            a, b = _original_span(text, origin, *m.span())
            out.append((group.name, a, b))
    return out


def _outermost(found: Sequence[Finding]) -> Iterator[Finding]:
    """One finding per category and place: drop those inside a longer one of the same group."""
    unique = {(f.group, f.start, f.end): f for f in found}.values()
    for f in unique:
        if not any(o is not f and o.group == f.group and o.start <= f.start and f.end <= o.end
                   and (o.end - o.start) > (f.end - f.start) for o in unique):
            yield f


def _check_one(text: str, text_index: int, rules: Rules) -> Iterator[Finding]:
    folded, origin = normalise(text)
    if not folded:
        return
    for group in rules.groups:
        if not group.phrases:
            continue
        seen: set[tuple[int, int]] = set()
        for phrase, start, end in group.find(folded):
            span = _original_span(text, origin, start, end)
            if span in seen:
                continue
            seen.add(span)
            yield Finding(
                phrase=phrase,
                matched=text[span[0] : span[1]],
                start=span[0],
                end=span[1],
                severity=group.severity,
                group=group.name,
                reason=group.reason,
                text_index=text_index,
            )


def _original_span(text: str, origin: Sequence[int], start: int, end: int) -> tuple[int, int]:
    first = origin[start]
    last = origin[end - 1] + 1
    # Take along accents and other marks that trail the last matched character.
    while last < len(text) and _fold_char(text[last]) == "" and not text[last].isspace():
        last += 1
    return first, last


def _pick_language(texts: Mapping[str, str], lang: str) -> str:
    if lang in texts:
        return texts[lang]
    base = lang.split("-")[0].split("_")[0]
    if base in texts:
        return texts[base]
    if FALLBACK_LANGUAGE in texts:
        return texts[FALLBACK_LANGUAGE]
    return next(iter(texts.values()), "")


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
