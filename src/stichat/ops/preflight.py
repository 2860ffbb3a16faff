"""What `stichat preflight` checks: is this machine ready to run production? (checklist items 4, 5, 7, 9, 13, 17).

Run it on the target (in the pod, with the pod's settings and volumes) before the first deploy and
after any change of secrets or storage. It checks, in order: the settings parse; the secrets are
present (names only: a value is never printed, nor its length); each storage dir's owner, group and
mode (the `ls -ld` evidence of item 9) and that it is really writable (a temporary file is created,
synced and deleted); free space and free inodes on each volume (fail under `--min-free`, 10 %); a
configured Redis answers PING (with the latency); a configured LLM endpoint answers `GET /models`.
Each check is PASS, WARN (worth a look, not a blocker) or FAIL; the command (`stichat.cli.preflight`)
prints them and exits 0 when nothing failed, 1 otherwise, 2 when the settings themselves do not parse.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import stat
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from stichat.config import Settings

Status = Literal["PASS", "WARN", "FAIL"]

MIN_FREE_PERCENT = 10.0  # checklist item 13: page when disk or inodes fall under 10 % free
REDIS_TIMEOUT_SECONDS = 1.0
LLM_TIMEOUT_SECONDS = 3.0
OPENAI_DEFAULT_BASE = "https://api.openai.com/v1"
DEFAULT_WHATSAPP_NUMBER = Settings.whatsapp_number


@dataclass
class Check:
    """One line of the report: what was checked, how it went, and the evidence behind it."""

    name: str
    status: Status
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    secrets: tuple[str, ...] = ()  # values to scrub from anything printed (never shown)

    def add(self, name: str, status: Status, detail: str, **evidence: Any) -> Check:
        check = Check(name, status, self.scrub(detail), {k: self._scrub_any(v) for k, v in evidence.items()})
        self.checks.append(check)
        return check

    def scrub(self, text: str) -> str:
        for value in self.secrets:
            if value:
                text = text.replace(value, "<redacted>")
        return text

    def _scrub_any(self, value: Any) -> Any:
        return self.scrub(value) if isinstance(value, str) else value

    @property
    def ok(self) -> bool:
        return all(c.status != "FAIL" for c in self.checks)

    def counts(self) -> dict[str, int]:
        return {s: sum(c.status == s for c in self.checks) for s in ("PASS", "WARN", "FAIL")}

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, **{k.lower(): v for k, v in self.counts().items()},
                "checks": [asdict(c) for c in self.checks]}


# --- secrets ----------------------------------------------------------------------------------------

def check_secrets(settings: Settings, report: Report) -> None:
    """Checklist items 4 and 5: each secret the settings need is there. Names only, never values."""
    if settings.log_token_generated:
        report.add("secret LOG_TOKEN", "FAIL", "missing (a throw-away token was generated for this process)")
    else:
        report.add("secret LOG_TOKEN", "PASS", "present")

    if not settings.smart_mode:
        report.add("secret OPENAI_API_KEY", "PASS", "not needed (SMART_MODE=false)")
    elif settings.openai_api_key:
        report.add("secret OPENAI_API_KEY", "PASS", "present")
    elif settings.openai_base_url:
        report.add("secret OPENAI_API_KEY", "PASS", "not set; OPENAI_BASE_URL is used without a key")
    else:
        report.add("secret OPENAI_API_KEY", "WARN",
                   "missing while SMART_MODE=true: smart mode stays off; set the key or SMART_MODE=false")

    if settings.whatsapp_number == DEFAULT_WHATSAPP_NUMBER:
        report.add("secret WHATSAPP_NUMBER", "PASS", "present (the shop's default number)")
    else:
        report.add("secret WHATSAPP_NUMBER", "PASS", "present")

    if settings.redis_url:
        report.add("secret REDIS_URL", "PASS", "present")
    else:
        report.add("secret REDIS_URL", "PASS", "not configured (embedded mode: no Redis)")

    if settings.link_secret:
        report.add("secret LINK_SECRET", "PASS", "present")
    elif settings.redis_url:
        report.add("secret LINK_SECRET", "WARN",
                   "not set: replicas share DATA_DIR/.link-secret; set it so every replica signs the same links")
    else:
        report.add("secret LINK_SECRET", "PASS", "not set (kept in DATA_DIR/.link-secret)")


# --- storage ----------------------------------------------------------------------------------------

def _owner(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _group(gid: int) -> str:
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def ls_ld(path: Path) -> dict[str, Any]:
    """What `ls -ld` shows, as data: mode string, octal mode, owner and group (names and ids)."""
    st = path.stat()
    return {
        "path": str(path), "mode": stat.filemode(st.st_mode), "octal": f"{stat.S_IMODE(st.st_mode):04o}",
        "owner": _owner(st.st_uid), "group": _group(st.st_gid), "uid": st.st_uid, "gid": st.st_gid,
        "ls": f"{stat.filemode(st.st_mode)} {_owner(st.st_uid)} {_group(st.st_gid)} {path}",
    }


def probe_write(directory: Path) -> str:
    """Create, sync and delete a temporary file in `directory`; "" when that worked, else why not."""
    try:
        fd, name = tempfile.mkstemp(dir=directory, prefix=".preflight-", suffix=".tmp")
    except OSError as exc:
        return f"cannot create a file: {exc.strerror or type(exc).__name__}"
    why = ""
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(b"stichat preflight\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        why = f"cannot write a file: {exc.strerror or type(exc).__name__}"
    try:
        os.unlink(name)
    except OSError as exc:
        why = why or f"cannot delete a file: {exc.strerror or type(exc).__name__}"
    return why


def _existing_parent(path: Path) -> Path:
    for parent in path.absolute().parents:
        if parent.exists():
            return parent
    return Path("/")


def check_storage(settings: Settings, report: Report) -> None:
    """Checklist item 9: each dir exists with its owner, group and mode, and is writable."""
    dirs = {"data": settings.data_dir, **settings.storage_dirs()}
    for name, directory in dirs.items():
        label = f"storage {name}"
        if not directory.exists():
            parent = _existing_parent(directory)
            why = probe_write(parent)
            if why:
                report.add(label, "FAIL", f"{directory} is missing and {parent} is not writable ({why})")
            else:
                report.add(label, "WARN", f"{directory} is missing; it will be created at start ({parent} is writable)")
            continue
        if not directory.is_dir():
            report.add(label, "FAIL", f"{directory} is not a directory")
            continue
        listing = ls_ld(directory)
        why = probe_write(directory)
        mode = int(listing["octal"], 8)
        if why:
            report.add(label, "FAIL", f"{listing['ls']}; not writable: {why}", **listing)
        elif mode & stat.S_IWOTH:
            report.add(label, "FAIL", f"{listing['ls']}; writable by everyone (chmod o-w)", **listing)
        elif mode & (stat.S_IROTH | stat.S_IXOTH) and name == "data":
            report.add(label, "WARN", f"{listing['ls']}; writable; others can read (0750 or stricter expected)",
                       **listing)
        else:
            report.add(label, "PASS", f"{listing['ls']}; writable", **listing)


def check_disk(settings: Settings, report: Report, min_free_percent: float) -> None:
    """Free bytes and free inodes on each volume holding a storage dir (fail under the threshold)."""
    seen: set[int] = set()
    for directory in (settings.data_dir, *settings.storage_dirs().values()):
        target = directory if directory.exists() else _existing_parent(directory)
        device = target.stat().st_dev
        if device in seen:
            continue
        seen.add(device)
        usage = shutil.disk_usage(target)
        vfs = os.statvfs(target)
        free_pct = 100.0 * usage.free / usage.total if usage.total else 0.0
        inodes_pct = 100.0 * vfs.f_favail / vfs.f_files if vfs.f_files else 100.0
        evidence = {"path": str(target), "free_bytes": usage.free, "total_bytes": usage.total,
                    "free_percent": round(free_pct, 2), "free_inodes_percent": round(inodes_pct, 2),
                    "inodes": vfs.f_files}
        inodes = f"inodes {inodes_pct:.1f} % free" if vfs.f_files else "inodes not limited"
        detail = f"{_size(usage.free)} free of {_size(usage.total)} ({free_pct:.1f} %), {inodes}"
        low = [what for what, pct in (("space", free_pct), ("inodes", inodes_pct)) if pct < min_free_percent]
        if low:
            report.add(f"disk {target}", "FAIL", f"{detail}; {' and '.join(low)} under {min_free_percent:g} %",
                       **evidence)
        else:
            report.add(f"disk {target}", "PASS", detail, **evidence)


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return f"{n:.1f} TiB"


# --- dependencies -------------------------------------------------------------------------------------

def _where(url: str) -> str:
    """host:port of a URL, without user or password."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        return parts.path
    return f"{parts.hostname or '?'}:{parts.port or 6379}"


