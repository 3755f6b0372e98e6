"""SCAFFOLD: replaced by the summary work. Article -> Summary."""

from __future__ import annotations

from lire.model import Article, Summary

__all__ = ["summarize", "summarize_text"]


def summarize(article: Article, *, points: int = 3, lang: str | None = None) -> Summary:
    return Summary()


def summarize_text(text: str, *, lang: str | None = None, points: int = 3) -> list[str]:
    return []
