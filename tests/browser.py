"""Browser test support: the real site built once, served on 127.0.0.1, and Debian's Chromium.

Where no Chromium is installed the browser tests are skipped with how to install it; with CI=true
they fail instead, so CI can never pass without running them.
"""
from __future__ import annotations

import functools
import gzip
import io
import http.server
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    path = chromium_path()
    if path:
        return path
    message = "Chromium not found: install it with `sudo apt-get install chromium` to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site like a static host does: text compressed with gzip when asked."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(self.COMPRESS) or not os.path.isfile(path):
            return super().send_head()
        if os.path.isdir(self.translate_path(self.path)) and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # let the base class redirect to the trailing slash
        with open(path, "rb") as handle:
            body = gzip.compress(handle.read(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away mid-answer: nothing to report


def serve(directory: Path, port: int = 0):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class Watch:
    """Collects console errors, page errors and every request a page makes."""

    def __init__(self, page, base: str):
        self.base_host = urlparse(base).netloc
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def off_site(self) -> list[str]:
        return [u for u in self.requests
                if not u.startswith(("data:", "blob:", "about:")) and urlparse(u).netloc != self.base_host]
