"""The error tree. Every message is the user's sentence: the CLI prints ``lire: {error}``.

- ``LireError``: the base; ``exit_code`` is what the CLI exits with.
- ``FetchError``: the source could not be read (network, file, stdin, type, size).
  - ``RemoteError``: an HTTP peer lire posted to (the summary model) refused, failed or was
    silent; it carries the status and the peer's reason so the caller can word the message.
- ``ExtractionError``: the page was read but holds no article.
- ``ConfigError``: the configuration file or an option is wrong (exit code 2).
"""

from __future__ import annotations

__all__ = ["ConfigError", "ExtractionError", "FetchError", "LireError", "RemoteError"]


class LireError(Exception):
    """Base of every error lire reports to the user."""

    exit_code: int = 1


class FetchError(LireError):
    """The source (URL, file or stdin) could not be read."""


class RemoteError(FetchError):
    """An HTTP peer answered with an error ``status`` (its ``detail``), timed out, or failed."""

    def __init__(
        self, message: str, *, status: int | None = None, detail: str = "", timed_out: bool = False
    ) -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail
        self.timed_out = timed_out


class ExtractionError(LireError):
    """The page was read but no article could be found in it."""


class ConfigError(LireError):
    """The configuration file or a command-line option is wrong."""

    exit_code = 2
