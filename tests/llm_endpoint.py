"""A real OpenAI-compatible streaming endpoint on 127.0.0.1 for tests (fixture ``llm_endpoint``).

```python
from llm_endpoint import Script, events_for, llm_endpoint_server  # noqa: F401  (the fixture)

def test_x(llm_endpoint: tuple[str, Script]) -> None:
    base_url, script = llm_endpoint
    script.events = events_for(["- a point"])
```
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

__all__ = ["Script", "chunk", "events_for", "llm_endpoint_server"]


@dataclass
class Script:
    """What the fake endpoint answers, and what it saw."""

    status: int = 200
    events: list[str] = field(default_factory=list)  # raw SSE "data:" payloads
    body: bytes = b""  # the body of a non-200 answer
    before_each: Callable[[int], None] = lambda index: None  # runs before event ``index``
    delay: float = 0.0  # seconds before answering at all
    keep_alive: threading.Event | None = None  # after the events, ping until this is set
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)


def chunk(content: str | None) -> str:
    return json.dumps({"choices": [{"index": 0, "delta": {"content": content}}]})


def events_for(parts: list[str]) -> list[str]:
    role = json.dumps({"choices": [{"index": 0, "delta": {"role": "assistant"}}]})
    return [role, *(chunk(part) for part in parts), "[DONE]"]


@pytest.fixture(name="llm_endpoint")
def llm_endpoint_server() -> Iterator[tuple[str, Script]]:
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer()  # the client may give up first (the timeout test)

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            script.requests.append(json.loads(self.rfile.read(length)))
            script.headers.append({k.lower(): v for k, v in self.headers.items()})
            script.paths.append(self.path)
            time.sleep(script.delay)
            self.send_response(script.status)
            if script.status != 200:
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(script.body)
                return
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            self.wfile.write(b": keep-alive comment\n\n")
            for index, data in enumerate(script.events):
                script.before_each(index)
                self.wfile.write(f"data: {data}\n\n".encode())
                self.wfile.flush()
            if script.keep_alive is not None:
                ends = time.monotonic() + 10  # bounded, whatever the client does
                while not script.keep_alive.wait(0.02) and time.monotonic() < ends:
                    self.wfile.write(b": ping\n\n")
                    self.wfile.flush()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", script
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
