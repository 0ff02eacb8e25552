"""Shared fixtures: the hook modules on sys.path, and fixture sites built through MkDocs' own API."""
from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

VALID_STRATEGY = """\
---
title: Tears at preschool drop-off
description: Why a happy preschooler can start crying at drop-off, and a goodbye routine that helps.
type: strategy
ages: 3-5
situations: [separation-anxiety, starting-childcare]
reviewed: 2026-11-01
sources:
  - title: Separation anxiety
    publisher: NHS
    url: https://www.nhs.uk/example
  - title: Separation anxiety in children
    publisher: American Academy of Pediatrics
    url: https://www.healthychildren.org/example
---

Short summary of the page.[^1]

## What's going on

Something true.[^2]

## When to get help

Talk to your child's doctor.
"""

VALID_LIST = """\
---
title: Books for separation
description: Picture books that help children with goodbyes, starting childcare and missing a grown-up.
type: resource-list
ages: 2-6
situations: [separation-anxiety]
reviewed: 2026-11-01
sources:
  - title: The Kissing Hand
    publisher: Example Library
    url: https://example.org/kissing-hand
items:
  - title: The Kissing Hand
    kind: book
    by: Audrey Penn
    year: 1993
    ages: 3-6
    situations: [separation-anxiety, starting-childcare]
    why: A raccoon's mother kisses his palm so he can carry her love to school.
---

How to use these books.
"""


def _copy_base(docs: Path) -> None:
    """The pages mkdocs.yml's nav names, so a fixture site builds like the real one (the teachers'
    page is a stand-in: the real one quotes content pages a fixture site does not have)."""
    for rel in ("index.md", "about", "assets", "contribute"):
        source = ROOT / "docs" / rel
        if source.is_dir():
            shutil.copytree(source, docs / rel)
        else:
            shutil.copy(source, docs / rel)
    (docs / "teachers.md").write_text("# For teachers\n", encoding="utf-8")


def build_site(tmp_path: Path, pages: dict[str, str], *, dirty: bool = False, site: Path | None = None,
               strict: bool = True):
    """Build a site of the base pages plus `pages` (path -> text) with the real mkdocs.yml.

    Returns (ok, error lines from the build's logs, site_dir).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    docs = tmp_path / "docs"
    if not docs.exists():
        docs.mkdir(parents=True)
        _copy_base(docs)
    for rel, text in pages.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    site_dir = site or tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site_dir), strict=strict)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        build(config, dirty=dirty)
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
    return ok, [r.getMessage() for r in records], site_dir


@pytest.fixture
def site_builder(tmp_path):
    def run(pages, **kwargs):
        return build_site(tmp_path, pages, **kwargs)
    return run


@pytest.fixture(scope="session")
def site_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built once per test session with --strict.

    Its site_url is the local test server's, because Material's instant navigation only takes
    over links that match the sitemap's host.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    site = tmp_path_factory.mktemp("built") / "site"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True,
                      site_url=f"http://127.0.0.1:{site_port}/"))
    return site


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    from browser import serve
    server, url = serve(built_site, site_port)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM_ARGS, require_chromium
    executable = require_chromium()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    yield tab
    context.close()
