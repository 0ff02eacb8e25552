"""Synthetic content from the real schema and taxonomy, for the benchmarks.

Every page is valid against schema/frontmatter.schema.json (the benchmarks check that), so a
benchmark measures the real code paths, not an error path.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from schema import load_model  # noqa: E402

WORDS = ("child parent calm routine goodbye sleep feelings play friend school try help gentle "
         "steady morning evening story hug promise return teacher carer small steps listen").split()
KINDS = ("book", "episode", "song")


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def front_matter(rng: random.Random, number: int, kind: str, slugs: list[str]) -> dict:
    low = rng.randint(0, 10)
    meta = {
        "title": f"Synthetic page {number}: " + " ".join(rng.choice(WORDS) for _ in range(3)),
        "description": (sentence(rng, 14) + " " + sentence(rng, 6))[:150],
        "type": kind,
        "ages": f"{low}-{min(12, low + rng.randint(0, 3))}",
        "situations": rng.sample(slugs, rng.randint(1, 2)),
        "reviewed": "2026-11-01",
        "sources": [{"title": f"Source {i}", "publisher": "Example Health", "url": f"https://example.org/{number}/{i}"}
                    for i in (1, 2)],
    }
    if kind == "resource-list":
        meta["ages"] = "0-12"
        meta["items"] = [{"title": f"Item {number}-{i}", "kind": rng.choice(KINDS), "by": "A. Writer",
                          "year": 2000 + i, "ages": f"{low}-{min(12, low + 2)}", "situations": meta["situations"],
                          "why": sentence(rng, 16)} for i in range(4)]
    return meta


def page_markdown(rng: random.Random, meta: dict) -> str:
    import yaml
    body = [sentence(rng, 20) + "[^1]", "", "## What's going on", "", sentence(rng, 40) + "[^2]", "",
            "## Try this", "", "1. " + sentence(rng, 15), "2. " + sentence(rng, 15), "",
            "## When to get help", "", sentence(rng, 20), ""]
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + "\n".join(body)


def write_pages(docs: Path, count: int, seed: int = 1) -> None:
    """`count` valid content pages under docs/strategies and docs/resources (1 list per 10 pages)."""
    rng = random.Random(seed)
    slugs = load_model().situation_slugs
    for number in range(count):
        kind = "resource-list" if number % 10 == 9 else "strategy"
        folder = docs / ("resources" if kind == "resource-list" else "strategies")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"synthetic-{number:05d}.md").write_text(
            page_markdown(rng, front_matter(rng, number, kind, slugs)), encoding="utf-8")


def index_entries(count: int, seed: int = 1) -> list[dict]:
    """`count` index entries made through the real index code."""
    from index import page_entries
    rng = random.Random(seed)
    slugs = load_model().situation_slugs
    entries: list[dict] = []
    number = 0
    while len(entries) < count:
        kind = "resource-list" if number % 10 == 9 else "strategy"
        meta = front_matter(rng, number, kind, slugs)
        folder = "resources" if kind == "resource-list" else "strategies"
        entries += page_entries(f"{folder}/synthetic-{number:05d}/", meta)
        number += 1
    return entries[:count]
