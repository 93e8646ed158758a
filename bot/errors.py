"""The few domain errors: a broken knowledge base and a bad setting."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class KnowledgeIssue:
    """One problem in the knowledge base, located precisely enough for a curator to fix it."""

    file: str
    line: int
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"entry {self.entry!r}" if self.entry else "file"
        field = f", field {self.field!r}" if self.field else ""
        return f"{self.file}:{self.line}: {where}{field}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge base did not validate; carries every issue found, not only the first."""

    def __init__(self, issues: list[KnowledgeIssue]) -> None:
        self.issues = sorted(issues)
        count = len(self.issues)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the knowledge base")

    def report(self) -> str:
        return "\n".join(str(issue) for issue in self.issues)


class ConfigError(Exception):
    """A missing or invalid setting; the message names the environment variable."""

    def __init__(self, variable: str, message: str) -> None:
        self.variable = variable
        super().__init__(f"{variable}: {message}")
