"""App benchmarks: start-up to first painted frame, and scrolling a 100,000-word article.

    python bench/app.py            # prints figures in ms (headless Textual, 120x40)
    python bench/app.py 11 --startup   # only the start-up figure, 11 runs

1. A fresh process shows a 5,000-word article: time from spawning the process to the first
   frame painted with the article in it (the child prints a line once that frame is out), and
   to the app being idle (the rest of the article laid out, every pending message handled:
   what this benchmark measured as "first frame" before).
2. A 100,000-word article: time to lay out the first screens (what the first frame waits for)
   and `G` pressed at once (the rest laid out then); then each key that moves or lays out again,
   paging from top to bottom with `space`, a search and `n`: from the key posted as the terminal
   driver posts it to the frame handed to the terminal (not Pilot's own waits), wall and CPU.
   Last, the worst key of all these presses (the early `G` included), by wall and by CPU time:
   the budget is 50 ms for every key.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

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
import asyncio, sys, time
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
        print("painted", time.process_time(), flush=True)
        await app.workers.wait_for_complete()
        await pilot.pause()
        print("idle", time.process_time(), flush=True)

asyncio.run(show())
"""


def first_frame_ms() -> tuple[float, float, float, float]:
    """Spawn a process that shows a 5,000-word article: ms until the first frame with the
    article is out, and until the app is idle (the rest laid out, every message handled);
    then the CPU ms the child had used at each (wall time counts other processes' turns on a
    shared machine too)."""
    code = _CHILD.format(bench=str(Path(__file__).resolve().parent))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    lines, times = [], []
    for _ in range(2):
        lines.append(child.stdout.readline().split())
        times.append((time.perf_counter() - start) * 1000)
    child.wait()
    if [line[:1] for line in lines] != [["painted"], ["idle"]]:
        raise SystemExit(f"the child did not paint (exit {child.returncode})")
    return times[0], times[1], float(lines[0][1]) * 1000, float(lines[1][1]) * 1000


