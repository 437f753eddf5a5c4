"""A small HTTP server for origin tests: it records every request, and can forward to the mock, redirect a path
elsewhere, rewrite a response body, or answer CORS pre-flights (as a credential harvester would).

    with Proxy(upstream=mock.url, redirects={"/login": "http://localhost:9/login"}) as site:
        ... autofiler --site site.url ...
        site.requests  # [(method, path, headers, body), ...]
"""

from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self
from urllib.parse import urlsplit

HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"}


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def raw(self) -> bytes:
        head = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
        return f"{self.method} {self.path}\n{head}\n\n".encode() + self.body


@dataclass
class Proxy:
    upstream: str | None = None
    redirects: dict[str, str] = field(default_factory=dict)   # path -> Location (302)
    rewrites: dict[str, tuple[str, str]] = field(default_factory=dict)  # path -> (old, new) in the body
    canned: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # path -> (status, JSON body), not forwarded
    cors: bool = False
    requests: list[Seen] = field(default_factory=list)

    def __enter__(self) -> Self:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.requests.append(Seen(self.command, self.path, dict(self.headers.items()), body))
                owner.answer(self, body)

            do_GET = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_HEAD = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _send(self, h: BaseHTTPRequestHandler, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        h.send_response(status)
        for k, v in headers:
            h.send_header(k, v)
        if self.cors:
            h.send_header("Access-Control-Allow-Origin", h.headers.get("Origin") or "*")
            h.send_header("Access-Control-Allow-Credentials", "true")
            h.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
            h.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        h.send_header("Content-Length", str(len(body)))
        h.send_header("Connection", "close")
        h.end_headers()
        if h.command != "HEAD":
            h.wfile.write(body)

    def answer(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        path = urlsplit(h.path).path
        if path in self.redirects:
            self._send(h, 302, [("Location", self.redirects[path])], b"")
            return
        if path in self.canned and h.command != "OPTIONS":
            status, data = self.canned[path]
            self._send(h, status, [("Content-Type", "application/json")], data)
            return
        if h.command == "OPTIONS" or self.upstream is None:
            self._send(h, 204 if h.command == "OPTIONS" else 404, [], b"")
            return
        up = urlsplit(self.upstream)
        conn = http.client.HTTPConnection(up.hostname or "127.0.0.1", up.port, timeout=60)
        headers = {k: v for k, v in h.headers.items() if k.lower() not in HOP | {"host", "origin", "accept-encoding"}}
        conn.request(h.command, h.path, body=body or None, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if path in self.rewrites:
            old, new = self.rewrites[path]
            data = data.replace(old.encode(), new.encode())
        out = [(k, v) for k, v in resp.getheaders() if k.lower() not in HOP]
        conn.close()
        self._send(h, resp.status, out, data)
