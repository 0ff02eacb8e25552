"""One shape for every complaint about a page, and one way to print it."""
from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str      # "docs/strategies/x.md", as a contributor would open it
    line: int      # 1-based line in that file
    field: str     # "situations[1]", "items[3].year", or "content" for the page body
    message: str   # what is wrong and how to fix it

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def github_annotation(self) -> str:
        """The GitHub Actions form, so the error shows inline on a pull request."""
        text = f"{self.field}: {self.message}".replace("%", "%25").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line}::{text}"


def did_you_mean(value: object, choices: list[str]) -> str:
    """' did you mean "x"?' or '' when nothing is close."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value.lower(), choices, n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else ""


def hint(allowed: str, value: object = None, choices: list[str] | None = None) -> str:
    """The "(allowed: ...; did you mean ...?)" tail shared by every message."""
    parts = [f"allowed: {allowed}"]
    suggestion = did_you_mean(value, choices or [])
    if suggestion:
        parts.append(suggestion)
    return "(" + "; ".join(parts) + ")"
