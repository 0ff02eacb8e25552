"""Index -> HTML for the pages the hook writes or completes (and the Markdown of one page).

Everything the hook adds to a page is HTML, added after MkDocs has rendered the page's Markdown:
the parts of every content page, and, under the titles of the generated pages, their text and the
lists that grow with the site (the finder, hubs, section lists, per-age lists). Markdown over
thousands of entries would cost more than the rest of the build. Links are built from the URLs of
pages that exist, so they cannot point nowhere (and tests/test_site.py follows every one of them).
The front-matter reference is Markdown, rendered by MkDocs: it comes from the schema alone.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html import escape

from ages import format_ages, parse_ages
from index import ITEM_KINDS, KIND_LABELS, KIND_PLURALS, PAGE_KINDS, by_situation, matching
from markdown.extensions.toc import slugify as _toc_slugify

from schema import CITATION, slugify

SOURCE_ANCHOR = "source-{}"


@lru_cache(maxsize=64)  # made once a build for each number of sources, not once a page
def source_ids(count: int) -> tuple[str, ...]:
    """The anchors of a page's `count` sources: source-1, source-2..."""
    return tuple(SOURCE_ANCHOR.format(n) for n in range(1, count + 1))


# --- parts of content pages ------------------------------------------------------------------
# Written as HTML and added after Markdown has run: a few string joins a page instead of another
# pass of Markdown over text that holds no Markdown (fields are plain text, checked by the schema).
# Functions that add headings return them too, as (level, id, title), for the page's contents.

Heading = tuple[int, str, str]


_CITATION_LINK = '<sup><a href="#' + SOURCE_ANCHOR.format(r"\1") + r'">[\1]</a></sup>'  # a template: no callback


def citations_html(content: str, source_count: int) -> str:
    """[^2] in the rendered body -> a link to the second source.

    The usual markers, [^1] to [^`source_count`], are swapped by plain replaces (the regex calls
    Python code for every marker it finds); the pattern then handles any other form, like [^01].
    """
    for marker, link in _citation_links(source_count):
        content = content.replace(marker, link)
    return CITATION.sub(_CITATION_LINK, content) if "[^" in content else content


@lru_cache(maxsize=64)
def _citation_links(count: int) -> tuple[tuple[str, str], ...]:
    return tuple((f"[^{n}]", CITATION.sub(_CITATION_LINK, f"[^{n}]")) for n in range(1, count + 1))


def page_facts_html(meta: dict, page_url: str, situation_titles: dict[str, str]) -> str:
    """The line under a page's title: who it is for, when its facts were checked, its situations."""
    hubs = _hub_links_html(meta["situations"], page_url, situation_titles)
    return (f'<p class="ls-page-facts"><strong>Ages {format_ages(*parse_ages(meta["ages"]))}</strong> · '
            f"Facts checked {day_label(meta['reviewed'])} · {hubs}</p>\n")


@lru_cache(maxsize=1024)
def day_label(day: str) -> str:
    """"2026-11-29" -> "29 November 2026" (the schema has checked the format)."""
    when = dt.date.fromisoformat(day)
    return f"{when.day} {when.strftime('%B %Y')}"


def sources_html(sources: list[dict], heading_id: str = "sources") -> tuple[str, list[Heading]]:
    if not sources:
        return "", []
    rows = [f'<li><p id="{anchor}"><a href="{escape(source["url"])}">{_text(source["title"])}'
            f'</a>, {_publisher(source["publisher"])}</p></li>' for anchor, source in zip(source_ids(len(sources)), sources)]
    return (f'<h2 id="{heading_id}">Sources</h2>\n<ol>\n' + "\n".join(rows) + "\n</ol>\n",
            [(2, heading_id, "Sources")])


