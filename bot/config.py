"""Settings from the environment and an optional `.env`: typed, secrets masked, errors named."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.errors import ConfigError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE = PACKAGE_ROOT / "knowledge"
DEFAULT_DATABASE = "sqlite:///var/defense-bot.sqlite3"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Settings(BaseSettings):
    """Every setting the bot reads; the environment variable is the field name in capitals."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    slack_bot_token: SecretStr | None = Field(None, description="Bot token, xoxb-…")
    slack_signing_secret: SecretStr | None = Field(None, description="Signs HTTP requests.")
    slack_app_token: SecretStr | None = Field(None, description="App-level token for Socket Mode")
    slack_api_url: str | None = Field(None, description="Web API base URL (tests, proxies).")
    port: int | None = Field(None, ge=1, le=65535, description="HTTP port for serve and /health")
    knowledge_dir: Path = Field(DEFAULT_KNOWLEDGE, description="Folder of knowledge YAML files.")
    database_url: str = Field(DEFAULT_DATABASE, description="SQLAlchemy URL for the bot's state.")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    slash_command: str = Field("/defense", description="The slash command's name.")
    admin_user_ids: str = Field("", description="Comma-separated Slack user ids allowed to reload.")
    daily_fact_channel: str = Field("", description="Comma-separated channel ids for daily facts.")
    daily_fact_time: str = Field("09:00", description="Local posting time, HH:MM (24 h).")
    daily_fact_timezone: str = Field("UTC", description="IANA time zone of DAILY_FACT_TIME.")
    daily_fact_days: str = Field("mon-sun", description="Posting days, e.g. mon-fri or mon,wed.")
    daily_fact_grace_minutes: int = Field(
        12 * 60, ge=0, le=24 * 60, description="How late a missed post may still go out."
    )

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("slack_api_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @field_validator("slash_command")
    @classmethod
    def _check_command(cls, value: str) -> str:
        if not re.fullmatch(r"/[a-z0-9_-]{1,31}", value):
            raise ValueError("must look like /defense (a slash and up to 31 letters, digits, -, _)")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database(cls, value: str) -> str:
        if not re.match(r"^[a-z0-9+]+://", value):
            raise ValueError("must be a SQLAlchemy URL, e.g. sqlite:///path or postgresql://…")
        return value

    @field_validator("daily_fact_time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise ValueError("must be HH:MM on a 24-hour clock, e.g. 09:00")
        return f"{int(match[1]):02d}:{match[2]}"

    @field_validator("daily_fact_timezone")
    @classmethod
    def _check_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown IANA time zone {value!r} (e.g. Europe/Berlin)") from None
        return value

    @field_validator("daily_fact_days")
    @classmethod
    def _check_days(cls, value: str) -> str:
        parse_days(value)
        return value

    @property
    def admins(self) -> frozenset[str]:
        return frozenset(u.strip() for u in self.admin_user_ids.split(",") if u.strip())

    @property
    def fact_channels(self) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys(c.strip() for c in self.daily_fact_channel.split(",") if c.strip())
        )

    @property
    def fact_days(self) -> frozenset[int]:
        return parse_days(self.daily_fact_days)

    def secret(self, name: str) -> str:
        value = getattr(self, name)
        return value.get_secret_value() if value is not None else ""

    def require(self, *names: str) -> None:
        """Fail with the variable's name if a setting a mode needs is missing."""
        for name in names:
            value = self.secret(name) if name.startswith("slack_") else getattr(self, name)
            if not value:
                raise ConfigError(name.upper(), "is required for this command but not set")


def parse_days(value: str) -> frozenset[int]:
    """'mon-fri' → {0..4}; 'mon,wed,fri' → {0, 2, 4}; '' or 'daily' → every day."""
    text = value.strip().lower()
    if text in ("", "daily", "every day", "all"):
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.split(","):
        bounds = [p.strip()[:3] for p in part.split("-")]
        if len(bounds) > 2 or any(b not in DAY_NAMES for b in bounds):
            raise ValueError(f"{part.strip()!r} is not a day or range such as mon-fri")
        start, end = DAY_NAMES.index(bounds[0]), DAY_NAMES.index(bounds[-1])
        days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    return frozenset(days)


def load_settings(**overrides: object) -> Settings:
    """Read settings; a missing or invalid one raises ConfigError naming its variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = [
            (
                str(e["loc"][0]).upper() if e["loc"] else "settings",
                e["msg"].removeprefix("Value error, "),
            )
            for e in exc.errors()
        ]
        variable, message = problems[0]
        for other, text in problems[1:]:
            message += f"; {other}: {text}"
        raise ConfigError(variable, message) from None
