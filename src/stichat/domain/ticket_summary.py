"""What a technician reads first in a ticket: each step tried with its result, and one paragraph.

Pure: built from the conversation's record of levels tried ("basic", "advanced:solved",
"basic:unfinished") and step notes ("basic:2:cant_do"), in the customer's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

_WORDS = {
    "es-AR": {"basic": "Básico", "advanced": "Avanzado", "failed": "no lo resolvió", "fixed": "lo resolvió",
              "cant_do": "no lo pudo hacer", "unfinished": "mostrado, sin resultado informado"},
    "en": {"basic": "Basic", "advanced": "Advanced", "failed": "did not fix it", "fixed": "fixed it",
           "cant_do": "could not do it", "unfinished": "shown, no result given"},
}
_LEVEL_NAMES = {"es-AR": {"basic": "básicos", "advanced": "avanzados"},
                "en": {"basic": "basic", "advanced": "advanced"}}


def _cant_do(notes: Sequence[str]) -> set[tuple[str, int]]:
    out: set[tuple[str, int]] = set()
    for note in notes:
        level, _, rest = note.partition(":")
        number, _, what = rest.partition(":")
        if what == "cant_do" and number.isdigit():
            out.add((level, int(number)))
    return out


def summarize_steps(levels_tried: Sequence[str], step_texts: Mapping[str, Sequence[str]], locale: str,
                    notes: Sequence[str] = ()) -> tuple[str, ...]:
    """Readable 'steps tried' lines: each step of each level tried, with how it ended."""
    words = _WORDS.get(locale, _WORDS["en"])
    cant = _cant_do(notes)
    lines: list[str] = []
    for entry in levels_tried:
        level, _, result = entry.partition(":")
        outcome = {"solved": words["fixed"], "unfinished": words["unfinished"]}.get(result, words["failed"])
        for n, text in enumerate(step_texts.get(level, []), start=1):
            said = words["cant_do"] if (level, n) in cant else outcome
            lines.append(f"{words.get(level, level)} {n}: {text} — {said}")
    return tuple(lines)


def summary_paragraph(*, locale: str, name: str | None, device_label: str, problem_label: str,
                      levels_tried: Sequence[str], notes: Sequence[str], questions: Sequence[str],
                      reason: str, counts: Mapping[str, int]) -> str:
    """One readable paragraph: who, what, what was tried and how it went, what they asked, why a person."""
    es = locale == "es-AR"
    names = _LEVEL_NAMES["es-AR" if es else "en"]
    who = name or ("El cliente" if es else "The customer")
    parts = [f"{who} consulta por su {device_label}: {problem_label}." if es else
             f"{who} needs help with their {device_label}: {problem_label}."]
    cant = sorted(_cant_do(notes))
    tried: list[str] = []
    seen: list[str] = []
    for entry in levels_tried:
        level, _, result = entry.partition(":")
        count, label = counts.get(level, 0), names.get(level, level)
        if result == "solved":
            tried.append(f"los {count} pasos {label}, que lo resolvieron" if es else f"the {count} {label} steps, "
                         "which fixed it")
        elif result == "unfinished":
            seen.append(f"los {count} pasos {label}" if es else f"the {count} {label} steps")
        else:
            tried.append(f"los {count} pasos {label} sin resultado" if es else
                         f"the {count} {label} steps with no luck")
    if tried:
        joined = " y ".join(tried) if es else " and ".join(tried)
        parts.append(f"Probó {joined}." if es else f"They tried {joined}.")
    if seen:
        joined = " y ".join(seen) if es else " and ".join(seen)
        parts.append(f"Vio {joined}, sin decir cómo le fue." if es else
                     f"They saw {joined} without saying how they went.")
    if not tried and not seen:
        parts.append("No llegó a probar pasos." if es else "They did not get to try any steps.")
    if cant:
        if es:
            steps = ", ".join(f"el paso {names.get(level, level)[:-1]} {n}" for level, n in cant)
            parts.append(f"No pudo hacer {steps}.")
        else:
            parts.append(f"They could not do {', '.join(f'{level} step {n}' for level, n in cant)}.")
    if questions:
        quoted = "; ".join(f"«{q}»" for q in questions[-3:])
        parts.append(f"Preguntó: {quoted}." if es else f"They asked: {quoted}.")
    because = {
        "complaint": ("Es un reclamo por una reparación anterior.", "It is a complaint about a past repair."),
        "asked": ("Pidió hablar con un técnico.", "They asked to talk to a technician."),
        "unsolved": ("No se resolvió con los pasos.", "The steps did not solve it."),
    }.get(reason, ("Pidió hablar con un técnico.", "They asked to talk to a technician."))
    parts.append(because[0] if es else because[1])
    return " ".join(parts)
