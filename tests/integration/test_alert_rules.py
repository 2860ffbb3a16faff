"""The Prometheus rule file is valid and its promtool unit tests pass (fire and stay quiet as meant).

promtool comes from Debian's `prometheus` package (`make sysdeps` installs it). A missing promtool
fails these tests on purpose: skipping would let broken alert rules reach production unnoticed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy" / "prometheus" / "alerts.yml"
RULE_TESTS = sorted((ROOT / "deploy" / "prometheus" / "tests").glob("*.yml"))


def promtool() -> str:
    path = shutil.which("promtool")
    if path is None:
        pytest.fail(
            "promtool is not installed: it comes from the Debian package `prometheus` "
            "(apt-get install -y --no-install-recommends prometheus, or `make sysdeps`)",
            pytrace=False,
        )
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)


def test_rule_file_passes_promtool_check() -> None:
    result = run(promtool(), "check", "rules", str(RULES))
    assert result.returncode == 0, f"promtool check rules failed:\n{result.stdout}\n{result.stderr}"


def test_there_are_rule_unit_tests() -> None:
    assert RULE_TESTS, "no promtool unit tests under deploy/prometheus/tests/"


def test_every_alert_fires_and_stays_quiet_as_its_unit_tests_say() -> None:
    result = run(promtool(), "test", "rules", *map(str, RULE_TESTS))
    assert result.returncode == 0, f"promtool test rules failed:\n{result.stdout}\n{result.stderr}"


def test_every_alert_has_a_unit_test_that_fires_it_and_one_that_keeps_it_quiet() -> None:
    """A rule that no test makes fire could be dead (a typo in a metric name matches nothing); one
    that no test keeps quiet could fire all the time."""
    alerts = {
        rule["alert"]
        for group in yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }
    fired: set[str] = set()
    quiet: set[str] = set()
    for path in RULE_TESTS:
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]:
            for check in case.get("alert_rule_test", []):
                (fired if check.get("exp_alerts") else quiet).add(check["alertname"])
    assert sorted(alerts - fired) == [], "alerts that no promtool test makes fire"
    assert sorted(alerts - quiet) == [], "alerts that no promtool test shows quiet"
