"""The summarize stage: an ``Article`` becomes a ``Summary`` whose points link to their blocks.

``offline`` is the default: extractive, deterministic and fast, in the article's language.
``llm`` is the opt-in summary by a model behind an OpenAI-compatible API; it is handed the
HTTP transport (``lire.fetch.stream_lines``) by its caller and never imports an HTTP client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.summarize.llm import Transport, llm_summary
    from lire.summarize.offline import summarize, summarize_text
    from lire.summarize.options import LLMConfig

__all__ = ["LLMConfig", "Transport", "llm_summary", "summarize", "summarize_text"]

__getattr__ = lazy_exports(
    __name__,
    {
        "LLMConfig": "lire.summarize.options",
        "Transport": "lire.summarize.llm",
        "llm_summary": "lire.summarize.llm",
        "summarize": "lire.summarize.offline",
        "summarize_text": "lire.summarize.offline",
    },
)
