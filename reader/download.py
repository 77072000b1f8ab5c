"""One HTTP(S) download with a deadline for the whole of it, for ``reader.web``.

A socket timeout bounds each read, not their sum: a server that sends one byte every few
seconds, in its headers or in its body, never lets a read time out. Here each connection's
socket is watched by a timer which, at the deadline, shuts the socket down, so that whatever
read is waiting on it returns at once; the download then fails with a clear sentence.

Only http and https are fetched (no ftp, file or data handlers): a redirect elsewhere fails.
Credentials go in a header that is never carried to where a redirect leads.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from reader.sources import SourceError, SourceProblem


@dataclass(frozen=True, slots=True)
class Downloaded:
    data: bytes
    final_url: str
    """Where the redirects, if any, ended."""
    charset: str | None
    """The character set the server declared, if any."""


class _Deadline:
    """The end of one download. Past it, every socket the download opened is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._ends_at = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._finished = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return max(0.001, self._ends_at - time.monotonic())

    def passed(self) -> bool:
        """True once the deadline is reached, whether or not the timer has acted yet: a
        socket timeout capped at the time left can end a read just before it does."""
        return self.expired or time.monotonic() >= self._ends_at

    def watch(self, connection_socket: socket.socket) -> None:
        """Watch a connection's socket through a duplicate of its descriptor: shutting a
        socket down ends reads on every descriptor of it, whoever holds them, and this one
        stays valid until the download ends, whatever urllib closes meanwhile."""
        duplicate = connection_socket.dup()
        with self._lock:
            if not self._finished:
                self._sockets.append(duplicate)
                if self.expired:
                    self._shut(duplicate)
                return
        duplicate.close()

    def _expire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self.expired = True
            for watched in self._sockets:
                self._shut(watched)

    @staticmethod
    def _shut(watched: socket.socket) -> None:
        with suppress(OSError):
            watched.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        with self._lock:
            self._finished = True
            for watched in self._sockets:
                watched.close()
            self._sockets.clear()


class _Watched(http.client.HTTPConnection):
    """A connection whose socket the download's deadline watches from the moment it is
    connected (for HTTPS, before the TLS handshake, which a server can trickle too)."""

    deadline: _Deadline

    def connect(self) -> None:
        if isinstance(self.timeout, int | float):
            # Connecting, and then each read, waits no longer than the download has left.
            self.timeout = min(self.timeout, self.deadline.remaining())
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPS(http.client.HTTPSConnection, _Watched):
    """``HTTPSConnection.connect`` calls ``_Watched.connect`` for the TCP connection, then
    wraps the socket in TLS."""


def _factory(
    connection_class: type[_Watched], deadline: _Deadline
) -> Callable[..., http.client.HTTPConnection]:
    def connection(host: str, **options: Any) -> http.client.HTTPConnection:
        made = connection_class(host, **options)
        made.deadline = deadline
        return made

    return connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._connection = _factory(_Watched, deadline)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._connection = _factory(_WatchedHTTPS, deadline)
        self._tls = ssl.create_default_context()

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection, req, context=self._tls)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTPHandler(deadline),
        _HTTPSHandler(deadline),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def download(
    address: str,
    shown: str,
    *,
    headers: dict[str, str],
    secret_headers: dict[str, str],
    max_bytes: int,
    timeout_s: float,
    deadline_s: float,
) -> Downloaded:
    """The body at ``address`` (a URI), at most ``max_bytes``, within ``deadline_s`` seconds
    in all. ``secret_headers`` go to ``address`` only, never on to a redirect; messages name
    the address as ``shown``. Every failure is a ``SourceError``."""
    request = urllib.request.Request(address, headers=headers)
    for name, value in secret_headers.items():
        request.add_unredirected_header(name, value)
    with _Deadline(deadline_s) as deadline:
        try:
            with _opener(deadline).open(request, timeout=timeout_s) as response:
                final_url = response.geturl()
                charset = response.headers.get_content_charset()
                data = response.read(max_bytes + 1)
        except urllib.error.HTTPError as error:
            raise SourceError(
                f"{shown} answered {error.code} {error.reason}.",
                SourceProblem.HTTP_ERROR,
                shown,
                f"{error.code} {error.reason}",
            ) from None
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
            if deadline.passed():
                raise _too_slow(shown, deadline_s) from None
            reason = getattr(error, "reason", None) or error
            raise SourceError(
                f"{shown} could not be reached ({reason}). Check the address.",
                SourceProblem.UNREACHABLE,
                shown,
                str(reason),
            ) from None
        if deadline.passed():
            raise _too_slow(shown, deadline_s)
    if len(data) > max_bytes:
        megabytes = max_bytes // 1024 // 1024
        raise SourceError(
            f"{shown} is larger than {megabytes} MB.", SourceProblem.TOO_BIG, shown, str(megabytes)
        )
    return Downloaded(data, final_url, charset)


def _too_slow(shown: str, deadline_s: float) -> SourceError:
    return SourceError(
        f"{shown} did not finish sending the page within {deadline_s:g} s; the server is too "
        "slow or stalled. Try again later.",
        SourceProblem.TOO_SLOW,
        shown,
        f"{deadline_s:g}",
    )
