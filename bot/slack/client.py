"""The Web API client: base URL override and retry handlers for rate limits and outages."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

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