def items_html(items: list[dict], page_url: str, situation_titles: dict[str, str],
               taken: set[str]) -> tuple[str, list[Heading]]:
    """A resource list's items, grouped by kind, each under a heading whose id is its anchor.

    `taken`: ids already on the page; headings get the next free id, as Markdown's would.
    """
    parts: list[str] = []
    headings: list[Heading] = []
    for kind in ITEM_KINDS:
        group = [item for item in items if item["kind"] == kind]
        if not group:
            continue
        kind_id = unique_id(heading_slug(KIND_PLURALS[kind]), taken)
        parts.append(f'<h2 id="{kind_id}">{KIND_PLURALS[kind]}</h2>')
        headings.append((2, kind_id, KIND_PLURALS[kind]))
        for item in group:
            item_id = slugify(item["title"])  # exactly: the index links here (the schema keeps them unique)
            taken.add(item_id)
            title = _text(item["title"])
            parts += [f'<h3 id="{item_id}">{title}</h3>', f'<p class="ls-item-meta">{_text(_item_facts(item))}</p>',
                      f'<p>{_text(" ".join(str(item["why"]).split()))}</p>',
                      f'<p>Helps with: {_hub_links_html(item["situations"], page_url, situation_titles)}</p>']
            if item.get("url"):
                parts.append(f'<p><a href="{escape(item["url"])}">More about {title}</a></p>')
            headings.append((3, item_id, title))
    return "\n".join(parts) + "\n", headings


@lru_cache(maxsize=1024)  # a few dozen headings (kinds, situations) on thousands of pages
def heading_slug(title: str) -> str:
    """The id Markdown's toc extension gives a heading, so generated headings keep published anchors."""
    return _toc_slugify(title, "-")


def unique_id(wanted: str, taken: set[str]) -> str:
    """`wanted`, or wanted_1, wanted_2... as Markdown does for repeated headings; marks it taken."""
    found, number = wanted, 0
    while found in taken:
        number += 1
        found = f"{wanted}_{number}"
    taken.add(found)
    return found


def _item_facts(item: dict) -> str:
    facts = [f"{KIND_LABELS[item['kind']]} by {item['by']}", str(item["year"])]
    if item.get("series"):
        episode = item["series"]
        if item.get("season") and item.get("episode"):
            episode += f", season {item['season']}, episode {item['episode']}"
        elif item.get("season"):
            episode += f", season {item['season']}"
        facts.append(episode)
    facts.append("ages " + format_ages(*parse_ages(item["ages"])))
    if item.get("isbn"):
        facts.append(f"ISBN {item['isbn']}")
    return " · ".join(facts)


# --- generated pages ---------------------------------------------------------------------------
# MkDocs renders a generated page's title; everything under it is HTML from here, added at on_env
# like the parts of content pages. Links come from URLs of pages that exist (tests/test_site.py
# follows every one), and each part is what Markdown made of the same text before.

def hub_head_html(situation: dict, has_entries: bool, page_url: str) -> str:
    """/situations/<slug>/, under the title: what it is, for which ages, and the finder; the lists follow it."""
    finder = _rel_url(page_url, "finder/")
    html = (f"<p>{_text(situation['description'])} For ages {format_ages(**situation['ages'])}.</p>\n"
            f'<p><a href="{escape(finder)}?situation={escape(situation["slug"])}">Open the finder for this situation</a> '
            "to narrow it down by age.</p>\n")
    if not has_entries:
        html += (f'<p>Nothing is written for this situation yet. <a href="{escape(_rel_url(page_url, "about/#contribute"))}">'
                 "Suggest a page or a book</a> and we will add it.</p>\n")
    return html


def finder_head_html() -> str:
    return ("<p>Choose your child's age and what is happening. The list updates as you choose, and the address "
            "bar keeps your choices, so you can share the link.</p>\n"
            "<noscript><p>Your browser is not running JavaScript, so the filters are off: every page is listed "
            "below, grouped by situation.</p></noscript>\n")


def hub_lists_html(found: list[dict], page_url: str, taken: set[str],
                   memo: dict | None = None) -> tuple[str, list[Heading]]:
    """A hub's entries (`found`, in_list_order): strategies, age guides, resource lists, then items
    grouped by kind.

    `memo`: one dict shared by a build's lists, so an entry listed on several pages is drawn once.
    """
    by_kind: dict[str, list[dict]] = {}
    for entry in found:
        by_kind.setdefault(entry["kind"], []).append(entry)
    return _grouped_lists_html([(KIND_PLURALS[kind], by_kind.get(kind, [])) for kind in PAGE_KINDS + ITEM_KINDS],
                               page_url, taken, memo)


