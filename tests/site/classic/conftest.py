"""A small real HTTP server for the classic strategy tests: the test pages, the genuine layui from the mock's
node_modules, and an upload endpoint answering as layui's upload expects."""

from __future__ import annotations

import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.support import ROOT

PAGES = Path(__file__).parent / "pages"
LAYUI = ROOT / "mock_site" / "node_modules" / "layui" / "dist"


class Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        p = path.split("?", 1)[0]
        if p.startswith("/layui/"):
            return str(LAYUI / p[len("/layui/"):])
        return str(PAGES / p.lstrip("/"))

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        m = re.search(rb'filename="([^"]*)"', body)
        name = m.group(1).decode() if m else ""
        data = json.dumps({"code": 0 if name else 1, "msg": "", "data": {"name": name}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def pages_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
