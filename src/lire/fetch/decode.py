"""Bytes to text, decided by lire: BOM > declared charset > ``<meta charset>`` > detector.

``decode`` never trusts a label blindly: a declared charset that does not decode the bytes
strictly gives way to the next clue, valid UTF-8 beats a single-byte label, and the detector
(charset-normalizer) is nudged towards Windows-1252, the right reading of most unlabelled
Western pages.

Telling HTML from text and refusing binaries (``sniff_media_type``...) live in ``lire.fetch.sniff``,
capped decompression (``Inflater``...) in ``lire.fetch.inflate``; both are re-exported here.
"""

from __future__ import annotations

import codecs
import re

from lire.fetch.inflate import InflateError, Inflater, describe_size, inflate
from lire.fetch.sniff import (
    BOMS,
    HEAD_BYTES,
    binary_type,
    describe,
    refusal,
    sniff_media_type,
    utf16_without_bom,
)
from lire.model import MediaType

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
# The codecs (by Python's name) of the encodings a web page may declare (WHATWG Encoding): any
# other label Python knows (punycode, idna, unicode_escape, utf-7, rot13...) is not a page's
# charset, and is ignored like an unknown one.
WEB_CODECS = frozenset(
    {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii"}
    | {"iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6"}
    | {"iso8859-7", "iso8859-8", "iso8859-9", "iso8859-10", "iso8859-11", "iso8859-13"}
    | {"iso8859-14", "iso8859-15", "iso8859-16", "tis-620", "koi8-r", "koi8-u", "cp866"}
    | {"cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257"}
    | {"cp1258", "mac-roman", "mac-cyrillic", "gbk", "gb2312", "gb18030", "big5", "big5hkscs"}
    | {"euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949"}
)
SINGLE_BYTE_WEST = "cp1252"
WESTERN_CLUSTERED_SHARE = 0.5  # non-ASCII bytes next to another: Western text has few

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
    except (LookupError, ValueError):  # unknown, or a label holding a NUL
        return None
    if name not in WEB_CODECS:
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
    except UnicodeError:  # UnicodeDecodeError, or a codec's own UnicodeError
        return None


def _guess(data: bytes) -> tuple[str, str]:
    """No usable label: UTF-16, UTF-8, UTF-8 with stray Windows-1252 bytes, or the detector."""
    if (utf16 := utf16_without_bom(data)) is not None:
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
