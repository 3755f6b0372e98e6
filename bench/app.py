"""App benchmarks: start-up to first painted frame, and scrolling a 100,000-word article.

    python bench/app.py            # prints figures in ms (headless Textual, 120x40)
    python bench/app.py 11 --startup   # only the start-up figure, 11 runs

1. A fresh process shows a 5,000-word article: time from spawning the process to the first
   frame painted with the article in it (the child prints a line once that frame is out), and
   to the app being idle (the rest of the article laid out, every pending message handled:
   what this benchmark measured as "first frame" before).
2. A 100,000-word article: time to lay out the first screens (what the first frame waits for)
   and the whole text (in pieces, between frames); then paging from top to bottom with `space`
   through Pilot (key press to repaint), and the cost of rendering each full frame.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lire.model import Article, Block, BlockKind, KeyPoint, Reading, Summary

WORDS = [
    "harbour",
    "ship",
    "cargo",
    "port",
    "authority",
    "reopen",
    "month",
    "dredging",
    "wall",
    "crane",
    "channel",
    "vessel",
    "night",
    "director",
    "report",
    "year",
    "city",
    "council",
    "budget",
    "works",
    "water",
    "tide",
    "north",
    "south",
    "quay",
    "dock",
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "was",
    "were",
    "is",
    "are",
    "said",
    "will",
    "would",
    "could",
]


def article(words: int, *, seed: int = 0) -> Reading:
    """A generated article of about ``words`` words: paragraphs of 40-120 words, some headings."""
    rng = random.Random(seed)
    blocks: list[Block] = []
    count = 0
    while count < words:
        if len(blocks) % 12 == 0:
            blocks.append(Block(BlockKind.HEADING, f"Section {len(blocks) // 12 + 1}", level=2))
        size = rng.randint(40, 120)
        text = " ".join(rng.choice(WORDS) for _ in range(size)).capitalize() + "."
        blocks.append(Block(BlockKind.PARAGRAPH, text))
        count += size
    points = tuple(KeyPoint(blocks[i].text[:80], i) for i in (1, 2, 3))
    body = Article(blocks=tuple(blocks), title=f"A {words}-word article", site="Bench")
    return Reading(article=body, summary=Summary(points=points))


_CHILD = """
import asyncio, sys
sys.path.insert(0, {bench!r})
from app import article
from lire.ui import create_app

async def show():
    reading = article(5000)
    app = create_app(source="bench", loader=lambda s: reading)
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one("#article")
        while not view.article.blocks:  # until the reading is handed to the view
            await asyncio.sleep(0.001)
        painted = asyncio.get_running_loop().create_future()
        app.screen.call_after_refresh(painted.set_result, None)  # runs once that frame is out
        await painted
        print("painted", flush=True)
        await app.workers.wait_for_complete()
        await pilot.pause()
        print("idle", flush=True)

asyncio.run(show())
"""


def first_frame_ms() -> tuple[float, float]:
    """Spawn a process that shows a 5,000-word article: ms until the first frame with the
    article is out, and until the app is idle (the rest laid out, every message handled)."""
    code = _CHILD.format(bench=str(Path(__file__).resolve().parent))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines, times = [], []
    for _ in range(2):
        lines.append(child.stdout.readline().strip())
        times.append((time.perf_counter() - start) * 1000)
    child.wait()
    if lines != ["painted", "idle"]:
        raise SystemExit(f"the child did not paint (exit {child.returncode})")
    return times[0], times[1]


async def scroll_figures(words: int) -> dict[str, float]:
    """Layout and scrolling figures (ms) for a ``words``-word article at 120x40."""
    from lire.ui import create_app
    from lire.ui.article import ArticleView
    from lire.ui.commands import search_for
    from lire.ui.theme import palette_for

    reading = article(words)
    app = create_app(source="bench", loader=lambda s: reading)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        start = time.perf_counter()
        view.show(reading.article, palette_for(app.current_theme))
        first = (time.perf_counter() - start) * 1000
        while not view.complete:
            await pilot.pause()
        complete = (time.perf_counter() - start) * 1000
        compositor = app.screen._compositor  # private: renders the frame the driver would get
        steps: list[float] = []
        frames: list[float] = []
        begin = time.perf_counter()
        while view.scroll_y < view.max_scroll_y:
            tick = time.perf_counter()
            await pilot.press("space")
            await pilot.pause()
            steps.append((time.perf_counter() - tick) * 1000)
            tick = time.perf_counter()
            compositor.render_update(full=True)
            frames.append((time.perf_counter() - tick) * 1000)
        total = (time.perf_counter() - begin) * 1000
        idle: list[float] = []
        for _ in range(20):  # Pilot's own cost: a key bound to nothing, then the same wait
            tick = time.perf_counter()
            await pilot.press("z")
            await pilot.pause()
            idle.append((time.perf_counter() - tick) * 1000)
        tick = time.perf_counter()
        search_for(app.reader, "harbour")  # what `/` then `enter` runs
        search = (time.perf_counter() - tick) * 1000
        hits = len(app.reader.search.matches)
    return {
        "idle_median": statistics.median(idle),
        "search": search,
        "hits": hits,
        "first": first,
        "complete": complete,
        "pages": len(steps),
        "total": total,
        "step_max": max(steps),
        "step_median": statistics.median(steps),
        "frame_max": max(frames),
        "frame_median": statistics.median(frames),
    }


def _runs() -> int:
    counts = [arg for arg in sys.argv[1:] if arg.isdigit()]
    return int(counts[0]) if counts else 7


def main() -> None:
    runs = [first_frame_ms() for _ in range(_runs())]
    for name, figures in (("first frame", [r[0] for r in runs]), ("idle", [r[1] for r in runs])):
        shown = ", ".join(f"{figure:.0f}" for figure in figures)
        print(
            f"start-up to {name}, 5,000 words: best {min(figures):.0f} ms,"
            f" median {statistics.median(figures):.0f} ms (runs: {shown})"
        )
    if "--startup" in sys.argv:
        return
    f = asyncio.run(scroll_figures(100_000))
    print(f"100,000 words: first screens laid out in {f['first']:.1f} ms,")
    print(f"               whole text laid out (in pieces) after {f['complete']:.0f} ms")
    print(
        f"100,000 words: top to bottom in {f['pages']:.0f} pages (space): {f['total']:.0f} ms;"
        f" key press to repaint (Pilot): median {f['step_median']:.1f} ms,"
        f" max {f['step_max']:.1f} ms (a key bound to nothing: median {f['idle_median']:.1f} ms)"
    )
    print(
        f"100,000 words: full-screen frame render: median {f['frame_median']:.1f} ms,"
        f" longest {f['frame_max']:.1f} ms"
    )
    print(f"100,000 words: search 'harbour', {f['hits']:.0f} hits marked: {f['search']:.0f} ms")


if __name__ == "__main__":
    main()
