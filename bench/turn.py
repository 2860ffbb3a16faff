"""The conversation's own cost per chat turn: understand + read the act + apply(), without HTTP or storage.

`make bench` prints it beside the HTTP figures, so a change to the rules, the fallback reader or the
table that makes a turn dearer shows up as a number. CPU time, best of seven rounds, so that other
load on the machine counts as little as it can.
"""

from __future__ import annotations

import time

from stichat.adapters.knowledge_files import load_knowledge
from stichat.domain import conversation as conv
from stichat.domain import turns
from stichat.domain.nlu import understand

TEXTS = ("no sé hacer el paso 2", "sigue igual che", "¿puedo abrir la tapa?", "la impresora tampoco imprime",
         "asdf qwer", "ya prendió!!", "cuánto sale el diagnóstico?", "quiero hablar con un técnico")
ROUNDS, TURNS = 7, 600


def main() -> None:
    kb = load_knowledge()
    ctx = conv.Context(kb, 1.0, "TCK-20231114-ABCDEF")
    c, _ = conv.start("s" * 32, locale="es-AR", now=0.0, kb=kb)

    def say(c: conv.Conversation, text: str) -> conv.Conversation:
        return conv.apply(c, turns.text_event(c, text, understand(text), kb=kb), ctx).conversation

    c = say(say(say(c, "acepto"), "Ana"), "mi notebook no prende")
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.process_time()
        for i in range(TURNS):
            say(c, TEXTS[i % len(TEXTS)] + " " * (i % 7))  # varied spacing defeats the word cache a little
        best = min(best, (time.process_time() - start) / TURNS)
    print(f"conversation work per turn at the steps: {best * 1e6:.0f} µs CPU (best of {ROUNDS} × {TURNS})")


if __name__ == "__main__":
    main()
