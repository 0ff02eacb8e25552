"""The finder in a real headless Chromium: URL state, filters, no-JS, instant navigation, privacy."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from browser import Watch

SEPARATION = "separation-anxiety"
MUST_MATCH = {"strategies/preschool-drop-off-tears", "ages/four-year-olds",
              "resources/separation-books#the-kissing-hand", "resources/episodes-and-shows#daniel-goes-to-school"}


def here(page) -> str:
    """The address bar now (page.url can lag behind history.replaceState)."""
    return page.evaluate("location.href")


def choose_situation(page, slug: str) -> None:
    """Tick a situation, opening the folded list first (it starts folded at phone width)."""
    if not page.evaluate("document.querySelector('[data-finder-situations]').open"):
        page.click("[data-finder-situations] summary")
    page.check(f"input[name=situation][value={slug}]")


def visible_ids(page) -> set[str]:
    return set(page.eval_on_selector_all(
        "[data-finder] li[data-id]", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.id)"))


def expected_ids(index: dict, months: tuple[int, int] | None = None, situations=(), kinds=()) -> set[str]:
    found = set()
    for e in index["entries"]:
        a = e["ages"]
        if months and not (a["min_months"] <= months[1] and months[0] <= a["max_months"]):
            continue
        if situations and not set(situations) & set(e["situations"]):
            continue
        if kinds and e["kind"] not in kinds:
            continue
        found.add(e["id"])
    return found


@pytest.fixture(scope="module")
def index(built_site):
    return json.loads((built_site / "api/index.json").read_text())


def test_url_gives_the_right_results(page, site_url, index):
    watch = Watch(page, site_url)
    page.goto(f"{site_url}finder/?age=4&situation={SEPARATION}")
    shown = visible_ids(page)
    assert MUST_MATCH <= shown
    assert shown == expected_ids(index, (48, 59), [SEPARATION])
    assert "ages/babies" not in shown
    status = page.locator("[data-finder-count]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().startswith(f"{len(shown)} of ")
    assert watch.errors == [] and watch.off_site() == []


@pytest.mark.parametrize("age, months", [("4.5", (54, 54)), ("18m", (18, 18)), ("0m", (0, 0)), ("12", (144, 155))])
def test_age_forms(page, site_url, index, age, months):
    page.goto(f"{site_url}finder/?age={age}")
    assert visible_ids(page) == expected_ids(index, months)
    assert page.locator("[data-finder-notes]").is_hidden()


def test_changing_a_filter_changes_the_url_and_results(page, site_url, index):
    page.goto(f"{site_url}finder/")
    page.select_option("#ls-finder-age", "3")
    choose_situation(page, SEPARATION)
    page.check("input[name=kind][value=book]")
    query = parse_qs(urlparse(here(page)).query)
    assert query == {"age": ["3"], "situation": [SEPARATION], "kind": ["book"]}
    assert visible_ids(page) == expected_ids(index, (36, 47), [SEPARATION], ["book"])
    page.click("[data-finder-clear]")
    assert urlparse(here(page)).query == ""
    assert visible_ids(page) == {e["id"] for e in index["entries"]}


def test_several_situations_and_kinds_combine(page, site_url, index):
    page.goto(f"{site_url}finder/?situation=starting-school&situation=starting-childcare&kind=strategy,book")
    assert visible_ids(page) == expected_ids(index, None, ["starting-school", "starting-childcare"], ["strategy", "book"])


def test_keyboard_alone_can_filter(page, site_url):
    page.goto(f"{site_url}finder/")
    page.focus("#ls-finder-age")
    for _ in range(5):
        page.keyboard.press("ArrowDown")
    assert "age=" in here(page)
    page.keyboard.press("Tab")      # the folded situation list
    page.keyboard.press("Enter")    # opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert "situation=" in here(page)
    assert page.locator("[data-finder-chosen]").inner_text() == "Separation and drop-off"


def test_javascript_off_lists_every_entry(browser, site_url, index):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}finder/?age=4&situation={SEPARATION}")
    assert visible_ids(page) == {e["id"] for e in index["entries"]}
    assert page.locator("[data-finder-form]").is_hidden()
    for situation in index["situations"]:
        if any(situation["slug"] in e["situations"] for e in index["entries"]):
            assert page.locator(f"h2#{situation['slug']}").count() == 1
    context.close()


def test_invalid_parameters_are_ignored_with_a_note(page, site_url, index):
    page.goto(f"{site_url}finder/?age=banana&situation=nope&kind=book")
    note = page.locator("[data-finder-notes]")
    assert note.is_visible()
    assert "banana" in note.inner_text() and "nope" in note.inner_text()
    assert visible_ids(page) == expected_ids(index, None, (), ["book"])


def test_hostile_parameters_cannot_inject(page, site_url):
    watch = Watch(page, site_url)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    payload = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    page.goto(f"{site_url}finder/?age={payload}&situation={payload}&kind=%22%3E%3Csvg/onload=alert(3)%3E"
              f"&situation={'x' * 5000}")
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("[data-finder-notes] img, [data-finder-notes] script, [data-finder-notes] svg").count() == 0
    assert len(page.locator("[data-finder-notes]").inner_text()) < 500
    assert page.locator("[data-finder] li[data-id]").count() > 0
    assert watch.errors == [] and watch.off_site() == []


def test_empty_state_suggests_nearest_ages(page, site_url, index):
    # Find a situation and kind with nothing at age 0 but something at another age.
    page.goto(f"{site_url}finder/?age=0&situation=homework")
    empty = page.locator("[data-finder-empty]")
    if visible_ids(page):
        pytest.skip("homework has content for babies")
    assert empty.is_visible()
    assert "Try" in empty.inner_text()
    assert page.locator("[data-finder-empty] button").count() >= 1
    page.locator("[data-finder-empty] button", has_text="any age").click()
    assert "age=" not in here(page)
    assert visible_ids(page) == expected_ids(index, None, ["homework"])


def test_copy_link_copies_the_filtered_url(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site_url}finder/?age=4")
    choose_situation(page, SEPARATION)
    page.click("[data-finder-copy]")
    assert page.evaluate("navigator.clipboard.readText()") == here(page)
    assert "situation=" + SEPARATION in here(page)
    assert page.locator("[data-finder-copy]").inner_text() == "Link copied"
    context.close()


def test_finder_works_after_instant_navigation(page, site_url, index):
    watch = Watch(page, site_url)
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.locator(".ls-agepicker a", has_text=re.compile(r"^4$")).click()
    page.wait_for_url(re.compile(r"/finder/\?age=4$"))
    page.wait_for_selector("[data-finder-form]:not([hidden])")
    assert visible_ids(page) == expected_ids(index, (48, 59))
    choose_situation(page, SEPARATION)
    assert MUST_MATCH <= visible_ids(page)
    assert watch.errors == [] and watch.off_site() == []
    # The navigation really was instant: the window survived, so no full page load happened.
    assert page.evaluate("window.__sameDocument") is True


def test_a_hub_opens_the_finder_on_its_own_situation(page, site_url, index):
    page.goto(site_url + f"situations/{SEPARATION}/")
    page.locator("article a", has_text="Open the finder for this situation").click()
    page.wait_for_url(re.compile(rf"/finder/\?situation={SEPARATION}$"))
    page.wait_for_selector("[data-finder-form]:not([hidden])")
    assert page.locator(f'input[name="situation"][value="{SEPARATION}"]').is_checked()
    assert visible_ids(page) == expected_ids(index, situations=(SEPARATION,))


def test_two_clicks_from_home_to_the_drop_off_page(page, site_url):
    page.goto(site_url)
    page.locator(".ls-tiles a", has_text="Separation and drop-off").click()
    page.wait_for_url(re.compile(r"/situations/separation-anxiety/$"))
    page.locator("article a", has_text="Tears at preschool drop-off").first.click()
    page.wait_for_url(re.compile(r"/strategies/preschool-drop-off-tears/$"))


@pytest.mark.parametrize("path", ["", "finder/", "situations/", f"situations/{SEPARATION}/",
                                  "strategies/preschool-drop-off-tears/", "ages/four-year-olds/",
                                  "resources/separation-books/", "about/", "404.html"])
def test_no_console_errors_and_no_requests_off_site(page, site_url, path):
    watch = Watch(page, site_url)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert watch.errors == []
    assert watch.off_site() == []
    assert page.context.cookies() == []


def test_search_stays_on_the_site(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = Watch(page, site_url)
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.keyboard.type("goodbye")
    # The search worker builds its index in the browser: allow for a slow, busy machine.
    page.wait_for_selector(".md-search-result__item", timeout=60000)
    assert watch.off_site() == []
    assert watch.errors == []
    context.close()


def test_phone_shows_results_first_with_situations_folded(page, site_url):
    page.goto(f"{site_url}finder/?age=4&situation={SEPARATION}")
    assert page.evaluate("document.querySelector('[data-finder-situations]').open") is False
    assert page.locator("[data-finder-chosen]").inner_text() == "Separation and drop-off"
    first_result = page.locator("[data-finder] li[data-id]:visible").first
    assert first_result.bounding_box()["y"] < 1400


def test_phone_width_has_no_horizontal_scroll(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}finder/?age=4")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_finder_script_stays_small():
    import gzip
    from conftest import ROOT
    assert len(gzip.compress((ROOT / "docs/assets/finder.js").read_bytes(), 9)) <= 6 * 1024
