"""SCAFFOLD: replaced by the extraction work. Page -> Article (the only module that knows readability)."""

from __future__ import annotations

from lire.model import Article, Page

__all__ = ["extract", "extract_html", "extract_text"]


def extract(page: Page, *, prune: bool = True) -> Article:
    raise NotImplementedError


def extract_html(html: str, *, url: str | None = None, prune: bool = True) -> Article:
    raise NotImplementedError


def extract_text(text: str) -> Article:
    raise NotImplementedError
