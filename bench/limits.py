"""Time and peak memory of lire on inputs at and beyond its limits, each case in a fresh process.

Cases (inputs are generated into a temporary directory first, so building them costs nothing):

- html-10mb: a 10 MB page, a long article among boilerplate (menus, share bars, newsletter and
  subscription boxes, "read also" teasers, ads, a cookie banner, comments), read as a file;
- text-5mb:  5 MB of plain text (paragraphs, headings, list items, pitch lines) piped on stdin;
- line-2mb:  a 2 MB line without a space, between two paragraphs, through ``lire.read_text``;
- deep-100k: a page nested 100,000 ``<div>`` deep around its article;
- paragraph-1mb: one paragraph of 1 MB (sentences, no break) in a page;
- tiny-200k: a page of 200,000 tiny paragraphs (``<p>w1</p>``...), about 2.7 MB;
- links-100k: an article whose paragraphs hold 100,000 links, about 5 MB;
- buttons-20k: an article, then 20,000 buttons side by side (the DOM pass drops each one and
  records the words around it) and 20,000 one-word paragraphs, about 1 MB;
- dots-1mb: plain text of table-of-contents lines with long dot leaders (an RFC), 1 MB;
- menu-20k: plain text of one article paragraph and 20,000 short menu lines after it (a page's
  menus pasted with its article: the learned model's runs of boilerplate), about 300 kB;
- html-10mb-peer: trafilatura's ``extract`` on the same page, for the ratio the budget names;
- gzip-bomb: about 1 GB of zeros gzipped in streaming chunks, served by a server on 127.0.0.1
  with ``Content-Encoding: gzip`` and fetched with the default caps.

With ``--peers``, trafilatura's ``extract`` is timed on each other HTML shape too, in its own
subprocess, and its CPU time printed beside lire's as a ratio (a shape's s/MB on a shared
machine swings with the machine; the ratio in one run does not).

Each case's CPU time is also given per MB of input (``s/MB``; the budget: about 2 s per MB
whatever the shape). CPU time, not wall time: on a shared machine wall time measures the others.
Each case runs in its own subprocess, twice: once for wall and CPU time and the growth of the
peak resident set (``ru_maxrss`` after the call minus before it, input already loaded), once
under ``tracemalloc`` for the peak of Python's own allocations (lxml's C memory is not traced,
and tracing slows the run, so its time is not reported). Prints a table and exits 0.

    python bench/limits.py [--case NAME ...] [--no-trace] [--peers]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import lire
from lire.errors import LireError
from lire.model import Reading
from lire.render import render

CASES = (
    "html-10mb",
    "html-10mb-peer",
    "text-5mb",
    "line-2mb",
    "deep-100k",
    "paragraph-1mb",
    "tiny-200k",
    "links-100k",
    "buttons-20k",
    "dots-1mb",
    "menu-20k",
    "gzip-bomb",
)
PEER = "html-10mb-peer"  # trafilatura.extract on the same page: the budget's named peer
# The other HTML shapes trafilatura is timed on with --peers (the 10 MB page has its own case).
PEERED = ("deep-100k", "paragraph-1mb", "tiny-200k", "links-100k", "buttons-20k")
HTML_BYTES = 10_000_000
TEXT_BYTES = 5_000_000
LINE_BYTES = 2_000_000
DEPTH = 100_000
BOMB_BYTES = 1 << 30  # 1 GiB of zeros
CHUNK = 1 << 20

# -- inputs -----------------------------------------------------------------------------------

_VOCABULARY_TEXT = (
    "the council approved housing plan on tuesday after long debate and minister said first "
    "homes would be built next spring near river budget report late costly mayor residents "
    "school teachers union strike court ruling appeal judges election results parliament "
    "vote coalition energy prices winter heating farmers drought harvest researchers study "
    "found that patients hospital waiting times government promised reform taxes companies "
    "workers wages inflation bank rates economy growth exports trade deal border police "
    "investigation witnesses trial evidence weather storm flooding roads closed rescue teams"
)
VOCABULARY = tuple(_VOCABULARY_TEXT.split())
BOILERPLATE = (
    '<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>'
    '<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>',
    '<div class="share-bar"><a href="https://facebook.com/sharer">Share on Facebook</a> '
    '<a href="https://twitter.com/intent">Share on X</a> <a href="mailto:?">Email</a></div>',
    '<aside class="newsletter"><p>Sign up for our newsletter and get the best stories every '
    "morning.</p><form><input type=email><button>Subscribe</button></form></aside>",
    "<p>Subscribe now for $1 a week. Already a subscriber? Log in.</p>",
    '<p>Read also: <a href="/2024/other-story">The other story everybody talks about</a></p>',
    '<div class="ad-slot"><p>Advertisement</p></div>',
    "<p>Support our journalism. You have read 3 articles this month.</p>",
    '<p>Follow us on <a href="https://news.google.com/">Google News</a></p>',
)
PAGE_HEAD = (
    "<!doctype html><html lang=en><head><meta charset=utf-8><title>A very long article | "
    'The Daily Bench</title><meta property="og:site_name" content="The Daily Bench">'
    '<meta name="author" content="A. Writer"></head><body>'
    '<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. '
    "Accept all cookies?</p></div>"
)


def sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(8, 24))]
    words[rng.randrange(len(words))] = str(number)  # no two sentences alike
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, number: int) -> str:
    return " ".join(sentence(rng, number * 10 + k) for k in range(rng.randint(2, 5)))


def html_page(size: int) -> str:
    """A long article among boilerplate: every few paragraphs a heading or a pitch."""
    rng = random.Random(10)
    parts = [PAGE_HEAD, BOILERPLATE[0], "<main><article><h1>A very long article</h1>"]
    total = sum(len(part) for part in parts)
    number = 0
    while total < size - 20_000:
        number += 1
        if number % 25 == 0:
            part = f"<h2>Part {number // 25}</h2>"
        elif number % 9 == 0:
            part = BOILERPLATE[number // 9 % len(BOILERPLATE)]
        elif number % 13 == 0:
            part = f"<ul><li>{sentence(rng, number)}</li><li>{sentence(rng, -number)}</li></ul>"
        else:
            part = f"<p>{paragraph(rng, number)}</p>"
        parts.append(part)
        total += len(part)
    parts.append("</article></main><section class=comments><h2>Comments</h2>")
    parts += [f"<div class=comment><p>{sentence(rng, -k)}</p></div>" for k in range(60)]
    parts.append('</section><footer class="site-footer"><p>© The Daily Bench</p></footer>')
    parts.append("</body></html>")
    return "".join(parts)


def plain_text(size: int) -> str:
    rng = random.Random(5)
    lines = ["A very long text", ""]
    total = 0
    number = 0
    while total < size:
        number += 1
        if number % 30 == 0:
            line = f"Part {number // 30}"
        elif number % 11 == 0:
            line = f"- {sentence(rng, number)}"
        elif number % 17 == 0:
            line = "Subscribe now for $1 a week. Already a subscriber? Log in."
        else:
            line = paragraph(rng, number)
        lines += [line, ""]
        total += len(line) + 2
    return "\n".join(lines)


def long_line(size: int) -> str:
    rng = random.Random(2)
    line = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(size))
    return f"{paragraph(rng, 1)}\n\n{line}\n\n{paragraph(rng, 2)}\n"


def deep_page(depth: int) -> str:
    article = f"<article><h1>Deep</h1><p>{paragraph(random.Random(3), 1)}</p></article>"
    return f"<html><body>{'<div>' * depth}{article}{'</div>' * depth}</body></html>"


def one_paragraph(size: int) -> str:
    rng = random.Random(7)
    sentences: list[str] = []
    total = 0
    while total < size:
        sentences.append(sentence(rng, len(sentences)))
        total += len(sentences[-1]) + 1
    return f"<html><body><article><h1>One paragraph</h1><p>{' '.join(sentences)}</p></article>"


def tiny_paragraphs(count: int) -> str:
    return "<html><body>" + "".join(f"<p>w{n}</p>" for n in range(count)) + "</body></html>"


def many_links(count: int) -> str:
    rng = random.Random(11)
    parts = ["<html><body><article><h1>Links</h1>"]
    for n in range(0, count, 10):
        links = " ".join(
            f'<a href="https://example.org/{n + k}">{rng.choice(VOCABULARY)} {n + k}</a>'
            for k in range(10)
        )
        parts.append(f"<p>{sentence(rng, n)} {links}</p>")
    return "".join(parts) + "</article></body></html>"


def many_buttons(count: int) -> str:
    rng = random.Random(17)
    article = "".join(f"<p>{sentence(rng, n)}</p>" for n in range(20))
    buttons = "".join(
        f"<button>What is {rng.choice(VOCABULARY)} {n}?</button>" for n in range(count)
    )
    words = "".join(f"<p>{rng.choice(VOCABULARY)}</p>" for _ in range(count))
    return f"<html><body><article>{article}</article>{buttons}<div>{words}</div></body></html>"


def dot_leaders(size: int) -> str:
    lines = ["Table of Contents", ""]
    total = 0
    while total < size:
        number = len(lines)
        lines.append(f"   {number}. Section {number} " + "." * 60 + f" {number}")
        total += len(lines[-1]) + 1
    return "\n".join(lines) + "\n"


def menu_lines(count: int) -> str:
    rng = random.Random(13)
    lines = [paragraph(rng, 0), ""]
    lines += [f"{rng.choice(VOCABULARY).capitalize()} {n}" for n in range(count)]
    return "\n".join(lines) + "\n"


def gzip_bomb(total: int) -> bytes:
    """``total`` bytes of zeros after ``<p>``, deflated chunk by chunk into a gzip container."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"<html><body><p>")]
    zeros = bytes(CHUNK)
    for start in range(0, total, CHUNK):
        parts.append(packer.compress(zeros[: min(CHUNK, total - start)]))
    parts.append(packer.flush())
    return b"".join(parts)


