"""Every message the app's widgets and workers post: small dataclasses, past-tense events."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from lire.model import Reading

__all__ = ["ArticleScrolled", "LoadFailed", "ReadingLoaded"]


@dataclass
class ReadingLoaded(Message):
    """The worker read ``source``; ``token`` tells a current load from a cancelled one."""

    token: int
    source: str
    reading: Reading


@dataclass
class LoadFailed(Message):
    """The worker could not read ``source``; ``error`` is the user's sentence."""

    token: int
    source: str
    error: str


@dataclass
class ArticleScrolled(Message):
    """The article view moved: percent read, minutes left, block at the top."""

    percent: int
    minutes_left: int
    top_block: int
