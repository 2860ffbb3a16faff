"""The statistical fallback's readings: what the rules could not place, as the examples suggest.

The examples (knowledge/examples.yaml, built from the blind sets by scripts/build_examples.py) train two
small classifiers at start-up; these functions say when their guesses count.
"""

from __future__ import annotations

from dataclasses import replace

from stichat.domain.conversation import Kind
from stichat.domain.knowledge import KnowledgeBase
from stichat.domain.nlu import Intent, Understanding

#: How sure the statistical fallback must be before its reading counts, chosen by 5-fold cross-validation
#: on the examples: acts at 0.7 (89 % answered, 87 % right), problems at 0.8 (85 % answered, 91 % right).
LEARNED_BELOW = 0.7
PROBLEM_BELOW = 0.8
#: Acts that end or hand over the conversation need more certainty; below it Tecnos asks.
_DECISIVE = {"bye": 0.9, "technician": 0.85, "complaint": 0.9}
_LEARNED_KINDS = {"solved": Kind.SOLVED, "persists": Kind.PERSISTS, "cant_do": Kind.CANT_DO, "help": Kind.HELP,
                  "show_steps": Kind.SHOW_STEPS, "advanced": Kind.ADVANCED, "technician": Kind.TECHNICIAN,
                  "question": Kind.QUESTION, "thanks": Kind.THANKS, "bye": Kind.CLOSE, "complaint": Kind.COMPLAINT}
_ARTICLES = frozenset({"el", "la", "los", "las", "mi", "mis", "un", "una", "the", "my", "a", "an", "su", "tu"})


def learned_act(heard: Understanding, kb: KnowledgeBase | None) -> tuple[Kind, int | None]:
    """What the rules could not read at the steps, and the step it names; unclear when unsure."""
    guess = kb.examples.acts.guess(heard.canon) if kb is not None and kb.examples.acts and heard.canon else None
    if guess is None or guess.confidence < LEARNED_BELOW:
        return Kind.UNCLEAR, None
    if guess.label == "solved":
        return Kind.AFFIRM, None  # a guess never ends the conversation: Tecnos asks whether it is fixed
    if guess.confidence < _DECISIVE.get(guess.label, 0.0):
        return Kind.UNCLEAR, None
    return _LEARNED_KINDS[guess.label], heard.step


def learned_problem(heard: Understanding, kb: KnowledgeBase) -> Understanding:
    """A description the rules placed no problem for, read by the examples when they are sure enough."""
    words = [w for w in heard.canon.split() if w not in _ARTICLES]
    if heard.problem is not None or not kb.examples.problems or len(words) < 2 or (
            heard.intents == {Intent.GREETING} and len(words) <= 3):
        return heard  # "el celu" names a device and says nothing of it yet
    if heard.extra.get("vague"):
        return heard  # "no funciona bien": the customer has not said what it does yet, so ask
    if heard.intents - {Intent.GREETING, Intent.NO, Intent.YES, Intent.ALSO}:
        return heard
    guess = kb.examples.problems.guess(heard.canon)
    if guess is None or guess.confidence < PROBLEM_BELOW or guess.label == "_none":
        return heard
    return replace(heard, problem=guess.label, problem_confidence=round(guess.confidence * 0.6, 2))


__all__ = ["LEARNED_BELOW", "PROBLEM_BELOW", "learned_act", "learned_problem"]
