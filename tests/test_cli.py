"""The command line, run as a real subprocess: sources, formats, options, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour pilots strike over night shifts | The Coast Courier</title>
<meta property="og:title" content="Harbour pilots strike over night shifts">
<meta property="og:site_name" content="The Coast Courier">
<meta name="author" content="Mara Quinn">
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour pilots strike over night shifts</h1>
<p>Harbour pilots in Port Ellery walked out on Tuesday after talks over night-shift pay collapsed,
leaving eleven cargo ships waiting at anchor outside the breakwater.</p>
<p>The pilots' association said its members had worked double shifts for most of the winter
because the port authority had not replaced four colleagues who retired last year.</p>
<p>"We are not asking for more money, we are asking for enough people to do the job safely,"
said Ines Varga, who has guided ships into the harbour for nineteen years.</p>
<p>The port authority said it would meet the association again on Thursday and that ferries to
the islands were not affected by the strike.</p>
<p>Subscribe now to The Coast Courier for unlimited access: your first month for just $1.</p>
</article>
<footer>© The Coast Courier</footer>
</body></html>
"""

TEXT = (
    "Harbour pilots strike over night shifts\n\n"
    "Harbour pilots in Port Ellery walked out on Tuesday after talks over night-shift pay "
    "collapsed, leaving eleven cargo ships waiting at anchor outside the breakwater.\n"
    "The pilots' association said its members had worked double shifts for most of the winter.\n"
    "The port authority said it would meet the association again on Thursday.\n"
)


def lire(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "lire", *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "pilots.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_a_file_piped_out_prints_markdown_by_default(page: Path) -> None:
    result = lire(str(page))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("# Harbour pilots strike over night shifts\n")
    assert "Ines Varga" in out
    assert "Home" not in out.split("\n", 3)[3]
    assert result.stderr == b""


def test_json_output_follows_the_contract(page: Path) -> None:
    result = lire(str(page), "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["title"] == "Harbour pilots strike over night shifts"
    assert document["site"] == "The Coast Courier"
    assert document["byline"] == "Mara Quinn"
    assert document["published"].startswith("2024-03-14")
    assert document["lang"] == "en"
    assert document["url"] is None
    assert all(set(block) == {"kind", "text"} for block in document["blocks"])
    assert any("Ines Varga" in block["text"] for block in document["blocks"])
    assert set(document["stats"]) == {"words", "reading_minutes"}
    assert document["summary"], "a four-paragraph article gets a summary"
    for point in document["summary"]:
        assert point["text"] in document["blocks"][point["block"]]["text"]


def test_text_format_does_not_import_textual(page: Path) -> None:
    code = (
        "import sys; from lire.cli import main; rc = main([sys.argv[1], '--format', 'text']); "
        "sys.stdout.flush(); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'HEADLESS', file=sys.stderr); "
        "sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(page)], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.decode().strip() == "HEADLESS"
    assert b"Harbour pilots" in result.stdout


def test_piped_text_is_read_from_stdin() -> None:
    result = lire("--format", "text", stdin=TEXT.encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "eleven cargo ships" in out
    assert "meet the association again on Thursday" in out


def test_dash_reads_stdin() -> None:
    result = lire("-", "--format", "json", stdin=TEXT.encode())
    assert result.returncode == 0, result.stderr
    assert "eleven cargo ships" in json.loads(result.stdout)["text"]


def test_summary_only(page: Path) -> None:
    result = lire(str(page), "--summary", "--format", "text")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert 1 <= len(lines) <= 3
    assert all(line.startswith("- ") for line in lines)


def test_explain_and_no_clean(page: Path) -> None:
    explained = lire(str(page), "--explain")
    assert explained.returncode == 0, explained.stderr
    assert b"Subscribe now" in explained.stdout
    cleaned = json.loads(lire(str(page), "--format", "json").stdout)
    raw = json.loads(lire(str(page), "--format", "json", "--no-clean").stdout)
    assert "Subscribe now" not in cleaned["text"]
    assert "Subscribe now" in raw["text"]
    assert raw["removed"] == []


def test_control_characters_never_reach_stdout(tmp_path: Path) -> None:
    path = tmp_path / "evil.html"
    path.write_text(
        PAGE.replace("Ines Varga", "Ines &#27;[2J&#27;]0;pwned&#7;Varga\x1b[31m"), encoding="utf-8"
    )
    result = lire(str(path), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert b"\x1b" not in result.stdout
    assert b"\x07" not in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "xml", "x"], 2, "invalid choice"),
        (["--points", "0", "x"], 2, "--points must be at least 1"),
        (["--config", "/nonexistent/lire.toml", "x"], 2, "does not exist"),
        (["/nonexistent/page.html"], 1, "/nonexistent/page.html"),
        (["ftp://example.org/page"], 1, "ftp"),
    ],
)
def test_errors_are_one_line_with_the_right_exit_code(
    args: list[str], code: int, message: str
) -> None:
    result = lire(*args)
    assert result.returncode == code
    err = result.stderr.decode()
    assert err.startswith("lire: ")
    assert err.count("\n") == 1, err
    assert message in err
    assert "Traceback" not in err
    assert result.stdout == b""


def test_a_bad_config_file_is_a_usage_error(tmp_path: Path, page: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\ntimeout = 'soon'\n", encoding="utf-8")
    result = lire(str(page), "--config", str(config))
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        == f"lire: {config}:2: 'fetch.timeout' must be a number, got 'soon'\n"
    )


def test_empty_stdin_is_a_clear_error() -> None:
    result = lire("--format", "text", stdin=b"")
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("lire: ")
    assert err.count("\n") == 1


def test_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = lire(str(empty))
    assert result.returncode == 1
    assert result.stderr.decode().startswith("lire: ")
    assert "Traceback" not in result.stderr.decode()


def test_version() -> None:
    result = lire("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith("lire ")


def test_llm_summarizer_failure_falls_back_to_the_offline_summary(
    tmp_path: Path, page: Path
) -> None:
    import socket

    with socket.socket() as probe:  # a port nothing listens on once the probe is closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = tmp_path / "config.toml"
    config.write_text(
        f'[llm]\nbase_url = "http://127.0.0.1:{port}/v1"\nmodel = "m"\ntimeout = 2.0\n',
        encoding="utf-8",
    )
    result = lire(
        str(page), "--summary", "--summarizer", "llm", "--config", str(config), "-f", "json"
    )
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode()
    assert err.startswith("lire: ")
    assert f"127.0.0.1:{port}" in err
    assert err.rstrip().endswith("using the offline summary")
    assert json.loads(result.stdout)["summary"], "the offline summary is printed"
