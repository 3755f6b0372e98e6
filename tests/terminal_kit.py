"""A real terminal for tests: a tmux server of our own runs lire, send-keys drives it,
capture-pane reads the screen (``-e``: with its colours and weights).

The ``terminal`` fixture (``terminal_session``) skips the test, with the reason, when tmux or
the ``lire`` console script beside the running Python is missing.
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

__all__ = ["LIRE", "Terminal", "terminal_session"]

LIRE = Path(sys.executable).parent / "lire"


class Terminal:
    """One tmux server of our own (its own socket, no user tmux.conf); each ``start`` runs a
    command in a new session of ``size`` (120x40 unless said), which the other methods drive.
    The user's dirs are isolated by conftest's XDG variables, which the server inherits."""

    def __init__(self, socket: str) -> None:
        self.socket = socket
        self.session = ""
        self._started = 0

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-f", os.devnull, "-L", self.socket, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def start(
        self,
        command: str,
        cwd: Path,
        *,
        size: tuple[int, int] = (120, 40),
        home: Path | None = None,
    ) -> None:
        """Run ``command`` in ``cwd`` (with ``HOME`` at ``home`` when given); an earlier
        session stays, idle, so the server lives on."""
        # tmux hands a client without a terminal COLUMNS=80 LINES=24: drop them, use the pane
        cd = f"cd {shlex.quote(str(cwd))} && unset COLUMNS LINES"
        if home is not None:
            cd += f" && export HOME={shlex.quote(str(home))}"
        shell = f"{cd} && {command}; echo lire exited $?; sleep 60"
        self._started += 1
        self.session = f"t{self._started}"
        width, height = size
        self.tmux(
            "new-session", "-d", "-x", str(width), "-y", str(height), "-s", self.session, shell
        )

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def styled(self) -> str:
        """The screen with its escape sequences (colours, bold, underline)."""
        return self.tmux("capture-pane", "-p", "-e", "-t", self.session)

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


@pytest.fixture(name="terminal")
def terminal_session(tmp_path: Path) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    if not LIRE.exists():
        pytest.skip(f"the lire console script is not installed at {LIRE}")
    term = Terminal(f"lire-test-{os.getpid()}-{tmp_path.name}")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False)
