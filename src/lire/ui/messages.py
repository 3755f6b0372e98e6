"""Every message the app's widgets and workers post: small dataclasses, past-tense events.

Workers post them (``post_message`` is thread-safe); handlers only assign what they carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from lire.model import Reading, Summary

if TYPE_CHECKING:
    from lire.ui.trail import Visit

__all__ = [
    "ArticleScrolled",
    "LoadFailed",
    "ModelAnswered",
    "ReadingLoaded",
    "Said",
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
class Said(Message):
    """A widget has something to tell the reader on the status line (plain text)."""

    text: str


@dataclass
class SummaryChunk(Message, bubble=False):
    """The model sent more of its summary (sanitised text); ``token`` names the stream."""

    token: int
    text: str


@dataclass
class SummaryStreamed(Message, bubble=False):
    """The model's summary is complete: its key points, each linked to a block."""

    token: int
    summary: Summary


@dataclass
class SummaryFailed(Message, bubble=False):
    """The model's summary could not be had; ``error`` is the user's sentence."""

    token: int
    error: str


@dataclass
class ModelAnswered(Message):
    """The summary pane is done asking the model about ``visit``: its summary, or None when
    the model failed (the offline one stays)."""

    visit: Visit
    summary: Summary | None
