"""SCAFFOLD: replaced by the cleaner work. Article -> Article without boilerplate blocks."""

from __future__ import annotations

from lire.model import Article

__all__ = ["clean"]


def clean(article: Article) -> Article:
    return article