def check_redis(settings: Settings, report: Report) -> None:
    """Checklist item 7: the configured Redis answers PING within a second; the latency is the evidence."""
    if not settings.redis_url:
        report.add("redis", "PASS", "not configured (embedded mode)")
        return
    import redis

    where = _where(settings.redis_url)
    client = redis.Redis.from_url(settings.redis_url, socket_timeout=REDIS_TIMEOUT_SECONDS,
                                  socket_connect_timeout=REDIS_TIMEOUT_SECONDS, retry_on_timeout=False)
    try:
        started = time.perf_counter()
        client.ping()
        ms = (time.perf_counter() - started) * 1000
        version = str(client.info("server").get("redis_version", "?"))
    except (redis.RedisError, OSError) as exc:
        report.add("redis", "FAIL", f"{where}: {type(exc).__name__}: {exc}", where=where)
        return
    finally:
        client.close()
    report.add("redis", "PASS", f"{where}: PONG in {ms:.1f} ms (Redis {version})", where=where,
               latency_ms=round(ms, 2), version=version)


def check_llm(settings: Settings, report: Report, timeout: float) -> None:
    """Checklist item 17: the LLM endpoint answers, or smart mode is off. The key is never printed."""
    if not settings.smart_mode:
        report.add("llm", "PASS", "smart mode off (SMART_MODE=false): rule-based answers only")
        return
    if not settings.smart_mode_configured:
        report.add("llm", "WARN", "smart mode off: no OPENAI_API_KEY or OPENAI_BASE_URL (say SMART_MODE=false)")
        return
    base = settings.openai_base_url or OPENAI_DEFAULT_BASE
    url = f"{base}/models"
    headers = {"Authorization": f"Bearer {settings.openai_api_key}"} if settings.openai_api_key else {}
    started = time.perf_counter()
    try:
        response = httpx.get(url, headers=headers, timeout=timeout)
    except httpx.HTTPError as exc:
        report.add("llm", "FAIL", f"GET {url}: {type(exc).__name__}: {exc}", url=url)
        return
    ms = (time.perf_counter() - started) * 1000
    if response.status_code in (401, 403):
        report.add("llm", "FAIL", f"GET {url}: {response.status_code}: the endpoint refused the key", url=url,
                   http_status=response.status_code)
        return
    if response.status_code != 200:
        report.add("llm", "FAIL", f"GET {url}: {response.status_code} in {ms:.0f} ms", url=url,
                   http_status=response.status_code)
        return
    try:
        models = {str(m.get("id")) for m in response.json().get("data", []) if isinstance(m, dict)}
    except (ValueError, AttributeError):
        models = set()
    evidence = {"url": url, "http_status": 200, "latency_ms": round(ms, 1), "model": settings.openai_model}
    if settings.openai_model in models:
        report.add("llm", "PASS", f"GET {url}: 200 in {ms:.0f} ms; {settings.openai_model} listed", **evidence)
    else:
        report.add("llm", "WARN", f"GET {url}: 200 in {ms:.0f} ms; {settings.openai_model} not listed",
                   **evidence)


# --- the report ---------------------------------------------------------------------------------------

def run_preflight(settings: Settings, *, min_free_percent: float = MIN_FREE_PERCENT,
                  llm_timeout: float = LLM_TIMEOUT_SECONDS) -> Report:
    report = Report(secrets=(settings.log_token, settings.openai_api_key, settings.link_secret,
                             urlsplit(settings.redis_url).password or "" if settings.redis_url else ""))
    mode = "scaled (REDIS_URL set)" if settings.redis_url else "embedded"
    report.add("settings", "PASS", f"valid (APP_ENV={settings.app_env}, {mode} mode)", app_env=settings.app_env)
    if not settings.is_production:
        report.add("app env", "WARN", f"APP_ENV={settings.app_env}: production checks of secrets are not enforced")
    check_secrets(settings, report)
    check_storage(settings, report)
    check_disk(settings, report, min_free_percent)
    check_redis(settings, report)
    check_llm(settings, report, llm_timeout)
    return report
