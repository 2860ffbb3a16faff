"""What `stichat smoke` runs: the production checklist's smoke commands (item 3), over HTTP.

It talks to a running service the way the checklist's curl commands do: no Origin and no CSRF header
(non-browser requests need neither), the operator token as `?token=` for the logs. Each step prints
its status and time; `--report` writes the same as a Markdown evidence block to paste into the
checklist. The token never appears in the output or the report. Exit 0 when every step passes.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import click
import httpx

CHAT_BUDGET_MS = 2000.0  # checklist item 3: /api/chat answers in < 2 s without smart mode
BODY_EXCERPT = 400  # characters of each response body kept in the report
# The smoke session's CSRF token is a credential too: keep it out of the evidence.
CSRF_IN_BODY = re.compile(r'("csrfToken"\s*:\s*")[^"]*(")')


@dataclass
class Step:
    """One smoke command and what came back."""

    name: str
    method: str
    path: str
    curl: str
    status: int | None = None
    ms: float = 0.0
    passed: bool = False
    detail: str = ""
    body: str = ""


@dataclass
class Run:
    base_url: str
    token: str | None
    steps: list[Step] = field(default_factory=list)

    def redact(self, text: str) -> str:
        text = CSRF_IN_BODY.sub(r"\1<redacted>\2", text)
        return text.replace(self.token, "<LOG_TOKEN>") if self.token else text

    @property
    def passed(self) -> bool:
        return bool(self.steps) and all(s.passed for s in self.steps)


def tiny_jpeg() -> bytes:
    """A small JPEG made in memory (the checklist's fixture.jpg), so the command needs no files."""
    from PIL import Image

    image = Image.new("RGB", (64, 48), (30, 120, 200))
    for x in range(0, 64, 8):  # some structure, so it is not a flat colour
        for y in range(48):
            image.putpixel((x, y), (240, 240, 240))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= BODY_EXCERPT else text[:BODY_EXCERPT] + " …"


Check = Callable[[httpx.Response, dict[str, Any], float], str]


def _call(run: Run, client: httpx.Client, step: Step, check: Check, **kwargs: Any) -> dict[str, Any]:
    """Send one request, time it, and judge it with `check` (which returns "" on success)."""
    run.steps.append(step)
    started = time.perf_counter()
    try:
        response = client.request(step.method, step.path, **kwargs)
    except httpx.HTTPError as exc:
        step.ms = (time.perf_counter() - started) * 1000
        step.detail = f"request failed: {type(exc).__name__}: {run.redact(str(exc))}"
        _echo(step)
        return {}
    step.ms = (time.perf_counter() - started) * 1000
    step.status = response.status_code
    data = _json(response)
    step.body = _excerpt(run.redact(response.text))
    if response.status_code >= 500:
        step.detail = f"server error {response.status_code}"
    elif response.status_code != 200:
        step.detail = f"expected 200, got {response.status_code}"
    else:
        step.detail = check(response, data, step.ms)
    step.passed = step.detail == ""
    _echo(step)
    return data


def _echo(step: Step) -> None:
    status = step.status if step.status is not None else "---"
    verdict = "PASS" if step.passed else "FAIL"
    line = f"{verdict}  {step.method:<4} {step.path:<24} {status}  {step.ms:7.1f} ms"
    click.echo(line + (f"  ({step.detail})" if step.detail else ""))


def _needs(data: dict[str, Any], **expected: Any) -> str:
    """"" when every key is present (and equal to its value unless that is ...), else what is wrong."""
    wrong = [k for k, v in expected.items() if k not in data or (v is not ... and data[k] != v)]
    return "unexpected " + ", ".join(wrong) if wrong else ""


def _skip(run: Run, step: Step, reason: str) -> None:
    step.detail = reason
    run.steps.append(step)
    _echo(step)


def run_smoke(base_url: str, token: str | None, timeout: float) -> Run:
    run = Run(base_url=base_url.rstrip("/"), token=token)
    base = run.base_url
    json_h = '-H "Content-Type: application/json"'
    with httpx.Client(base_url=base, timeout=timeout, headers={"User-Agent": "stichat-smoke"}) as client:
        _call(run, client, Step("health", "GET", "/api/health", f'curl -sS -X GET "{base}/api/health"'),
              lambda r, d, ms: _needs(d, ok=True))
        greeting = _call(
            run, client,
            Step("greeting", "POST", "/api/greeting", f"curl -sS -X POST \"{base}/api/greeting\" {json_h} -d '{{}}'"),
            lambda r, d, ms: _needs(d, ok=True, sessionId=..., csrfToken=...), json={})
        sid = greeting.get("sessionId")
        sid_body = json.dumps({"sessionId": "<sid>"})
        chat_body = json.dumps({"sessionId": "<sid>", "message": "hola"})
        later = [
            Step("session/validate", "POST", "/api/session/validate",
                 f"curl -sS -X POST \"{base}/api/session/validate\" {json_h} -d '{sid_body}'"),
            Step("chat", "POST", "/api/chat", f"curl -sS -X POST \"{base}/api/chat\" {json_h} -d '{chat_body}'"),
            Step("upload-image", "POST", "/api/upload-image",
                 f'curl -sS -X POST "{base}/api/upload-image" -H "x-session-id: <sid>" -F "image=@smoke.jpg"'),
            Step("whatsapp-ticket", "POST", "/api/whatsapp-ticket",
                 f"curl -sS -X POST \"{base}/api/whatsapp-ticket\" {json_h} -d '{sid_body}'"),
        ]
        if not isinstance(sid, str) or not sid:
            for step in later:
                _skip(run, step, "not run: no sessionId from /api/greeting")
        else:
            validate, chat, upload, ticket = later

            def chat_check(r: httpx.Response, d: dict[str, Any], ms: float) -> str:
                wrong = _needs(d, ok=True, reply=...)
                return wrong or (f"took {ms:.0f} ms, budget {CHAT_BUDGET_MS:.0f} ms" if ms >= CHAT_BUDGET_MS else "")

            _call(run, client, validate, lambda r, d, ms: _needs(d, valid=True), json={"sessionId": sid})
            _call(run, client, chat, chat_check, json={"sessionId": sid, "message": "hola"})
            _call(run, client, upload, lambda r, d, ms: _needs(d, ok=True), headers={"x-session-id": sid},
                  files={"image": ("smoke.jpg", tiny_jpeg(), "image/jpeg")})
            _call(run, client, ticket, lambda r, d, ms: _needs(d, ok=True, ticketId=...), json={"sessionId": sid})
        logs = Step("logs", "GET", "/api/logs", f'curl -sS -X GET "{base}/api/logs?token=<LOG_TOKEN>" | head -20')
        if not token:
            _skip(run, logs, "not run: no --token and no LOG_TOKEN in the environment")
        else:
            def logs_check(r: httpx.Response, d: dict[str, Any], ms: float) -> str:
                kind = r.headers.get("content-type", "")
                return "" if kind.startswith("text/plain") else f"expected text/plain, got {kind or 'nothing'}"

            _call(run, client, logs, logs_check, params={"token": token})
            logs.path = "/api/logs?token=<LOG_TOKEN>"
            logs.body = "\n".join(logs.body.splitlines()[:20])
    return run


def render_report(run: Run) -> str:
    """The evidence block for checklist item 3: commands, status, time and trimmed bodies."""
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    verdict = "PASSED" if run.passed else "FAILED"
    lines = [
        f"### Smoke tests — {verdict}",
        "",
        f"- target: `{run.base_url}`",
        f"- run at: {when} (`stichat smoke`)",
        f"- steps: {sum(s.passed for s in run.steps)}/{len(run.steps)} passed",
        "",
        "| step | request | status | ms | result |",
        "|---|---|---|---|---|",
    ]
    for s in run.steps:
        status = str(s.status) if s.status is not None else "—"
        result = "pass" if s.passed else f"FAIL: {s.detail}"
        lines.append(f"| {s.name} | `{s.method} {s.path}` | {status} | {s.ms:.1f} | {result.replace('|', '/')} |")
    lines += ["", "```text"]
    for s in run.steps:
        status = str(s.status) if s.status is not None else "no response"
        lines += [f"$ {s.curl}", f"# -> {status} in {s.ms:.1f} ms{'' if s.passed else ' — ' + s.detail}"]
        if s.body:
            lines += [s.body.replace("```", "'''"), ""]
        else:
            lines.append("")
    lines += ["```", ""]
    return run.redact("\n".join(lines))