def build_inputs(directory: Path, cases: Sequence[str]) -> dict[str, float]:
    """Write each case's input into ``directory``; returns the seconds each took to build."""
    cases = sorted({"html-10mb" if case == PEER else case for case in cases})
    builders: dict[str, tuple[str, Callable[[], str | bytes]]] = {
        "html-10mb": ("page.html", lambda: html_page(HTML_BYTES)),
        "text-5mb": ("text.txt", lambda: plain_text(TEXT_BYTES)),
        "line-2mb": ("line.txt", lambda: long_line(LINE_BYTES)),
        "deep-100k": ("deep.html", lambda: deep_page(DEPTH)),
        "paragraph-1mb": ("paragraph.html", lambda: one_paragraph(1_000_000)),
        "tiny-200k": ("tiny.html", lambda: tiny_paragraphs(200_000)),
        "links-100k": ("links.html", lambda: many_links(100_000)),
        "buttons-20k": ("buttons.html", lambda: many_buttons(20_000)),
        "dots-1mb": ("dots.txt", lambda: dot_leaders(1_000_000)),
        "menu-20k": ("menu.txt", lambda: menu_lines(20_000)),
        "gzip-bomb": ("bomb.gz", lambda: gzip_bomb(BOMB_BYTES)),
    }
    seconds: dict[str, float] = {}
    for case in cases:
        name, build = builders[case]
        start = time.perf_counter()
        data = build()
        path = directory / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        seconds[case] = time.perf_counter() - start
    return seconds


