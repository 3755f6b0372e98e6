"""lire in a real terminal: tmux runs it, send-keys drives it, capture-pane reads the screen.

These need tmux and the `lire` console script beside the running Python; they are skipped with
the reason when either is missing.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")
from terminal_kit import LIRE, Terminal, terminal_session  # noqa: F401  (the fixture "terminal")

pytestmark = pytest.mark.tmux

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
    terminal.wait_gone("─ Keys")
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
    screen = terminal.wait_for("─ Links")
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
    terminal.wait_for("─ Links")
    terminal.keys("1", "Enter")
    terminal.wait_for("Workers repaved the old quay")
    terminal.keys("q")
    terminal.wait_for("lire exited 0")
