"""What a source holds: HTML or plain text, told by its declared type, its name or its bytes.

Binaries (a PDF, an image, audio, video, an archive, or data heavy in control bytes) are
refused with a ``FetchError`` that names the source and what it is.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from lire.errors import FetchError
from lire.model import MediaType
from lire.sanitize import sanitize_line

__all__ = [
    "BOMS",
    "HEAD_BYTES",
    "binary_type",
    "declared_media_type",
    "describe",
    "refusal",
    "sniff_media_type",
    "utf16_without_bom",
]

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
HEAD_BYTES = 8192  # where <meta charset> and the markup sniffing look

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
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
GENERIC_TYPES = frozenset(  # a server that does not know: sniff the bytes
    {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}
    | {"unknown/unknown", "application/x-unknown", "application/binary", "*/*"}
)


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
    return head.startswith(tuple(bom for bom, _ in BOMS)) or utf16_without_bom(head) is not None


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


def declared_media_type(media: str, name: str) -> MediaType | None:
    """The page's media type from a declared one (lower case), ``None`` to sniff, or a refusal."""
    if media in HTML_TYPES:
        return "text/html"
    if media in TEXT_TYPES:
        return "text/plain"
    if media in GENERIC_TYPES or media.startswith("text/") or media.endswith(("/xml", "+xml")):
        return None
    raise refusal(name, media)


def utf16_without_bom(data: bytes) -> str | None:
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