class _Frames:
    """Key press to repaint, as a terminal would see it: a key is posted to the app as the
    driver posts it, and the time taken is the time until the first frame the app hands the
    terminal after the key's action has run (rendered to the terminal's bytes, as the real
    driver renders it). Wall time, and the process's CPU time (other engines on a shared
    machine add to the first, not the second). Patches two private hooks of the App."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.loop = asyncio.get_running_loop()
        self.waiting: asyncio.Future[tuple[float, float]] | None = None
        self.acted = False
        display, run_action = app._display, app.run_action

        def displayed(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            waiting = self.waiting
            if renderable is None or waiting is None or waiting.done() or not self.acted:
                return
            if hasattr(renderable, "render_segments"):
                renderable.render_segments(app.console)
            waiting.set_result((time.perf_counter(), time.process_time()))

        async def acting(*args: Any, **options: Any) -> Any:
            result = await run_action(*args, **options)
            self.acted = True
            return result

        app._display, app.run_action = displayed, acting

    async def key(self, key: str, character: str | None = None) -> tuple[float, float]:
        """(wall ms, CPU ms) from posting ``key`` to its frame."""
        from textual import events

        self.waiting, self.acted = self.loop.create_future(), False
        wall, cpu = time.perf_counter(), time.process_time()
        self.app.post_message(events.Key(key, character))
        end_wall, end_cpu = await asyncio.wait_for(self.waiting, 10)
        return (end_wall - wall) * 1000, (end_cpu - cpu) * 1000


KEYS = [  # (key, character): every kind of move, and the keys that lay the article out again
    ("j", "j"), ("k", "k"), ("ctrl+d", None), ("ctrl+u", None), ("space", " "), ("b", "b"),
    ("G", "G"), ("g", "g"), ("right_square_bracket", "]"), ("left_square_bracket", "["),
    ("greater_than_sign", ">"), ("less_than_sign", "<"), ("number_sign", "#"),
    ("number_sign", "#"), ("t", "t"), ("t", "t"),
]  # fmt: skip


async def scroll_figures(words: int) -> dict[str, Any]:
    """Layout, key and search figures (ms) for a ``words``-word article at 120x40, the app
    set up as ``lire.ui.run_app`` sets it up (``freeze_garbage``)."""
    from lire.ui import create_app
    from lire.ui.article import ArticleView
    from lire.ui.commands import search_for
    from lire.ui.theme import palette_for

    reading = article(words)
    app = create_app(source="bench", loader=lambda s: reading)
    app.freeze_garbage = True
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        view = app.query_one(ArticleView)
        frames = _Frames(app)
        start = time.perf_counter()
        view.show(reading.article, palette_for(app.current_theme))
        first = (time.perf_counter() - start) * 1000
        early = await frames.key("G", "G")  # before the background layout is done
        complete = (time.perf_counter() - start) * 1000
        await frames.key("g", "g")
        while not view.complete:
            await pilot.pause()
        await pilot.pause()
        keys: dict[str, tuple[float, float]] = {}
        for key, character in KEYS:
            keys[key] = max(keys.get(key, (0.0, 0.0)), await frames.key(key, character))
            await pilot.pause()
        pages = []
        while view.scroll_y < view.max_scroll_y:
            pages.append(await frames.key("space", " "))
        tick = time.perf_counter()
        search_for(app.reader, "harbour")  # what `/` then `enter` runs
        search = (time.perf_counter() - tick) * 1000
        hits = len(app.reader.search.matches)
        steps = [await frames.key("n", "n") for _ in range(50)]
    return {
        "first": first, "early": early, "complete": complete, "keys": keys, "pages": pages,
        "search": search, "hits": hits, "steps": steps,
    }  # fmt: skip


def _spread(figures: list[tuple[float, float]]) -> str:
    walls, cpus = sorted(f[0] for f in figures), sorted(f[1] for f in figures)
    p95 = walls[int(0.95 * (len(walls) - 1))]
    return (
        f"wall median {statistics.median(walls):.1f}, p95 {p95:.1f}, max {walls[-1]:.1f} ms;"
        f" CPU max {cpus[-1]:.1f} ms"
    )


def _runs() -> int:
    counts = [arg for arg in sys.argv[1:] if arg.isdigit()]
    return int(counts[0]) if counts else 7


def main() -> None:
    runs = [first_frame_ms() for _ in range(_runs())]
    for n, name in enumerate(("first frame", "idle")):
        figures, cpu = [r[n] for r in runs], [r[n + 2] for r in runs]
        shown = ", ".join(f"{figure:.0f}" for figure in figures)
        print(
            f"start-up to {name}, 5,000 words: best {min(figures):.0f} ms,"
            f" median {statistics.median(figures):.0f} ms (runs: {shown});"
            f" CPU median {statistics.median(cpu):.0f} ms"
        )
    if "--startup" in sys.argv:
        return
    f = asyncio.run(scroll_figures(100_000))
    print(f"100,000 words: first screens laid out in {f['first']:.1f} ms;", end=" ")
    wall, cpu = f["early"]
    print(f"G before the rest is laid out: {wall:.0f} ms to its frame (CPU {cpu:.0f} ms)")
    print("100,000 words, key press to repaint (wall / CPU ms, the worst of each key's presses):")
    print("   " + ", ".join(f"{key} {w:.0f}/{c:.0f}" for key, (w, c) in f["keys"].items()))
    print(f"100,000 words, top to bottom in {len(f['pages'])} pages (space): {_spread(f['pages'])}")
    print(
        f"100,000 words, search 'harbour': {f['hits']} hits marked in {f['search']:.0f} ms;"
        f" n 50 times: {_spread(f['steps'])}"
    )
    presses: list[tuple[str, tuple[float, float]]] = [
        ("G (early)", f["early"]),
        *f["keys"].items(),
        *(("space", page) for page in f["pages"]),
        *(("n", step) for step in f["steps"]),
    ]
    by_wall = max(presses, key=lambda press: press[1][0])
    by_cpu = max(presses, key=lambda press: press[1][1])
    print(
        f"100,000 words, worst key: {by_wall[0]} {by_wall[1][0]:.0f} ms wall"
        f" (CPU {by_wall[1][1]:.0f}); by CPU: {by_cpu[0]} {by_cpu[1][1]:.0f} ms CPU"
        f" (wall {by_cpu[1][0]:.0f})"
    )


if __name__ == "__main__":
    main()
