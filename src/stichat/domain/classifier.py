"""A small statistical reader that learns from the knowledge base's labelled examples.

The rules (nlu, turns) decide whatever must be exact; this is the fallback for what they cannot
place: a first message that names no problem they know, a follow-up at the steps they cannot read.
A multinomial naive Bayes over word and character n-grams of the normalised text: pure Python,
trained at start-up in milliseconds from ``examples.yaml``, deterministic, and honest about doubt
(below a confidence it answers nothing and the conversation asks instead).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from stichat.domain.errors import KnowledgeError

ALPHA = 0.3  # additive smoothing: small, because the examples are few and short
#: Naive Bayes is famously over-confident; scoring per n-gram and tempering gives a usable doubt.
TEMPERATURE = 12.0


def features(text: str) -> Counter[str]:
    """Word unigrams and bigrams, and character 3- to 5-grams inside word boundaries."""
    words = text.split()
    grams: Counter[str] = Counter(f"w:{w}" for w in words)
    grams.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words))
    padded = f" {text} "
    for n in (3, 4, 5):
        grams.update(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return grams


@dataclass(frozen=True)
class Guess:
    label: str
    confidence: float


class NaiveBayes:
    """Trained once; `guess()` returns the likeliest label and its posterior probability."""

    def __init__(self, examples: Mapping[str, Sequence[str]], normalise: Callable[[str], str]) -> None:
        self._normalise = normalise
        self._counts: dict[str, Counter[str]] = {}
        self._totals: dict[str, int] = {}
        vocabulary: set[str] = set()
        for label, texts in examples.items():
            counts: Counter[str] = Counter()
            for text in texts:
                counts.update(features(normalise(text)))
            self._counts[label] = counts
            self._totals[label] = sum(counts.values())
            vocabulary.update(counts)
        self._size = max(1, len(vocabulary))
        self._vocabulary = frozenset(vocabulary)
        self.labels = tuple(examples)
        # Each label's log-probability per n-gram, computed once: a guess is then lookups and sums.
        self._logp: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        for label, counts in self._counts.items():
            denominator = self._totals[label] + ALPHA * self._size
            self._logp[label] = {g: math.log((n + ALPHA) / denominator) for g, n in counts.items()}
            self._unseen[label] = math.log(ALPHA / denominator)
        self._counts.clear()

    def guess(self, text: str) -> Guess | None:
        grams = {g: n for g, n in features(self._normalise(text)).items() if g in self._vocabulary}
        if not self.labels or not any(g.startswith("w:") for g in grams):
            return None  # not one word it has seen: letters alone ("asdfgh") are no evidence
        scores: dict[str, float] = {}
        for label in self.labels:
            logp, unseen = self._logp[label], self._unseen[label]
            scores[label] = sum(n * logp.get(g, unseen) for g, n in grams.items())
        size = sum(grams.values())
        scaled = {label: TEMPERATURE * score / size for label, score in scores.items()}
        best = max(scaled.values())
        weights = {label: math.exp(score - best) for label, score in scaled.items()}
        label = max(weights, key=lambda k: weights[k])
        return Guess(label, weights[label] / sum(weights.values()))


@dataclass(frozen=True)
class Examples:
    """The two readers: which problem a message describes, and which act a follow-up is."""

    problems: NaiveBayes | None = None
    acts: NaiveBayes | None = None


def _section(doc: str, name: str, raw: object, allowed: Iterable[str]) -> dict[str, list[str]]:
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{doc}: {name}: must map labels to lists of phrasings")
    keys = set(allowed)
    out: dict[str, list[str]] = {}
    for label, texts in raw.items():
        if str(label) not in keys:
            raise KnowledgeError(f"{doc}: {name}.{label}: not a known label")
        if not isinstance(texts, list) or not all(isinstance(t, str) and t.strip() for t in texts):
            raise KnowledgeError(f"{doc}: {name}.{label}: must be a list of non-empty phrasings")
        out[str(label)] = texts
    return out


def build_examples(raw: Mapping[str, object] | None, *, problems: Iterable[str], acts: Iterable[str],
                   normalise: Callable[[str], str]) -> Examples:
    if raw is None:
        return Examples()
    doc = "examples.yaml"
    return Examples(
        problems=NaiveBayes(_section(doc, "problems", raw.get("problems"), [*problems, "_none"]), normalise),
        acts=NaiveBayes(_section(doc, "acts", raw.get("acts"), acts), normalise),
    )

