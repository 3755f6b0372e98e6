"""A real HTTP server on 127.0.0.1 for tests: routes answer with scripted replies.

```python
from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")

def test_x(loopback: Loopback) -> None:
    url = loopback.serve("/page", Reply(b"<p>hi</p>"))
    ...
    assert loopback.requests[-1].headers["User-Agent"].startswith("lire/")
```

A reply can be slow before its headers (``delay``), drip its body, or its headers too, a byte
at a time (``drip``, ``drip_head``), omit ``Content-Length`` (the body then ends when the
connection closes), redirect, or carry any status and headers. Every request is recorded with
its headers, and ``sent`` counts the bytes each path wrote before the client hung up. The
``tls_loopback`` fixture serves the same behind TLS with a self-signed certificate. A route key
may also be an absolute URL: pointed at as a proxy, the server answers for any host.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

__all__ = ["Loopback", "Recorded", "Reply", "closed_port", "loopback_server", "tls_loopback_server"]

HTML = "text/html; charset=utf-8"
OPENSSL_SELF_SIGNED = (
    *("openssl", "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"),
    *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
    *("-addext", "subjectAltName=IP:127.0.0.1"),
)


@dataclass(frozen=True)
class Reply:
    """What a route answers."""

    body: bytes = b""
    status: int = 200
    headers: tuple[tuple[str, str], ...] = (("Content-Type", HTML),)
    length: bool = True  # send Content-Length; without it the body ends at connection close
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between two bytes of the body
    drip_head: bool = False  # drip the status line and headers too

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Reply:
        return cls(status=status, headers=(("Location", location),))


@dataclass(frozen=True)
class Recorded:
    """A request the server received."""

    path: str
    headers: Message


@dataclass
class Loopback:
    """The running server: register routes with ``serve``, read ``requests``.

    ``certificate`` is the self-signed certificate of a TLS server (``tls_loopback``), which a
    client trusts with ``ssl.create_default_context(cafile=...)``.
    """

    port: int
    scheme: str = "http"
    certificate: Path | None = None
    routes: dict[str, Reply] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)  # path -> bytes written before hang-up

    def url(self, path: str, scheme: str | None = None) -> str:
        return f"{scheme or self.scheme}://127.0.0.1:{self.port}{path}"

    def serve(self, path: str, reply: Reply) -> str:
        self.routes[path] = reply
        return self.url(path)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        state = self.server.state
        state.requests.append(Recorded(self.path, self.headers))
        reply = state.routes.get(self.path.split("?", 1)[0], Reply(b"no such route", 404))
        with contextlib.suppress(ConnectionError, TimeoutError):
            self._answer(reply)

    def _answer(self, reply: Reply) -> None:
        time.sleep(reply.delay)
        headers = [*reply.headers]
        if reply.length:
            headers.append(("Content-Length", str(len(reply.body))))
        lines = [f"HTTP/1.0 {reply.status} Scripted", *(f"{k}: {v}" for k, v in headers)]
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        self._write(head, reply.drip if reply.drip_head else 0.0)
        self._write(reply.body, reply.drip)

    def _write(self, data: bytes, drip: float) -> None:
        sent = self.server.state.sent
        path = self.path.split("?", 1)[0]
        pieces = [data[i : i + 1] for i in range(len(data))] if drip else [data]
        for piece in pieces:
            self.wfile.write(piece)
            self.wfile.flush()
            sent[path] = sent.get(path, 0) + len(piece)
            time.sleep(drip)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: Loopback

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up early is what several tests do on purpose."""


@pytest.fixture(name="loopback")
def loopback_server() -> Iterator[Loopback]:
    """A ThreadingHTTPServer on 127.0.0.1 (port 0), stopped after the test."""
    with _running(_Server(("127.0.0.1", 0), _Handler)) as state:
        yield state


@pytest.fixture(name="tls_loopback")
def tls_loopback_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loopback]:
    """The same server behind TLS, with a self-signed certificate made by the openssl tool."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    certificate, key = folder / "cert.pem", folder / "key.pem"
    paths = ["-keyout", str(key), "-out", str(certificate)]
    subprocess.run([*OPENSSL_SELF_SIGNED, *paths], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    server = _Server(("127.0.0.1", 0), _Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with _running(server, scheme="https", certificate=certificate) as state:
        yield state


@contextlib.contextmanager
def _running(server: _Server, **options: Any) -> Iterator[Loopback]:
    server.state = Loopback(port=server.server_address[1], **options)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
