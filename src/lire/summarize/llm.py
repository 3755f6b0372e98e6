"""The opt-in summary by a model behind an OpenAI-compatible ``/chat/completions`` endpoint.

Only used when the user configured ``[llm]``; the article text goes to that endpoint and nowhere
else. The answer is streamed (``stream: true``: server-sent events, ``data: {...}`` lines ending
with ``data: [DONE]``), every chunk is sanitised (model output is untrusted), and every failure
becomes a ``FetchError`` naming the endpoint, so the caller can fall back to the offline summary.
The HTTP transport is handed in (``lire.fetch.stream_lines`` in the product): this module builds
the request and reads the answer, and knows no HTTP client.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol

from lire.errors import ConfigError, FetchError, RemoteError
from lire.model import Article, KeyPoint, Summary
from lire.sanitize import sanitize, sanitize_line
from lire.summarize.offline import closest_block
from lire.summarize.options import LLMConfig
from lire.text.language import normalize_lang
from lire.urls import without_credentials

__all__ = ["Transport", "build_request", "llm_summary", "parse_points", "stream_summary"]

MAX_ARTICLE_CHARS = 40_000  # what is sent: the start of a very long article
MAX_ANSWER_CHARS = 20_000  # what is read: a runaway answer is cut here
# ``timeout`` bounds the wait for the answer to start and each pause in it; the whole answer must
# arrive within this many timeouts, so a server that trickles keep-alives cannot hold lire forever.
DEADLINE_TIMEOUTS = 4
_LANGUAGES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


class Transport(Protocol):
    """POSTs a JSON body and yields the answer's lines; fails with ``RemoteError``."""

    def __call__(
        self, url: str, *, body: Mapping[str, Any], headers: Mapping[str, str], timeout: float
    ) -> Iterator[str]: ...


_BULLET = re.compile(r"^\s*(?:[-*•·–—]+|\d{1,2}[.)])\s*")
_PREAMBLE = re.compile(r":\s*$")


def llm_summary(
    article: Article,
    *,
    config: LLMConfig,
    points: int = 3,
    transport: Transport,
    on_chunk: Callable[[str], None] | None = None,
) -> Summary:
    """The model's summary as key points, each linked to the article block most like it."""
    chunks: list[str] = []
    for chunk in stream_summary(article, config=config, points=points, transport=transport):
        chunks.append(chunk)
        if on_chunk is not None:
            on_chunk(chunk)
    lang = normalize_lang(article.lang)
    lines = parse_points("".join(chunks), points=points)
    if not lines:
        raise FetchError(f"the summary model at {_shown_endpoint(config)} gave no key points")
    return Summary(
        points=tuple(KeyPoint(line, closest_block(line, article, lang)) for line in lines),
        lang=lang,
        method="llm",
    )


def stream_summary(
    article: Article,
    *,
    config: LLMConfig,
    points: int = 3,
    transport: Transport,
) -> Iterator[str]:
    """Ask the model for ``points`` key points and yield its sanitised text as it arrives."""
    endpoint = _endpoint(config)
    shown = _shown_endpoint(config)  # in messages: never the credentials the address holds
    limit = DEADLINE_TIMEOUTS * config.timeout
    body, headers = build_request(article, config=config, points=points)
    lines = transport(endpoint, body=body, headers=headers, timeout=config.timeout)
    try:
        yield from _answer(lines, shown, within=limit)
    except RemoteError as error:
        raise FetchError(_remote_message(shown, error, config)) from error


