"""Regenerate the generated parts of the docs (the conversation's state diagram)."""

from __future__ import annotations

from pathlib import Path

from stichat.domain.conversation import diagram

BEGIN, END = "<!-- BEGIN GENERATED DIAGRAM -->", "<!-- END GENERATED DIAGRAM -->"
DOC = Path(__file__).resolve().parents[1] / "docs" / "conversation.md"


def generated_block() -> str:
    return f"{BEGIN}\n```mermaid\n{diagram()}\n```\n{END}"


def main() -> None:
    text = DOC.read_text()
    start, end = text.index(BEGIN), text.index(END) + len(END)
    DOC.write_text(text[:start] + generated_block() + text[end:])


if __name__ == "__main__":
    main()
