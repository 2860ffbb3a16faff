"""The composition root's operations half, beside `bootstrap`: the clients the operations commands use
(Prometheus's HTTP API, an S3 store, an SMTP relay) and the database's dump and load for backups."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import IO

from stichat.adapters.database import dump, load, migrate
from stichat.adapters.prometheus_api import PrometheusApi
from stichat.adapters.smtp_mail import SmtpMailer
from stichat.bootstrap import database, migrate_database
from stichat.config import Settings, SmtpSettings
from stichat.ops.ports import ArchiveStore, Mailer, MetricsQuery

#: One SMTP conversation (connect, STARTTLS, login, send) may take this long: a relay slower than this
#: is down for a once-a-day digest.
SMTP_TIMEOUT_SECONDS = 20.0


@contextlib.contextmanager
def prometheus(base_url: str, *, timeout: float) -> Iterator[MetricsQuery]:
    """Prometheus's query API at `base_url`, each query allowed `timeout` seconds; closed afterwards."""
    api = PrometheusApi(base_url, timeout=timeout)
    try:
        yield api
    finally:
        api.close()


def archive_store(bucket: str, *, endpoint_url: str | None = None) -> ArchiveStore:
    """An S3 (or S3-compatible) bucket. boto3 takes a while to load, so only the commands that use it do."""
    from stichat.adapters.s3_archives import S3ArchiveStore

    return S3ArchiveStore(bucket, endpoint_url=endpoint_url)


def mailer(settings: SmtpSettings) -> Mailer:
    """The SMTP relay of SMTP_HOST, mailing SMTP_TO."""
    return SmtpMailer(settings, timeout=SMTP_TIMEOUT_SECONDS)


def dump_database(settings: Settings, handle: IO[bytes]) -> dict[str, int]:
    """Every row of the database as JSON lines (`stichat backup`); the count per table."""
    engine = database(settings)
    try:
        migrate_database(settings, engine)  # ticket files without their row go in first
        return dump(engine, handle)
    finally:
        engine.dispose()


def load_database(settings: Settings, handle: IO[bytes]) -> dict[str, int]:
    """Replace the database's rows with a dump's, in one transaction (`stichat restore`)."""
    engine = database(settings)
    try:
        migrate(engine)
        return load(engine, handle)
    finally:
        engine.dispose()
