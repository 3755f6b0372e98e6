"""Decoding bytes to text, telling HTML from text, refusing binaries, inflating with a cap."""

from __future__ import annotations

import codecs
import gzip
import zlib

import brotli
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lire.errors import FetchError
from lire.fetch.decode import (
    InflateError,
    Inflater,
    binary_type,
    decode,
    inflate,
    sniff_media_type,
)

FRENCH = "Le ministre a déclaré « c’est très important » : l’été, Œuvre, cœur, 5 €."
GERMAN = "Die Ministerin sagte „wichtig“: Straße, Grüße, Brötchen für 3 €."
POLISH = "Rząd ogłosił w środę reformę. Uczniowie będą się uczyć, żeby mieć szanse. Źródło: łąka."
RUSSIAN = (
    "Правительство в среду объявило о реформе образования. Школьники будут изучать математику."
)
JAPANESE = "東京は日本の首都です。今日はいい天気ですね。日本語のテキストです。"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_bom_wins_over_any_label(bom: bytes, codec: str) -> None:
    data = bom + f'<meta charset="iso-8859-1"><p>{FRENCH}</p>'.encode(codec)
    text, encoding = decode(data, declared="windows-1251")
    assert text == f'<meta charset="iso-8859-1"><p>{FRENCH}</p>'
    assert encoding == codec


def test_the_http_charset_wins_over_the_meta_charset() -> None:
    data = f'<meta charset="utf-8"><p>{RUSSIAN}</p>'.encode("koi8-r")
    assert decode(data, declared="KOI8-R") == (f'<meta charset="utf-8"><p>{RUSSIAN}</p>', "koi8-r")


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        "<meta charset=windows-1252>",
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">',
        '<?xml version="1.0" encoding="windows-1252"?>',
    ],
)
def test_a_meta_charset_or_xml_declaration_is_read(meta: str) -> None:
    data = f"{meta}<p>{FRENCH}</p>".encode("cp1252")
    assert decode(data) == (f"{meta}<p>{FRENCH}</p>", "cp1252")


def test_the_meta_charset_is_ignored_for_plain_text() -> None:
    data = f'<meta charset="koi8-r"> {FRENCH}'.encode()
    assert decode(data, media_type="text/plain") == (f'<meta charset="koi8-r"> {FRENCH}', "utf-8")


def test_a_meta_charset_past_the_head_bytes_is_not_searched() -> None:
    data = b"<!-- " + b"x" * 10_000 + b' --><meta charset="koi8-r"><p>' + FRENCH.encode()
    assert decode(data)[1] == "utf-8"


@pytest.mark.parametrize("text", [FRENCH, GERMAN, FRENCH + " " + GERMAN])
def test_windows_1252_labelled_utf8_falls_back_without_mojibake(text: str) -> None:
    assert decode(text.encode("cp1252"), declared="utf-8") == (text, "cp1252")


def test_latin1_label_is_read_as_windows_1252() -> None:
    assert decode("Prix : 5 € – «oui»".encode("cp1252"), declared="ISO-8859-1") == (
        "Prix : 5 € – «oui»",
        "cp1252",
    )


def test_utf8_labelled_latin1_is_read_as_utf8() -> None:
    assert decode(FRENCH.encode(), declared="iso-8859-1") == (FRENCH, "utf-8")


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        ("Café crème, Noël à l'école, déjà vu, Grüße aus Köln.", "latin-1", "cp1252"),
        (FRENCH, "cp1252", "cp1252"),
        (POLISH, "cp1250", "cp1250"),
        (RUSSIAN, "cp1251", "cp1251"),
        (JAPANESE, "shift_jis", "cp932"),
        (JAPANESE, "euc-jp", None),
        (FRENCH, "utf-8", "utf-8"),
        ("So einfach geht´s: die Not\xadfall\xaddaten, 20 °C, n° 5.", "cp1252", "cp1252"),
        ("Η κυβέρνηση ανακοίνωσε την Τετάρτη μια μεταρρύθμιση της εκπαίδευσης.", "cp1253", None),
    ],
)
def test_unlabelled_bytes_are_detected(text: str, codec: str, expected: str | None) -> None:
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text
    if expected is not None:
        assert encoding == expected


def test_utf16_without_a_bom_is_recognised() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(f"<p>{GERMAN}</p>".encode(codec)) == (f"<p>{GERMAN}</p>", codec)


def test_shift_jis_label_reads_windows_31j_extensions() -> None:
    text = "①番の会議は㈱東京で。"  # NEC row 13 characters: cp932, not strict Shift_JIS
    assert decode(text.encode("cp932"), declared="Shift_JIS") == (text, "cp932")


@pytest.mark.parametrize("label", ["no-such-charset", "base64", "rot13", "utf-7", "", "x" * 60])
def test_bogus_or_refused_labels_are_ignored(label: str) -> None:
    assert decode(FRENCH.encode("cp1252"), declared=label) == (FRENCH, "cp1252")
    assert decode(FRENCH.encode(), declared=label) == (FRENCH, "utf-8")


def test_mixed_utf8_with_stray_windows_1252_bytes_reads_both() -> None:
    data = FRENCH.encode() + " Prix : 5 € «net».".encode("cp1252") + GERMAN.encode()
    assert decode(data, declared="utf-8") == (
        FRENCH + " Prix : 5 € «net»." + GERMAN,
        "utf-8",
    )


