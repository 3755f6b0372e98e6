"""The command line: a thin layer over the library.

With stdout a terminal (and no output option) lire opens the reader app; otherwise it is a Unix
filter that prints the clean article. Errors are one line on stderr: exit 1 when a source cannot be
read, holds no article, or nothing is left of it once cleaned, and when the output cannot be
written (a full disk, a closed stdout); 2 for a usage or configuration error.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from lire.config import Config, load_config
from lire.errors import ConfigError, ExtractionError, LireError
from lire.fetch.sources import fetch
from lire.model import Reading
from lire.render import Format, render, render_explain, render_summary
from lire.samples import sample_path
from lire.sanitize import sanitize_line
from lire.version import __version__

__all__ = ["main"]

USAGE_HINT = "run 'lire --help' for usage"
MAX_POINTS = 50


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors in lire's voice."""

    def error(self, message: str) -> NoReturn:
        raise ConfigError(f"{message} ({USAGE_HINT})")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lire",
        description="Read an article in the terminal, without the clutter: a URL, a saved page, "
        "or text on stdin. Prints the clean article when stdout is not a terminal.",
    )
    parser.add_argument("source", nargs="?", help="http(s) URL, file path, or - for stdin")
    parser.add_argument(
        "-f", "--format", choices=("text", "markdown", "json"), help="print in this format"
    )
    parser.add_argument("-s", "--summary", action="store_true", help="print only the summary")
    parser.add_argument("--explain", action="store_true", help="print what the cleaner removed")
    parser.add_argument("--no-clean", action="store_true", help="turn the cleaner off")
    parser.add_argument("--no-learn", action="store_true", help="do not learn site boilerplate")
    parser.add_argument("-n", "--points", type=int, metavar="N", help="summary length (points)")
    parser.add_argument(
        "--summarizer", choices=("offline", "llm"), help="summary backend (llm needs [llm])"
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help="use this config file")
    parser.add_argument("-V", "--version", action="version", version=f"lire {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(build_parser().parse_args(argv))
    except LireError as error:
        _error(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `lire page.html | head`): not an error.
        _silence_stdout()
        return 0


def _run(args: argparse.Namespace) -> int:
    config = _configure(args)
    stdin = sys.stdin
    stdin_piped = stdin is not None and not _isatty(stdin)
    source: str | None = args.source
    if source is None and stdin_piped:
        source = "-"
    if source == "-" and not stdin_piped:
        raise ConfigError(f"'-' reads standard input, but nothing is piped in ({USAGE_HINT})")
    printing = args.format is not None or args.summary or args.explain or not _isatty(sys.stdout)
    if printing:
        if source is None:
            raise ConfigError(f"give a URL, a file, or pipe text in ({USAGE_HINT})")
        reading = _read(source, config)
        if config.summary.summarizer == "llm" and (args.summary or args.format == "json"):
            reading = with_llm_summary(reading, config)
        return _print(reading, args)
    page = fetch("-", config=config.fetch) if source == "-" else None
    if page is not None and not _attach_terminal():
        from lire.pipeline import read_page

        return _print(read_page(page, config=config), args)
    from lire.ui import run_app  # only now: printing must never import Textual

    return run_app(source=source, config=config, page=page, sample=sample_path())


def _configure(args: argparse.Namespace) -> Config:
    config = load_config(args.config, explicit=args.config is not None)
    if args.points is not None:
        if not 1 <= args.points <= MAX_POINTS:
            raise ConfigError(
                f"--points must be at least 1 and at most {MAX_POINTS} ({USAGE_HINT})"
            )
        config = dataclasses.replace(
            config, summary=dataclasses.replace(config.summary, points=args.points)
        )
    if args.summarizer is not None:
        config = dataclasses.replace(
            config, summary=dataclasses.replace(config.summary, summarizer=args.summarizer)
        )
    if args.no_clean or args.no_learn:
        clean = dataclasses.replace(
            config.clean,
            enabled=config.clean.enabled and not args.no_clean,
            learn=config.clean.learn and not args.no_learn,
        )
        config = dataclasses.replace(config, clean=clean)
    return config


def _read(source: str, config: Config) -> Reading:
    # The pipeline (lxml, readability) is imported here, never before the app's first frame.
    from lire.pipeline import open_stores, read_page

    page = fetch(source, config=config.fetch)
    with open_stores(config) as stores:
        return read_page(page, config=config, memory=stores.memory)


def with_llm_summary(reading: Reading, config: Config) -> Reading:
    """The reading with the configured model's summary, or as it was (with a warning)."""
    from lire.fetch.stream import stream_lines  # httpx streaming: only loaded when asked for
    from lire.summarize.llm import llm_summary

    try:
        summary = llm_summary(
            reading.article,
            config=config.llm,
            points=config.summary.points,
            transport=stream_lines,
        )
    except LireError as error:
        _error(f"{error}; using the offline summary")
        return reading
    return dataclasses.replace(reading, summary=summary)


def _print(reading: Reading, args: argparse.Namespace) -> int:
    fmt: Format = args.format or "markdown"
    empty = not reading.article.blocks
    if args.explain and fmt == "json":
        output = render(reading, "json")  # its "removed" list is the explanation
    elif args.explain:
        output = render_explain(reading)
    elif args.summary and not empty:
        output = render_summary(reading, fmt)
    else:
        output = "" if empty else render(reading, fmt)
    _write(output)
    if empty:
        where = reading.page.location if reading.page is not None else "the input"
        raise ExtractionError(
            f"nothing is left of {where} once cleaned: it all read as boilerplate "
            "(--explain says what was removed, --no-clean shows it all)"
        )
    return 0


def _write(output: str) -> None:
    """Write ``output`` to stdout; a closed or full stdout is a LireError (exit 1)."""
    stream = sys.stdout
    if stream is None:  # started with stdout closed (`lire page.html >&-`)
        raise LireError("standard output is closed: nowhere to print the article")
    if not output:
        return
    try:
        data = output.encode(stream.encoding or "utf-8", errors="replace")
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            stream.write(data.decode(stream.encoding or "utf-8"))
            stream.flush()
        else:
            stream.flush()
            buffer.write(data)
            buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:  # ENOSPC, EIO..., or a stream closed meanwhile
        _silence_stdout()  # the exit's own flush must not fail again with a traceback
        raise LireError(f"cannot write the output: {_write_failure(error)}") from error


def _write_failure(error: OSError | ValueError) -> str:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return "no space left on the device"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return "standard output is closed"


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null, so what is still buffered for stdout goes nowhere quietly."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _attach_terminal() -> bool:
    """Point fd 0 at the controlling terminal so the app can read keys after a pipe."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(tty, 0)
    os.close(tty)
    return True


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # a closed stream
        return False


def _error(message: str) -> None:
    stream = sys.stderr
    if stream is None:  # started with stderr closed: the exit code says it
        return
    with contextlib.suppress(OSError, ValueError):  # stderr full or gone: nothing more to say
        stream.write(f"lire: {sanitize_line(message)}\n")
        stream.flush()
