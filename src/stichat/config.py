"""Settings: the only reader of the environment (and of `<NAME>_FILE` secrets)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from stichat.domain.errors import ConfigError

#: Settings whose value may come from a file named by `<NAME>_FILE` (Kubernetes secrets, Docker secrets).
SECRET_NAMES = ("OPENAI_API_KEY", "LOG_TOKEN", "WHATSAPP_NUMBER", "REDIS_URL", "LINK_SECRET", "SMTP_PASSWORD",
                "DATABASE_URL")

#: Values that show a secret was never really set. Compared lower-cased.
PLACEHOLDERS = frozenset(
    {"changeme", "change-me", "change_me", "secret", "password", "token", "test", "example", "xxx",
     "default", "placeholder", "your-token-here", "log_token", "dev", "admin"}
)

#: A production operator token must be at least this long: 24 characters of a random alphabet.
MIN_SECRET_LENGTH = 24

LOCALES = ("es-AR", "en")


def _read(env: Mapping[str, str], name: str, default: str = "") -> str:
    """Return NAME from the environment, or the contents of the file named by NAME_FILE."""
    value = env.get(name)
    if value is not None and value != "":
        return value.strip()
    file_name = env.get(f"{name}_FILE")
    if file_name and name in SECRET_NAMES:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE={file_name} cannot be read: {exc.strerror}") from exc
    return default


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 0) -> int:
    raw = _read(env, name, str(default))
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, *, minimum: float = 0.0) -> float:
    raw = _read(env, name, str(default))
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc
    if value <= minimum:
        raise ConfigError(f"{name} must be greater than {minimum}, got {value}")
    return value


def _rate_fraction(env: Mapping[str, str], name: str, default: float) -> float:
    value = _float(env, name, default)
    if value > 1:
        raise ConfigError(f"{name} must be a fraction between 0 and 1, got {value}")
    return value


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = _read(env, name, "true" if default else "false").lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, got {raw!r}")


def _rate(env: Mapping[str, str], name: str, default: str) -> str:
    raw = _read(env, name, default)
    amount, _, per = raw.partition("/")
    if not amount.strip().isdigit() or per.strip() not in {"second", "minute", "hour", "day"}:
        raise ConfigError(f"{name} must look like '10/minute' (per second, minute, hour or day), got {raw!r}")
    return f"{int(amount)}/{per.strip()}"


def _database_url(raw: str) -> str:
    scheme = raw.split(":", 1)[0].lower()
    if raw and scheme not in {"postgresql", "postgres", "postgresql+psycopg", "sqlite"}:
        raise ConfigError(f"DATABASE_URL must start with postgresql:// (or sqlite:///), got a {scheme!r} URL")
    return raw


@dataclass(frozen=True)
class SmtpSettings:
    """The relay `stichat digest --smtp` mails through; the service itself sends no mail. Each field
    names its variable (`env`), so the docs test finds them."""

    host: str = field(default="", metadata={"env": "SMTP_HOST"})
    port: int = field(default=587, metadata={"env": "SMTP_PORT"})
    user: str = field(default="", metadata={"env": "SMTP_USER"})
    password: str = field(default="", repr=False, metadata={"env": "SMTP_PASSWORD"})
    sender: str = field(default="stichat@localhost", metadata={"env": "SMTP_FROM"})
    to: tuple[str, ...] = field(default=(), metadata={"env": "SMTP_TO"})
    starttls: bool = field(default=True, metadata={"env": "SMTP_STARTTLS"})

    @property
    def configured(self) -> bool:
        """A relay and somebody to mail: what `--smtp` needs."""
        return bool(self.host and self.to)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpSettings:
        return cls(
            host=_read(env, "SMTP_HOST"),
            port=_int(env, "SMTP_PORT", 587, minimum=1),
            user=_read(env, "SMTP_USER"),
            password=_read(env, "SMTP_PASSWORD"),
            sender=_read(env, "SMTP_FROM", "stichat@localhost"),
            to=tuple(a.strip() for a in _read(env, "SMTP_TO").split(",") if a.strip()),
            starttls=_bool(env, "SMTP_STARTTLS", True),
        )


@dataclass(frozen=True)
class Settings:
    """Every setting of CONTRACT.md, typed. Build it with `Settings.from_env()`."""

    app_env: str = "development"
    host: str = "127.0.0.1"
    port: int = 8080
    public_base_url: str = ""
    data_dir: Path = Path("data")
    transcripts_dir: Path = Path("data/transcripts")
    tickets_dir: Path = Path("data/tickets")
    uploads_dir: Path = Path("data/uploads")
    logs_dir: Path = Path("data/logs")
    #: The shop's hours, address, services, prices and warranty; None = the example in the package.
    shop_facts_file: Path | None = None
    redis_url: str = ""
    #: Empty: tickets, operators, notes and audit in SQLite under DATA_DIR; else a postgresql:// URL.
    database_url: str = field(default="", repr=False)
    console_idle_minutes: int = 30
    rate_limit_sign_in: str = "10/minute"
    rate_limit_sign_in_operator: str = "5/minute"
    redis_timeout_ms: int = 500
    smart_mode: bool = True
    openai_api_key: str = field(default="", repr=False)
    openai_base_url: str = ""
    openai_model: str = "gpt-4o-mini"
    openai_vision_model: str = "gpt-4o"
    openai_timeout: float = 8.0
    openai_breaker_failure_rate: float = 0.5
    openai_breaker_min_calls: int = 5
    openai_breaker_window_seconds: float = 60.0
    openai_breaker_open_seconds: float = 30.0
    openai_breaker_half_open_probes: int = 1
    log_token: str = field(default="", repr=False)
    log_token_generated: bool = False
    allowed_origins: tuple[str, ...] = ()
    whatsapp_number: str = "5493417422422"
    max_sse_clients: int = 100
    max_upload_mb: int = 5
    image_job_timeout: float = 60.0
    image_job_attempts: int = 3
    image_workers: int = 2
    image_decode_mb: int = 256
    rate_limit_greeting: str = "5/minute"
    rate_limit_chat: str = "50/minute"
    rate_limit_chat_session: str = "20/minute"
    rate_limit_upload: str = "3/minute"
    rate_limit_ticket: str = "3/hour"
    rate_limit_lookup: str = "60/minute"
    trusted_proxies: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    session_ttl_hours: int = 48
    ticket_link_ttl_days: int = 30
    upload_retention_days: int = 7
    transcript_retention_days: int = 90
    log_retention_days: int = 30
    link_secret: str = field(default="", repr=False)
    logs_max_bytes: int = 256 * 1024
    log_level: str = "INFO"
    smtp: SmtpSettings = field(default_factory=SmtpSettings)

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"

    @property
    def smart_mode_configured(self) -> bool:
        """Smart mode needs both the switch and somewhere to send prompts."""
        return self.smart_mode and bool(self.openai_api_key or self.openai_base_url)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read and validate the settings; raise ConfigError with a one-line reason."""
        env = os.environ if env is None else env
        app_env = _read(env, "APP_ENV", "development").lower()
        if app_env not in {"development", "production", "test"}:
            raise ConfigError(f"APP_ENV must be development, test or production, got {app_env!r}")
        host = _read(env, "HOST", "127.0.0.1")
        port = _int(env, "PORT", 8080, minimum=0)
        if port > 65535:
            raise ConfigError(f"PORT must be at most 65535, got {port}")
        data_dir = Path(_read(env, "DATA_DIR", "data"))
        log_token = _read(env, "LOG_TOKEN")
        generated = False
        if not log_token and app_env != "production":
            # Development: a fresh token per process, printed once at start-up, never stored.
            log_token, generated = secrets.token_urlsafe(24), True
        whatsapp = _read(env, "WHATSAPP_NUMBER", "5493417422422")
        if not whatsapp.isdigit() or not 8 <= len(whatsapp) <= 15:
            raise ConfigError("WHATSAPP_NUMBER must be 8 to 15 digits in international form, no + or spaces")
        origins = tuple(o.strip().rstrip("/") for o in _read(env, "ALLOWED_ORIGINS").split(",") if o.strip())
        proxies = tuple(p.strip() for p in _read(env, "TRUSTED_PROXIES").split(",") if p.strip())
        settings = cls(
            app_env=app_env,
            host=host,
            port=port,
            public_base_url=_read(env, "PUBLIC_BASE_URL", f"http://{host}:{port}").rstrip("/"),
            data_dir=data_dir,
            transcripts_dir=Path(_read(env, "TRANSCRIPTS_DIR", str(data_dir / "transcripts"))),
            tickets_dir=Path(_read(env, "TICKETS_DIR", str(data_dir / "tickets"))),
            uploads_dir=Path(_read(env, "UPLOADS_DIR", str(data_dir / "uploads"))),
            logs_dir=Path(_read(env, "LOGS_DIR", str(data_dir / "logs"))),
            shop_facts_file=Path(_read(env, "SHOP_FACTS_FILE")) if _read(env, "SHOP_FACTS_FILE") else None,
            redis_url=_read(env, "REDIS_URL"),
            database_url=_database_url(_read(env, "DATABASE_URL")),
            console_idle_minutes=_int(env, "CONSOLE_IDLE_MINUTES", 30, minimum=1),
            rate_limit_sign_in=_rate(env, "RATE_LIMIT_SIGN_IN", "10/minute"),
            rate_limit_sign_in_operator=_rate(env, "RATE_LIMIT_SIGN_IN_OPERATOR", "5/minute"),
            redis_timeout_ms=_int(env, "REDIS_TIMEOUT_MS", 500, minimum=50),
            smart_mode=_bool(env, "SMART_MODE", True),
            openai_api_key=_read(env, "OPENAI_API_KEY"),
            openai_base_url=_read(env, "OPENAI_BASE_URL").rstrip("/"),
            openai_model=_read(env, "OPENAI_MODEL", "gpt-4o-mini"),
            openai_vision_model=_read(env, "OPENAI_VISION_MODEL", "gpt-4o"),
            openai_timeout=_float(env, "OPENAI_TIMEOUT", 8.0),
            openai_breaker_failure_rate=_rate_fraction(env, "OPENAI_BREAKER_FAILURE_RATE", 0.5),
            openai_breaker_min_calls=_int(env, "OPENAI_BREAKER_MIN_CALLS", 5, minimum=1),
            openai_breaker_window_seconds=_float(env, "OPENAI_BREAKER_WINDOW_SECONDS", 60.0),
            openai_breaker_open_seconds=_float(env, "OPENAI_BREAKER_OPEN_SECONDS", 30.0),
            openai_breaker_half_open_probes=_int(env, "OPENAI_BREAKER_HALF_OPEN_PROBES", 1, minimum=1),
            log_token=log_token,
            log_token_generated=generated,
            allowed_origins=origins,
            whatsapp_number=whatsapp,
            max_sse_clients=_int(env, "MAX_SSE_CLIENTS", 100, minimum=1),
            max_upload_mb=_int(env, "MAX_UPLOAD_MB", 5, minimum=1),
            image_job_timeout=_float(env, "IMAGE_JOB_TIMEOUT", 60.0),
            image_job_attempts=_int(env, "IMAGE_JOB_ATTEMPTS", 3, minimum=1),
            image_workers=_int(env, "IMAGE_WORKERS", 2, minimum=1),
            image_decode_mb=_int(env, "IMAGE_DECODE_MB", 256, minimum=64),
            rate_limit_greeting=_rate(env, "RATE_LIMIT_GREETING", "5/minute"),
            rate_limit_chat=_rate(env, "RATE_LIMIT_CHAT", "50/minute"),
            rate_limit_chat_session=_rate(env, "RATE_LIMIT_CHAT_SESSION", "20/minute"),
            rate_limit_upload=_rate(env, "RATE_LIMIT_UPLOAD", "3/minute"),
            rate_limit_ticket=_rate(env, "RATE_LIMIT_TICKET", "3/hour"),
            rate_limit_lookup=_rate(env, "RATE_LIMIT_LOOKUP", "60/minute"),
            trusted_proxies=proxies,
            allowed_hosts=tuple(h.strip().lower() for h in _read(env, "ALLOWED_HOSTS").split(",") if h.strip()),
            session_ttl_hours=_int(env, "SESSION_TTL_HOURS", 48, minimum=1),
            ticket_link_ttl_days=_int(env, "TICKET_LINK_TTL_DAYS", 30, minimum=1),
            upload_retention_days=_int(env, "UPLOAD_RETENTION_DAYS", 7, minimum=1),
            transcript_retention_days=_int(env, "TRANSCRIPT_RETENTION_DAYS", 90, minimum=1),
            log_retention_days=_int(env, "LOG_RETENTION_DAYS", 30, minimum=1),
            link_secret=_read(env, "LINK_SECRET"),
            logs_max_bytes=_int(env, "LOGS_MAX_BYTES", 256 * 1024, minimum=1024),
            log_level=_read(env, "LOG_LEVEL", "INFO").upper(),
            smtp=SmtpSettings.from_env(env),
        )
        settings.check_production()
        return settings

    def check_production(self) -> None:
        """Refuse to run production with a missing or placeholder secret (one-line reason)."""
        if not self.is_production:
            return
        if not self.log_token:
            raise ConfigError("APP_ENV=production needs LOG_TOKEN (or LOG_TOKEN_FILE)")
        if not self.allowed_origins:
            raise ConfigError("APP_ENV=production needs ALLOWED_ORIGINS (the sites that embed the widget)")
        secrets_set = (("LOG_TOKEN", self.log_token), ("OPENAI_API_KEY", self.openai_api_key),
                       ("LINK_SECRET", self.link_secret))
        for name, value in secrets_set:
            if not value:
                continue
            if value.lower() in PLACEHOLDERS or "changeme" in value.lower():
                raise ConfigError(f"{name} is a placeholder value; set a real secret")
            if name == "LOG_TOKEN" and len(value) < MIN_SECRET_LENGTH:
                raise ConfigError(f"LOG_TOKEN must be at least {MIN_SECRET_LENGTH} characters in production")
            if len(set(value)) < 6:
                raise ConfigError(f"{name} is too repetitive to be a real secret")
        if "*" in self.allowed_origins:
            raise ConfigError("ALLOWED_ORIGINS must list sites, not '*', in production")
        for origin in self.allowed_origins:
            # "null" is what sandboxed iframes and file:// pages send: allowing it allows anyone.
            if origin.lower() == "null" or not origin.lower().startswith("https://"):
                raise ConfigError(f"ALLOWED_ORIGINS must list https:// sites in production, got {origin!r}")
        redis_password = urlsplit(self.redis_url).password if self.redis_url else None
        if redis_password is not None and (redis_password.lower() in PLACEHOLDERS
                                           or "changeme" in redis_password.lower() or len(redis_password) < 12):
            raise ConfigError("REDIS_URL carries a placeholder password; set a real one (or REDIS_URL_FILE)")

    def storage_dirs(self) -> dict[str, Path]:
        return {
            "transcripts": self.transcripts_dir,
            "tickets": self.tickets_dir,
            "uploads": self.uploads_dir,
            "logs": self.logs_dir,
        }
