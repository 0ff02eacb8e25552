"""The real site: a strict build, the public index contract, completeness, determinism, rebuilds."""
from __future__ import annotations

import collections
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from jsonschema import Draft202012Validator

from conftest import ROOT, VALID_LIST, VALID_STRATEGY, build_site
from schema import slugify

DOCS = ROOT / "docs"
CONTENT = ("strategies", "ages", "resources")


def _build_real(tmp: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    site = tmp / "site"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    return site


@pytest.fixture(scope="module")
def real_site(built_site) -> Path:
    return built_site


@pytest.fixture(scope="module")
def index(real_site) -> dict:
    return json.loads((real_site / "api/index.json").read_text(encoding="utf-8"))


def _content_files():
    for folder in CONTENT:
        for path in sorted((DOCS / folder).glob("*.md")):
            if path.name != "index.md":
                yield path


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_index_follows_its_published_schema(index):
    schema = json.loads((ROOT / "schema/index.schema.json").read_text())
    errors = sorted(Draft202012Validator(schema).iter_errors(index), key=str)
    assert not errors, [e.message for e in errors[:5]]


def test_every_page_and_item_is_in_the_index_exactly_once(index):
    expected = []
    for path in _content_files():
        page_id = path.relative_to(DOCS).with_suffix("").as_posix()
        expected.append(page_id)
        expected += [f"{page_id}#{slugify(item['title'])}" for item in _front_matter(path).get("items") or []]
    counts = collections.Counter(e["id"] for e in index["entries"])
    assert sorted(counts) == sorted(expected)
    assert set(counts.values()) == {1}


def test_entries_are_sorted_and_items_point_at_real_anchors(index, real_site):
    ids = [e["id"] for e in index["entries"]]
    assert ids == sorted(ids)
    for entry in index["entries"]:
        page_url, _, anchor = entry["url"].partition("#")
        html = (real_site / page_url / "index.html").read_text(encoding="utf-8")
        if anchor:
            assert f'id="{anchor}"' in html, entry["id"]
            assert entry["page"] == page_url
        else:
            assert "page" not in entry


def test_index_matches_front_matter_for_the_drop_off_page(index):
    entry = next(e for e in index["entries"] if e["id"] == "strategies/preschool-drop-off-tears")
    assert entry["kind"] == "strategy"
    assert entry["url"] == "strategies/preschool-drop-off-tears/"
    assert entry["ages"] == {"min_months": 36, "max_months": 71}
    assert "separation-anxiety" in entry["situations"]
    kissing = next(e for e in index["entries"] if e["title"] == "The Kissing Hand")
    assert kissing["kind"] == "book" and kissing["by"].startswith("Audrey Penn") and kissing["year"] == 1993


_JSON_TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # any text YAML can hold


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries({"id": _JSON_TEXT, "title": _JSON_TEXT, "description": _JSON_TEXT,
                                        "ages": st.fixed_dictionaries({"min_months": st.integers(0, 155),
                                                                       "max_months": st.integers(0, 155)}),
                                        "situations": st.lists(_JSON_TEXT, max_size=3)}), max_size=5))
def test_index_text_is_exactly_what_json_dumps_writes(entries):
    """index.to_json uses orjson for speed; the published file must not depend on that choice."""
    from index import to_json
    data = {"version": 1, "entries": entries}
    assert to_json(data) == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[^1]", "[^2]", "[^12]", "[^01]", "[^", "]", "^", "[^x]", "1", " ", "<p>"]) | st.text(max_size=6)),
       st.integers(0, 13))
def test_citation_links_are_what_the_pattern_alone_gives(pieces, source_count):
    """citations_html swaps the usual markers by plain replaces for speed: same HTML as the regex."""
    from render import _CITATION_LINK, citations_html
    from schema import CITATION
    content = "".join(pieces)
    assert citations_html(content, source_count) == CITATION.sub(_CITATION_LINK, content)


