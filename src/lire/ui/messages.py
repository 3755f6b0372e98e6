"""Every message the app's widgets and workers post: small dataclasses, past-tense events."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from lire.model import Reading, Summary

__all__ = [
    "ArticleScrolled",
    "LoadFailed",
    "ReadingLoaded",
    "SummaryChunk",
    "SummaryFailed",
    "SummaryStreamed",
]


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


@dataclass
class SummaryChunk(Message):
    """The model sent more of its summary (sanitised text); ``token`` names the stream."""

    token: int
    text: str


@dataclass
class SummaryStreamed(Message):
    """The model's summary is complete: its key points, each linked to a block."""

    token: int
    summary: Summary


@dataclass
class SummaryFailed(Message):
    """The model's summary could not be had; ``error`` is the user's sentence."""

    token: int
    error: str
