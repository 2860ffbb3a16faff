"""Every metric the service exports is documented in docs/metrics.md."""

from __future__ import annotations

import re
from pathlib import Path

from stichat.metrics import Metrics

DOC = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


def exported_families() -> set[str]:
    text = Metrics.create().render().decode()
    return set(re.findall(r"^# TYPE (\S+) ", text, re.M))


def test_every_exported_metric_is_documented() -> None:
    doc = DOC.read_text()
    for family in exported_families():
        counter_name = f"`{family}_total`"
        assert f"`{family}`" in doc or counter_name in doc, f"{family} is not in docs/metrics.md"


def test_the_documented_metrics_exist() -> None:
    families = exported_families()
    for name in re.findall(r"^\| `(stichat_\w+)`", DOC.read_text(), re.M):
        assert name in families or name.removesuffix("_total") in families, name
