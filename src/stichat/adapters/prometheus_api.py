"""Prometheus's HTTP API (instant queries, `GET /api/v1/query`) through httpx: the MetricsQuery port."""

from __future__ import annotations

import math
from typing import Any

import httpx

from stichat.ops.ports import PrometheusError, Sample


class PrometheusApi:
    """The instant-query endpoint of one Prometheus (or a compatible server: Thanos, VictoriaMetrics)."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = httpx.Client(base_url=self.base_url, timeout=timeout,
                                    headers={"User-Agent": "stichat-canary-check"})

    @property
    def where(self) -> str:
        return self.base_url

    def close(self) -> None:
        self._client.close()

    def query(self, expr: str) -> list[Sample]:
        """Each series of an instant vector (or the one value of a scalar) with its labels."""
        try:
            response = self._client.get("/api/v1/query", params={"query": expr})
        except httpx.HTTPError as exc:
            raise PrometheusError(f"{self.base_url} cannot be reached: {type(exc).__name__}: {exc}") from exc
        try:
            body = response.json()
        except ValueError as exc:
            raise PrometheusError(f"{self.base_url} answered {response.status_code} without JSON") from exc
        if not isinstance(body, dict) or body.get("status") != "success":
            error = body.get("error", "?") if isinstance(body, dict) else "?"
            raise PrometheusError(f"query failed ({response.status_code}): {error}: {expr}")
        data = body.get("data") or {}
        kind, result = data.get("resultType"), data.get("result")
        if kind == "scalar" and isinstance(result, list):
            return [({}, _number(result[1]))]
        if kind == "vector" and isinstance(result, list):
            return [(dict(item.get("metric", {})), _number(item["value"][1])) for item in result]
        raise PrometheusError(f"unexpected result type {kind!r} for: {expr}")


def _number(raw: Any) -> float:
    try:
        return float(raw)  # Prometheus writes "NaN", "+Inf", "-Inf" as strings too
    except (TypeError, ValueError):
        return math.nan
