"""lire in a real terminal: tmux runs it, send-keys drives it, capture-pane reads the screen.

These need tmux and the `lire` console script beside the running Python; they are skipped with
the reason when either is missing.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")

pytestmark = pytest.mark.tmux

LIRE = Path(sys.executable).parent / "lire"
TEXT = """The harbour reopens

The port authority said on Tuesday that the northern harbour would reopen to cargo ships next \
month, after two years of dredging work on the channel.

Larger vessels will be able to dock at night, the director said, and the new cranes arrive in \
spring. The needle of the old lighthouse will be repainted.

Local businesses expect more traffic along the quay once the works are complete, and the \
council has set aside money for new roads.
""" + "".join(
    f"\nOn pier {n}, crews replaced {n * 3} bollards and repaired the old fenders before winter, "
    f"the works manager explained to visitors during the open day number {n}.\n"
    for n in range(1, 16)
)
HTML = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour news</title>'
    "</head><body><article><h1>The harbour reopens</h1>"
    + "".join(f"<p>{part}</p>" for part in TEXT.split("\n\n")[1:4])
    + "</article></body></html>"
)


class Terminal:
    """One tmux server of our own (its own socket, no user tmux.conf), one 120x40 session
    running a command (the user's dirs are isolated by conftest's XDG variables)."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-f", os.devnull, "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def start(self, command: str, cwd: Path) -> None:
        # tmux hands a client without a terminal COLUMNS=80 LINES=24: drop them, use the pane
        cd = f"cd {shlex.quote(str(cwd))} && unset COLUMNS LINES"
        shell = f"{cd} && {command}; echo lire exited $?; sleep 60"
        self.tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "t", shell)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "t", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until ``text`` shows (bounded), and return the screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed; the screen was:\n{screen}")

    def wait_gone(self, text: str, timeout: float = 20.0) -> None:
        """Poll the screen until ``text`` is no longer on it (bounded)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} stayed on the screen")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    if not LIRE.exists():
        pytest.skip(f"the lire console script is not installed at {LIRE}")
    term = Terminal(f"lire-test-{os.getpid()}-{tmp_path.name}")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False)


def test_piped_text_opens_the_app_and_keys_work(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    terminal.start(f"cat article.txt | {shlex.quote(str(LIRE))}", tmp_path)
    screen = terminal.wait_for("The harbour reopens")
    assert "The port authority said on Tuesday that the northern harbour would" in screen
    assert "Summary" in screen
    terminal.keys("j")
    terminal.wait_gone("The harbour reopens")  # one line down: the title scrolled away
    terminal.keys("k")
    terminal.wait_for("The harbour reopens")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_an_html_file_opens_and_search_finds_a_word(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    terminal.start(f"{shlex.quote(str(LIRE))} page.html", tmp_path)
    screen = terminal.wait_for("The harbour reopens")
    assert "Larger vessels will be able to dock" in screen
    assert "<p>" not in screen
    terminal.keys("/")
    terminal.wait_for("words to find")
    terminal.keys("needle", "Enter")
    terminal.wait_for("Match 1/1")
    terminal.keys("?")
    terminal.wait_for("Next heading")
    terminal.keys("Escape")
    terminal.wait_gone("Keys (esc to close)")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_no_source_offers_the_history_and_a_prompt(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    terminal.start(shlex.quote(str(LIRE)), tmp_path)
    terminal.wait_for("Open a URL or file")
    terminal.keys("Enter")
    terminal.wait_for("https://")  # the prompt's placeholder
    terminal.keys("article.txt", "Enter")
    terminal.wait_for("The harbour reopens")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def article_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def test_following_a_link_reads_it_cleaned_and_h_comes_back(
    terminal: Terminal, tmp_path: Path, loopback: Loopback
) -> None:
    second = loopback.serve(
        "/dredging",
        Reply(
            article_page(
                "Dredging the northern channel",
                [
                    "Two dredgers worked through the winter to deepen the northern channel by "
                    "three metres, removing enough silt to fill the harbour basin twice over.",
                    "The silt was taken to a licensed site offshore, the port authority said, "
                    "after tests showed it held no more pollution than the open sea around it.",
                ],
            )
        ),
    )
    first = loopback.serve(
        "/harbour",
        Reply(
            article_page(
                "The harbour reopens",
                [
                    "The port authority said on Tuesday that the northern harbour would reopen "
                    "to cargo ships next month, after two years of work on the channel.",
                    f'The work is described in <a href="{second}">our report on the dredging</a>'
                    ", which followed the boats through the winter months on the estuary.",
                    "Local businesses expect more traffic along the quay once the works are "
                    "complete, and the council has set aside money for new roads.",
                ],
            )
        ),
    )
    terminal.start(f"{shlex.quote(str(LIRE))} {shlex.quote(first)}", tmp_path)
    terminal.wait_for("The harbour reopens")
    terminal.keys("l")
    screen = terminal.wait_for("Links (a number")
    assert "our report on the dredging" in screen
    assert second in screen, "the link's real target is shown"
    terminal.keys("Enter")
    terminal.wait_for("Two dredgers worked through the winter")
    terminal.keys("h")
    terminal.wait_for("The port authority said on Tuesday")
    terminal.keys("L")
    terminal.wait_for("Two dredgers worked through the winter")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_ctrl_d_and_ctrl_u_move_half_a_page(terminal: Terminal, tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    terminal.start(f"{shlex.quote(str(LIRE))} article.txt", tmp_path)
    terminal.wait_for("The harbour reopens")
    terminal.keys("C-d")
    terminal.wait_gone("The harbour reopens")  # half a page down: the title scrolled away
    terminal.keys("C-u")
    terminal.wait_for("The harbour reopens")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")


def test_link_numbers_show_in_the_text_and_a_typed_number_follows_one(
    terminal: Terminal, tmp_path: Path, loopback: Loopback
) -> None:
    second = loopback.serve(
        "/quay",
        Reply(
            article_page(
                "The quay is repaved",
                [
                    "Workers repaved the old quay over the summer with granite setts taken "
                    "from the market square, and the benches came back in September.",
                    "The council said the works cost less than planned because the setts "
                    "were reused rather than bought new from the quarry up the valley.",
                ],
            )
        ),
    )
    first = loopback.serve(
        "/harbour",
        Reply(
            article_page(
                "The harbour reopens",
                [
                    "The port authority said on Tuesday that the northern harbour would reopen "
                    "to cargo ships next month, after two years of work on the channel.",
                    f'Read <a href="{second}">the quay story</a> and <a href="{second}#b">its '
                    "sequel</a> for what changed along the water this year.",
                ],
            )
        ),
    )
    terminal.start(f"{shlex.quote(str(LIRE))} {shlex.quote(first)}", tmp_path)
    terminal.wait_for("The harbour reopens")
    terminal.keys("#")
    terminal.wait_for("the quay story[1]")
    terminal.keys("l")
    terminal.wait_for("Links (a number")
    terminal.keys("1", "Enter")
    terminal.wait_for("Workers repaved the old quay")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")