def situations_index_html(situations: tuple[dict, ...], by_situation: dict[str, list[dict]], page_url: str) -> str:
    """/situations/: each situation with its ages and counts. `by_situation`: slug -> its entries."""
    rows = []
    for situation in situations:
        found = by_situation.get(situation["slug"], [])
        strategies = sum(1 for e in found if e["kind"] == "strategy")
        resources = sum(1 for e in found if e["kind"] in ITEM_KINDS)
        hub = _rel_url(page_url, f"situations/{situation['slug']}/")
        rows.append(f'<tr>\n<td><a href="{escape(hub)}">{_text(situation["title"])}</a><br>'
                    f"{_text(situation['description'])}</td>\n<td>{format_ages(**situation['ages'])}</td>\n"
                    f"<td>{strategies}</td>\n<td>{resources}</td>\n</tr>")
    return ("<p>Pick what is happening. Each page gathers the strategies, age guides, books and episodes for it.</p>\n"
            "<table>\n<thead>\n<tr>\n<th>Situation</th>\n<th>Ages</th>\n<th>Strategies</th>\n"
            "<th>Books, episodes and more</th>\n</tr>\n</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n")


def section_head_html(intro: str, has_pages: bool) -> str:
    """strategies/ and resources/, under the title; the lists (every page of one kind, by situation) follow it."""
    return f"<p>{_text(intro)}</p>\n" + ("" if has_pages else "<p>No pages yet.</p>\n")


def section_lists_html(by_situation: dict[str, list[dict]], situations: tuple[dict, ...], page_url: str,
                       taken: set[str], memo: dict | None = None) -> tuple[str, list[Heading]]:
    """strategies/ or resources/: `by_situation` maps a situation's slug to its pages of that kind,
    in_list_order."""
    return _grouped_lists_html([(s["title"], by_situation.get(s["slug"], [])) for s in situations], page_url, taken,
                               memo)


def ages_index_html(bands: tuple[dict, ...], entries: list[dict], page_url: str) -> str:
    """/ages/: each age band with its guide, or "coming soon"."""
    guides = {(e["ages"]["min_months"], e["ages"]["max_months"]): e for e in entries if e["kind"] == "age-guide"}
    rows = []
    for band in bands:
        guide = guides.get((band["min_months"], band["max_months"]))
        if guide:
            rows.append(f'<li><a href="{escape(_rel_url(page_url, guide["url"]))}">{_text(band["title"])}</a>: '
                        f'{_text(guide["description"])}</li>')
        else:
            rows.append(f"<li>{_text(band['title'])}: coming soon.</li>")
    return ("<p>What is typical at each age, from birth to 12, and when to ask for help.</p>\n<ul>\n"
            + "\n".join(rows) + "\n</ul>\n")


def _grouped_lists_html(groups: list[tuple[str, list[dict]]], page_url: str, taken: set[str],
                        memo: dict | None = None) -> tuple[str, list[Heading]]:
    """One heading and list per non-empty group; each group's entries are drawn as given."""
    parts: list[str] = []
    headings: list[Heading] = []
    memo = {} if memo is None else memo
    root = _to_root(page_url)
    for heading, group in groups:
        if not group:
            continue
        heading_id = unique_id(heading_slug(heading), taken)
        parts.append(f'<h2 id="{heading_id}">{_text(heading)}</h2>\n<ul>')
        parts += [_entry_html(e, root, memo) for e in group]
        parts.append("</ul>")
        headings.append((2, heading_id, _text(heading)))
    return "\n".join(parts) + "\n", headings


def _entry_html(entry: dict, root: str, memo: dict) -> str:
    """One entry of a hub or section list. Its link goes up to the site's `root` and down to the
    entry, so all but that prefix is the same on every page, and drawn once a build (`memo`)."""
    rest = memo.get(entry["id"])
    if rest is None:
        by = f" by {_text(entry['by'])}" if entry.get("by") else ""
        ages = format_ages(entry["ages"]["min_months"], entry["ages"]["max_months"])
        rest = memo[entry["id"]] = (f'{escape(entry["url"])}">{_text(entry["title"])}</a>{by} · ages {ages}<br>\n'
                                    f'{_text(entry["description"])}</li>')
    return '<li><a href="' + root + rest


