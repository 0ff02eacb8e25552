"""The contributor path: `make new` -> `make check` flags placeholders -> a filled page passes;
check's output format and GitHub annotations; the link checker against a local server."""
from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT, VALID_STRATEGY

PYTHON = sys.executable


def make_repo(tmp_path: Path) -> Path:
    """A copy of the project's sources (not its venv or site) to run the scripts in."""
    repo = tmp_path / "repo"
    for name in ("hooks", "schema", "templates", "scripts", "overrides", "docs"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def run_check(repo: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "scripts/check.py"], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, timeout=300)


def test_check_passes_on_the_real_site(tmp_path):
    result = run_check(make_repo(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All pages pass" in result.stdout


def test_scaffold_round_trip(tmp_path):
    repo = make_repo(tmp_path)
    made = subprocess.run([PYTHON, "scripts/new_page.py", "strategy", "Saying goodbye at the school gate"],
                          cwd=repo, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    page = repo / "docs/strategies/saying-goodbye-at-the-school-gate.md"
    text = page.read_text()
    assert f"reviewed: {dt.date.today().isoformat()}" in text
    for section in ("## What's going on", "## Try this", "## What to avoid", "## When to get help",
                    "## What other families found", "## Related"):
        assert section in text

    flagged = run_check(repo)
    assert flagged.returncode == 1
    lines = [l for l in flagged.stdout.splitlines() if l.startswith("docs/strategies/saying-goodbye")]
    assert lines[0] == ("docs/strategies/saying-goodbye-at-the-school-gate.md:3: description: template placeholder "
                        "'[[One or two plain sentences, 50-160 characters: what this page helps with.]]' is still "
                        "here: replace it with your own text")
    assert any(":25: content: template placeholder '[[A concrete step.]]'" in l for l in lines)
    assert all("template placeholder" in l for l in lines)

    # A contributor who follows the messages ends with a passing page.
    page.write_text(VALID_STRATEGY.replace("Tears at preschool drop-off", "Saying goodbye at the school gate"))
    passed = run_check(repo)
    assert passed.returncode == 0, passed.stdout


def test_new_refuses_bad_type_and_existing_page(tmp_path):
    repo = make_repo(tmp_path)
    bad = subprocess.run([PYTHON, "scripts/new_page.py", "essay", "A title"], cwd=repo, capture_output=True, text=True)
    assert bad.returncode != 0 and "TYPE must be one of strategy, age-guide, resource-list" in bad.stderr
    again = subprocess.run([PYTHON, "scripts/new_page.py", "strategy", "Tears at preschool drop off"],
                           cwd=repo, capture_output=True, text=True)
    assert again.returncode == 0
    twice = subprocess.run([PYTHON, "scripts/new_page.py", "strategy", "Tears at preschool drop off"],
                           cwd=repo, capture_output=True, text=True)
    assert twice.returncode != 0 and "already exists" in twice.stderr


@pytest.mark.parametrize("kind", ["age-guide", "resource-list"])
def test_every_template_is_refused_until_filled(tmp_path, kind):
    repo = make_repo(tmp_path)
    subprocess.run([PYTHON, "scripts/new_page.py", kind, "A brand new page"], cwd=repo, check=True,
                   capture_output=True)
    result = run_check(repo)
    assert result.returncode == 1
    assert "template placeholder" in result.stdout


def test_check_prints_github_annotations(tmp_path):
    repo = make_repo(tmp_path)
    page = repo / "docs/strategies/bad.md"
    page.write_text(VALID_STRATEGY.replace("type: strategy", "type: stratgy"))
    result = run_check(repo, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert ("::error file=docs/strategies/bad.md,line=4::type: 'stratgy' is not allowed (allowed: strategy, "
            'age-guide, resource-list; did you mean "strategy"?)') in result.stdout
    assert "docs/strategies/bad.md:4: type:" in result.stdout


def test_check_reports_every_problem_at_once(tmp_path):
    repo = make_repo(tmp_path)
    (repo / "docs/strategies/one.md").write_text(VALID_STRATEGY.replace("ages: 3-5", "ages: 5-3"))
    (repo / "docs/strategies/two.md").write_text(VALID_STRATEGY.replace("Something true.", "See [x](nope.md)."))
    result = run_check(repo)
    assert "docs/strategies/one.md:5: ages:" in result.stdout
    assert "docs/strategies/two.md:21: link: nope.md points to strategies/nope.md" in result.stdout
    assert "2 errors" in result.stdout


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: dict[str, int] = {}

    def _answer(self):
        _Handler.hits[self.path] = _Handler.hits.get(self.path, 0) + 1
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path == "/no-head":
            self.send_response(200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args):
        pass


def test_linkcheck_reports_dead_links_and_caches(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    import linkcheck
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    docs = tmp_path / "docs"
    (docs / "strategies").mkdir(parents=True)
    (docs / "strategies/a.md").write_text(
        "---\nsources:\n  - url: https://local.test/ok\n---\n\n[gone](https://local.test/gone)\n"
        "[no head](https://local.test/no-head) [moved](https://local.test/moved)\n")
    # The pages use https; the test server speaks http on loopback only.
    real_open = linkcheck.urllib.request.urlopen
    monkeypatch.setattr(linkcheck.urllib.request, "urlopen",
                        lambda req, timeout: real_open(linkcheck.urllib.request.Request(
                            req.full_url.replace("https://local.test", base), method=req.get_method(),
                            headers=dict(req.header_items())), timeout=timeout))
    monkeypatch.setattr(linkcheck.time, "sleep", lambda s: None)
    cache = tmp_path / "cache.json"
    dead, total, asked = linkcheck.run(docs, cache, workers=4, timeout=5, retries=1)
    assert dead == [("docs/strategies/a.md", 6, "https://local.test/gone", "HTTP 404")]
    assert (total, asked) == (4, 4)
    assert json.loads(cache.read_text())["https://local.test/ok"]["status"] == "ok"
    # A rerun asks again only about what failed.
    dead, total, asked = linkcheck.run(docs, cache, workers=4, timeout=5, retries=1)
    assert asked == 1 and len(dead) == 1
    server.shutdown()
