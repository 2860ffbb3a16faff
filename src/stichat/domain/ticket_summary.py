"""What a technician reads first in a ticket: each step tried with its result, and one paragraph.

Pure: built from the conversation's record of levels tried ("basic", "advanced:solved",
"basic:unfinished") and step notes ("basic:2:cant_do"), in the customer's language. Every word of it
comes from the locale files (``summary_*``, ``level_*``, ``step_*`` in ``knowledge/locales``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from stichat.domain.replies import Catalog

_REASONS = {"complaint": "summary_reason_complaint", "asked": "summary_reason_asked",
            "unsolved": "summary_reason_unsolved"}


def _cant_do(notes: Sequence[str]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for note in notes:
        level, _, rest = note.partition(":")
        number, _, what = rest.partition(":")
        if what == "cant_do" and number.isdigit():
            out.add((level, int(number)))
    return out


def summarize_steps(levels_tried: Sequence[str], step_texts: Mapping[str, Sequence[str]], locale: str,
                    notes: Sequence[str] = (), *, texts: Catalog) -> tuple[str, ...]:
    """Readable 'steps tried' lines: each step of each level tried, with how it ended."""
    cant = _cant_do(notes)
    lines: list[str] = []
    for entry in levels_tried:
        level, _, result = entry.partition(":")
        outcome = {"solved": "step_fixed", "unfinished": "step_unfinished"}.get(result, "step_failed")
        for n, text in enumerate(step_texts.get(level, []), start=1):
            said = texts.say("step_cant_do" if (level, n) in cant else outcome, locale)
            lines.append(f"{texts.say(f'step_line_{level}', locale)} {n}: {text} — {said}")
    return tuple(lines)


def summary_paragraph(*, locale: str, name: str | None, device_label: str, problem_label: str,
                      levels_tried: Sequence[str], notes: Sequence[str], questions: Sequence[str],
                      reason: str, counts: Mapping[str, int], texts: Catalog) -> str:
    """One readable paragraph: who, what, what was tried and how it went, what they asked, why a person."""
    def say(key: str, **values: object) -> str:
        return texts.say(key, locale, **values)

    parts = [say("summary_who", who=name or say("summary_customer"), device=device_label, problem=problem_label)]
    tried: list[str] = []
    seen: list[str] = []
    for entry in levels_tried:
        level, _, result = entry.partition(":")
        count, label = counts.get(level, 0), say(f"level_{level}")
        if result == "unfinished":
            seen.append(say("summary_shown", count=count, level=label))
        else:
            tried.append(say("summary_solved" if result == "solved" else "summary_failed", count=count, level=label))
    joiner = f" {say('summary_and')} "
    if tried:
        parts.append(say("summary_tried", what=joiner.join(tried)))
    if seen:
        parts.append(say("summary_seen", what=joiner.join(seen)))
    if not tried and not seen:
        parts.append(say("summary_untried"))
    cant = sorted(_cant_do(notes))
    if cant:
        steps = ", ".join(say("summary_cant_do_step", level=say(f"level_{level}_one"), n=n) for level, n in cant)
        parts.append(say("summary_cant_do", steps=steps))
    if questions:
        parts.append(say("summary_questions", questions="; ".join(f"«{q}»" for q in questions[-3:])))
    parts.append(say(_REASONS.get(reason, "summary_reason_asked")))
    return " ".join(parts)
