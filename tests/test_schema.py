"""The front-matter validator on its own: messages, the taxonomy link, and fuzzing with hypothesis."""
import copy
import datetime as dt
import json

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from schema import ROOT, check_meta, field_name, load_model, slugify

TODAY = dt.date(2026, 11, 29)
GOOD = yaml.safe_load("""
title: Tears at preschool drop-off
description: Why a happy preschooler can start crying at drop-off, and a goodbye routine that helps.
type: strategy
ages: 3-5
situations: [separation-anxiety]
reviewed: 2026-11-01
sources:
  - {title: One source, publisher: NHS, url: "https://www.nhs.uk/a"}
  - {title: Two source, publisher: AAP, url: "https://www.healthychildren.org/b"}
""")


@pytest.fixture(scope="module")
def model():
    return load_model()


def test_a_good_page_has_no_problems(model):
    assert check_meta(GOOD, model, TODAY) == []


def test_situations_come_from_the_taxonomy(model):
    taxonomy = yaml.safe_load((ROOT / "schema/taxonomy.yml").read_text())
    assert model.situation_slugs == [s["slug"] for s in taxonomy["situations"]]
    assert model.schema["$defs"]["situation"]["enum"] == model.situation_slugs
    assert len(model.situation_slugs) >= 25


def test_age_bands_cover_birth_to_twelve_without_gaps(model):
    bands = model.age_bands
    assert bands[0]["min_months"] == 0 and bands[-1]["max_months"] >= 12 * 12
    for before, after in zip(bands, bands[1:]):
        assert after["min_months"] == before["max_months"] + 1


def test_the_schema_file_is_valid_json_schema():
    from jsonschema import Draft202012Validator
    Draft202012Validator.check_schema(json.loads((ROOT / "schema/frontmatter.schema.json").read_text()))


def test_every_message_names_its_field(model):
    bad = {**GOOD, "type": "stratgy", "ages": "5-3", "situations": ["nope"], "extra": 1}
    fields = {field_name(path) for path, _ in check_meta(bad, model, TODAY)}
    assert fields == {"type", "ages", "situations[0]", "extra"}


def test_date_objects_and_strings_are_both_accepted(model):
    assert check_meta({**GOOD, "reviewed": dt.date(2026, 1, 2)}, model, TODAY) == []
    assert check_meta({**GOOD, "reviewed": "2026-01-02"}, model, TODAY) == []


def test_slugify_matches_the_documented_anchor_rule():
    assert slugify("The Kissing Hand") == "the-kissing-hand"
    assert slugify("Daniel Goes to School") == "daniel-goes-to-school"
    assert slugify("When Sophie Gets Angry—Really, Really Angry...") == "when-sophie-gets-angry-really-really-angry"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)
FIELDS = ["title", "description", "type", "ages", "situations", "reviewed", "sources", "items"]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=12), json_values, max_size=9))
def test_fuzzed_front_matter_only_ever_reports(model, meta):
    """Random YAML values in every field: a list of problems, never an exception."""
    for path, message in check_meta(meta, model, TODAY):
        assert isinstance(message, str) and message
        assert isinstance(field_name(path), str)


yaml_values = st.recursive(  # what YAML can give: json_values, plus tuples and keys that are not text
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40) | st.dates()
    | st.sampled_from(["TODO", "[[Write it]]"]),
    lambda children: st.lists(children, max_size=4) | st.tuples(children, children)
    | st.dictionaries(st.text(max_size=10) | st.integers() | st.dates(), children, max_size=4),
    max_leaves=12)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=12) | st.integers(), yaml_values, max_size=9))
