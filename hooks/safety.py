"""Unsafe or fragile things in a page's Markdown: scripts, embeds, event handlers, bad links.

Text inside code (fenced blocks and `inline code`) is skipped, so the contributor guide can show
what not to write.
"""
from __future__ import annotations

import re

_RULES = [
    (re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE),
     lambda m: f"raw <{m.group(1).lower()}> is not allowed in pages (allowed: Markdown and simple HTML; "
               "link to the page instead of embedding it)"),
    (re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE),
     lambda m: f"the HTML attribute {m.group(1)}= runs a script and is not allowed: remove it"),
    (re.compile(r"javascript\s*:", re.IGNORECASE),
     lambda m: "javascript: links are not allowed: link to a page or an https:// address"),
    (re.compile(r"http://[^\s)\"'>]*", re.IGNORECASE),
     lambda m: f"{m.group(0)} uses http://: use the https:// address (allowed: https only)"),
]

# Templates mark what to replace as [[like this]]; "TODO" in capitals is a leftover note.
PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]|\bTODO\b")


def check_body(body: str, placeholders: bool = True) -> list[tuple[int, str]]:
    """Problems in Markdown text as (1-based line within `body`, message)."""
    if not _may_hold_problems(body, placeholders):
        return []
    problems = []
    for number, text in prose_lines(body):
        for pattern, explain in _RULES:
            for match in pattern.finditer(text):
                problems.append((number, explain(match)))
        if placeholders:
            match = PLACEHOLDER.search(text)
            if match:
                problems.append((number, f"template placeholder {match.group(0)!r} is still here: "
                                         "replace it with your own text"))
    return problems


def _may_hold_problems(body: str, placeholders: bool) -> bool:
    """A quick look at the whole page: every rule above needs one of these, and most pages have none."""
    lower = body.lower()
    return ("<" in body or "javascript" in lower or "http://" in lower
            or (placeholders and ("[[" in body or "TODO" in body)))


def prose_lines(body: str):
    """(line number, text) for every line outside fenced code, with `inline code` blanked."""
    fence = None
    for number, text in enumerate(body.splitlines(), start=1):
        stripped = text.lstrip()
        marker = stripped[:3]
        if fence is None and marker in ("```", "~~~"):
            fence = marker
            continue
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            continue
        yield number, re.sub(r"`+[^`]*`+", "", text)
