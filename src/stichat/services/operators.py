"""Named operators: their accounts (`stichat operator …`) and signing in to the console.

A session is a random token in an HttpOnly cookie; the store keeps only its SHA-256, so a copy of the
database signs nobody in. Failed sign-ins are limited per client address and per operator name
through the shared RateLimiter (in process, or Redis for every replica): only failures count against
the operator, so a stranger guessing cannot lock out someone who knows their password for longer
than the window, and nothing they try is checked once over it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
from dataclasses import dataclass

from stichat.domain.desk import AuditEntry, ConsoleSession, Operator, check_operator_name, check_password
from stichat.domain.errors import ConsoleSignedOut, CsrfFailed, OperatorExists, SignInFailed, TooManySignIns
from stichat.ports import Clock, OperatorStore, RateLimiter, TicketDesk
from stichat.services.passwords import DUMMY_HASH, hash_password, verify_password

log = logging.getLogger("stichat.console")


@dataclass(frozen=True)
class SignInPolicy:
    per_address: str = "10/minute"
    per_operator: str = "5/minute"
    idle_seconds: float = 30 * 60.0


@dataclass(frozen=True)
class SignedIn:
    operator: str
    token: str
    csrf: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OperatorService:
    def __init__(self, *, store: OperatorStore, desk: TicketDesk, limiter: RateLimiter, clock: Clock,
                 policy: SignInPolicy) -> None:
        self._store, self._desk, self._limiter, self._clock, self._policy = store, desk, limiter, clock, policy

    @property
    def idle_seconds(self) -> float:
        return self._policy.idle_seconds

    async def add(self, name: str, password: str) -> Operator:
        name, password = check_operator_name(name), check_password(password)
        operator = Operator(name, await asyncio.to_thread(hash_password, password), self._clock.now())
        if not await self._store.add(operator):
            raise OperatorExists(f"an operator named {name} already exists")
        await self._desk.record(AuditEntry(operator.created_at, "cli", "operator_add", detail=name))
        return operator

    async def names(self) -> list[Operator]:
        return await self._store.names()

    async def remove(self, name: str) -> bool:
        removed = await self._store.remove(name.strip().lower())
        if removed:
            await self._desk.record(AuditEntry(self._clock.now(), "cli", "operator_remove", detail=name))
        return removed

    async def set_password(self, name: str, password: str) -> bool:
        hashed = await asyncio.to_thread(hash_password, check_password(password))
        changed = await self._store.set_password(name.strip().lower(), hashed)
        if changed:
            await self._desk.record(AuditEntry(self._clock.now(), "cli", "operator_passwd", detail=name))
        return changed

    async def sign_in(self, name: str, password: str, *, address: str) -> SignedIn:
        """A new session, or SignInFailed (wrong name or password) / TooManySignIns (too many failures)."""
        name = name.strip().lower()[:64]
        for limit, key in ((self._policy.per_address, f"address:{address}"), (self._policy.per_operator,
                                                                                f"operator:{name}")):
            wait = await self._limiter.peek(limit, "console-sign-in", key)
            if wait is not None:
                raise TooManySignIns(retry_after=wait)
        operator = await self._store.get(name) if name else None
        ok = await asyncio.to_thread(verify_password, password[:256],
                                     operator.password_hash if operator else DUMMY_HASH)
        now = self._clock.now()
        if operator is None or not ok:
            await self._limiter.hit(self._policy.per_address, "console-sign-in", f"address:{address}")
            await self._limiter.hit(self._policy.per_operator, "console-sign-in", f"operator:{name}")
            log.warning("console_sign_in_failed", extra={"operator": name if operator else None})
            raise SignInFailed()
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(24)
        await self._store.open_session(ConsoleSession(token_hash(token), operator.name, csrf, now, now))
        await self._desk.record(AuditEntry(now, operator.name, "sign_in"))
        log.info("console_signed_in", extra={"operator": operator.name})
        return SignedIn(operator.name, token, csrf)

    async def session(self, token: str | None) -> ConsoleSession | None:
        if not token or len(token) > 128:
            return None
        return await self._store.session(token_hash(token), now=self._clock.now(),
                                         idle_seconds=self._policy.idle_seconds)

    async def require(self, token: str | None, *, csrf: str | None = None, change: bool = False) -> ConsoleSession:
        """The signed-in session, or ConsoleSignedOut; a change must also carry the session's CSRF token."""
        session = await self.session(token)
        if session is None:
            raise ConsoleSignedOut()
        if change and (not csrf or not secrets.compare_digest(session.csrf.encode(), csrf.encode())):
            raise CsrfFailed("missing or wrong CSRF token")
        return session

    async def sign_out(self, session: ConsoleSession) -> None:
        await self._store.close_session(session.token_hash)
        await self._desk.record(AuditEntry(self._clock.now(), session.operator, "sign_out"))
