"""Compiling the vocabulary's phrase patterns: macros, whole-word matching and a word-start index.

Patterns are regular expressions over normalised text (see ``spelling.normalise``); ``{NEG}``,
``{CL}``, ``{G}`` and ``{ART}`` expand to the vocabulary's negations, clitics, gaps and articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from stichat.domain import vocabulary as v

_MACROS = {"{NEG}": v.NEG, "{CL}": v.CLITIC, "{G}": v.GAP, "{ART}": v.ART}


def _expand(pattern: str) -> str:
    for macro, body in _MACROS.items():
        pattern = pattern.replace(macro, body)
    return pattern


_Req = frozenset[str] | None


class _Required:
    """Which word starts any match of one of our patterns must contain (None: no constraint).

    A tiny reader for the regex subset the vocabulary uses: literals, ``(?:…)`` groups, ``|``,
    quantifiers, classes and escapes. Only literal runs that begin a word count, so the result is
    safe to test against the set of prefixes of the message's words.
    """

    def __init__(self, pattern: str) -> None:
        text = pattern.replace("{G}", "\x01").replace("{CL}", "\x01").replace("{ART}", "\x01")
        self.text = text.replace("{NEG}", "\x02")
        self.pos = 0

    def parse(self) -> _Req:
        req, _ = self._alternation(True)
        return req

    def _alternation(self, at_start: bool) -> tuple[_Req, bool]:
        branches: list[_Req] = []
        end_flag = False
        while True:
            req, end_flag = self._sequence(at_start)
            branches.append(req)
            if self.pos < len(self.text) and self.text[self.pos] == "|":
                self.pos += 1
                continue
            break
        if any(b is None for b in branches):
            return None, end_flag
        return frozenset().union(*[b for b in branches if b is not None]), end_flag

    def _quantified_optional(self) -> bool:
        text, pos = self.text, self.pos
        if pos < len(text) and text[pos] in "?*+{":
            if text[pos] == "{":
                close = text.index("}", pos)
                optional = text[pos + 1:close].split(",")[0] in ("", "0")
                self.pos = close + 1
            else:
                optional = text[pos] != "+"
                self.pos += 1
            if self.pos < len(text) and text[self.pos] == "?":
                self.pos += 1
            return optional
        return False

    def _sequence(self, at_start: bool) -> tuple[_Req, bool]:
        items: list[frozenset[str]] = []
        text = self.text
        while self.pos < len(text) and text[self.pos] not in "|)":
            ch = text[self.pos]
            if ch == "(":
                self.pos += 1
                look = text.startswith(("?<!", "?<=", "?!", "?="), self.pos)
                if text.startswith("?:", self.pos):
                    self.pos += 2
                elif look:
                    self.pos += 3 if text[self.pos + 1] == "<" else 2
                req, flag = self._alternation(at_start)
                self.pos += 1  # the closing parenthesis
                if not self._quantified_optional() and not look and req is not None:
                    items.append(req)
                at_start = at_start if look else flag
            elif ch.isalnum():
                run_start = self.pos
                while self.pos < len(text) and text[self.pos].isalnum():
                    self.pos += 1
                run = text[run_start:self.pos]
                if self.pos < len(text) and text[self.pos] in "?*{":
                    run = run[:-1]
                    self._quantified_optional()
                if at_start and run:
                    items.append(frozenset({run[:12]}))
                at_start = False
            else:
                self.pos += 2 if ch == "\\" else 1
                if ch == "[":
                    self.pos = text.index("]", self.pos) + 1
                self._quantified_optional()
                at_start = ch in " \x01^"
        if not items:
            return None, at_start
        best = max(items, key=lambda r: (min(len(f) for f in r), -len(r)))
        return best, at_start


@dataclass(frozen=True)
class Rule:
    """A compiled pattern and the word starts one of which any match must contain.

    Running ~150 regular expressions on every message is slow; a rule runs only when some word of
    the message starts with one of its literal fragments (a cheap set test). Fragments are taken
    from the pattern outside macros, so the test never skips a rule that could match.
    """

    regex: re.Pattern[str]
    fragments: frozenset[str]

    def search(self, text: str, prefixes: frozenset[str]) -> re.Match[str] | None:
        if self.fragments and self.fragments.isdisjoint(prefixes):
            return None
        return self.regex.search(text)


class Index:
    """Weighted rules looked up by the word starts of a message instead of tried one by one.

    A rule can only match when one of its fragments is a word start of the message, so indexing the
    rules by fragment finds the few worth running with one dict lookup per word start; rules with no
    fragment always run. The order of the table is kept (it breaks ties).
    """

    def __init__(self, rules: tuple[tuple[str, Rule, float], ...]) -> None:
        self.rules = rules
        self._always = tuple(i for i, (_, rule, _) in enumerate(rules) if not rule.fragments)
        index: dict[str, list[int]] = {}
        for i, (_, rule, _) in enumerate(rules):
            for fragment in rule.fragments:
                index.setdefault(fragment, []).append(i)
        self._index = {k: tuple(v) for k, v in index.items()}

    def matches(self, text: str, prefixes: frozenset[str]) -> Iterable[tuple[str, re.Match[str], float]]:
        found = set(self._always)
        for prefix in prefixes:
            found.update(self._index.get(prefix, ()))
        for i in sorted(found):
            key, rule, weight = self.rules[i]
            match = rule.regex.search(text)
            if match:
                yield key, match, weight


def compile_rule(pattern: str) -> Rule:
    """A vocabulary pattern, macros expanded, matched as whole words."""
    regex = re.compile(rf"(?<!\S)(?:{_expand(pattern)})(?!\S)")
    return Rule(regex, _Required(pattern).parse() or frozenset())


_ANY_WORDS_BEFORE, _ANY_WORDS_AFTER = "(?:\\S+ )*", "(?: \\S+)*"


def compile_test(pattern: str) -> Rule:
    """A pattern whose match is only tested, never located (the intents, acts and shop topics).

    A branch written as ``(?:\\S+ )*X(?: \\S+)*`` says no more than ``X`` when all that counts is
    whether the message has it, but it makes the regex try every split of the message around X:
    those wrappers are dropped before compiling (the same answer on every message of the sets, at
    about 40 % of the cost).
    """
    bare = []
    for branch in _branches(pattern):
        while branch.startswith(_ANY_WORDS_BEFORE):
            branch = branch[len(_ANY_WORDS_BEFORE):]
        while branch.endswith(_ANY_WORDS_AFTER):
            branch = branch[:-len(_ANY_WORDS_AFTER)]
        bare.append(branch)
    return compile_rule("|".join(bare))


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (a ``|`` inside a group or a class does not split)."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def word_starts(tokens: Iterable[str]) -> frozenset[str]:
    """Every start (up to 12 letters) of every word: what the rules' fragments are tested against."""
    return frozenset(t[:i] for t in tokens for i in range(1, min(len(t), 12) + 1))


_WORDISH = re.compile(r"(?<![\\a-z])([a-z]+(?:\[[a-z]+\][a-z]*)*)(s\?)?(?![a-z\\(\[])")


def literal_words(pattern: str) -> Iterable[str]:
    """Whole words a pattern spells out (for the typo-correction lexicon)."""
    for match in _WORDISH.finditer(pattern):
        body, plural = match.group(1), match.group(2)
        variants = [""]
        for piece in re.split(r"(\[[a-z]+\])", body):
            options = list(piece[1:-1]) if piece.startswith("[") else [piece]
            variants = [pre + opt for pre in variants for opt in options]
        for word in variants:
            yield word
            if plural:
                yield word + "s"
