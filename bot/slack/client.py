"""The Web API client: base URL override and retry handlers for rate limits and outages."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.errors import ConfigError

DEFAULT_API_URL = WebClient.BASE_URL


def create_client(token: str, base_url: str | None = None, *, timeout: int = 10) -> WebClient:
    """A WebClient that waits out 429s (Retry-After) and retries 5xx and dropped connections."""
    return WebClient(
        token=token,
        base_url=base_url or DEFAULT_API_URL,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def verify_token(token: str, base_url: str | None = None) -> str:
    """Ask Slack who the token belongs to; a clear ConfigError instead of a traceback later.

    Returns the bot's user id."""
    client = WebClient(token=token, base_url=base_url or DEFAULT_API_URL, timeout=10)
    try:
        response = client.auth_test()
    except SlackApiError as exc:
        error = exc.response.get("error", "unknown error") if exc.response else str(exc)
        raise ConfigError("SLACK_BOT_TOKEN", f"Slack refused the token ({error})") from None
    except (SlackClientError, OSError) as exc:
        where = base_url or DEFAULT_API_URL
        raise ConfigError(
            "SLACK_API_URL", f"cannot reach the Slack Web API at {where} ({exc})"
        ) from None
    return str(response.get("user_id", ""))
