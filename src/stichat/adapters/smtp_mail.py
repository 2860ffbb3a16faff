"""Mail through an SMTP relay (smtplib, STARTTLS and login when configured): the Mailer port."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from stichat.config import SmtpSettings
from stichat.ops.ports import MailError


class SmtpMailer:
    """Sends to SMTP_TO from SMTP_FROM through SMTP_HOST:SMTP_PORT."""

    def __init__(self, settings: SmtpSettings, *, timeout: float = 20.0) -> None:
        self._settings = settings
        self._timeout = timeout

    def send(self, *, subject: str, body: str) -> None:
        s = self._settings
        message = EmailMessage()
        message["Subject"] = subject
        message["From"] = s.sender
        message["To"] = ", ".join(s.to)
        message.set_content(body)
        try:
            with smtplib.SMTP(s.host, s.port, timeout=self._timeout) as smtp:
                if s.starttls:
                    smtp.starttls()
                if s.user:
                    smtp.login(s.user, s.password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise MailError(f"{type(exc).__name__}: {exc}") from exc