def reference_markdown(schema: dict, situations: tuple[dict, ...], bands: tuple[dict, ...]) -> str:
    """The contributors' front-matter reference, written from the schema and taxonomy themselves."""
    defs = schema["$defs"]

    def describe(prop: dict) -> str:
        if "$ref" in prop:
            prop = defs[prop["$ref"].rsplit("/", 1)[-1]]
        parts = [prop.get("description", "")]
        if "enum" in prop:
            parts.append("One of: " + ", ".join(f"`{v}`" for v in prop["enum"]) + ".")
        if "minLength" in prop:
            parts.append(f"{prop['minLength']}-{prop.get('maxLength', '')} characters.")
        if "examples" in prop:
            parts.append("For example: " + ", ".join(f"`{v}`" for v in prop["examples"]) + ".")
        return " ".join(p for p in parts if p)

    def table(properties: dict, required: list[str]) -> list[str]:
        rows = ["| Field | Required | What to write |", "|---|---|---|"]
        for name, prop in properties.items():
            rows.append(f"| `{name}` | {'yes' if name in required else 'no'} | {_cell(describe(prop))} |")
        return rows

    lines = ["# Front-matter reference", "",
             "Generated from `schema/frontmatter.schema.json` and `schema/taxonomy.yml` at every build, "
             "so it always matches what the checks accept.", "", "## Page fields", ""]
    lines += table(schema["properties"], schema["required"])
    lines += ["", "Strategy pages and age guides need at least 2 `sources`; resource lists need `items` "
              "and at least 1 source. Unknown fields are refused, with a suggestion.", "",
              "## Each source", ""]
    lines += table(defs["source"]["properties"], defs["source"]["required"])
    lines += ["", "## Each item on a resource list", ""]
    lines += table(defs["item"]["properties"], defs["item"]["required"])
    lines += ["", "## Ages", "", describe(defs["ages"]), "", "## Situations", "",
              "| Slug | Situation | Description |", "|---|---|---|"]
    lines += [f"| `{s['slug']}` | {_cell(s['title'])} | {_cell(s['description'])} |" for s in situations]
    lines += ["", "A situation's ages in `schema/taxonomy.yml` are the ages Little Steps covers it for; the tests "
              "check that each of those years has at least one strategy page."]
    lines += ["", "## Age bands (one age guide each)", "", "| `ages` | Band |", "|---|---|"]
    lines += [f"| `{b['ages']}` | {_cell(b['title'])} |" for b in bands]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


# --- HTML parts --------------------------------------------------------------------------------

def for_age_html(band: dict, entries: list[dict], page_url: str, this_id: str) -> str:
    """The "Strategies and resources for this age" list on an age guide."""
    found = [e for e in matching(entries, ages=(band["min_months"], band["max_months"]))
             if e["kind"] != "age-guide" and e["id"] != this_id]
    if not found:
        return "<p>Nothing is written for this age yet.</p>"
    parts = []
    for kind in PAGE_KINDS + ITEM_KINDS:
        group = in_list_order([e for e in found if e["kind"] == kind])
        if group:
            parts.append(f"<h3>{KIND_PLURALS[kind]}</h3>\n<ul>")
            parts += [f'<li><a href="{escape(_rel_url(page_url, e["url"]))}">{escape(e["title"])}</a> '
                      f'<span class="ls-ages">ages {format_ages(e["ages"]["min_months"], e["ages"]["max_months"])}</span></li>' for e in group]
            parts.append("</ul>")
    return "\n".join(parts)


