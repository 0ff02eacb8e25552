#!/usr/bin/env python3
"""`make linkcheck`: check every external URL in front-matter and pages (needs the network).

Bounded concurrency, timeouts, retries with back-off, and a cache (.cache/linkcheck.json) so a
rerun only asks again about links that failed or were checked more than a week ago. Prints
`path:line: url: status` for each dead link and exits 1 if there is any. Not part of `make test`.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL = re.compile(r"https://[^\s)\"'<>\]]+")
USER_AGENT = "LittleStepsLinkCheck/1.0 (checks the sources cited on Little Steps)"
FRESH_SECONDS = 7 * 24 * 3600


def find_urls(docs: Path) -> dict[str, list[tuple[str, int]]]:
    """url -> [(path, line)] for every https URL in Markdown files, front-matter included."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs.parent).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in URL.finditer(line):
                url = match.group(0).rstrip(".,;:")
                found.setdefault(url, []).append((rel, number))
    return found


def check(url: str, timeout: float, retries: int) -> str:
    """'ok', or the HTTP status / error that makes the link dead."""
    last = "unreachable"
    for attempt in range(retries + 1):
        for method in ("HEAD", "GET"):  # some servers refuse HEAD
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    if response.status < 400:
                        return "ok"
                    last = f"HTTP {response.status}"
            except urllib.error.HTTPError as error:
                last = f"HTTP {error.code}"
                if error.code in (404, 410):
                    return last  # gone: retrying will not help
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                last = type(getattr(error, "reason", error)).__name__
        time.sleep(min(4.0, 0.5 * 2 ** attempt))
    return last


def run(docs: Path, cache_file: Path, workers: int, timeout: float, retries: int, now: float | None = None):
    now = now or time.time()
    urls = find_urls(docs)
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    todo = [u for u in urls if not (cache.get(u, {}).get("status") == "ok" and now - cache[u]["at"] < FRESH_SECONDS)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for url, status in zip(todo, pool.map(lambda u: check(u, timeout, retries), todo)):
            cache[url] = {"status": status, "at": now}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    dead = [(path, line, url, cache[url]["status"]) for url, places in urls.items()
            if cache[url]["status"] != "ok" for path, line in places]
    return sorted(dead), len(urls), len(todo)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "linkcheck.json")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--retries", type=int, default=2)
    args = parser.parse_args(argv)
    dead, total, asked = run(args.docs, args.cache, args.workers, args.timeout, args.retries)
    for path, line, url, status in dead:
        print(f"{path}:{line}: {url}: {status}")
    print(f"{total} links, {asked} checked now, {len(dead)} dead", file=sys.stderr)
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
