"""Reading level of a page's prose (US grade), measured with textstat on the text a parent reads.

Markdown syntax, links' addresses, code, tables of sources and headings are removed first, so
the grade reflects sentences, not markup.
"""
from __future__ import annotations

import re
import statistics

import textstat

TARGET_GRADE = 8


def prose(markdown: str) -> str:
    text = re.sub(r"```.*?```", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\[\^\d+\]", "", text)                       # citation markers
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)       # links keep their words
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[:#.][^}]*\}", " ", text)                  # attribute lists
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "|", "!!!", "???")):
            continue
        stripped = re.sub(r"^([-*+]|\d+\.)\s+", "", stripped)
        stripped = stripped.replace("**", "").replace("*", "").replace("_", " ")
        if not re.search(r"[.!?:\"”)]$", stripped):
            stripped += "."                                        # a list item is a sentence
        lines.append(stripped)
    return " ".join(lines)


def grade(markdown: str) -> float:
    """Flesch-Kincaid grade of the prose."""
    return round(textstat.flesch_kincaid_grade(prose(markdown)), 1)


def median_grade(bodies: list[str]) -> float:
    return statistics.median(grade(body) for body in bodies) if bodies else 0.0
