"""The corpus of malformed pages: each case is one defect and the exact line the build prints.

Used by test_build_errors.py (full MkDocs builds). Each case names the page text as an edit of a
valid page, so a reader sees the defect at a glance.
"""
from conftest import VALID_LIST, VALID_STRATEGY

S = "docs/strategies/bad.md"
R = "docs/resources/bad.md"
A = "docs/ages/bad.md"


def strategy(old: str, new: str) -> str:
    assert old in VALID_STRATEGY, old
    return VALID_STRATEGY.replace(old, new, 1)


def resource(old: str, new: str) -> str:
    assert old in VALID_LIST, old
    return VALID_LIST.replace(old, new, 1)


CASES = {
    "unknown field with a suggestion": (
        {"strategies/bad.md": strategy("reviewed: 2026-11-01", "reviewed: 2026-11-01\nreveiwed: 2026-11-01")},
        [f'{S}:8: reveiwed: unknown field (allowed: title, description, type, ages, situations, reviewed, '
         f'sources, items; did you mean "reviewed"?)']),
}
