#!/usr/bin/env python3
"""`make new TYPE=strategy TITLE="Saying goodbye at the school gate"`: start a page from a template.

Writes docs/<folder>/<slug>.md with today's `reviewed` date. Every [[placeholder]] in it is
rejected by `make check` (naming file and line) until it is replaced.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from schema import slugify  # noqa: E402

FOLDERS = {"strategy": "strategies", "age-guide": "ages", "resource-list": "resources"}


def new_page(kind: str, title: str, docs: Path = ROOT / "docs", today: dt.date | None = None) -> Path:
    if kind not in FOLDERS:
        raise SystemExit(f'TYPE must be one of {", ".join(FOLDERS)} (got "{kind}"), e.g. make new TYPE=strategy TITLE="..."')
    title = " ".join(title.split())
    if not 3 <= len(title) <= 80 or '"' in title:
        raise SystemExit('TITLE must be 3-80 characters without double quotes, e.g. TITLE="Saying goodbye at the school gate"')
    target = docs / FOLDERS[kind] / f"{slugify(title)}.md"
    if target.exists():
        raise SystemExit(f"{target.relative_to(docs.parent)} already exists: edit it, or choose another title")
    template = (ROOT / "templates" / f"{kind}.md").read_text(encoding="utf-8")
    text = template.replace("{title}", title).replace("{today}", (today or dt.date.today()).isoformat())
    target.write_text(text, encoding="utf-8")
    return target


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit('usage: make new TYPE=strategy|age-guide|resource-list TITLE="Page title"')
    path = new_page(sys.argv[1], sys.argv[2])
    print(f"Wrote {path.relative_to(ROOT)}. Replace every [[...]], then run `make check`.")
