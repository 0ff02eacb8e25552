"""Every kind of bad page fails a real MkDocs build with one exact line: file, line, field, fix."""
import datetime as dt

import pytest

from bad_pages import CASES

PREFIX = "littlesteps: "


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_page_fails_with_exact_message(name, site_builder):
    pages, expected = CASES[name]
    ok, messages, _ = site_builder(pages)
    assert not ok, f"{name}: the build should fail"
    ours = [m[len(PREFIX):] for m in messages if m.startswith(PREFIX)]
    want = [line.replace("{today}", dt.date.today().isoformat()) for line in expected]
    assert ours == want


def test_corpus_is_large_enough():
    assert len(CASES) >= 25


def test_every_problem_is_reported_at_once(site_builder):
    """Two broken pages: both are reported in one build, not one per run."""
    first, second = CASES["unknown type"][0], CASES["item with unknown kind"][0]
    ok, messages, _ = site_builder({**first, **second})
    assert not ok
    assert sum(m.startswith(PREFIX + "docs/") for m in messages) == 2
    assert any("2 problems in the pages above" in m for m in messages)


def test_valid_pages_build(site_builder):
    from conftest import VALID_LIST, VALID_STRATEGY
    ok, messages, site = site_builder({"strategies/good.md": VALID_STRATEGY, "resources/good.md": VALID_LIST})
    assert ok, messages
    assert (site / "strategies/good/index.html").exists()
