"""The summary stage's settings for the opt-in model (the ``[llm]`` section of the config)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LLMConfig"]


@dataclass(frozen=True, slots=True)
class LLMConfig:
    """An OpenAI-compatible chat-completions endpoint; unused unless ``base_url`` is set."""

    base_url: str = ""  # e.g. "http://127.0.0.1:11434/v1" for a local Ollama
    model: str = ""
    api_key_env: str = ""  # name of the environment variable holding the API key, if any
    timeout: float = 60.0
