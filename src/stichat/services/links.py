"""Expiring ticket links: `<expiry>.<signature>` tokens, HMAC-SHA256 over the ticket id and expiry.

Nothing needs storing: any replica that shares the secret can check a link, and the token on disk
(inside a ticket) would not help an attacker because none is stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from stichat.domain.errors import LinkExpired, TicketNotFound


class LinkSigner:
    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the link secret must be at least 16 bytes")
        self._secret = secret

    def _sign(self, ticket_id: str, expires: int) -> str:
        mac = hmac.new(self._secret, f"{ticket_id}.{expires}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac[:18]).decode().rstrip("=")

    def token(self, ticket_id: str, expires_at: float) -> str:
        expires = int(expires_at)
        return f"{expires}.{self._sign(ticket_id, expires)}"

    def check(self, ticket_id: str, token: str | None, *, now: float) -> None:
        """Raise TicketNotFound for a missing or wrong token, LinkExpired for a genuine but expired one."""
        # Only ASCII can be ours: str.isdigit() accepts "²" and "١", and compare_digest refuses
        # non-ASCII str; either would otherwise turn a forged link into a 500.
        if not token or "." not in token or len(token) > 80 or not token.isascii():
            raise TicketNotFound()
        raw_expiry, _, signature = token.partition(".")
        if not raw_expiry.isdigit() or len(raw_expiry) > 12:
            raise TicketNotFound()
        if not hmac.compare_digest(signature.encode(), self._sign(ticket_id, int(raw_expiry)).encode()):
            raise TicketNotFound()
        if int(raw_expiry) <= now:
            raise LinkExpired()