def test_hub_and_section_lists_are_youngest_first(real_site, index):
    """The hook sorts a build's entries once and the lists keep that order: check every list."""
    by_url = {e["url"]: e for e in index["entries"]}
    pages = [real_site / "strategies/index.html", real_site / "resources/index.html"]
    pages += sorted((real_site / "situations").glob("*/index.html"))
    checked = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        base = page.parent.relative_to(real_site).as_posix() + "/"
        for block in re.findall(r"<ul>\n(<li><a href=.*?)\n</ul>", html, re.S):
            urls = [posixpath.normpath(base + href).lstrip("./") for href in re.findall(r'<li><a href="([^"]+)"', block)]
            found = [by_url[u if "#" in u else u + "/"] for u in urls]
            keys = [(e["ages"]["min_months"], e["ages"]["max_months"], e["title"].lower()) for e in found]
            assert keys == sorted(keys), page
            checked += len(found) > 1
    assert checked >= 10  # enough lists with two or more entries to mean something


def test_finder_groups_list_by_kind_then_youngest_first(real_site, index):
    from index import ITEM_KINDS, PAGE_KINDS
    kinds = PAGE_KINDS + ITEM_KINDS
    by_id = {e["id"]: e for e in index["entries"]}
    html = (real_site / "finder/index.html").read_text(encoding="utf-8")
    groups = re.findall(r'<ul class="ls-finder__list">(.*?)</ul>', html, re.S)
    assert len(groups) >= 10
    for group in groups:
        found = [by_id[i] for i in re.findall(r'<li data-id="([^"]+)"', group)]
        keys = [(kinds.index(e["kind"]), e["ages"]["min_months"], e["ages"]["max_months"], e["title"].lower())
                for e in found]
        assert keys == sorted(keys)


def test_no_plugin_reads_pages_before_the_hook_completes_them():
    """The hook has no per-page event: it checks pages and adds its HTML at on_env, after MkDocs has
    rendered every page. A plugin with a per-page Markdown or HTML event would see pages without
    what the hook adds, or add to a page after the hook checked it: if one is added, the hook must
    change too."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))  # plugins and hooks register their events as they load
    assert config.plugins.events["env"], "the hook's on_env is registered"
    for event in ("pre_page", "page_read_source", "page_markdown", "page_content"):
        assert config.plugins.events[event] == [], event


def test_two_builds_give_byte_identical_index(tmp_path, real_site):
    again = _build_real(tmp_path)
    assert (again / "api/index.json").read_bytes() == (real_site / "api/index.json").read_bytes()


def test_strategy_pages_render_sources_and_help(real_site):
    for path in _content_files():
        meta = _front_matter(path)
        html = (real_site / path.relative_to(DOCS).with_suffix("") / "index.html").read_text(encoding="utf-8")
        assert 'id="sources"' in html and 'id="source-1"' in html, path.name
        assert 'class="ls-page-facts"' in html and "Facts checked" in html, path.name
        if meta["type"] == "strategy":
            assert 'id="when-to-get-help"' in html, path.name


def test_age_guides_list_what_is_for_their_age(real_site, index):
    html = (real_site / "ages/four-year-olds/index.html").read_text(encoding="utf-8")
    section = html.split('id="strategies-and-resources-for-this-age"', 1)[1]
    assert "preschool-drop-off-tears/" in section
    assert "the-kissing-hand" in section


def test_rebuild_in_the_same_process_has_no_stale_index(tmp_path):
    """`mkdocs serve` reuses the hook module: a second build must forget the first."""
    first = {"strategies/a.md": VALID_STRATEGY, "strategies/b.md": VALID_STRATEGY.replace(
        "title: Tears at preschool drop-off", "title: Another page")}
    ok, messages, site = build_site(tmp_path, first)
    assert ok, messages
    (tmp_path / "docs/strategies/b.md").unlink()
    ok, messages, site = build_site(tmp_path, {"strategies/a.md": VALID_STRATEGY.replace(
        "title: Tears at preschool drop-off", "title: Renamed page")})
    assert ok, messages
    entries = json.loads((site / "api/index.json").read_text())["entries"]
    assert [(e["id"], e["title"]) for e in entries] == [("strategies/a", "Renamed page")]


def test_dirty_rebuild_keeps_every_entry(tmp_path):
    """`--dirty` skips unmodified pages; the index must still hold them."""
    pages = {"strategies/a.md": VALID_STRATEGY, "resources/books.md": VALID_LIST}
    ok, messages, site = build_site(tmp_path, pages)
    assert ok, messages
    full = json.loads((site / "api/index.json").read_text())
    ok, messages, site = build_site(tmp_path, {"strategies/a.md": VALID_STRATEGY.replace(
        "Short summary", "Edited summary")}, dirty=True, strict=False)  # MkDocs always warns on --dirty
    assert ok, messages
    assert json.loads((site / "api/index.json").read_text()) == full


def test_generated_pages_exist_for_every_situation(real_site, index):
    for situation in index["situations"]:
        assert (real_site / "situations" / situation["slug"] / "index.html").exists()
    for page in ("finder", "situations", "strategies", "ages", "resources"):
        assert (real_site / page / "index.html").exists()


def test_a_page_does_not_embed_the_whole_site(real_site):
    """The nav lists sections, not pages: a content page's links stay few as the site grows."""
    html = (real_site / "strategies/preschool-drop-off-tears/index.html").read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert len(re.findall(r"<a ", nav)) < 20


