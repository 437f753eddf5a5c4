"""Real local receivers for notification tests: an HTTP endpoint and a minimal SMTP server, each in a thread."""

from __future__ import annotations

import base64
import http.server
import json
import socketserver
import ssl
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit


@dataclass
class Received:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: dict


class HttpReceiver:
    """Answers each POST with the next planned (status, json) answer; the last one repeats."""

    def __init__(self, answers: list[tuple[int, dict]] | None = None) -> None:
        self.answers = list(answers or [(200, {"errcode": 0, "errmsg": "ok"})])
        self.received: list[Received] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                parts = urlsplit(self.path)
                owner.received.append(Received(parts.path, parse_qs(parts.query), dict(self.headers), body))
                status, answer = owner.answers.pop(0) if len(owner.answers) > 1 else owner.answers[0]
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Mail:
    sender: str
    recipients: list[str]
    data: str
    auth: tuple[str, str] | None


@dataclass
class SmtpState:
    user: str | None = None
    password: str | None = None
    mails: list[Mail] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    tls: bool = False


class SmtpReceiver:
    """EHLO, HELO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT, and STARTTLS when given a certificate and
    key (PEM files). Logins are checked when `user` and `password` are given."""

    def __init__(self, user: str | None = None, password: str | None = None,
                 tls: tuple[str, str] | None = None) -> None:
        self.state = state = SmtpState(user, password)
        context = None
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, text: str) -> None:
                self.wfile.write(text.encode() + b"\r\n")

            def handle(self) -> None:
                self.reply("220 test-smtp ready")
                sender, rcpts, auth = "", [], None
                while line := self.rfile.readline():
                    cmd = line.decode().rstrip("\r\n")
                    verb = cmd.split(" ", 1)[0].upper()
                    state.commands.append(verb)
                    if verb == "EHLO":
                        offer = "250-STARTTLS\r\n" if context and not state.tls else ""
                        self.reply(f"250-test-smtp\r\n{offer}250-AUTH PLAIN\r\n250 8BITMIME")
                    elif verb == "STARTTLS" and context:
                        self.reply("220 go ahead")
                        try:
                            self.connection = context.wrap_socket(self.connection, server_side=True)
                        except (ssl.SSLError, OSError):
                            return  # the client refused our certificate
                        self.rfile = self.connection.makefile("rb")
                        self.wfile = self.connection.makefile("wb", buffering=0)
                        state.tls = True
                    elif verb == "HELO" or verb in ("RSET", "NOOP"):
                        self.reply("250 ok")
                    elif verb == "AUTH":
                        parts = cmd.split()
                        blob = parts[2] if len(parts) > 2 else None
                        if blob is None:
                            self.reply("334 ")
                            blob = self.rfile.readline().decode().strip()
                        _, user, password = base64.b64decode(blob).decode().split("\0")
                        if (user, password) == (state.user, state.password):
                            auth = (user, password)
                            self.reply("235 2.7.0 authenticated")
                        else:
                            self.reply("535 5.7.8 bad credentials")
                    elif verb == "MAIL":
                        if state.user and auth is None:
                            self.reply("530 5.7.0 authentication required")
                            continue
                        sender = cmd.split(":", 1)[1].strip()
                        self.reply("250 ok")
                    elif verb == "RCPT":
                        rcpts.append(cmd.split(":", 1)[1].strip())
                        self.reply("250 ok")
                    elif verb == "DATA":
                        self.reply("354 end with .")
                        lines = []
                        while (data := self.rfile.readline().decode()) not in (".\r\n", ""):
                            lines.append(data[1:] if data.startswith("..") else data)
                        state.mails.append(Mail(sender, rcpts, "".join(lines), auth))
                        self.reply("250 queued")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("502 not implemented")

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def mails(self) -> list[Mail]:
        return self.state.mails

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
