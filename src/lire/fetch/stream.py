"""A streamed POST: the lines of an answer as they arrive.

The transport of the opt-in summary model (``lire.summarize.llm``), which builds the request and
reads the answer but knows no HTTP client. Every failure is a ``RemoteError``: the status and
the peer's own reason when it answered with an error, ``timed_out`` when it was silent too long.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import httpx

from lire.errors import RemoteError
from lire.sanitize import sanitize_line

__all__ = ["stream_lines"]

ERROR_BODY_BYTES = 4_000  # what is read of an error answer, for its reason


def stream_lines(
    url: str,
    *,
    body: Mapping[str, Any],
    headers: Mapping[str, str],
    timeout: float,
    client: httpx.Client | None = None,
) -> Iterator[str]:
    """POST ``body`` as JSON to ``url`` and yield the answer's lines as they arrive.

    ``timeout`` bounds the wait for the answer and each pause in it. A given ``client`` is used
    and left open.
    """
    own = client is None
    session = client or httpx.Client(timeout=timeout)
    try:
        with session.stream(
            "POST", url, json=dict(body), headers=dict(headers), timeout=timeout
        ) as response:
            if response.status_code != httpx.codes.OK:
                status = response.status_code
                raise RemoteError(
                    f"{url} answered HTTP {status}", status=status, detail=_reason(response)
                )
            yield from response.iter_lines()
    except httpx.TimeoutException as error:
        raise RemoteError(f"{url} did not answer in time", timed_out=True) from error
    except httpx.HTTPError as error:
        raise RemoteError(f"{url} could not be reached: {error}", detail=str(error)) from error
    finally:
        if own:
            session.close()


def _reason(response: httpx.Response) -> str:
    """The reason an error answer gives (its JSON ``error.message``, or its first bytes)."""
    raw = b""
    for part in response.iter_bytes():
        raw += part
        if len(raw) > ERROR_BODY_BYTES:
            break
    try:
        error: Any = json.loads(raw[:ERROR_BODY_BYTES])
    except (json.JSONDecodeError, UnicodeDecodeError):
        error = raw[:200].decode("utf-8", "replace")
    if isinstance(error, dict):
        error = error.get("error", error)
        error = error.get("message", "") if isinstance(error, dict) else error
    return sanitize_line(str(error))[:200] if isinstance(error, str) else ""
