"""The article's own word wrap breaks lines exactly where rich does, and takes over from rich
only where it can (one-cell characters, one line, no word longer than the line); the lines it
counts without wrapping are the lines it wraps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from lire.ui.wrapping import line_count, wrapped_lines

CONSOLE = Console(width=200, color_system="truecolor", legacy_windows=False)
BODY = Style(color="red")
WORDS = [
    "a", "bb", "harbour", "quay,", "(paren)", "naïve", "Café", "—", "l'été", "x" * 15,
    "word\u00a0:", "deux\u202f!", "  ", " ", "1,000", "https://port.example/a/long/path",
]  # fmt: skip


def by_rich(text: Text, width: int) -> list[list[Segment]]:
    lines = CONSOLE.render_lines(text, CONSOLE.options.update_width(width), pad=False)
    return [list(Segment.simplify(line)) for line in lines]


def by_lire(text: Text, width: int) -> list[list[Segment]] | None:
    lines = wrapped_lines(text, CONSOLE, width)
    if lines is None:
        return None
    style = CONSOLE.get_style(text.style) if text.style else None
    return [
        list(
            Segment.simplify(
                ([Segment(line, style)] if line else []) if isinstance(line, str) else line
            )
        )
        for line in lines
    ]


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=60),
    tail=st.sampled_from(["", " ", "   "]),
    width=st.integers(min_value=1, max_value=90),
    spans=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 30)), max_size=3),
)
def test_lines_break_where_rich_breaks_them(
    words: list[str], tail: str, width: int, spans: list[tuple[int, int]]
) -> None:
    plain = " ".join(words) + tail
    text = Text(plain, style=BODY, end="")
    for start, length in spans:
        text.stylize(Style(underline=True), start, start + length)
    ours = by_lire(text.copy(), width)
    if ours is not None:
        assert ours == by_rich(text.copy(), width)


def test_a_paragraph_is_wrapped_here_and_the_rest_left_to_rich() -> None:
    paragraph = "Le port a rouvert mardi : les navires, « enfin », sont revenus à quai. " * 4
    assert wrapped_lines(Text(paragraph, style=BODY), CONSOLE, 40) is not None
    assert wrapped_lines(Text("a" * 50, style=BODY), CONSOLE, 40) is None  # folded by rich
    assert wrapped_lines(Text("日本語の記事", style=BODY), CONSOLE, 40) is None  # two cells each
    assert wrapped_lines(Text("two\nlines", style=BODY), CONSOLE, 40) is None
    assert wrapped_lines(Text("code", style=BODY, no_wrap=True), CONSOLE, 40) is None
    lines = wrapped_lines(Text("one two three four", style=BODY), CONSOLE, 9)
    assert lines == ["one two ", "three ", "four"]  # a line keeps its space, as in rich


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from([*WORDS, "日本", "tab\there", "new\nline"]), max_size=60),
    width=st.integers(min_value=1, max_value=90),
)
def test_the_lines_counted_are_the_lines_wrapped(words: list[str], width: int) -> None:
    plain = " ".join(words)
    counted = line_count(plain, width)
    lines = wrapped_lines(Text(plain, style=BODY, end=""), CONSOLE, width)
    assert counted == (None if lines is None else len(lines))
