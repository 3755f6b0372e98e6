"""Profile lire on bench/limits.py's generated large inputs, to find what grows with the input.

Builds the page (or the plain text) the way ``bench/limits.py`` does, then runs ``lire`` on it
under cProfile and prints the top functions by cumulative and by self time.

    python bench/profile_large.py [--case html|text] [--mb SIZE] [--top N]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import limits
import lire


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("html", "text"), default="html")
    parser.add_argument("--mb", type=float, default=3.0, help="input size in MB (default 3)")
    parser.add_argument("--top", type=int, default=30, help="rows per table (default 30)")
    args = parser.parse_args(argv)
    size = int(args.mb * 1_000_000)
    if args.case == "html":
        page = limits.html_page(size)
        call = lambda: lire.read_html(page)  # noqa: E731
    else:
        text = limits.plain_text(size)
        call = lambda: lire.read_text(text)  # noqa: E731
    profile = cProfile.Profile()
    start = time.process_time()
    profile.runcall(call)
    print(f"{args.case} {args.mb} MB: {time.process_time() - start:.2f} s CPU under cProfile")
    for order in ("cumulative", "tottime"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(order).print_stats(args.top)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