def finder_html(index: dict, page_url: str = "finder/", by_slug: dict[str, list[dict]] | None = None) -> str:
    """Every entry as plain HTML, grouped by situation; the finder script filters it in place.

    `by_slug`: the index's entries by situation, in_list_order (the hook has them already). In each
    group they are listed by kind, then in that order."""
    titles = {s["slug"]: escape(s["title"]) for s in index["situations"]}
    present = {e["kind"] for e in index["entries"]}
    kinds = [k for k in PAGE_KINDS + ITEM_KINDS if k in present]
    out = [_finder_form(index["situations"], kinds),
           '<p class="ls-finder__status" role="status" aria-live="polite" data-finder-count>'
           f'{len(index["entries"])} pages, books and episodes.</p>',
           '<div class="ls-finder__notes" data-finder-notes hidden></div>',
           '<div class="ls-finder__empty" data-finder-empty hidden></div>',
           '<nav class="ls-finder__toc" aria-label="Situations on this page"><ul>']
    by_slug = by_situation(in_list_order(index["entries"])) if by_slug is None else by_slug
    groups = [(s, by_slug.get(s["slug"], [])) for s in index["situations"]]
    root = _to_root(page_url)
    out += [f'<li><a href="#{s["slug"]}">{escape(s["title"])}</a></li>' for s, group in groups if group]
    drawn: dict[str, str] = {}  # an entry in two situations is listed twice: draw it once
    out.append("</ul></nav>")
    for situation, group in groups:
        if not group:
            continue
        out.append(f'<section class="ls-finder__group" data-group="{situation["slug"]}">'
                   f'<h2 id="{situation["slug"]}">{escape(situation["title"])}</h2><ul class="ls-finder__list">')
        for entry in sorted(group, key=_kind_order):  # stable: by kind, then as given
            if entry["id"] not in drawn:
                drawn[entry["id"]] = _finder_item(entry, root, titles)
            out.append(drawn[entry["id"]])
        out.append("</ul></section>")
    return '<div class="ls-finder" data-finder>\n' + "\n".join(out) + "\n</div>"


def _finder_form(situations: list[dict], kinds: list[str]) -> str:
    ages = ['<option value="">Any age</option>']
    ages += [f'<option value="{m}m">{m} months</option>' for m in (0, 3, 6, 9, 12, 15, 18, 21)]
    ages += [f'<option value="{y}">{y} years</option>' for y in range(2, 13)]
    situation_boxes = "".join(
        f'<label><input type="checkbox" name="situation" value="{s["slug"]}"> {escape(s["title"])}</label>'
        for s in situations)
    kind_boxes = "".join(
        f'<label><input type="checkbox" name="kind" value="{k}"> {KIND_PLURALS[k]}</label>' for k in kinds)
    return ('<form class="ls-finder__form" data-finder-form aria-label="Filter by age, situation and kind">'
            f'<div class="ls-finder__field"><label for="ls-finder-age">Child\'s age</label>'
            f'<select id="ls-finder-age" name="age">{"".join(ages)}</select></div>'
            f'<fieldset class="ls-finder__field"><legend>What\'s happening?</legend>'
            '<details class="ls-finder__situations" data-finder-situations>'
            '<summary data-finder-chosen>Any situation</summary>'
            f'<div class="ls-finder__choices">{situation_boxes}</div></details></fieldset>'
            f'<fieldset class="ls-finder__field"><legend>Kind</legend>'
            f'<div class="ls-finder__choices">{kind_boxes}</div></fieldset>'
            '<div class="ls-finder__actions"><button type="button" class="md-button" data-finder-clear>Clear filters</button> '
            '<button type="button" class="md-button md-button--primary" data-finder-copy>Copy link</button></div>'
            '</form>')


def _finder_item(entry: dict, root: str, titles: dict[str, str]) -> str:
    """`root`: the way up from the finder to the site's root; `titles`: situation slug -> its title, escaped."""
    span = entry["ages"]
    others = ", ".join([titles[s] for s in entry["situations"]])
    by = f' by {escape(entry["by"])}' if entry.get("by") else ""
    return (f'<li data-id="{escape(entry["id"])}" data-kind="{entry["kind"]}" data-min="{span["min_months"]}" '
            f'data-max="{span["max_months"]}" data-situations="{" ".join(entry["situations"])}">'
            f'<a href="{root}{escape(entry["url"])}">{escape(entry["title"])}</a>{by}'
            f'<span class="ls-meta">{KIND_LABELS[entry["kind"]]} · ages {format_ages(span["min_months"], span["max_months"])} · {others}</span>'
            f'<span class="ls-desc">{escape(entry["description"])}</span></li>')