def build_request(
    article: Article, *, config: LLMConfig, points: int
) -> tuple[dict[str, Any], dict[str, str]]:
    """The JSON body and the headers of the chat-completions request."""
    lang = normalize_lang(article.lang)
    language = _LANGUAGES.get(lang or "", "the language the article is written in")
    instructions = (
        f"Summarize the article the user sends in exactly {points} key points, written in "
        f"{language}, the article's own language. One point per line, each line starting with "
        '"- ". Only facts stated in the article. No introduction, no conclusion.'
    )
    text = article.text[:MAX_ARTICLE_CHARS]
    content = f"{article.title}\n\n{text}" if article.title else text
    content = sanitize(content)  # no control or invisible character reaches the model either
    body = {
        "model": config.model,
        "stream": True,
        "messages": [
            {"role": "system", "content": instructions},
            {"role": "user", "content": content},
        ],
    }
    headers = {"Accept": "text/event-stream"}
    key = os.environ.get(config.api_key_env) if config.api_key_env else None
    if key:
        headers["Authorization"] = f"Bearer {key}"
    return body, headers


def parse_points(answer: str, *, points: int) -> list[str]:
    """The answer's key points: one per non-empty line, bullets and a lead-in line dropped."""
    lines = [sanitize_line(_BULLET.sub("", line).replace("**", "")) for line in answer.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1 and _PREAMBLE.search(lines[0]):
        lines = lines[1:]  # "Here are the key points:"
    return lines[:points]


def _endpoint(config: LLMConfig) -> str:
    if not config.base_url:
        raise ConfigError("no summary model is configured: set base_url in the [llm] section")
    return config.base_url.rstrip("/") + "/chat/completions"


def _shown_endpoint(config: LLMConfig) -> str:
    """The endpoint as messages name it: without a ``user:password@`` part."""
    return sanitize_line(without_credentials(_endpoint(config)))


def _answer(lines: Iterable[str], endpoint: str, *, within: float) -> Iterator[str]:
    read = 0
    deadline = time.monotonic() + within
    for line in lines:
        if time.monotonic() > deadline:
            raise FetchError(f"the summary model at {endpoint} took more than {within:g} s")
        if not line.startswith("data:"):
            continue  # blank separators, ": comments", "event:" and "id:" fields
        data = line[5:].strip()
        if data == "[DONE]":
            break
        text = sanitize(_content(data, endpoint))
        if text:
            read += len(text)
            yield text
        if read >= MAX_ANSWER_CHARS:
            break
    if read == 0:
        raise FetchError(f"the summary model at {endpoint} sent an empty answer")


def _content(data: str, endpoint: str) -> str:
    """The text of one streamed chunk (``choices[0].delta.content``), '' for a role-only one."""
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError:
        chunk = None
    if isinstance(chunk, dict) and chunk.get("error"):
        reason = _reason(chunk["error"]) or "no reason given"
        raise FetchError(f"the summary model at {endpoint} reported an error: {reason}")
    choices = chunk.get("choices") if isinstance(chunk, dict) else None
    if choices == []:
        return ""  # a usage-only chunk
    first = choices[0] if isinstance(choices, list) else None
    delta = first.get("delta") if isinstance(first, dict) else None
    content = delta.get("content") if isinstance(delta, dict) else data
    if content is None:
        return ""  # a role-only or finishing chunk
    if not isinstance(delta, dict) or not isinstance(content, str):
        raise FetchError(f"the summary model at {endpoint} sent a malformed chunk: {data[:60]!r}")
    return content


def _remote_message(endpoint: str, error: RemoteError, config: LLMConfig) -> str:
    if error.timed_out:
        return f"the summary model at {endpoint} did not answer within {config.timeout:g} s"
    if error.status is None:
        return f"the summary model at {endpoint} could not be reached: {error.detail}"
    message = f"the summary model at {endpoint} answered HTTP {error.status}"
    if error.status in (401, 403):
        if config.api_key_env:
            return f"{message}: check the key in ${config.api_key_env}"
        return f"{message}: set api_key_env in [llm] to the variable that holds the key"
    return f"{message}: {error.detail}" if error.detail else message


def _reason(error: Any) -> str:
    if isinstance(error, dict):
        error = error.get("error", error)
        error = error.get("message", "") if isinstance(error, dict) else error
    return sanitize_line(str(error))[:200] if isinstance(error, str) else ""
