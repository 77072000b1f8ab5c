"""A web server on 127.0.0.1 for the tests of hostile pages: each path answers what a test sets,
including answers that trickle in a byte at a time or redirect elsewhere."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

TRICKLE_LIMIT_BYTES = 120
"""A trickling answer stops by itself after this many bytes, client or not."""


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    trickle_every_s: float = 0.0
    """Above 0: the whole answer, status line included, is sent one byte at a time."""


def html_answer(page: str) -> Answer:
    return Answer(page.encode("utf-8"), headers={"Content-Type": "text/html; charset=utf-8"})


def redirect_to(location: str) -> Answer:
    return Answer(b"", 302, {"Location": location})


@dataclass
class Site:
    """What each path answers (``routes``), and what the server was asked (``requests``)."""

    address: str
    routes: dict[str, Answer | Callable[[], Answer]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.address + path


class _Handler(http.server.BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:
        self.site.requests.append((self.path, dict(self.headers.items())))
        found = self.site.routes.get(self.path)
        answer = found() if callable(found) else found
        if answer is None:
            answer = Answer(b"not here", 404, {"Content-Type": "text/plain"})
        if answer.trickle_every_s:
            self._trickle(answer)
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def _trickle(self, answer: Answer) -> None:
        raw = (
            f"HTTP/1.1 {answer.status} OK\r\nContent-Type: text/html\r\n\r\n".encode() + answer.body
        )
        for byte in raw[:TRICKLE_LIMIT_BYTES]:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the client gave up: what the tests expect
            time.sleep(answer.trickle_every_s)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def local_site() -> Iterator[Site]:
    """A threaded server on a free port of 127.0.0.1, stopped on leaving."""
    site = Site("")
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    site.address = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
