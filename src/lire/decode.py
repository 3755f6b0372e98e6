"""Bytes to text, decided by lire: BOM > declared charset > ``<meta charset>`` > detector.

``decode`` never trusts a label blindly: a declared charset that does not decode the bytes
strictly gives way to the next clue, valid UTF-8 beats a single-byte label, and the detector
(charset-normalizer) is nudged towards Windows-1252, the right reading of most unlabelled
Western pages. ``sniff_media_type`` tells HTML from plain text and refuses binaries.
"""

from __future__ import annotations

import codecs
import re
import zlib
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import brotli

from lire.errors import FetchError
from lire.model import MediaType
from lire.sanitize import sanitize_line

__all__ = [
    "InflateError",
    "Inflater",
    "binary_type",
    "decode",
    "describe",
    "describe_size",
    "inflate",
    "refusal",
    "sniff_media_type",
]

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels read as their superset, as browsers do (WHATWG Encoding); keys are codecs' own names.
SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
REFUSED_LABELS = frozenset({"utf-7"})  # a label no browser honours (script smuggling)
SINGLE_BYTE_WEST = "cp1252"
WESTERN_CLUSTERED_SHARE = 0.5  # non-ASCII bytes next to another: Western text has few
HEAD_BYTES = 8192  # where <meta charset> and the markup sniffing look

_META_CHARSET = re.compile(
    rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})"
    rb"|<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_CP1252_LETTER = rb"[A-Za-z\x8a\x8c\x8e\x9a\x9c\x9e\x9f\xc0-\xd6\xd8-\xf6\xf8-\xff]"
_CP1252_SYMBOL = rb"[\xa3\xa5\xaf\xb3\xb9\xbc\xbe\xbf]"  # £¥¯³¹¼¾¿: Central European letters
_SYMBOL_IN_WORD = re.compile(_CP1252_LETTER + _CP1252_SYMBOL + _CP1252_LETTER)

# Magic numbers of what lire does not read: (prefix, offset, media type).
MAGIC = (
    (b"%PDF-", 0, "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),
    (b"WAVE", 8, "audio/wav"),
    (b"ID3", 0, "audio/mpeg"),
    (b"OggS", 0, "audio/ogg"),
    (b"fLaC", 0, "audio/flac"),
    (b"ftyp", 4, "video/mp4"),
    (b"\x1a\x45\xdf\xa3", 0, "video/webm"),
    (b"PK\x03\x04", 0, "application/zip"),
    (b"\x1f\x8b", 0, "application/gzip"),
    (b"7z\xbc\xaf\x27\x1c", 0, "application/x-7z-compressed"),
    (b"\x7fELF", 0, "application/x-executable"),
)
OCTET_STREAM = "application/octet-stream"
BINARY_CONTROL_SHARE = 0.02  # control bytes (not tab, newline, ESC...) in text: never this many
KINDS = (  # how a refused media type is named to the user, by prefix
    (OCTET_STREAM, "binary data"),
    ("application/pdf", "a PDF"),
    ("image/", "an image"),
    ("audio/", "audio"),
    ("video/", "a video"),
    ("font/", "a font"),
    ("application/zip", "an archive"),
    ("application/gzip", "a compressed file"),
    ("application/x-7z", "an archive"),
)
_READS = "lire reads HTML and plain text"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
_MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|h[1-6]|script|style)[\s>]",
    re.IGNORECASE,
)
_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(
    data: bytes, *, declared: str | None = None, media_type: MediaType = "text/html"
) -> tuple[str, str]:
    """Return the text of ``data`` (NUL characters removed) and the name of the encoding used."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    labels = [declared]
    if media_type == "text/html":
        labels.append(_meta_charset(data[:HEAD_BYTES]))
    for label in labels:
        codec = _codec(label, data)
        if codec is not None and (text := _strict(data, codec)) is not None:
            return _finish(text, codec)
    return _finish(*_guess(data))


def _finish(text: str, encoding: str) -> tuple[str, str]:
    return text.replace("\x00", ""), encoding


def _meta_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    # A document whose <meta> reads in ASCII is not UTF-16, whatever it says (WHATWG).
    return "utf-8" if label.lower().startswith(("utf-16", "utf-32")) else label


def _codec(label: str | None, data: bytes) -> str | None:
    """The codec to read ``label`` with, ``None`` for an unknown, refused or unhelpful label."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
        b"a".decode(name, errors="ignore")  # refuses codecs that are not text (base64, rot13)
    except (LookupError, ValueError):
        return None
    if name in REFUSED_LABELS:
        return None
    name = SUPERSETS.get(name, name)
    if _is_single_byte(name) and _is_utf8_with_non_ascii(data):
        return "utf-8"  # UTF-8 labelled Latin-1: real multibyte UTF-8 is never an accident
    return name


