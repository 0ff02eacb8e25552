"""Accessibility with axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page type, in light and dark
mode; keyboard, zoom and reduced-motion checks; and no request off the site on any page type."""
from __future__ import annotations

import pytest

from browser import Watch

PAGE_TYPES = {
    "home": "",
    "finder": "finder/?age=4&situation=separation-anxiety",
    "situation hub": "situations/separation-anxiety/",
    "situations list": "situations/",
    "strategy": "strategies/preschool-drop-off-tears/",
    "age guide": "ages/four-year-olds/",
    "resource list": "resources/separation-books/",
    "teachers": "teachers/",
    "contribute": "contribute/front-matter/",
    "404": "404.html",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_no_violations(browser, site_url, axe, name, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]})
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    context.close()
    assert violations == []


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_every_page_type_stays_on_the_site(browser, site_url, name):
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page, site_url)
    page.goto(site_url + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")
    assert watch.off_site() == []
    assert watch.errors == []
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    context.close()


def test_skip_link_and_visible_focus(page, site_url):
    """The first Tab reaches "Skip to content"; every stop after it shows a focus ring of 2px or more
    (on the element, or on the label drawn for a visually hidden toggle)."""
    page.goto(site_url + PAGE_TYPES["finder"])
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.textContent.trim()")
    assert first.lower().startswith("skip to content")
    for _ in range(25):
        page.keyboard.press("Tab")
        ring = page.evaluate("""() => {
            const e = document.activeElement;
            const shown = e.matches('.md-option') ? e.nextElementSibling : e;
            const s = getComputedStyle(shown);
            return [e.tagName + '.' + e.className, s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2];
        }""")
        assert ring[1], ring[0]


def test_zoom_to_200_percent_has_no_horizontal_scroll(browser, site_url):
    # 200% zoom of a 1280 px window is a 640 px CSS viewport.
    context = browser.new_context(viewport={"width": 640, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    context.close()


def test_reduced_motion_turns_off_transitions(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url)
    duration = page.evaluate("getComputedStyle(document.querySelector('.ls-tiles a')).transitionDuration")
    assert all(float(d.rstrip("s")) <= 0.001 for d in duration.split(","))
    context.close()
