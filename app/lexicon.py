"""Category lexicons and judgement patterns: what the wording checks know, as data.

``resources/lexicons/<language>/`` holds one file per finding category
(``health.txt``, ``origin.txt``, …), word classes used by patterns (files
starting with ``_``, e.g. ``_food.txt``) and ``patterns.txt`` for judgement
constructions that span categories. ``resources/lexicons/demonyms.tsv`` holds
every nationality's adjective and nouns per language; country names come
from Babel's CLDR territory names (see :mod:`app.lexicon_sources`).
``resources/lexicons/README.md`` documents the format; in short, one pattern
per line::

    wheelchair                 a word: matches every inflection (by lemma or stem)
    big spender                several words: in this order, any spacing or hyphens
    ~allergie                  also the last part of a compound ("notenallergieën")
    moslim~                    also the first part of a compound ("moslimfamilie")
    =bidt                      this form only, not every form of its lemma ("bad" is also
                               a form of "bidden")
    keep an eye on             a construction
    too much $                 "$" is the end of the text, "^" its start
    looks … {body_looks}       "…" is up to three words; {name} any word of a class
    might [steal|take|leave]   [a|b] one of these words; "*" any one word
    !blackout blind            "!" an allowed phrase: findings inside it are dropped
    suspicion_behaviour: …     (patterns.txt only) the category of the line

Words are compared by the keys of :mod:`app.morphology`, so lists hold
dictionary forms, not inflections.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from app import morphology

__all__ = ["Lexicon", "LexiconError", "Match", "Pattern", "Token", "parse_pattern", "tokenise"]

GAP_WORDS = 3
_MIN_PART = 3  # letters left over when a compound part matches
_LINKS = ("", "s", "e", "en", "n", "es", "er")  # Dutch/German linking sounds after a head
_TOKEN_RE = re.compile(r"[^\W_]+")
_ACRONYM_RE = re.compile(r"(?<![^\W_])[^\W\d_](?:\.[^\W\d_])+\.?(?![^\W_])")


class LexiconError(ValueError):
    """A lexicon file has a line the pattern syntax does not allow; names file and line.

    Lexicons ship with the program and tests/test_lexicons.py parses them all,
    so this is a message for whoever edits the data files, never for the desk.
    """

    @classmethod
    def at(cls, where: str, line: str, why: str) -> LexiconError:
        return cls(f"{where}: {line!r}: {why}")


@dataclass(frozen=True)
class Token:
    """A word of the checked text with its offsets in the original text."""

    text: str
    start: int
    end: int


def tokenise(text: str) -> list[Token]:
    """Words (letters and digits); "V.I.P." is one word, hyphens and apostrophes split."""
    out: list[Token] = []
    taken: list[tuple[int, int]] = []
    for m in _ACRONYM_RE.finditer(text):
        end = m.end() - 1 if m.group().endswith(".") else m.end()
        out.append(Token(m.group().replace(".", ""), m.start(), end))
        taken.append(m.span())
    for m in _TOKEN_RE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            out.append(Token(m.group(), m.start(), m.end()))
    out.sort(key=lambda t: t.start)
    return out


# --------------------------------------------------------------------------- patterns

@dataclass(frozen=True)
class Word:
    """A literal word; ``head``/``tail``: may also be the first/last part of a compound."""

    text: str
    keys: frozenset[str]
    head: bool = False
    tail: bool = False


@dataclass(frozen=True)
class Choice:
    """One of several words or word sequences: ``[steal|take|run off]``."""

    options: tuple[tuple[Word, ...], ...]

    @property
    def firsts(self) -> tuple[Word, ...]:
        return tuple(o[0] for o in self.options)


@dataclass(frozen=True)
class ClassRef:
    name: str


@dataclass(frozen=True)
class Any1:
    pass


@dataclass(frozen=True)
class Gap:
    pass


@dataclass(frozen=True)
class Edge:
    end: bool  # True: "$" (end of text), False: "^" (start of text)


Element = Word | Choice | ClassRef | Any1 | Gap | Edge


@dataclass(frozen=True)
class Pattern:
    category: str
    language: str
    source: str  # the line as written, for findings and error messages
    elements: tuple[Element, ...]
    allow: bool = False

    @property
    def is_single_word(self) -> bool:
        return len(self.elements) == 1 and isinstance(self.elements[0], Word)


def _word(text: str, language: str, *, allow: bool = False) -> Word:
    """A literal word and the keys it matches by.

    In an allowed phrase ("!"), a word written in an inflected form matches
    that form only: "!polished" must not also allow its lemma "polish" and with
    it the nationality "Polish". Written in its dictionary form it still
    allows every inflection ("!persian rug" allows "Persian rugs"). Findings
    err towards blocking; allowed phrases must not err towards letting through.
    """
    if text.startswith("="):  # this form only: "=bidt" must not match "bad" (also "bidden")
        core = text[1:]
        return Word(core, frozenset({morphology.EXACT + morphology.fold(core)}))
    head, tail = text.endswith("~"), text.startswith("~")
    core = text.strip("~")
    if allow:
        found = {morphology.fold(f) for f in morphology.lemmas(core, language)}
        if found and morphology.fold(core) not in found:
            return Word(core, frozenset({morphology.EXACT + morphology.fold(core)}),
                        head=head, tail=tail)
    return Word(core, morphology.keys(core, language, with_stem=True), head=head, tail=tail)


def _words(text: str, language: str, where: str, *, allow: bool = False) -> list[Word]:
    """"big-spender" and "don't" are several words, as the tokeniser sees them."""
    pieces = [p for p in re.split(r"[^\w~=]+|_", text) if p]
    if len(pieces) > 1 and "~" in text:
        raise LexiconError.at(where, text, "'~' (compound part) only on a single word.")
    return [_word(p, language, allow=allow) for p in pieces]


def parse_pattern(line: str, *, category: str, language: str, where: str = "pattern"
                  ) -> Pattern:
    """One line of a lexicon file as a :class:`Pattern` (see the module docstring)."""
    text = line.strip()
    allow = text.startswith("!")
    if allow:
        text = text[1:].strip()
    elements: list[Element] = []
    for raw in re.findall(r"\[[^\]]*\]|\{[^}]*\}|\S+", text.replace("...", " … ")):
        if raw == "*":
            elements.append(Any1())
        elif raw == "…":
            elements.append(Gap())
        elif raw in ("$", "^"):
            elements.append(Edge(end=raw == "$"))
        elif raw.startswith("{"):
            elements.append(ClassRef(raw.strip("{} ")))
        elif raw.startswith("["):
            options = [tuple(_words(o, language, where, allow=allow))
                       for o in raw.strip("[]").split("|")]
            if not options or not all(options):
                raise LexiconError.at(where, line, "[] needs words, e.g. [steal|take]")
            elements.append(Choice(tuple(options)))
        else:
            elements.extend(_words(raw, language, where, allow=allow))
    if not any(isinstance(e, Word | Choice | ClassRef) for e in elements):
        raise LexiconError.at(where, line, "has no word to match.")
    return Pattern(category, language, line.strip(), tuple(elements), allow)


# --------------------------------------------------------------------------- matching

@dataclass(frozen=True)
class Match:
    pattern: Pattern
    start: int  # character offsets in the checked text
    end: int


@dataclass
class Lexicon:
    """All patterns of one language, indexed for matching a text of any language."""

    language: str
    patterns: list[Pattern] = field(default_factory=list)
    classes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, pattern: Pattern, *, classes: Iterable[str] = ()) -> None:
        self.patterns.append(pattern)
        first = pattern.elements[0]
        if pattern.is_single_word and isinstance(first, Word):
            for name in (*classes, pattern.category):
                self.classes[name].update(first.keys)
        self.__dict__.pop("_index", None)

    @cached_property
    def _index(self) -> tuple[dict[str, list[Pattern]], list[Pattern],
                              dict[str, list[Pattern]], dict[str, list[Pattern]]]:
        by_key: dict[str, list[Pattern]] = defaultdict(list)
        other: list[Pattern] = []
        heads: dict[str, list[Pattern]] = defaultdict(list)
        tails: dict[str, list[Pattern]] = defaultdict(list)
        for p in self.patterns:
            first = p.elements[0]
            words = (first,) if isinstance(first, Word) else \
                first.firsts if isinstance(first, Choice) else ()
            if not words:
                other.append(p)
                continue
            for w in words:
                for k in w.keys:
                    by_key[k].append(p)
            if p.is_single_word and isinstance(first, Word):
                for k in first.keys:
                    if first.head:
                        heads[k].append(p)
                    if first.tail:
                        tails[k].append(p)
        return by_key, other, heads, tails

    def find(self, text: str, tokens: Sequence[Token], text_language: str | None
             ) -> Iterator[Match]:
        """Every pattern match in ``tokens`` (allowed phrases already taken out).

        A word of another language than the text's only counts if the text's
        own dictionary does not know it: the Dutch "arm" (poor) must not flag
        an English "arm", but "big spender" in a Dutch label is still caught.
        """
        foreign = text_language is not None and text_language != self.language
        token_keys = [morphology.keys(t.text, self.language) for t in tokens]
        found: list[Match] = []
        allowed: list[tuple[str, int, int]] = []
        by_key, other, _heads, _tails = self._index
        for i in range(len(tokens)):
            candidates: dict[int, Pattern] = {}
            for k in token_keys[i]:
                for p in by_key.get(k, ()):
                    candidates[id(p)] = p
            for p in other:
                candidates[id(p)] = p
            for p in candidates.values():
                end = self._match(p.elements, 0, tokens, token_keys, i)
                if end is None or end <= i:
                    continue
                if foreign and not p.allow and all(
                        text_language is not None and morphology.known(t.text, text_language)
                        for t in tokens[i:end]):
                    continue
                m = Match(p, tokens[i].start, tokens[end - 1].end)
                (allowed.append((p.category, m.start, m.end)) if p.allow else found.append(m))
            if not foreign or not morphology.known(tokens[i].text, text_language or ""):
                found.extend(self._compound(tokens[i]))
        for m in found:
            if not any(c in (m.pattern.category, "*") and a <= m.start and m.end <= b
                       for c, a, b in allowed):
                yield m

    def _compound(self, token: Token) -> Iterator[Match]:
        """Head or tail of a compound word matched against the parts lexicon."""
        _by_key, _other, heads, tails = self._index
        if not heads and not tails:
            return
        word = token.text.casefold()
        if len(word) < 2 * _MIN_PART:
            return
        whole = morphology.keys(token.text, self.language)
        seen: set[int] = set()
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            for p in (p for k in morphology.keys(tail, self.language) for p in tails.get(k, ())):
                if id(p) not in seen and not (whole & _first_keys(p)):
                    seen.add(id(p))
                    yield Match(p, token.start, token.end)
            for link in _LINKS:
                if link and not head.endswith(link):
                    continue
                stem = head[: len(head) - len(link)] if link else head
                if len(stem) < _MIN_PART:
                    continue
                for p in (p for k in morphology.keys(stem, self.language)
                          for p in heads.get(k, ())):
                    if id(p) not in seen:
                        seen.add(id(p))
                        yield Match(p, token.start, token.end)

    def _match(self, elements: Sequence[Element], e: int, tokens: Sequence[Token],
               token_keys: Sequence[frozenset[str]], t: int) -> int | None:
        """Token index after the match of ``elements[e:]`` starting at token ``t``."""
        if e == len(elements):
            return t
        el = elements[e]
        if isinstance(el, Edge):
            ok = t == len(tokens) if el.end else t == 0
            return self._match(elements, e + 1, tokens, token_keys, t) if ok else None
        if isinstance(el, Gap):
            for skip in range(min(GAP_WORDS, len(tokens) - t) + 1):
                end = self._match(elements, e + 1, tokens, token_keys, t + skip)
                if end is not None:
                    return end
            return None
        if t >= len(tokens):
            return None
        keys = token_keys[t]
        if isinstance(el, Choice):
            for option in el.options:
                if t + len(option) <= len(tokens) and all(
                        token_keys[t + j] & w.keys for j, w in enumerate(option)):
                    end = self._match(elements, e + 1, tokens, token_keys, t + len(option))
                    if end is not None:
                        return end
            return None
        if isinstance(el, Any1):
            ok = True
        elif isinstance(el, Word):
            ok = bool(keys & el.keys)
        else:
            ok = self._in_class(el.name, tokens[t], keys)
        return self._match(elements, e + 1, tokens, token_keys, t + 1) if ok else None

    def _in_class(self, name: str, token: Token, keys: frozenset[str]) -> bool:
        """A word of the class, or (for word classes, "_name") a compound ending in one."""
        members = self.classes.get(name, set())
        if keys & members:
            return True
        if not name.startswith("_"):
            return False
        word = token.text.casefold()
        return any(morphology.keys(word[cut:], self.language, with_stem=False) & members
                   for cut in range(_MIN_PART, len(word) - _MIN_PART + 1))


def _first_keys(p: Pattern) -> frozenset[str]:
    first = p.elements[0]
    return first.keys if isinstance(first, Word) else frozenset()


# --------------------------------------------------------------------------- files

def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-empty, non-comment lines with their numbers (``#`` starts a comment)."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield number, line


def load_file(lexicon: Lexicon, path: Path, *, category: str | None,
              class_names: Sequence[str] = ()) -> None:
    """Add every line of ``path``; ``category`` None means lines say "category: pattern"."""
    for number, line in read_lines(path):
        cat = category
        body = line
        if cat is None:
            head, sep, rest = line.lstrip("!").partition(":")
            if not sep or not re.fullmatch(r"[a-z_*]+", head.strip()):
                raise LexiconError.at(f"{path}:{number}", line, "start the line with its category, "
                           "e.g. 'suspicion_behaviour: keep an eye on'.")
            cat, body = head.strip(), ("!" if line.startswith("!") else "") + rest.strip()
        lexicon.add(parse_pattern(body, category=cat, language=lexicon.language,
                                  where=f"{path}:{number}"), classes=class_names)


def load_terms(lexicon: Lexicon, terms: Iterable[str], *, category: str,
               class_names: Sequence[str] = (), where: str = "terms") -> None:
    for term in terms:
        lexicon.add(parse_pattern(term, category=category, language=lexicon.language,
                                  where=where), classes=class_names)


def categories_in(lexicons: Mapping[str, Lexicon]) -> set[str]:
    return {p.category for lx in lexicons.values() for p in lx.patterns}
