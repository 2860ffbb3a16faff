"""Every Prometheus metric of STI Chat, declared once.

The names are part of CONTRACT.md (dashboards and alert rules query them). Metrics live in a
`CollectorRegistry` owned by a `Metrics` object built by the composition root, so tests and several
apps in one process never share counters by accident.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, disable_created_metrics, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

# Buckets in seconds. A chat turn without smart mode answers in milliseconds; an LLM call in seconds.
HTTP_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
OPENAI_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 15.0)
ANALYSIS_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)

CIRCUIT_STATES = {"closed": 0, "half_open": 1, "open": 2}
OUTCOMES = ("solved", "ticket", "abandoned", "refused")


class _ProcessCollector(Collector):
    """Resident memory and CPU seconds of this process, read from /proc (Linux) at scrape time."""

    def collect(self) -> list[GaugeMetricFamily]:
        rss = GaugeMetricFamily("stichat_process_resident_memory_bytes", "Resident memory of the process.")
        cpu = GaugeMetricFamily("stichat_process_cpu_seconds", "CPU seconds (user + system) used so far.")
        times = os.times()
        cpu.add_metric([], times.user + times.system)
        try:
            with open("/proc/self/statm", encoding="ascii") as statm:
                pages = int(statm.read().split()[1])
            rss.add_metric([], pages * os.sysconf("SC_PAGE_SIZE"))
        except (OSError, ValueError, IndexError):
            rss.add_metric([], 0.0)
        return [rss, cpu]


@dataclass
class Metrics:
    """The service's metrics; one instance per app, built by `bootstrap`."""

    registry: CollectorRegistry
    chat_messages: Counter
    openai_requests: Counter
    openai_failures: Counter
    openai_latency: Histogram
    openai_circuit_state: Gauge
    upload_analysis: Histogram
    upload_queue_length: Gauge
    worker_jobs: Counter
    sse_clients: Gauge
    http_duration: Histogram
    tickets: Counter
    conversations: Counter
    funnel: Counter
    storage_used: Gauge
    storage_free: Gauge
    storage_free_inodes_ratio: Gauge
    storage_total: Gauge
    storage_writable: Gauge
    sse_clients_max: Gauge

    @classmethod
    def create(cls) -> Metrics:
        # `*_created` series double the scrape size and nothing here queries them.
        disable_created_metrics()  # type: ignore[no-untyped-call]  # untyped in prometheus_client
        r = CollectorRegistry(auto_describe=True)
        r.register(_ProcessCollector())
        return cls(
            registry=r,
            chat_messages=Counter("stichat_chat_messages", "Chat turns answered.", registry=r),
            openai_requests=Counter("stichat_openai_requests", "Calls made to the LLM.", registry=r),
            openai_failures=Counter(
                "stichat_openai_failures", "LLM calls that failed, by reason.", ["reason"], registry=r
            ),
            openai_latency=Histogram(
                "stichat_openai_latency_seconds", "LLM call latency.", buckets=OPENAI_BUCKETS, registry=r
            ),
            openai_circuit_state=Gauge(
                "stichat_openai_circuit_state", "LLM breaker: 0 closed, 1 half-open, 2 open.", registry=r
            ),
            upload_analysis=Histogram(
                "stichat_upload_analysis_seconds", "Time to process one uploaded image.",
                buckets=ANALYSIS_BUCKETS, registry=r,
            ),
            upload_queue_length=Gauge("stichat_upload_queue_length", "Image jobs waiting.", registry=r),
            worker_jobs=Counter("stichat_worker_jobs", "Image jobs finished, by result.", ["result"], registry=r),
            sse_clients=Gauge("stichat_sse_clients", "Live log streams open now.", registry=r),
            http_duration=Histogram(
                "stichat_http_request_duration_seconds", "HTTP request duration by route template.",
                ["route", "method", "status"], buckets=HTTP_BUCKETS, registry=r,
            ),
            tickets=Counter("stichat_tickets", "Tickets created.", registry=r),
            conversations=Counter(
                "stichat_conversations", "Conversations finished, by outcome.", ["outcome"], registry=r
            ),
            funnel=Counter(
                "stichat_funnel_stage", "Conversations that reached each stage.", ["stage"], registry=r
            ),
            storage_used=Gauge("stichat_storage_used_bytes", "Bytes used under each storage dir.", ["dir"], registry=r),
            storage_free=Gauge("stichat_storage_free_bytes", "Free bytes on the data volume.", registry=r),
            storage_free_inodes_ratio=Gauge(
                "stichat_storage_free_inodes_ratio", "Free inodes on the data volume (0..1).", registry=r
            ),
            storage_total=Gauge("stichat_storage_total_bytes", "Size of the data volume in bytes.", registry=r),
            storage_writable=Gauge("stichat_storage_writable", "1 when a small real write in the dir succeeds, else 0.",
                                   ["dir"], registry=r),
            sse_clients_max=Gauge("stichat_sse_clients_max", "Configured cap on live log streams.", registry=r),
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)

    # The metrics ports of stichat.ports, in the services' words (fakes in tests/fakes.py record them).

    def turn_answered(self) -> None:
        self.chat_messages.inc()

    def stage_reached(self, stage: str) -> None:
        self.funnel.labels(stage=stage).inc()

    def conversation_ended(self, outcome: str) -> None:
        self.conversations.labels(outcome=outcome).inc()

    def ticket_opened(self) -> None:
        self.tickets.inc()

    def image_processed(self, seconds: float) -> None:
        self.upload_analysis.observe(seconds)

    def llm_called(self) -> None:
        self.openai_requests.inc()

    def llm_answered(self, seconds: float) -> None:
        self.openai_latency.observe(seconds)

    def llm_failed(self, reason: str, seconds: float) -> None:
        self.openai_latency.observe(seconds)
        self.openai_failures.labels(reason=reason).inc()

    def circuit_changed(self, state: str) -> None:
        self.openai_circuit_state.set(CIRCUIT_STATES[state])