# -- one case, in the child process -----------------------------------------------------------


class _BombHandler(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        with contextlib.suppress(ConnectionError):
            self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@contextlib.contextmanager
def bomb_server(body: bytes) -> Iterator[str]:
    handler = type("Handler", (_BombHandler,), {"body": body})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/article"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def run_case(case: str, directory: Path, trace: bool, peer: bool = False) -> dict[str, Any]:
    """Load the case's input, then time (or trace) lire on it (``peer``: trafilatura on its
    HTML); return the figures."""
    with contextlib.ExitStack() as stack:
        call = (
            _peer_call(directory / INPUT_FILES[case]) if peer else _prepare(case, directory, stack)
        )
        gc.collect()
        before = _reset_peak_rss()
        if trace:
            tracemalloc.start()
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = _outcome(call)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = tracemalloc.get_traced_memory()[1] if trace else None
        tracemalloc.stop()
        after = _peak_rss()
    figures: dict[str, Any] = {"case": case, "outcome": outcome}
    if trace:
        figures["traced_peak"] = peak
    else:
        figures |= {"wall": wall, "cpu": cpu, "rss_growth": after - before, "rss_peak": after}
    return figures


def _reset_peak_rss() -> int:
    """Reset the process's peak RSS to its current RSS (Linux), and return that, in bytes.

    Where the peak cannot be reset, the peak so far is returned: the growth measured from it
    is then a lower bound (memory freed after loading is reused before the peak grows).
    """
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")
        return _status("VmRSS") or _peak_rss()
    return _peak_rss()


def _peak_rss() -> int:
    return _status("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _status(field: str) -> int:
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def _prepare(
    case: str, directory: Path, stack: contextlib.ExitStack
) -> Callable[[], Reading | str]:
    match case:
        case "html-10mb":
            path = str(directory / "page.html")
            return lambda: lire.read(path)
        case "html-10mb-peer":
            import trafilatura

            html = (directory / "page.html").read_text(encoding="utf-8")
            return lambda: trafilatura.extract(html) or ""
        case "text-5mb":
            data = (directory / "text.txt").read_bytes()
            return lambda: lire.read("-", stdin=io.BytesIO(data))
        case "line-2mb":
            text = (directory / "line.txt").read_text(encoding="utf-8")
            return lambda: lire.read_text(text)
        case "deep-100k":
            page = (directory / "deep.html").read_text(encoding="utf-8")
            return lambda: lire.read_html(page)
        case "paragraph-1mb" | "tiny-200k" | "links-100k" | "buttons-20k":
            page = (directory / INPUT_FILES[case]).read_text(encoding="utf-8")
            return lambda: lire.read_html(page, url="https://example.org/article")
        case "dots-1mb" | "menu-20k":
            text = (directory / INPUT_FILES[case]).read_text(encoding="utf-8")
            return lambda: lire.read_text(text)
        case "gzip-bomb":
            url = stack.enter_context(bomb_server((directory / "bomb.gz").read_bytes()))
            return lambda: lire.read(url)
    raise SystemExit(f"unknown case {case}")


def _peer_call(path: Path) -> Callable[[], Reading | str]:
    """trafilatura's ``extract`` on the HTML at ``path``, for the side-by-side figures."""
    import trafilatura

    html = path.read_text(encoding="utf-8")
    return lambda: trafilatura.extract(html) or ""


def _outcome(call: Callable[[], Reading | str]) -> str:
    try:
        reading = call()
    except LireError as error:
        message = re.sub(r"https?://\S+", "<url>", str(error))
        return f"{type(error).__name__}: {message[:90]}"
    if isinstance(reading, str):
        return f"trafilatura: {len(reading.split())} words, {len(reading) / 1e6:.1f} MB of text"
    markdown = render(reading, "markdown")
    article = reading.article
    return (
        f"{len(article.blocks)} blocks, {article.words} words, {len(article.removed)} removed, "
        f"{len(markdown) / 1e6:.1f} MB of Markdown"
    )


# -- the parent: one subprocess per case and mode, then the table ------------------------------


def measure(case: str, directory: Path, trace: bool, peer: bool = False) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", case, "--dir", str(directory)]
    if trace:
        command.append("--trace")
    if peer:
        command.append("--peer")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"case": case, "outcome": f"crashed: {done.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _mb(value: float | None) -> str:
    return "-" if value is None else f"{value / 1e6:.1f}"


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _per_mb(row: dict[str, Any], sizes: dict[str, int]) -> str:
    size, cpu = sizes.get(row["case"]), row.get("cpu")
    if not size or cpu is None or row["case"] == "gzip-bomb":  # the bomb's size is as sent
        return "-"
    return f"{cpu / (size / 1e6):.2f}"


def print_table(
    rows: Sequence[dict[str, Any]], sizes: dict[str, int], built: dict[str, float]
) -> None:
    header = (
        f"{'case':<14} {'input MB':>8} {'build s':>7} {'wall s':>7} {'cpu s':>7} "
        f"{'s/MB':>5} {'rss+ MB':>8} {'rss MB':>7} {'py peak MB':>10}  outcome"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        case = row["case"]
        print(
            f"{case:<14} {_mb(sizes.get(case)):>8} {_s(built.get(case)):>7} "
            f"{_s(row.get('wall')):>7} {_s(row.get('cpu')):>7} {_per_mb(row, sizes):>5} "
            f"{_mb(row.get('rss_growth')):>8} "
            f"{_mb(row.get('rss_peak')):>7} {_mb(row.get('traced_peak')):>10}  {row['outcome']}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=CASES)
    parser.add_argument("--no-trace", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--peers",
        action="store_true",
        help="also time trafilatura on each HTML shape (it takes a minute on tiny-200k)",
    )
    parser.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_case(args.child, args.dir, args.trace, peer=args.peer)))
        return 0
    cases = args.case or list(CASES)
    with tempfile.TemporaryDirectory(prefix="lire-limits-") as name:
        directory = Path(name)
        built = build_inputs(directory, cases)
        sizes = {case: _input_size(directory, case) for case in cases}
        rows = []
        for case in cases:
            row = measure(case, directory, trace=False)
            if not args.no_trace:
                row |= {
                    k: v for k, v in measure(case, directory, trace=True).items() if k != "outcome"
                }
            rows.append(row)
        peers = [
            measure(c, directory, False, peer=True) for c in cases if args.peers and c in PEERED
        ]
    print(
        f"lire {lire.__version__}, Python {sys.version.split()[0]}; gzip-bomb inflates to "
        f"{BOMB_BYTES / 1e9:.2f} GB, input MB is as sent"
    )
    print_table(rows, sizes, built)
    cpu = {row["case"]: row.get("cpu") for row in rows}
    ours, peer = cpu.get("html-10mb"), cpu.get(PEER)
    if ours and peer:
        ratio = ours / peer
        print(f"html-10mb CPU time, lire.read / trafilatura.extract: {ratio:.2f}")
    if peers:
        print_peers(peers, cpu, sizes)
    return 0


def print_peers(
    peers: Sequence[dict[str, Any]], ours: dict[str, float | None], sizes: dict[str, int]
) -> None:
    """trafilatura's CPU time on each HTML shape beside lire's, as a ratio."""
    print(f"\n{'trafilatura on':<14} {'cpu s':>7} {'s/MB':>6} {'lire/peer':>9}  outcome")
    for row in peers:
        case, cpu = row["case"], row.get("cpu")
        mine = ours.get(case)
        per_mb = f"{cpu / (sizes[case] / 1e6):.2f}" if cpu is not None else "-"
        ratio = f"{mine / cpu:.2f}" if mine and cpu else "-"
        print(f"{case:<14} {_s(cpu):>7} {per_mb:>6} {ratio:>9}  {row['outcome']}")


INPUT_FILES = {
    "html-10mb": "page.html",
    PEER: "page.html",
    "text-5mb": "text.txt",
    "line-2mb": "line.txt",
    "deep-100k": "deep.html",
    "paragraph-1mb": "paragraph.html",
    "tiny-200k": "tiny.html",
    "links-100k": "links.html",
    "buttons-20k": "buttons.html",
    "dots-1mb": "dots.txt",
    "menu-20k": "menu.txt",
    "gzip-bomb": "bomb.gz",
}


def _input_size(directory: Path, case: str) -> int:
    return (directory / INPUT_FILES[case]).stat().st_size


if __name__ == "__main__":
    sys.exit(main())