def test_nul_characters_are_removed() -> None:
    assert decode(b"<p>a\x00b</p>") == ("<p>ab</p>", "utf-8")
    assert decode("<p>é\x00</p>".encode("utf-16")) == ("<p>é</p>", "utf-16-le")


@given(data=st.binary(max_size=600), declared=st.none() | st.text(max_size=20))
def test_decode_never_fails_and_never_returns_nul(data: bytes, declared: str | None) -> None:
    text, encoding = decode(data, declared=declared)
    assert "\x00" not in text
    codecs.lookup(encoding)


@given(data=st.binary(max_size=600), name=st.none() | st.sampled_from(["-", "x.html", "x.md", "x"]))
def test_sniffing_answers_a_media_type_or_refuses_with_a_fetch_error(
    data: bytes, name: str | None
) -> None:
    try:
        assert sniff_media_type(data, name=name) in ("text/html", "text/plain")
    except FetchError as error:
        assert "lire reads HTML and plain text" in str(error)


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("page.html", b"Just words", "text/html"),
        ("PAGE.HTM", b"Just words", "text/html"),
        ("page.xhtml", b"Just words", "text/html"),
        ("notes.txt", b"<html><p>shown as text</p></html>", "text/plain"),
        ("notes.md", b"<p>markdown may hold tags</p>", "text/plain"),
        ("notes.markdown", b"# Title", "text/plain"),
        ("saved", b"\n  <!DOCTYPE html><html><body><p>x</p>", "text/html"),
        ("saved", b"<div class=a><p>fragment</p></div>", "text/html"),
        ("saved", b"Title\n\nA paragraph that mentions <p> tags.", "text/plain"),
        ("https://x.org/a.html?q=1", b"words", "text/html"),
        ("-", "<p>é</p>".encode("utf-16"), "text/html"),
        (None, "<html>é".encode("utf-16-le"), "text/html"),
        (None, b"\xef\xbb\xbf<!doctype html><p>x", "text/html"),
    ],
)
def test_sniffing_uses_the_extension_then_the_bytes(
    name: str | None, data: bytes, media_type: str
) -> None:
    assert sniff_media_type(data, name=name) == media_type


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "x.html is a PDF (application/pdf)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "x.html is an image (image/png)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "x.html is an image (image/jpeg)"),
        (b"GIF89a\x01\x00", "x.html is an image (image/gif)"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "x.html is an image (image/webp)"),
        (b"ID3\x04\x00", "x.html is audio (audio/mpeg)"),
        (b"PK\x03\x04\x14\x00", "x.html is an archive (application/zip)"),
        (
            b"\x7fELF\x02\x01",
            "x.html is a file of a type lire cannot read (application/x-executable)",
        ),
        (bytes(range(256)) * 4, "x.html is binary data (application/octet-stream)"),
        (
            b"text\x00\x00\x00\x01\x02 with nul" * 50,
            "x.html is binary data (application/octet-stream)",
        ),
    ],
)
def test_binaries_are_refused_with_their_type(data: bytes, expected: str) -> None:
    with pytest.raises(FetchError) as caught:
        sniff_media_type(data, name="x.html")
    assert str(caught.value) == f"{expected}; lire reads HTML and plain text"


def test_text_with_a_few_control_bytes_is_not_binary() -> None:
    assert binary_type(("A line with a form feed\x0c and an escape \x1b[1m." * 40).encode()) is None
    assert binary_type("<p>é</p>".encode("utf-16-le") * 30) is None


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),
        ("br", brotli.compress),
        ("identity", lambda data: data),
        ("gzip, br", lambda data: brotli.compress(gzip.compress(data))),
    ],
)
def test_inflate_undoes_each_coding(coding: str, compress: object) -> None:
    body = (FRENCH * 100).encode()
    packed: bytes = compress(body)  # type: ignore[operator]
    assert inflate(packed, coding, limit=len(body)) == body


@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_inflater_works_chunk_by_chunk(chunk: int) -> None:
    body = (GERMAN * 200).encode()
    for coding, packed in (("gzip", gzip.compress(body)), ("br", brotli.compress(body))):
        inflater = Inflater(coding, limit=len(body))
        parts = [inflater.feed(packed[i : i + chunk]) for i in range(0, len(packed), chunk)]
        assert b"".join(parts) + inflater.flush() == body


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_a_body_inflated_in_several_pieces_comes_out_whole(coding: str) -> None:
    body = bytes(range(256)) * 12_000  # 3 MB: more than one piece from a single chunk
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[coding](body)
    assert inflate(packed, coding, limit=len(body)) == body
    with pytest.raises(InflateError):
        inflate(packed, coding, limit=len(body) - 1)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_inflating_past_the_limit_fails_before_the_whole_body_exists(coding: str) -> None:
    body = bytes(5_000_000)
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[coding](body)
    inflater = Inflater(coding, limit=100_000)
    with pytest.raises(InflateError) as caught:
        inflater.feed(packed)
    assert str(caught.value) == (
        "is larger than 100 kB once decompressed (fetch.max_decompressed_bytes)"
    )


def test_inflate_refuses_unknown_and_corrupt_codings() -> None:
    with pytest.raises(InflateError, match=r"uses a compression lire cannot read \(zstd\)"):
        Inflater("zstd", limit=10)
    with pytest.raises(InflateError, match="sent a corrupt compressed body"):
        inflate(b"\x1f\x8b\x08\x00not really gzip at all", "gzip", limit=1000)
