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
        ("zero\u200bwidth joiner \u200d kept", "zero\u200bwidth joiner \u200d kept"),
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
