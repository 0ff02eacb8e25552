"""Teachers and sharing: URL ledger, link previews, share box, feed, printable handouts."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from conftest import ROOT

DOCS = ROOT / "docs"
LEDGER = ROOT / "published-urls.txt"


def ledger_urls() -> list[str]:
    lines = LEDGER.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def content_pages() -> list[tuple[str, dict]]:
    found = []
    for folder in ("strategies", "ages", "resources"):
        for path in sorted((DOCS / folder).glob("*.md")):
            if path.name != "index.md":
                meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
                found.append((f"{folder}/{path.stem}/", meta))
    return found


class Head(HTMLParser):
    """Collects <meta>, <link rel=canonical> and JSON-LD from a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.canonical = None
        self.jsonld: list[dict] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a.get("property")] = a.get("content", "")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld = True

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))
            self._in_jsonld = False


def parse_head(html: str) -> Head:
    head = Head()
    head.feed(html)
    return head


def test_every_ledger_url_resolves(built_site):
    broken = []
    for url in ledger_urls():
        target = built_site / url.strip("/") / "index.html" if not url.endswith(".html") else built_site / url
        if not target.exists():
            broken.append(url)
    assert not broken, f"published URLs that no longer resolve (add a redirect in mkdocs.yml): {broken}"


def test_every_page_is_in_the_ledger(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    site_url = re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)
    pages = {u.replace(site_url, "") or "/" for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    missing = sorted(pages - set(ledger_urls()))
    assert not missing, f"add these new page addresses to published-urls.txt: {missing}"


def test_redirect_pages_count_as_resolving(tmp_path):
    """A moved page keeps its old URL through mkdocs-redirects: its redirect page is what resolves."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    redirects = config.plugins["redirects"]
    redirects.config["redirect_maps"] = {"strategies/old-drop-off-page.md": "strategies/preschool-drop-off-tears.md"}
    build(config)
    html = (tmp_path / "site/strategies/old-drop-off-page/index.html").read_text(encoding="utf-8")
    assert "preschool-drop-off-tears/" in html and "refresh" in html


@pytest.mark.parametrize("url, meta", content_pages(), ids=[u for u, _ in content_pages()])
def test_content_pages_have_link_preview_tags(built_site, url, meta):
    head = parse_head((built_site / url / "index.html").read_text(encoding="utf-8"))
    assert head.meta["description"] == meta["description"].strip()
    assert head.canonical and head.canonical.endswith("/" + url)
    for tag in ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:image",
                "twitter:card", "twitter:title", "twitter:description", "twitter:image"):
        assert head.meta.get(tag), tag
    assert head.meta["og:title"] == meta["title"]
    assert head.meta["og:type"] == "article"
    assert head.meta["og:url"] == head.canonical
    article = next(d for d in head.jsonld if d["@type"] == "Article")
    assert article["dateModified"] == str(meta["reviewed"])
    assert article["headline"] == meta["title"]


@settings(max_examples=300, deadline=None)
@given(title=st.text(), description=st.text(), article=st.booleans(), reviewed=st.one_of(st.none(), st.text()),
       canonical=st.text(), site_name=st.text(min_size=1))
def test_structured_data_is_exactly_json(title, description, article, reviewed, canonical, site_name):
    """JSON-LD is written from parts (share.preview): it must be what json.dumps writes for the same
    fields in the same order, for any text, and never close its <script> element early."""
    from share import preview
    made = preview(title=title, description=description, canonical=canonical, site_name=site_name,
                   site_url="https://littlesteps.example/", reviewed=reviewed, article=article)["jsonld"]
    expected = {"@context": "https://schema.org", "@type": "Article" if article else "WebPage",
                "description": description, "headline" if article else "name": title,
                "image": "https://littlesteps.example/assets/share-card.png"}
    if article and reviewed:
        expected |= {"dateModified": reviewed, "mainEntityOfPage": canonical}
    expected |= {"publisher": {"@type": "Organization", "name": site_name, "url": "https://littlesteps.example/"},
                 "url": canonical}
    assert made == json.dumps(expected, ensure_ascii=False).replace("</", "<\\/")
    assert "</" not in made and list(json.loads(made)) == list(expected)


@pytest.mark.parametrize("url, meta", content_pages()[:3], ids=[u for u, _ in content_pages()[:3]])
def test_share_box_text_is_in_the_html(built_site, url, meta):
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    box = html.split('id="ls-share-blurb"', 1)[1].split("</p>", 1)[0]
    assert meta["title"].replace("'", "&#39;") in box or meta["title"] in box
    assert "/" + url in box


def test_feed_lists_the_newest_pages_first(built_site):
    from email.utils import parsedate_to_datetime
    from share import FEED_ITEMS
    root = ET.fromstring((built_site / "feed.xml").read_bytes())
    items = root.findall("./channel/item")
    pages = content_pages()
    assert len(items) == min(FEED_ITEMS, len(pages))
    links = {i.findtext("link").split("/", 3)[3] for i in items}
    assert links <= {u for u, _ in pages}
    dates = [parsedate_to_datetime(i.findtext("pubDate")) for i in items]
    assert dates == sorted(dates, reverse=True)
    oldest_listed = dates[-1].date()
    newer = {u for u, meta in pages if dt.date.fromisoformat(str(meta["reviewed"])) > oldest_listed}
    assert newer <= links  # nothing newer than the feed's last item is left out


def test_teachers_page_has_blurbs_and_filtered_links(built_site):
    html = (built_site / "teachers/index.html").read_text(encoding="utf-8")
    assert html.count('class="ls-share__blurb"') == 4
    assert "../finder/?age=4&amp;situation=separation-anxiety" in html
    for page in ("preschool-drop-off-tears", "starting-school", "new-baby-sibling", "big-feelings-school-age"):
        assert f"/strategies/{page}/" in html


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_drop_off_page_prints_on_two_pages(page, site_url, paper):
    page.goto(site_url + "strategies/preschool-drop-off-tears/")
    assert _pdf_pages(page.pdf(format=paper)) <= 2


def test_print_view_drops_menus_and_keeps_sources_url_and_qr(page, site_url):
    page.goto(site_url + "strategies/preschool-drop-off-tears/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".ls-share", ".md-search"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("#sources").is_visible()
    assert page.locator(".ls-handout .ls-qr").is_visible()
    assert "strategies/preschool-drop-off-tears/" in page.locator(".ls-handout").inner_text()
    page.emulate_media(media="screen")
    assert page.locator(".ls-handout").is_hidden()


@pytest.mark.parametrize("path", ["strategies/preschool-drop-off-tears/", "resources/separation-books/",
                                  "ages/four-year-olds/"])
def test_handout_qr_code_scans_to_the_page(page, site_url, path):
    """The QR code drawn by qr.js, read back from a screenshot by a real decoder (zxing-cpp)."""
    import io

    import zxingcpp
    from PIL import Image

    page.goto(site_url + path)
    page.emulate_media(media="print")
    code = page.locator(".ls-handout [data-qr]")
    code.wait_for(state="visible")
    image = Image.open(io.BytesIO(code.screenshot(scale="device"))).convert("L")
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None and found.valid
    assert found.text == site_url + path
    assert found.ec_level == "M"


def test_handout_without_javascript_still_prints_the_address(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "strategies/preschool-drop-off-tears/")
    tab.emulate_media(media="print")
    assert tab.locator(".ls-handout [data-qr]").is_hidden()
    assert site_url + "strategies/preschool-drop-off-tears/" in tab.locator(".ls-handout").inner_text()
    context.close()


def test_copy_button_copies_the_blurb(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    tab = context.new_page()
    tab.goto(site_url + "strategies/preschool-drop-off-tears/")
    tab.click(".ls-share__copy")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied == tab.locator("#ls-share-blurb").inner_text().strip()
    assert copied.startswith("Tears at preschool drop-off")
    context.close()
