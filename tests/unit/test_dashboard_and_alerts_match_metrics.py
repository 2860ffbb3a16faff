"""The Grafana dashboard and the Prometheus rules query only what the service exports.

A renamed metric or label otherwise turns a panel blank and an alert silent without any error. The
truth is the exposition text of `Metrics.create()` with one sample on every metric: the names
Prometheus will store (`_total`, `_bucket`, `_sum`, `_count`, `_created` included), and the label
names of each. Only `up` (made by Prometheus per target) and the recording rules defined in the rule
file are allowed besides; `job` and `instance` are the target labels Prometheus adds to every series.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import Counter, Gauge, Histogram, Summary
from prometheus_client.parser import text_string_to_metric_families

from stichat.metrics import Metrics

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "deploy" / "prometheus" / "alerts.yml"
DASHBOARD = ROOT / "deploy" / "grafana" / "stichat.json"
PLAYBOOKS = ROOT / "docs" / "playbooks"

TARGET_LABELS = {"job", "instance"}
PROMETHEUS_SERIES = {"up": TARGET_LABELS}
SEVERITIES = {"page", "warn"}

# PromQL words that look like identifiers but are not series names. Functions are recognised by the
# `(` after them; aggregations may be followed by `by (…)` instead, so they are listed.
KEYWORDS = {
    "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset",
    "bool", "inf", "nan", "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk",
    "quantile", "count_values", "group",
}  # fmt: skip
STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
GRAFANA_VARIABLE = re.compile(r"\$\{?\w+\}?")
RANGE = re.compile(r"\[[^\]]*\]")
GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
SELECTOR = re.compile(r"([a-zA-Z_:][\w:]*)?\s*\{([^}]*)\}")
MATCHER_LABEL = re.compile(r"([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)")
IDENTIFIER = re.compile(r"(?<![\w.:$])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()")


@dataclasses.dataclass
class Query:
    """What one PromQL expression reads: series names, and label names per use."""

    where: str
    expr: str
    names: set[str]
    selector_labels: list[tuple[str, set[str]]]  # (series name, labels its matchers name)
    grouping_labels: set[str]  # from by (…) and on (…)


def parse(where: str, expr: str) -> Query:
    text = GRAFANA_VARIABLE.sub(" ", expr)
    # Matchers keep their label names; only the values (strings) are dropped.
    text = STRING.sub('""', text)
    text = RANGE.sub(" ", text)
    grouping: set[str] = set()
    for keyword, labels in GROUPING.findall(text):
        if keyword in ("by", "on"):
            grouping |= {label.strip() for label in labels.split(",") if label.strip()}
    text = GROUPING.sub(" ", text)
    selectors = [(name, set(MATCHER_LABEL.findall(body))) for name, body in SELECTOR.findall(text)]
    text = SELECTOR.sub(lambda m: f" {m.group(1) or ''} ", text)
    names = {name for name in IDENTIFIER.findall(text) if name.lower() not in KEYWORDS}
    return Query(where, expr, names, selectors, grouping)


def rule_file() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return data


def rules() -> Iterator[dict[str, Any]]:
    for group in rule_file()["groups"]:
        yield from group["rules"]


def recording_rules() -> set[str]:
    return {rule["record"] for rule in rules() if "record" in rule}


def rule_queries() -> list[Query]:
    return [parse(f"{RULES.name}: {rule.get('alert') or rule['record']}", rule["expr"]) for rule in rules()]


def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return data


def dashboard_panels() -> Iterator[dict[str, Any]]:
    for panel in dashboard()["panels"]:
        yield panel
        yield from panel.get("panels", [])  # panels inside collapsed rows


def dashboard_queries() -> list[Query]:
    queries = [
        parse(f"{DASHBOARD.name}: {panel['title']} {target['refId']}", target["expr"])
        for panel in dashboard_panels()
        for target in panel.get("targets", [])
    ]
    for variable in dashboard()["templating"]["list"]:
        if variable["type"] == "query":
            query = variable["query"]
            query = query["query"] if isinstance(query, dict) else query
            queries.append(parse(f"{DASHBOARD.name}: variable {variable['name']}", query))
    return queries


@pytest.fixture(scope="module")
def exported() -> dict[str, set[str]]:
    """Every series name the service exports, with its label names."""
    metrics = Metrics.create()
    for field in dataclasses.fields(metrics):
        metric = getattr(metrics, field.name)
        if not isinstance(metric, Counter | Gauge | Histogram | Summary):
            continue
        labelnames = metric._labelnames
        child = metric.labels(*["sample"] * len(labelnames)) if labelnames else metric
        if isinstance(child, Counter):
            child.inc()
        elif isinstance(child, Gauge):
            child.set(1)
        elif isinstance(child, Histogram | Summary):
            child.observe(1)
    names: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(metrics.render().decode()):
        for sample in family.samples:
            names.setdefault(sample.name, set()).update(sample.labels)
    return names


@pytest.fixture(scope="module")
def families(exported: dict[str, set[str]]) -> dict[str, set[str]]:
    """Metric families (as declared in metrics.py) and the series names each one produces."""
    metrics = Metrics.create()
    result: dict[str, set[str]] = {}
    for family in text_string_to_metric_families(metrics.render().decode()):
        if family.name.endswith("_created"):
            continue
        suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_sum", "_count"]}.get(family.type, [""])
        result[family.name] = {family.name + suffix for suffix in suffixes} & exported.keys()
    return result


def known(exported: dict[str, set[str]]) -> dict[str, set[str]]:
    return {**PROMETHEUS_SERIES, **exported}


def missing_names(queries: list[Query], exported: dict[str, set[str]]) -> list[str]:
    allowed = known(exported).keys() | recording_rules()
    return sorted(
        f"{name}  (in {query.where}: {query.expr.strip()})" for query in queries for name in query.names - allowed
    )


def unknown_labels(queries: list[Query], exported: dict[str, set[str]]) -> list[str]:
    series = known(exported)
    problems = []
    for query in queries:
        for name, labels in query.selector_labels:
            if name in series:
                extra = labels - series[name] - TARGET_LABELS
                problems += [f"{name}{{{label}}} in {query.where}" for label in sorted(extra)]
        available = set().union(*(series.get(name, set()) for name in query.names)) | TARGET_LABELS
        problems += [f"by/on ({label}) in {query.where}" for label in sorted(query.grouping_labels - available)]
    return problems


def test_the_extractor_finds_series_names_and_labels_and_ignores_promql_words() -> None:
    query = parse(
        "example",
        'sum by (job, le) (rate(stichat_http_request_duration_seconds_bucket{route="/api/chat",'
        'status=~"5.."}[$__rate_interval])) / on (job) group_left max without (pod) '
        "(stichat:ratio_rate5m offset 1h) > 1e3 and absent(up) unless vector(0)",
    )
    assert query.names == {"stichat_http_request_duration_seconds_bucket", "stichat:ratio_rate5m", "up"}
    assert query.selector_labels == [("stichat_http_request_duration_seconds_bucket", {"route", "status"})]
    assert query.grouping_labels == {"job", "le"}


def test_there_is_something_to_check() -> None:
    assert len(rule_queries()) >= 10
    assert len(dashboard_queries()) >= 15


def test_every_series_the_rules_read_is_exported(exported: dict[str, set[str]]) -> None:
    missing = missing_names(rule_queries(), exported)
    assert missing == [], "alert/recording rules read series that src/stichat/metrics.py does not export"


def test_every_series_the_dashboard_reads_is_exported(exported: dict[str, set[str]]) -> None:
    missing = missing_names(dashboard_queries(), exported)
    assert missing == [], "dashboard panels read series that src/stichat/metrics.py does not export"


def test_every_label_in_selectors_and_groupings_exists_on_its_metrics(exported: dict[str, set[str]]) -> None:
    problems = unknown_labels(rule_queries() + dashboard_queries(), exported)
    assert problems == [], "labels that the metrics do not carry"


def test_every_metric_the_service_exports_has_a_dashboard_panel(families: dict[str, set[str]]) -> None:
    used = set().union(*(query.names for query in dashboard_queries()))
    without_panel = sorted(family for family, names in families.items() if not names & used)
    assert without_panel == [], "metrics declared in metrics.py that no panel of deploy/grafana/stichat.json shows"


def test_every_alert_has_a_severity_a_summary_and_a_runbook_that_exists() -> None:
    alerts = [rule for rule in rules() if "alert" in rule]
    assert alerts
    for alert in alerts:
        name = alert["alert"]
        assert alert.get("labels", {}).get("severity") in SEVERITIES, f"{name}: severity must be page or warn"
        annotations = alert.get("annotations", {})
        assert annotations.get("summary") and annotations.get("description"), f"{name}: summary, description"
        match = re.search(r"/(docs/playbooks/[\w.-]+\.md)$", annotations.get("runbook_url", ""))
        assert match, f"{name}: runbook_url must point into docs/playbooks/"
        assert (ROOT / match.group(1)).is_file(), f"{name}: {match.group(1)} does not exist"


def test_every_playbook_is_listed_in_the_playbooks_readme() -> None:
    readme = (PLAYBOOKS / "README.md").read_text(encoding="utf-8")
    playbooks = sorted(path.name for path in PLAYBOOKS.glob("*.md") if path.name != "README.md")
    assert playbooks
    assert [name for name in playbooks if f"({name})" not in readme] == []


def test_every_alert_is_named_in_its_playbook() -> None:
    """On-call opens the runbook from the page; the alert's name must be there to confirm it's the right one."""
    for alert in (rule for rule in rules() if "alert" in rule):
        path = ROOT / re.sub(r"^.*/(docs/playbooks/)", r"\1", alert["annotations"]["runbook_url"])
        assert alert["alert"] in path.read_text(encoding="utf-8"), f"{alert['alert']} is not named in {path.name}"


def test_the_rule_file_uses_no_yaml_aliases() -> None:
    """promtool and Prometheus read an aliased `expr: *name` as the query `name`, which matches nothing."""
    assert re.search(r":\s*[&*][\w-]+", RULES.read_text(encoding="utf-8")) is None


def test_the_dashboard_is_importable_with_a_prometheus_datasource_variable() -> None:
    board = dashboard()
    assert board["schemaVersion"] >= 36
    assert board["uid"] and board["title"]
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    panels = list(dashboard_panels())
    ids = [panel["id"] for panel in panels]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in panels:
        if panel["type"] == "row":
            continue
        assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
        assert panel["targets"], panel["title"]
        ref_ids = [target["refId"] for target in panel["targets"]]
        assert len(ref_ids) == len(set(ref_ids)), panel["title"]
        assert all(target["datasource"]["uid"] == "${datasource}" for target in panel["targets"]), panel["title"]
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24, panel["title"]
