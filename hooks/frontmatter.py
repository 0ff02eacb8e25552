"""Front-matter details MkDocs does not give us: YAML errors and the line of each field.

MkDocs parses the front-matter itself (page.meta) and the hook reuses that. These helpers run
only for a page that has a problem, to say on which line it is.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml

# The same block MkDocs reads (mkdocs/utils/meta.py, YAML_RE).
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def block_problem(source: str) -> tuple[int, str, str] | None:
    """Why MkDocs found no front-matter in `source`, as (line, field, message), or None if fine.

    MkDocs swallows YAML errors (the page gets empty meta and the block shows as text), so this
    parses the block again, only for pages whose meta came back empty.
    """
    if not source.startswith("---"):
        return 1, "front-matter", 'the page has no front-matter: start the file with a line "---", the fields, then "---"'
    match = _BLOCK.match(source)
    if not match:
        return 1, "front-matter", 'the front-matter opened with "---" on line 1 is never closed: add a line "---" after the last field'
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening "---"
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return line, "front-matter", f"the front-matter is not valid YAML: {reason} (check indentation, and put quotes around text with a colon)"
    except ValueError as error:  # e.g. an impossible date such as 2026-13-45
        return _impossible_date(match.group(1)) or (1, "front-matter", f"the front-matter has an impossible value: {error}")
    if not isinstance(data, dict):
        return 2, "front-matter", 'the front-matter must be "field: value" lines, like "title: Tears at drop-off"'
    return None


def _impossible_date(block: str) -> tuple[int, str, str] | None:
    """YAML reads 2026-13-45 as a date and fails; find the line so the message can name it."""
    for number, text in enumerate(block.splitlines(), start=2):
        found = re.match(r"\s*-?\s*([\w-]+):\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$", text)
        if found:
            try:
                dt.date(*(int(found.group(i)) for i in (2, 3, 4)))
            except ValueError:
                return number, found.group(1), (f"{text.split(':', 1)[1].strip()} is not a real date "
                                "(allowed: a date written YYYY-MM-DD, like 2026-11-29)")
    return None


def body_offset(source: str, body: str) -> int:
    """How many lines of `source` come before `body` (MkDocs strips the block and blank lines)."""
    return lines_before(source, len(body)) if body and source.endswith(body) else 0


def lines_before(source: str, body_length: int) -> int:
    """Lines of `source` before its last `body_length` characters (the page body MkDocs kept)."""
    return source[: len(source) - body_length].count("\n") if source else 0


def line_of(source: str, path: tuple) -> int:
    """The 1-based file line of a front-matter field, e.g. ("items", 2, "year").

    Falls back to the nearest parent that exists, then to line 1.
    """
    match = _BLOCK.match(source)
    if not match:
        return 1
    try:
        node = yaml.compose(match.group(1))
    except yaml.YAMLError:
        return 1
    line = node.start_mark.line if node is not None else 0
    for step in path:
        found = _child(node, step)
        if found is None:
            break
        line, node = found
    return line + 2


def _child(node, step):
    """(line, child node) for a mapping key or a sequence index, or None."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(step):
                return key.start_mark.line, value
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        item = node.value[step]
        return item.start_mark.line, item
    return None
