"""Every Redis key name STI Chat uses, in one place (docs/scaling.md lists the same names).

All keys start with `stichat:` so the service can share a Redis with others and an operator can
find ours with `SCAN 0 MATCH stichat:* COUNT 1000` (never `KEYS *`, which blocks the server).
The rate limiter's keys are made by the `limits` library under its own prefix, `LIMITS:`.
"""

from __future__ import annotations

PREFIX = "stichat:"

#: Hash of one conversation: fields `data` (conversation JSON), `csrf`, `expires_at` (epoch
#: seconds). The key itself expires SESSION_TTL_HOURS after the last save (sliding).
SESSION = PREFIX + "session:{session_id}"

#: String holding the random token of the request that owns the session right now (SET NX PX).
SESSION_LOCK = PREFIX + "lock:session:{session_id}"

#: The runtime smart-mode switch: `{"enabled": bool, "changedAt": epoch}`, no TTL.
SMART_MODE = PREFIX + "smart-mode"

#: Image jobs (issue 5): the stream and its consumer group, the failed-jobs list, worker heartbeats.
IMAGE_JOBS_STREAM = PREFIX + "jobs:images"
IMAGE_JOBS_GROUP = "stichat-image-workers"
IMAGE_JOBS_FAILED = PREFIX + "jobs:failed"
WORKER_HEARTBEAT = PREFIX + "worker:heartbeat:{host}"

#: The `limits` prefix for rate-limit windows (`LIMITS:LIMITER/<key>/<amount>/<per>/<unit>`).
RATE_LIMIT_PREFIX = "LIMITS"

#: Fields of the SESSION hash.
FIELD_DATA, FIELD_CSRF, FIELD_EXPIRES_AT = "data", "csrf", "expires_at"


def session(session_id: str) -> str:
    return SESSION.format(session_id=session_id)


def session_lock(session_id: str) -> str:
    return SESSION_LOCK.format(session_id=session_id)
