"""Undo a Content-Encoding (gzip, deflate, brotli, or a chain) without ever passing a size cap.

Each decoder is handed only the room left below the cap, in pieces of ``INFLATE_PIECE``: a
compression bomb stops at the cap instead of being expanded in memory first.
"""

from __future__ import annotations

import zlib
from typing import Any

import brotli

from lire.sanitize import sanitize_line

__all__ = ["INFLATE_PIECE", "InflateError", "Inflater", "describe_size", "inflate"]

INFLATE_PIECE = 1 << 20  # bytes inflated per call: memory stays near the cap, not twice it


class InflateError(ValueError):
    """A compressed body that is corrupt, too big once inflated, or in an unknown coding.

    Its message is the end of a sentence whose subject is the source: "... is corrupt (gzip)".
    """


class Inflater:
    """Undoes a Content-Encoding (``gzip``, ``deflate``, ``br``, or a chain) chunk by chunk.

    No call inflates more than what is left below ``limit``: a gzip bomb stops at the cap
    instead of being expanded in memory first.
    """

    def __init__(self, codings: str, *, limit: int) -> None:
        names = [name.strip().lower() for name in codings.split(",")]
        self._steps = [_step(name) for name in reversed(names) if name not in ("", "identity")]
        self._limit = limit
        self._size = 0

    def feed(self, data: bytes) -> bytes:
        """Inflate the next chunk of the body."""
        return self._count(self._run(data, final=False))

    def flush(self) -> bytes:
        """Inflate what the decoders still hold once the body has ended."""
        return self._count(self._run(b"", final=True))

    def _run(self, data: bytes, *, final: bool) -> bytes:
        room = self._limit - self._size + 1
        try:
            for step in self._steps:
                data = step.feed(data, room, final=final)
        except (zlib.error, brotli.error) as error:
            raise InflateError(f"sent a corrupt compressed body ({error})") from error
        except _CappedError as error:
            raise InflateError(_over(self._limit)) from error
        return data

    def _count(self, data: bytes) -> bytes:
        self._size += len(data)
        if self._size > self._limit:
            raise InflateError(_over(self._limit))
        return data


def inflate(data: bytes, codings: str, *, limit: int) -> bytes:
    """Inflate a whole body at once, with the same cap as ``Inflater``."""
    inflater = Inflater(codings, limit=limit)
    return inflater.feed(data) + inflater.flush()


class _CappedError(InflateError):
    """A decoder filled the room it was given: the body is over the cap."""


def _over(limit: int) -> str:
    return f"is larger than {describe_size(limit)} once decompressed (fetch.max_decompressed_bytes)"


def describe_size(count: int) -> str:
    """A byte count as a person reads it: "15 MB", "2.5 kB", "300 bytes"."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if count >= scale:
            return f"{count / scale:g} {unit}"
    return f"{count} bytes"


class _Zlib:
    """gzip or zlib-wrapped deflate (told apart by their headers); raw deflate as a fallback."""

    def __init__(self, *, raw_allowed: bool) -> None:
        self._raw_allowed = raw_allowed
        self._name = "deflate" if raw_allowed else "gzip"
        self._fed = False  # an empty body is empty, not a truncated stream
        self._pending = b""
        self._inflater: Any = None

    def feed(self, data: bytes, room: int, *, final: bool) -> bytes:
        self._fed = self._fed or bool(data)
        if self._inflater is None:
            self._pending += data
            if len(self._pending) < 2 and not final:
                return b""
            self._inflater = zlib.decompressobj(self._wbits(self._pending))
            data, self._pending = self._pending, b""
        pieces: list[bytes] = []
        while True:  # in pieces: one call inflating the whole room would hold it twice
            limit = min(room, INFLATE_PIECE)
            pieces.append(self._inflater.decompress(data, limit))
            data = self._inflater.unconsumed_tail
            if not data and len(pieces[-1]) < limit:
                break
            room -= len(pieces[-1])
            if room <= 0:
                raise _CappedError
        if final:
            pieces.append(self._inflater.flush())
            if not self._inflater.eof and self._fed:
                raise InflateError(f"sent a truncated compressed body ({self._name})")
        return b"".join(pieces)

    def _wbits(self, head: bytes) -> int:
        wrapped = head[:2] == b"\x1f\x8b" or (
            len(head) >= 2 and head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        )
        if wrapped or not self._raw_allowed:
            return zlib.MAX_WBITS | 32  # gzip or zlib header, detected
        return -zlib.MAX_WBITS


class _Brotli:
    def __init__(self) -> None:
        self._decompressor: Any = brotli.Decompressor()
        self._fed = False

    def feed(self, data: bytes, room: int, *, final: bool) -> bytes:
        if final:
            if self._fed and not self._decompressor.is_finished():
                raise InflateError("sent a truncated compressed body (br)")
            return b""
        self._fed = self._fed or bool(data)
        pieces: list[bytes] = []
        while True:  # a full piece may have more behind it, fetched with empty input
            limit = min(room, INFLATE_PIECE)
            out: bytes = self._decompressor.process(data, output_buffer_limit=limit)
            pieces.append(out)
            data = b""
            if len(out) < limit:
                break
            room -= len(out)
            if room <= 0:
                raise _CappedError
        return b"".join(pieces)


def _step(name: str) -> _Zlib | _Brotli:
    match name:
        case "gzip" | "x-gzip":
            return _Zlib(raw_allowed=False)
        case "deflate":
            return _Zlib(raw_allowed=True)
        case "br":
            return _Brotli()
        case _:
            raise InflateError(f"uses a compression lire cannot read ({sanitize_line(name)})")
