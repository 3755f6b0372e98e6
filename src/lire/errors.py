"""The error tree. Every message is the user's sentence: the CLI prints ``lire: {error}``.

- ``LireError``: the base; ``exit_code`` is what the CLI exits with.
- ``FetchError``: the source could not be read (network, file, stdin, type, size).
- ``ExtractionError``: the page was read but holds no article.
- ``ConfigError``: the configuration file or an option is wrong (exit code 2).
"""

from __future__ import annotations

__all__ = ["ConfigError", "ExtractionError", "FetchError", "LireError"]


class LireError(Exception):
    """Base of every error lire reports to the user."""

    exit_code: int = 1


class FetchError(LireError):
    """The source (URL, file or stdin) could not be read."""


class ExtractionError(LireError):
    """The page was read but no article could be found in it."""


class ConfigError(LireError):
    """The configuration file or a command-line option is wrong."""

    exit_code = 2