def test_normalising_in_place_gives_what_a_copy_gives(meta):
    """The hook normalises page.meta in place; the result, and the placeholders noticed, must be the
    copy's, and what it returns is JSON's kind of data."""
    from schema import normalise
    original = copy.deepcopy(meta)
    seen_copy: list = []
    seen_in_place: list = []
    expected = normalise(meta, seen_copy)
    assert meta == original  # the copying walk leaves its input alone
    assert normalise(meta, seen_in_place, in_place=True) == expected
    assert bool(seen_in_place) == bool(seen_copy)
    assert json.loads(json.dumps(expected)) == expected


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=0, max_size=200), st.sampled_from(FIELDS))
def test_random_unicode_in_any_field_is_reported_not_raised(model, text, field):
    meta = {**GOOD, field: text}
    problems = check_meta(meta, model, TODAY)
    assert all(isinstance(m, str) for _, m in problems)


@settings(max_examples=100)
@given(st.text(max_size=120))
def test_unicode_titles_within_limits_are_accepted(model, title):
    from safety import PLACEHOLDER
    assume(not PLACEHOLDER.search(title))  # "TODO" or "[[...]]" is reported, by design (see the test below)
    problems = check_meta({**GOOD, "title": title}, model, TODAY)
    if 3 <= len(title) <= 80:
        assert problems == []
    else:
        assert [field_name(p) for p, _ in problems] == ["title"]


GOOD_LIST = {**GOOD, "type": "resource-list", "ages": "0-12", "sources": GOOD["sources"][:1], "items": [
    {"title": "The Kissing Hand", "kind": "book", "by": "Audrey Penn", "year": 1993, "ages": "3-6",
     "situations": ["separation-anxiety"], "why": "A raccoon's mother gives him a kiss to keep in his hand."}]}
PLAUSIBLE = st.sampled_from([
    "2026-11-01", "2026-13-01", "2026-1-5", "20261101", "3-5", "6m-2", "0-11m", "13", "5-3", 4, 4.5, -1,
    "https://www.nhs.uk/a", "http://www.nhs.uk/a", "https://x", "https://a.b/c d", "strategy", "age-guide",
    "book", "episode", "separation-anxiety", "tantrums", "", "ab", "[[Write the title]]", 1993, 2100, True,
    "9780878685851", "087868585X", ["separation-anxiety"], ["separation-anxiety", "separation-anxiety"], []])
PATHS = [(f,) for f in FIELDS] + [("sources", 0, f) for f in ("title", "publisher", "url", "extra")] + \
        [("items", 0, f) for f in ("title", "kind", "by", "year", "ages", "situations", "why", "url", "isbn",
                                   "series", "season", "episode", "extra")]


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([GOOD, GOOD_LIST]), st.lists(st.tuples(st.sampled_from(PATHS), PLAUSIBLE | json_values),
                                                    max_size=3))
def test_the_compiled_validator_agrees_with_jsonschema(model, base, changes):
    """The fast path (jsonschema-rs) may only call a page valid when jsonschema does, and must for
    valid pages whose formatted fields are text (numbers there, like ages: 4, go to jsonschema)."""
    from schema import normalise
    meta = copy.deepcopy(base)
    for path, value in changes:
        target = meta
        for step in path[:-1]:
            target = target[step] if isinstance(target, (dict, list)) and (
                step in target if isinstance(target, dict) else step < len(target)) else None
            if target is None:
                break
        if isinstance(target, dict):
            target[path[-1]] = value
    data = normalise(meta)
    valid = next(iter(model.validator.iter_errors(data)), None) is None
    if model.is_valid(data):
        assert valid, data
    elif valid:
        assert not isinstance(data.get("ages"), str) or any(
            not isinstance(item.get("ages"), str) for item in data.get("items") or []), data


def test_good_pages_take_the_fast_path(model):
    from schema import normalise
    assert model.is_valid(normalise(GOOD)) and model.is_valid(normalise(GOOD_LIST))
    assert not model.is_valid(normalise({**GOOD, "ages": "13-20"}))


def test_placeholders_left_in_front_matter_are_reported(model):
    for text in ("TODO write the title", "[[Write the title]]"):
        problems = check_meta({**GOOD, "title": text}, model, TODAY)
        assert [(field_name(p), "placeholder" in m) for p, m in problems] == [("title", True)]
