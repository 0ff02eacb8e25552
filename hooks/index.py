"""Pages and their resource items -> the sorted, public index (site/api/index.json)."""
from __future__ import annotations

from functools import lru_cache

import orjson

from ages import parse_ages
from schema import Model, slugify

INDEX_VERSION = 1
PAGE_KINDS = ("strategy", "age-guide", "resource-list")
ITEM_KINDS = ("book", "episode", "show", "song", "video", "app")
KIND_LABELS = {"strategy": "Strategy", "age-guide": "Age guide", "resource-list": "Resource list",
               "book": "Book", "episode": "Episode", "show": "Show", "song": "Song", "video": "Video", "app": "App"}
KIND_PLURALS = {"strategy": "Strategies", "age-guide": "Age guides", "resource-list": "Resource lists",
                "book": "Books", "episode": "Episodes", "show": "Shows", "song": "Songs", "video": "Videos", "app": "Apps"}


def page_entries(url: str, meta: dict) -> list[dict]:
    """The entry for one valid content page and one per resource item on it.

    `url` is site-relative with a trailing slash, like "strategies/drop-off/".
    """
    page_id = url.strip("/")
    entries = [_entry(page_id, meta["type"], meta["title"], meta["description"], url, meta["ages"], meta["situations"])]
    for item in meta.get("items") or []:
        anchor = slugify(item["title"])
        entry = _entry(f"{page_id}#{anchor}", item["kind"], item["title"], item["why"].strip(), f"{url}#{anchor}",
                       item["ages"], item["situations"])
        entry["page"] = url
        entry["by"] = item["by"]
        entry["year"] = item["year"]
        entries.append(entry)
    return entries


def build_index(entries: list[dict], model: Model) -> dict:
    """The whole public index: stable order, so two builds of the same content are identical."""
    return {
        "version": INDEX_VERSION,
        "situations": [{**s, "ages": dict(s["ages"])} for s in model.situations],
        "age_bands": [{"slug": b["slug"], "title": b["title"], "min_months": b["min_months"],
                       "max_months": b["max_months"]} for b in model.age_bands],
        "entries": sorted(entries, key=lambda e: e["id"]),
    }


def to_json(index: dict) -> str:
    """Compact: at thousands of entries, indenting would double the file and the time to write it.

    Written by orjson: the same text as json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (tests/test_site.py checks, on random text), in a sixth of the time.
    """
    return orjson.dumps(index).decode("utf-8") + "\n"


def by_situation(entries: list[dict]) -> dict[str, list[dict]]:
    """Situation slug -> its entries, in the order given (an entry in two situations is in both)."""
    groups: dict[str, list[dict]] = {}
    for entry in entries:
        for slug in entry["situations"]:
            groups.setdefault(slug, []).append(entry)
    return groups


def matching(entries: list[dict], situation: str | None = None, ages: tuple[int, int] | None = None,
             kinds: tuple[str, ...] | None = None) -> list[dict]:
    """Entries for a situation and/or an age span (overlap) and/or kinds, in index order."""
    found = []
    for entry in entries:
        if situation and situation not in entry["situations"]:
            continue
        span = entry["ages"]
        if ages and not (span["min_months"] <= ages[1] and ages[0] <= span["max_months"]):
            continue
        if kinds and entry["kind"] not in kinds:
            continue
        found.append(entry)
    return found


def _entry(entry_id, kind, title, description, url, ages, situations) -> dict:
    # `ages` is one dict for every entry of the same span and `situations` is the page's own list
    # (both are read, never changed): thousands of small copies cost the build garbage collections.
    return {"id": entry_id, "kind": kind, "title": title.strip(), "description": " ".join(description.split()),
            "url": url, "ages": _span(*parse_ages(ages)),
            "situations": situations if type(situations) is list else list(situations)}


@lru_cache(maxsize=1024)  # a few dozen spans a site
def _span(low: int, high: int) -> dict:
    return {"min_months": low, "max_months": high}
