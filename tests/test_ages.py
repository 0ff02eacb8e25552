"""The age parser: the documented forms, the errors, and a property: any input gives a range or an AgeError."""
import pytest
from hypothesis import given, strategies as st

from ages import AgeError, format_ages, overlaps, parse_ages


@pytest.mark.parametrize("text, months", [
    ("3-5", (36, 71)),        # whole years: a 5-year-old is in until the 6th birthday
    ("4", (48, 59)),
    (4, (48, 59)),            # YAML reads `ages: 4` as a number
    ("4-4", (48, 59)),
    ("6m-2", (6, 35)),
    ("0-11m", (0, 11)),       # a trailing m covers a bare first number
    ("6m-18m", (6, 18)),
    ("18m", (18, 18)),
    ("10-12", (120, 155)),
    ("3\u20136", (36, 83)),   # an en dash pasted from a document
    (" 2 - 3 ", (24, 47)),
    ("0-18", (0, 227)),
])
def test_parses_documented_forms(text, months):
    assert parse_ages(text) == months


@pytest.mark.parametrize("text, reason", [
    ("5-3", "reversed"),
    ("-1", "negative"),
    ("-2-5", "negative"),
    ("19", "over 18 years"),
    ("3-21", "over 18 years"),
    ("300m", "over 18 years"),
    ("abc", "not an age range"),
    ("1-2-3", "not an age range"),
    ("", "not an age range"),
    ("3-", "not an age range"),
    ("2.5", "not an age range"),
    (None, "expected text"),
    (True, "expected text"),
    ([3, 5], "expected text"),
])
def test_rejects_bad_ages_with_a_reason(text, reason):
    with pytest.raises(AgeError, match=reason):
        parse_ages(text)


@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none(), st.booleans(),
                 st.lists(st.integers(), max_size=3), st.from_regex(r"\d{1,3}m?-\d{1,3}m?", fullmatch=True)))
def test_any_input_gives_a_range_or_an_age_error(value):
    try:
        low, high = parse_ages(value)
    except AgeError as error:
        assert str(error)
    else:
        assert 0 <= low <= high <= 18 * 12 + 11


@given(st.integers(0, 18), st.integers(0, 18))
def test_year_ranges_cover_whole_years(a, b):
    low, high = sorted((a, b))
    assert parse_ages(f"{low}-{high}") == (low * 12, high * 12 + 11)


@pytest.mark.parametrize("span, label", [
    ((36, 71), "3-5 years"), ((48, 59), "4 years"), ((12, 23), "1 year"), ((0, 11), "0-11 months"),
    ((6, 35), "6 months to 2 years"), ((18, 18), "18 months"), ((6, 18), "6-18 months"),
])
def test_labels_read_naturally(span, label):
    assert format_ages(*span) == label


def test_overlap_is_inclusive():
    assert overlaps((48, 59), (59, 70))
    assert not overlaps((48, 59), (60, 70))
