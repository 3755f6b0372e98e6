"""The reader in a real terminal, as a demanding user drives it: a restore that stays where it
was after a reopen, keys typed in one go (``:`` and a path with ``~``, ``l`` then ``3`` and
enter), and the reading column and body weight at 250 columns.

Pages come from a real HTTP server on 127.0.0.1 (``loopback``) or files; tmux is driven by
``terminal_kit``. Each test skips, with the reason, without tmux.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")
from terminal_kit import LIRE, Terminal, terminal_session  # noqa: F401  (the fixture "terminal")

pytestmark = pytest.mark.tmux

P = (
    "The port authority said on Tuesday that the northern harbour would reopen to cargo ships "
    "next month, after two years of dredging work on the channel and the sea wall.",
    "Larger vessels will be able to dock at night, the director said, and the new cranes "
    "arrive in spring from the yard in the south of the country.",
    "Local businesses expect more traffic along the quay once the works are complete, and the "
    "council has set aside money for new roads and a bus line.",
)
CAPTION = "Photo: the new cranes on the quay at dawn, for the port authority."
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def page(title: str, *blocks: str) -> bytes:
    body = "".join(block if block.startswith("<") else f"<p>{block}</p>" for block in blocks)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def row(screen: str, text: str) -> int:
    """The row of the screen where ``text`` (the start of a line of it) shows."""
    return next(n for n, line in enumerate(screen.splitlines()) if text in line)


def in_order(screen: str, *texts: str) -> bool:
    """Whether ``texts`` show on the screen in this order, top to bottom."""
    rows = [row(screen, text) for text in texts]
    return rows == sorted(rows)


def read_alone(terminal: Terminal) -> str:
    """The screen once the article shows alone (the summary hidden: ``s``)."""
    terminal.wait_for("The port authority said")
    terminal.keys("s")
    terminal.wait_gone("─ Summary")
    return terminal.screen()


def lire(*arguments: str) -> str:
    return " ".join(shlex.quote(part) for part in (str(LIRE), *arguments))


def test_a_restored_photo_credit_goes_back_in_place_and_stays_there_after_a_reopen(
    terminal: Terminal, tmp_path: Path, loopback: Loopback
) -> None:
    figure = f'<figure><img src="c.jpg" alt="cranes"><p class="credit">{CAPTION}</p></figure>'
    url = loopback.serve("/harbour", Reply(page("The harbour reopens", P[0], figure, *P[1:])))
    terminal.start(lire(url), tmp_path)
    assert "Photo: the new cranes" not in read_alone(terminal)
    terminal.keys("x")
    terminal.wait_for("credit/dom-class-credit")
    terminal.keys("Enter")
    terminal.wait_for("Restored: credit/dom-class-credit")
    screen = terminal.screen()
    assert in_order(screen, "The port authority", "Photo: the new", "Larger vessels"), screen
    terminal.keys("q")
    terminal.wait_for("lire exited 0")
    terminal.start(lire(url), tmp_path)  # the same user directories: the site memory
    screen = read_alone(terminal)
    assert in_order(screen, "The port authority", "Photo: the new", "Larger vessels"), screen
    assert "nothing removed" in screen
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_a_path_with_a_tilde_typed_in_one_go_after_the_colon_opens(
    terminal: Terminal, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "quay.html").write_bytes(page("The quay is repaved", P[2]))
    (tmp_path / "harbour.html").write_bytes(page("The harbour reopens", *P[:2]))
    terminal.start(lire("harbour.html"), tmp_path, home=home)
    terminal.wait_for("The port authority said")
    terminal.keys(":", "~/quay.html", "Enter")  # one read: the prompt is not open yet
    terminal.wait_for("The quay is repaved")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_three_then_enter_in_the_links_list_follows_link_three(
    terminal: Terminal, tmp_path: Path, loopback: Loopback
) -> None:
    targets = [
        loopback.serve(f"/{name}", Reply(page(f"The {name} story", P[n])))
        for n, name in enumerate(("quay", "ferry", "crane"))
    ]
    links = ", ".join(f'<a href="{url}">link {n}</a>' for n, url in enumerate(targets, start=1))
    url = loopback.serve("/harbour", Reply(page("The harbour reopens", P[0], f"See {links}.")))
    terminal.start(lire(url), tmp_path)
    terminal.wait_for("The port authority said")
    terminal.keys("l", "3", "Enter")  # one read, as a quick typist sends it
    terminal.wait_for("The crane story")
    terminal.keys("h")
    terminal.wait_for("The harbour reopens")
    terminal.keys("l")
    terminal.wait_for("─ Links")
    terminal.keys("2")
    terminal.keys("Enter")
    terminal.wait_for("The ferry story")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_at_250_columns_the_body_keeps_its_column_weight_and_colour(
    terminal: Terminal, tmp_path: Path
) -> None:
    heading = "<h2>What changes for ships</h2>"
    (tmp_path / "harbour.html").write_bytes(page("The harbour reopens", P[0], heading, *P[1:]))
    terminal.start(lire("harbour.html"), tmp_path, size=(250, 50))
    screen = read_alone(terminal)  # every line is the article's
    body = [
        line.strip() for line in screen.splitlines() if any(w in line for w in ("harbour", "quay"))
    ]
    assert body and max(len(line) for line in body) <= 80
    styled = terminal.styled().splitlines()
    body_line = styled[row(screen, "The port authority said")]
    heading_line = styled[row(screen, "What changes for ships")]
    body_codes = {code for codes in SGR.findall(body_line) for code in codes.split(";")}
    heading_codes = {code for codes in SGR.findall(heading_line) for code in codes.split(";")}
    assert "1" not in body_codes, "body text is not bold"
    assert "1" in heading_codes, "a heading is"
    assert heading_codes - {"0", "1"} != body_codes - {"0", "1"}, "and in its own colour"
    terminal.keys("q")
    terminal.wait_for("lire exited 0")
