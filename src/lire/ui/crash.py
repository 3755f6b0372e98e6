"""What lire prints when the app crashes: where it happened and what kind of error, never the
error's message (it can quote the page) nor any local variable. No Textual."""

from __future__ import annotations

import traceback

from lire.version import __version__

__all__ = ["crash_report"]


def crash_report(error: BaseException) -> str:
    """Lines for the terminal after a crash: the error's type and the frames it went through."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [f"lire {__version__} stopped on an internal error ({type(error).__name__}), a bug."]
    lines += [f"  {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames[-12:]]
    lines.append("Please report it with these lines (they hold no page text).")
    return "\n".join(lines)
