"""Relative links in Markdown: find them, and say what is wrong with one, with a suggestion.

MkDocs checks links too, but its warning has no line number and no suggestion; this check gives
contributors `file:line: link: problem (did you mean ...?)`.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

from problems import did_you_mean
from safety import prose_lines

_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_EXTERNAL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")


def find_links(body: str) -> list[tuple[int, str]]:
    """(line, target) for every relative link outside code."""
    if "](" not in body and "]:" not in body:
        return []
    found = []
    for number, text in prose_lines(body):
        targets = [m.group(1) for m in _INLINE.finditer(text)]
        reference = _REFERENCE.match(text)
        if reference:
            targets.append(reference.group(1))
        found += [(number, t) for t in targets if not _EXTERNAL.match(t) and not t.startswith("/")]
    return found


def resolve(from_src: str, target: str) -> tuple[str, str]:
    """("strategies/x.md", "anchor") for a link written in `from_src`; "" path means the same page."""
    path, _, anchor = target.partition("#")
    path = unquote(path.split("?", 1)[0])
    if not path:
        return from_src, anchor
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path)), anchor


def file_problem(target: str, resolved: str, known: set[str]) -> str | None:
    if resolved in known:
        return None
    suggestion = did_you_mean(resolved, sorted(known))
    return (f"{target} points to {resolved}, which does not exist"
            + (f" ({suggestion})" if suggestion else " (check the spelling and the ../ steps)"))


def anchor_problem(target: str, anchor: str, anchors: set[str]) -> str | None:
    if not anchor or anchor in anchors:
        return None
    suggestion = did_you_mean(anchor, sorted(anchors))
    return (f"{target}: there is no #{anchor} on that page"
            + (f" ({suggestion})" if suggestion else " (headings become anchors: lowercase, spaces as hyphens)"))
