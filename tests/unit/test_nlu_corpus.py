"""Accuracy of the understanding module on realistic customer messages (tests/data/nlu_corpus.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from stichat.domain.nlu import understand

CORPUS = Path(__file__).resolve().parents[1] / "data" / "nlu_corpus.yaml"


def _load() -> list[dict[str, Any]]:
    entries = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    return entries


def _device_right(expected: str | None, device: str | None, candidates: tuple[str, ...]) -> bool:
    if expected == "ask":
        return device is None and bool(candidates)
    if expected is None:
        return device is None
    return device == expected or expected in candidates


def test_corpus_is_large_and_mostly_spanish() -> None:
    entries = _load()
    assert len(entries) >= 180
    english = [e for e in entries if understand(e["text"]).language == "en"]
    assert 0.2 <= len(english) / len(entries) <= 0.4


def test_problem_and_device_accuracy_on_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    entries = _load()
    problem_ok = device_ok = 0
    misses: list[str] = []
    for entry in entries:
        got = understand(entry["text"])
        p_ok = got.problem == entry["problem"]
        d_ok = _device_right(entry["device"], got.device, got.device_candidates)
        problem_ok += p_ok
        device_ok += d_ok
        if not (p_ok and d_ok):
            misses.append(f"{entry['text']!r}: got {got.device}/{got.device_candidates}/{got.problem}")
    problem_acc = problem_ok / len(entries)
    device_acc = device_ok / len(entries)
    with capsys.disabled():
        print(f"\nNLU corpus: {len(entries)} messages, problem accuracy {problem_acc:.1%}, "
              f"device right-or-asked {device_acc:.1%}")
        for miss in misses:
            print("  miss:", miss)
    assert problem_acc >= 0.90
    assert device_acc >= 0.90
