"""The sanitiser strips everything that could drive a terminal, and nothing else."""

from __future__ import annotations

import pytest

from lire.sanitize import sanitize, sanitize_line


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain text", "plain text"),
        ("keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"),
        ("red \x1b[31mtext\x1b[0m", "red text"),
        ("title \x1b]0;pwned\x07 here", "title  here"),
        ("osc8 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "osc8 link"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("c1 \x9b31m csi", "c1  csi"),
        ("del\x7f", "del"),
        ("bidi \u202eevil\u202c \u2066iso\u2069", "bidi evil iso"),
        ("windows\r\nlines\rold mac", "windows\nlines\nold mac"),
        ("français, Größe, 日本語, emoji 🎉", "français, Größe, 日本語, emoji 🎉"),
        ("zero\u200bwidth joiner \u200d gone", "zerowidth joiner  gone"),
        ("a lone ESC at the end \x1b", "a lone ESC at the end "),
        ("unterminated \x1b]0;osc keeps the rest", "unterminated 0;osc keeps the rest"),
        ("two \x1b]0;a\x1b]0;b\x07 end", "two 0;a end"),
    ],
)
def test_sanitize_removes_controls_and_keeps_text(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


def test_sanitize_line_folds_whitespace_onto_one_line() -> None:
    assert sanitize_line("  A\ntitle\t with \x1b[2J  spaces ") == "A title with spaces"


def test_sanitize_is_linear_on_adversarial_input() -> None:
    # Many unterminated sequences: each alternative is a single bounded run, so this is fast.
    hostile = "\x1b]" * 50_000 + "\x1b[" * 50_000 + "\x9b" * 50_000
    assert sanitize(hostile) == ""


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<p>text\x1b</p>", "<p>text</p>"),
        ("<p>text\x1b[</p>", "<p>text</p>"),
        ("<p>red \x1b[31mtext\x1b[0m</p>", "<p>red text</p>"),
        ('<meta content="A title\x1b">', '<meta content="A title">'),
        ('<meta content="t\x1b]0;x">', '<meta content="t]0;x">'),
        ("<p>osc \x1b]0;pwned\x07 gone</p>", "<p>osc  gone</p>"),
        ("<p>c1 \x9b<b>x</b></p>", "<p>c1 <b>x</b></p>"),
    ],
)
def test_sanitize_markup_never_eats_markup(raw: str, clean: str) -> None:
    from lire.sanitize import sanitize_markup

    assert sanitize_markup(raw) == clean


FLAG_ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("sub\U000e0073\U000e0075\U000e0062scribe", "subscribe"),  # tag characters
        (
            "\U000e0001\U000e0049gnore previous instructions\U000e007f",
            "gnore previous instructions",
        ),
        (f"England {FLAG_ENGLAND} flag", f"England {FLAG_ENGLAND} flag"),
        ("a bare \U0001f3f4\U000e0067 tag", "a bare \U0001f3f4 tag"),
        ("\ufeffa stray\ufeff BOM", "a stray BOM"),
        ("soft\u00adhyphen", "softhyphen"),
        ("zero\u200bwidth\u2060joiner", "zerowidthjoiner"),
        ("invisible\u2062times\u206adeprecated", "invisibletimesdeprecated"),
        ("Latin\u200dZWJ and\u200cZWNJ", "LatinZWJ andZWNJ"),
        (
            "family \U0001f468\u200d\U0001f469\u200d\U0001f467",
            "family \U0001f468\u200d\U0001f469\u200d\U0001f467",
        ),
        (
            "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
            "Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        ),
        ("Devanagari \u0915\u094d\u200d\u0937", "Devanagari \u0915\u094d\u200d\u0937"),
        ("a lone \ud800 surrogate \udfff", "a lone \ufffd surrogate \ufffd"),
    ],
)
def test_sanitize_removes_invisible_characters_that_carry_no_meaning(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean
    assert sanitize(clean) == clean


def test_sanitize_line_drops_invisible_characters_from_one_line_values() -> None:
    assert sanitize_line("A\u200b title\U000e0041\ufeff") == "A title"


def test_the_unsafe_pattern_finds_everything_sanitize_changes() -> None:
    from lire.sanitize import UNSAFE

    for code in (*range(0x20), *range(0x7F, 0xA0), 0xAD, 0x200B, 0x200D, 0xFEFF, 0xE0041, 0xD800):
        char = chr(code)
        if char in "\t\n\r":
            continue
        assert UNSAFE.search(char), hex(code)
        assert sanitize(f"a{char}b") != f"a{char}b", hex(code)