def test_hand_written_page_at_a_generated_path_is_refused(tmp_path):
    ok, messages, _ = build_site(tmp_path, {"finder.md": "# Mine\n"})
    assert not ok
    assert any("docs/finder.md: this page is generated by the build" in m for m in messages)


def test_broken_taxonomy_fails_cleanly(tmp_path, monkeypatch):
    import schema
    bad = tmp_path / "taxonomy.yml"
    bad.write_text("situations: nope\n")
    with pytest.raises(schema.ModelError, match="situations: add a list"):
        schema.load_model(taxonomy_path=bad)


def test_api_page_documents_every_index_field(real_site):
    schema = json.loads((ROOT / "schema/index.schema.json").read_text())
    fields = set(schema["properties"]) | set(schema["properties"]["entries"]["items"]["properties"])
    page = (DOCS / "about/api.md").read_text(encoding="utf-8")
    assert [f for f in sorted(fields) if f"| `{f}` |" not in page] == []
    assert (real_site / "api/index.schema.json").read_bytes() == (ROOT / "schema/index.schema.json").read_bytes()


def test_every_situation_has_a_strategy_for_every_year_it_covers(index):
    """The finder's promise: for any age 0-12 and any situation that applies then, an answer."""
    gaps = []
    for situation in index["situations"]:
        span = situation["ages"]
        for year in range(span["min_months"] // 12, span["max_months"] // 12 + 1):
            low, high = year * 12, year * 12 + 11
            if not any(e["kind"] == "strategy" and situation["slug"] in e["situations"]
                       and e["ages"]["min_months"] <= high and low <= e["ages"]["max_months"]
                       for e in index["entries"]):
                gaps.append(f"{situation['slug']} at {year}")
    assert gaps == []


def test_content_meets_the_size_promises(index):
    kinds = collections.Counter(e["kind"] for e in index["entries"])
    assert kinds["strategy"] >= 30
    assert sum(kinds[k] for k in ("book", "episode", "show", "song", "video", "app")) >= 80
    assert kinds["resource-list"] >= 6
    assert kinds["age-guide"] == 9
    covered = {s for e in index["entries"] if e["kind"] == "strategy" for s in e["situations"]}
    assert covered == {s["slug"] for s in index["situations"]}


def test_strategy_prose_reads_at_grade_8_or_lower():
    from readability import TARGET_GRADE, median_grade
    bodies = [p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in sorted((DOCS / "strategies").glob("*.md"))]
    assert median_grade(bodies) <= TARGET_GRADE


SECTIONS = ["## What's going on", "## Try this", "## What to avoid", "## When to get help",
            "## What other families found", "## Related"]


def test_separation_cluster_is_complete():
    for slug in ("preschool-drop-off-tears", "separation-anxiety-babies-toddlers", "clinging-with-other-carers",
                 "starting-childcare", "starting-school", "separation-anxiety-disorder"):
        text = (DOCS / "strategies" / f"{slug}.md").read_text(encoding="utf-8")
        positions = [text.find(section) for section in SECTIONS]
        assert -1 not in positions and positions == sorted(positions), slug
    drop_off = (DOCS / "strategies/preschool-drop-off-tears.md").read_text(encoding="utf-8")
    assert "separation-books.md#the-kissing-hand" in drop_off
    assert "episodes-and-shows.md#daniel-goes-to-school" in drop_off


def test_age_guides_are_full_length():
    for path in sorted((DOCS / "ages").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        assert len(body.split()) >= 600, path.name


@pytest.mark.parametrize("page, kinds, least", [
    ("separation-books", ("book",), 12), ("feelings-books", ("book",), 8),
    ("episodes-and-shows", ("episode", "show"), 10), ("songs-and-rituals", ("song", "video"), 1)])
def test_resource_lists_have_enough_items(page, kinds, least):
    items = _front_matter(DOCS / "resources" / f"{page}.md")["items"]
    assert sum(1 for item in items if item["kind"] in kinds) >= least


class _LinksAndIds(__import__("html.parser").parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_every_link_between_pages_of_the_built_site_arrives(real_site):
    """Lists the hook writes as HTML (hubs, section pages, the finder, facts lines, items) are not
    seen by MkDocs' link checks, so follow every relative link and #anchor in the built site."""
    import posixpath
    from urllib.parse import unquote, urlsplit
    pages = {}
    for path in real_site.rglob("*.html"):
        parser = _LinksAndIds()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(real_site).as_posix()] = parser
    broken = []
    checked = 0
    for name, parser in pages.items():
        for href in parser.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            base = "" if parts.path.startswith("/") else posixpath.dirname(name)  # the 404 page links from the root
            target = name if not parts.path else posixpath.normpath(
                posixpath.join(base, unquote(parts.path).lstrip("/")) or ".")
            if parts.path.endswith("/") or (parts.path and (real_site / target).is_dir()):
                target = posixpath.join(target, "index.html")
            if target not in pages and not (real_site / target).is_file():
                broken.append(f"{name}: {href} (no {target})")
            elif parts.fragment and target in pages and unquote(parts.fragment) not in pages[target].ids:
                broken.append(f"{name}: {href} (no #{parts.fragment} in {target})")
            checked += 1
    assert checked > 5000
    assert broken == [], "\n".join(broken)


def test_facts_lines_and_generated_lists_are_printed_but_not_searched(real_site, index):
    """overrides/partials/content.html prints them around page.content, where search does not look:
    a facts line right under the title, a hub's lists after its introduction."""
    page = (real_site / "strategies/preschool-drop-off-tears/index.html").read_text(encoding="utf-8")
    title_end = page.index("</h1>")
    assert page.index('class="ls-page-facts"') > title_end
    assert page.index('class="ls-page-facts"') < page.index("<p>", page.index("</p>", title_end))
    hub = (real_site / "situations/separation-anxiety/index.html").read_text(encoding="utf-8")
    listed = [e for e in index["entries"] if "separation-anxiety" in e["situations"]]
    assert listed and all(f'>{e["title"]}</a>' in hub.replace("&#x27;", "'") for e in listed[:20])
    assert hub.index("Open the finder for this situation") < hub.index(f'>{listed[0]["title"]}</a>')
    docs = json.loads((real_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs and not [d["location"] for d in docs if "Facts checked" in d["text"]]
    hub_text = " ".join(d["text"] for d in docs if d["location"].startswith("situations/separation-anxiety/"))
    assert "Open the finder" in hub_text and not any(e["title"] in hub_text for e in listed)


def test_content_partial_is_materials_plus_our_two_parts():
    """If Material changes its content partial, ours must follow: ours is Material's, plus the
    facts line and the lists (the lines that mention `ls`), plus a comment."""
    import material
    theirs = (Path(material.__file__).parent / "templates/partials/content.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides/partials/content.html").read_text(encoding="utf-8")
    def lines(text: str) -> list[str]:
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        kept = [line.strip() for line in text.splitlines() if line.strip()]
        return [line for line in kept if " ls" not in line and "{%- endif %}" != line]
    assert lines(ours) == lines(theirs)
