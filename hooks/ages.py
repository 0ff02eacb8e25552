"""Parse age ranges like "3-5", "4", "6m-2", "0-11m" or "18m" into whole months.

Rules (DESIGN.md, "Content model"):
- A number without a unit is in years and covers the whole year: "3-5" is 36-71 months,
  "4" is 48-59 months (a 5-year-old is included until the sixth birthday).
- A number with "m" is an exact month: "6m-18m" is 6-18 months.
- A trailing "m" on the upper end applies to a bare lower end: "0-11m" is 0-11 months.
Plain functions, no MkDocs import: the hook, the tests and the benchmark share them.
"""
from __future__ import annotations

import re
from functools import lru_cache

MAX_YEARS = 18
MAX_MONTHS = MAX_YEARS * 12

ALLOWED = 'years like "3-5" or "4", or months like "6m-2", "0-11m" or "18m" (0 to 18 years)'

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen look-alikes people paste from documents
_END = re.compile(r"\s*(\d{1,3})\s*(m|mo|months?|y|yrs?|years?)?\s*", re.IGNORECASE)


class AgeError(ValueError):
    """The text is not an age range; the message says why and what is allowed."""


def parse_ages(value: object) -> tuple[int, int]:
    """Return (min_months, max_months), both inclusive, or raise AgeError."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise AgeError(f"expected text like \"3-5\", got {type(value).__name__} {value!r}")
    return _parse_text_or_int(value)


@lru_cache(maxsize=4096)  # a site uses a few dozen different ranges, each read many times a build
def _parse_text_or_int(value: str | int) -> tuple[int, int]:
    text = str(value).strip()
    for dash in _DASHES:
        text = text.replace(dash, "-")
    if text.startswith("-"):
        raise AgeError(f"{value!r} is negative; ages start at 0")
    parts = text.split("-")
    if len(parts) > 2 or not all(parts):
        raise AgeError(f"{value!r} is not an age range")
    ends = [_parse_end(part, value) for part in parts]
    if len(ends) == 1:
        number, in_months = ends[0]
        return _lower(number, in_months), _upper(number, in_months, value)
    (low, low_months), (high, high_months) = ends
    if high_months and not low_months and not _has_unit(parts[0]):
        low_months = True  # "0-11m": the trailing unit covers the whole range
    low_m, high_m = _lower(low, low_months), _upper(high, high_months, value)
    if low_m > high_m:
        raise AgeError(f"{value!r} is reversed: the first age must be the younger one")
    return low_m, high_m


@lru_cache(maxsize=1024)  # a few dozen spans a site, printed on every page and list entry
def format_ages(min_months: int, max_months: int) -> str:
    """A short label for people: "3-5 years", "4 years", "0-11 months", "6 months to 2 years"."""
    whole_years = min_months % 12 == 0 and max_months % 12 == 11
    if max_months < 12 or (max_months < 24 and not whole_years):
        if min_months == max_months:
            return f"{min_months} months"
        return f"{min_months}-{max_months} months"
    if max_months % 12 != 11:
        return f"{min_months}-{max_months} months"
    high = max_months // 12
    if min_months % 12:
        return f"{min_months} months to {high} years"
    low = min_months // 12
    if low == high:
        return "1 year" if low == 1 else f"{low} years"
    return f"{low}-{high} years"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _has_unit(part: str) -> bool:
    return bool(re.search(r"[a-z]", part, re.IGNORECASE))


def _parse_end(part: str, value: object) -> tuple[int, bool]:
    match = _END.fullmatch(part)
    if not match:
        raise AgeError(f"{value!r} is not an age range")
    unit = (match.group(2) or "").lower()
    return int(match.group(1)), unit.startswith("m")


def _lower(number: int, in_months: bool) -> int:
    return number if in_months else number * 12


def _upper(number: int, in_months: bool, value: object) -> int:
    months = number if in_months else number * 12 + 11
    limit = MAX_MONTHS if in_months else MAX_MONTHS + 11
    if months > limit:
        raise AgeError(f"{value!r} is over {MAX_YEARS} years; Little Steps covers children up to {MAX_YEARS}")
    return months
