"""Word lists and phrase patterns that ``stichat.domain.nlu`` uses to understand customers.

Everything here is data. Patterns are regular expressions over *normalised* text (lower case, no
accents, ``ñ`` → ``n``, single spaces, no punctuation) and always match whole words. Macros in
braces are expanded by nlu before compiling:

``{NEG}``  a negation ("no", "nunca", "ya no", "sigue sin", English "doesnt"/"wont"/…)
``{CL}``   optional clitics after the negation ("no *se me* prende")
``{G}``    a gap of up to three arbitrary words
``{ART}``  optional articles/possessives ("el", "la", "mi", "the", "my"…)

Weights say how specific a phrase is: ~1 a vague hint, ~2 a clear description, ~3 unmistakable.
The heaviest problem wins; a suppressor cancels that problem's *weak* hits (weight < 2), so
"carga bien pero se calienta" is not a battery problem while "carga bien pero la batería dura
poco" still is.
"""

from __future__ import annotations

Pattern = tuple[str, float]

NEG = (
    r"(?:no|nunca|ni|tampoco|ya no|todavia no|aun no|sigue sin|siguen sin|sin|doesnt|dont|wont|cant|"
    r"cannot|isnt|arent|didnt|not|never|still not|will not|does not|do not|can not|did not|is not|no longer)"
)
CLITIC = (
    r"(?:(?:me|se|te|le|lo|la|les|nos|los|las|it|quiere|quiso|quieren|puedo|pude|puede|pueden|logro|logre|"
    r"vuelve a|volvio a|want to|wants to|seem to|seems to|even|at all) ){0,3}"
)
GAP = r"(?:\S+ ){0,3}"
ART = r"(?:(?:el|la|los|las|mi|mis|un|una|al|del|de|su|sus|a|the|my|this|our|its) ){0,2}"