def _is_single_byte(name: str) -> bool:
    return name.startswith(("cp12", "iso8859", "latin", "mac-", "koi8", "cp8", "tis"))


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    return not data.isascii() and _strict(data, "utf-8") is not None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _guess(data: bytes) -> tuple[str, str]:
    """No usable label: UTF-16, UTF-8, UTF-8 with stray Windows-1252 bytes, or the detector."""
    if (utf16 := _utf16_without_bom(data)) is not None:
        return data.decode(utf16, errors="replace"), utf16
    if (text := _strict(data, "utf-8")) is not None:
        return text, "utf-8"
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    # Bytes that are not UTF-8 become lone surrogates, which encoding back leaves out.
    invalid = len(data) - len(data.decode("utf-8", "surrogateescape").encode("utf-8", "ignore"))
    if high - invalid >= invalid:  # at least as many bytes in valid sequences as stray ones
        return data.decode("utf-8", errors="lire-cp1252"), "utf-8"
    return _detect(data)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read bytes that are not UTF-8 as Windows-1252 (or Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    text = "".join(_cp1252_char(bad[i : i + 1]) for i in range(len(bad)))
    return text, error.end


def _cp1252_char(byte: bytes) -> str:
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


codecs.register_error("lire-cp1252", _cp1252_fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:HEAD_BYTES]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> tuple[str, str]:
    """Windows-1252 when the bytes read as Western text, else what charset-normalizer finds."""
    if _reads_as_western(data) and (text := _strict(data, SINGLE_BYTE_WEST)) is not None:
        return text, SINGLE_BYTE_WEST
    import charset_normalizer  # only now: most pages never need it, and it is slow to import

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return data.decode(SINGLE_BYTE_WEST, errors="lire-cp1252"), SINGLE_BYTE_WEST
    encoding = codecs.lookup(best.encoding).name
    return data.decode(encoding, errors="replace"), encoding


def _reads_as_western(data: bytes) -> bool:
    """Accented letters stand alone among ASCII ones, and no symbol sits inside a word.

    Cyrillic, Greek or CJK bytes come in runs; Polish read as Windows-1252 puts a symbol
    inside a word ("Rz¹d"). Both go to the detector. Linear time: no backtracking pattern.
    """
    runs = _HIGH_RUN.findall(data)
    high = sum(map(len, runs))
    clustered = sum(len(run) for run in runs if len(run) > 1)
    return clustered <= WESTERN_CLUSTERED_SHARE * high and not _SYMBOL_IN_WORD.search(data)


def sniff_media_type(data: bytes, *, name: str | None = None) -> MediaType:
    """HTML or plain text, from the name's extension or else the bytes; binaries are refused.

    ``name`` is the path or URL the bytes came from (``"-"`` for stdin); it names the source
    in the ``FetchError`` raised for a PDF, an image, audio, video or other binary data.
    """
    if (binary := binary_type(data)) is not None:
        raise refusal(name, binary)
    suffix = _suffix(name)
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/plain"
    head = data[:HEAD_BYTES]
    if _is_unicode_with_nuls(head):
        head = head.replace(b"\x00", b"")
    head = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    return "text/html" if head.startswith(b"<") and _MARKUP.search(head) else "text/plain"


def binary_type(data: bytes) -> str | None:
    """The media type of ``data`` when it is a binary lire does not read, else ``None``.

    Known formats are named by their magic number; other data heavy in control bytes (and
    not UTF-16, whose ASCII text is half NUL bytes) is ``application/octet-stream``.
    """
    for magic, offset, media in MAGIC:
        if data.startswith(magic, offset):
            return media
    head = data[:HEAD_BYTES]
    if _is_unicode_with_nuls(head):
        return None
    if head and len(_CONTROL_BYTE.findall(head)) > BINARY_CONTROL_SHARE * len(head):
        return OCTET_STREAM
    return None


def refusal(name: str | None, media_type: str) -> FetchError:
    """The error for a source lire does not read: "x.pdf is a PDF (application/pdf); ..."."""
    return FetchError(f"{_subject(name)} is {describe(media_type)} ({media_type}); {_READS}")


def _is_unicode_with_nuls(head: bytes) -> bool:
    return head.startswith(tuple(bom for bom, _ in BOMS)) or _utf16_without_bom(head) is not None


def describe(media_type: str) -> str:
    """How a media type lire does not read is named to the user: "a PDF", "an image"..."""
    for prefix, kind in KINDS:
        if media_type.startswith(prefix):
            return kind
    return "a file of a type lire cannot read"


def _subject(name: str | None) -> str:
    if name is None:
        return "the input"
    return "stdin" if name == "-" else sanitize_line(name)


def _suffix(name: str | None) -> str:
    if name is None or name == "-":
        return ""
    path = urlsplit(name).path if "://" in name else name
    return PurePosixPath(path).suffix.lower()


# -- Content-Encoding ------------------------------------------------------------------------


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


INFLATE_PIECE = 1 << 20  # bytes inflated per call: memory stays near the cap, not twice it


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
        self._pending = b""
        self._inflater: Any = None

    def feed(self, data: bytes, room: int, *, final: bool) -> bytes:
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

    def feed(self, data: bytes, room: int, *, final: bool) -> bytes:
        if final:
            return b""
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
