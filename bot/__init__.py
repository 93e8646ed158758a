"""A Slack knowledge bot on international defense cooperation."""

__version__ = "0.1.0"