def blurb_html(title: str, text: str, ident: str, page_url: str, target_url: str) -> str:
    """A teacher's ready-to-paste blurb for another page, with a copy button (share.js)."""
    return (f'<p><strong><a href="{escape(_rel_url(page_url, target_url))}">{_text(title)}</a></strong></p>\n'
            f'<p class="ls-share__blurb" id="{ident}">{escape(text)}</p>\n'
            f'<p><button type="button" class="md-button ls-share__copy" data-copy="{ident}" hidden>Copy text</button></p>')


def situation_tiles_html(situations: tuple[dict, ...], page_url: str = "") -> str:
    tiles = [f'<li><a href="{escape(_rel_url(page_url, "situations/" + s["slug"] + "/"))}">'
             f'<strong>{escape(s["title"])}</strong><span>{escape(s["description"])}</span></a></li>'
             for s in situations]
    return '<ul class="ls-tiles">' + "".join(tiles) + "</ul>"


def age_picker_html(page_url: str = "") -> str:
    finder = escape(_rel_url(page_url, "finder/"))
    choices = [("0m", "Under 1"), ("12m", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"),
               ("6", "6"), ("7", "7"), ("8", "8"), ("9", "9"), ("10", "10"), ("11", "11"), ("12", "12")]
    links = "".join(f'<li><a href="{finder}?age={value}">{label}</a></li>' for value, label in choices)
    return f'<nav class="ls-agepicker" aria-label="Choose your child\'s age"><ul>{links}</ul></nav>'


# --- helpers ---------------------------------------------------------------------------------

def _hub_links_html(situations: list[str], page_url: str, titles: dict[str, str]) -> str:
    """Links from a page to the hub pages of its situations."""
    if page_url.startswith("situations/"):
        return ", ".join(_hub_link(page_url, s, titles[s]) for s in situations)
    stripped = page_url.strip("/")  # only the depth matters from elsewhere (clean URLs: no "//")
    depth = "x/" * (stripped.count("/") + 1 if stripped else 0)
    return ", ".join(_hub_link(depth, s, titles[s]) for s in situations)


@lru_cache(maxsize=4096)  # every page links to hubs: a few hundred (depth, situation) pairs a site
def _hub_link(from_url: str, slug: str, title: str) -> str:
    return f'<a href="{escape(_rel_url(from_url, f"situations/{slug}/"))}">{_text(title)}</a>'



def _text(text: str) -> str:
    """Text for an element's content (quotes need no escaping there, and read better unescaped)."""
    return escape(str(text), quote=False)


@lru_cache(maxsize=1024)  # a few publishers (NHS, AAP...) cited on most pages
def _publisher(name: str) -> str:
    return _text(name)


def in_list_order(entries: list[dict]) -> list[dict]:
    """The order of every list: youngest first, then the narrower span, then by title.

    Hubs and section pages draw their entries in the order given: the hook sorts a build's entries
    once, and the groups made from them keep it (one sort, not one per list)."""
    return sorted(entries, key=lambda e: (e["ages"]["min_months"], e["ages"]["max_months"], e["title"].lower()))


_KIND_ORDER = {kind: number for number, kind in enumerate(PAGE_KINDS + ITEM_KINDS)}


def _kind_order(entry: dict) -> int:
    return _KIND_ORDER[entry["kind"]]


def _rel_url(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs ("finder/" -> "../strategies/x/#a").

    Plain segment arithmetic (the URLs are clean, no "." or ".."): posixpath.relpath did the same
    at ten times the cost, and this runs for every link on every generated list.
    """
    path, _, anchor = to_url.partition("#")
    start = _segments(from_url)
    if start and path.partition("/")[0] not in (start[0], ""):  # another top folder: up to the root, down
        return _to_root(from_url) + path + (f"#{anchor}" if anchor else "")
    target = [part for part in path.split("/") if part]
    common = 0
    while common < len(start) and common < len(target) and start[common] == target[common]:
        common += 1
    parts = [".."] * (len(start) - common) + target[common:]
    rel = "./" if not parts else "/".join(parts) + ("/" if path.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


def _to_root(from_url: str) -> str:
    """The relative link from a directory URL up to the site's root ("finder/" -> "../")."""
    return "../" * len(_segments(from_url))


@lru_cache(maxsize=256)  # the pages that lists are drawn on: the finder, hubs, section pages, age guides
def _segments(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)
