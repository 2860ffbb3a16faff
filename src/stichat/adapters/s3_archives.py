"""Backup archives in S3 or any S3-compatible store (MinIO, Ceph, R2…) through boto3: the ArchiveStore port.

Credentials and the endpoint come the usual boto3 ways (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_ENDPOINT_URL, a profile, a pod identity); `endpoint_url` overrides the endpoint. An upload is one
PUT or a multipart upload, which the store makes visible only when complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

from stichat.ops.ports import ArchiveStoreError


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except (BotoCoreError, ClientError) as exc:
        raise ArchiveStoreError(str(exc)) from exc


class S3ArchiveStore:
    """One bucket's objects, by key."""

    def __init__(self, bucket: str, *, endpoint_url: str | None = None) -> None:
        self.bucket = bucket
        self._client = boto3.client("s3", endpoint_url=endpoint_url or None)

    def keys(self, prefix: str) -> list[str]:
        found: list[str] = []
        with _translated():
            for page in self._client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
                found.extend(str(item["Key"]) for item in page.get("Contents", []))
        return found

    def size(self, key: str) -> int:
        with _translated():
            return int(self._client.head_object(Bucket=self.bucket, Key=key)["ContentLength"])

    def put(self, path: Path, key: str, *, progress: Callable[[int], object]) -> None:
        with _translated():
            self._client.upload_file(str(path), self.bucket, key, Callback=progress,
                                     ExtraArgs={"ContentType": "application/gzip"})

    def get(self, key: str, path: Path, *, progress: Callable[[int], object]) -> None:
        with _translated():
            self._client.download_file(self.bucket, key, str(path), Callback=progress)

    def delete(self, key: str) -> None:
        with _translated():
            self._client.delete_object(Bucket=self.bucket, Key=key)
