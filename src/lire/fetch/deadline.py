"""The overall deadline of a download: a watchdog that hangs up at it, and the error naming it."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Mapping
from typing import Any

from lire.errors import FetchError
from lire.fetch.addresses import fetch_error
from lire.fetch.options import FetchConfig

__all__ = ["Watchdog", "deadline_error"]


class Watchdog:
    """Hangs up the connection at the deadline, even while a server drips its headers.

    httpx's timeouts bound each read, not the whole exchange; the body loop checks the
    deadline between chunks, and this timer covers the rest by shutting the socket down, which
    ends a blocked read at once. It learns the socket from httpcore's ``trace`` extension.
    """

    def __init__(self, deadline: float) -> None:
        self._socket: socket.socket | None = None
        seconds = min(max(0.0, deadline - time.monotonic()), threading.TIMEOUT_MAX)
        self._timer = threading.Timer(seconds, self._hang_up)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: Mapping[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            found = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(found, socket.socket):
                self._socket = found

    def _hang_up(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)


def deadline_error(url: str, config: FetchConfig) -> FetchError:
    """The error for a download still going at ``fetch.deadline``."""
    return fetch_error(f"{url} took longer than {config.deadline:g} s to download (fetch.deadline)")
