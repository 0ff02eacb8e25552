"""The content model: load the JSON Schema and the taxonomy, and check one page's front-matter.

schema/frontmatter.schema.json says what each field may hold; schema/taxonomy.yml says which
situations and age bands exist. Both are read here and nowhere else.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Callable
from functools import lru_cache
from pathlib import Path

import yaml
import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker

from ages import ALLOWED as AGES_ALLOWED, AgeError, overlaps, parse_ages
from problems import hint
from safety import PLACEHOLDER, prose_lines

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_PATH = ROOT / "schema" / "frontmatter.schema.json"
TAXONOMY_PATH = ROOT / "schema" / "taxonomy.yml"
INDEX_SCHEMA_PATH = ROOT / "schema" / "index.schema.json"  # the public index format (docs/about/api.md)

CITATION = re.compile(r"\[\^(\d+)\]")


@dataclass(frozen=True)
class Model:
    schema: dict
    validator: Draft202012Validator       # explains every problem, in words (slow: ~0.2 ms a page)
    is_valid: Callable[[dict], bool]      # the same schema and formats, compiled (Rust, ~0.01 ms a page)
    situations: tuple[dict, ...]          # [{"slug", "title", "description"}]
    age_bands: tuple[dict, ...]           # [{"slug", "title", "ages", "min_months", "max_months"}]

    @property
    def situation_slugs(self) -> list[str]:
        return [s["slug"] for s in self.situations]

    @property
    def situation_titles(self) -> dict[str, str]:
        return {s["slug"]: s["title"] for s in self.situations}


class ModelError(Exception):
    """The schema or taxonomy file itself is broken: the message names file and fix."""


def load_model(schema_path: Path = SCHEMA_PATH, taxonomy_path: Path = TAXONOMY_PATH) -> Model:
    """The schema and taxonomy, read again whenever either file changes (`mkdocs serve` keeps us loaded)."""
    try:
        stamps = (Path(schema_path).stat().st_mtime_ns, Path(taxonomy_path).stat().st_mtime_ns)
    except OSError as error:
        raise ModelError(f"cannot read the content model: {error}") from error
    return _load_model(Path(schema_path), Path(taxonomy_path), stamps)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's where PyYAML has it: ten times as fast


@lru_cache(maxsize=4)
def _load_model(schema_path: Path, taxonomy_path: Path, stamps: tuple) -> Model:
    try:
        schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
        taxonomy = yaml.load(Path(taxonomy_path).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except (OSError, ValueError, yaml.YAMLError) as error:
        raise ModelError(f"cannot read the content model: {error}") from error
    situations = tuple(_check_situations(taxonomy, taxonomy_path))
    bands = tuple(_check_bands(taxonomy, taxonomy_path))
    # The taxonomy is the one list of situations: the schema gets it here, not by copy.
    schema["$defs"]["situation"]["enum"] = [s["slug"] for s in situations]
    checker = FormatChecker()
    checker.checks("age-range", raises=AgeError)(lambda value: bool(parse_ages(value)) or True)
    # Validate against a copy with every $ref inlined: same rules, about 4x faster per page.
    inlined = _inline_refs(schema, schema["$defs"])
    validator = Draft202012Validator(inlined, format_checker=checker)
    return Model(schema, validator, _fast_validator(inlined, checker), situations, bands)


def _fast_validator(schema: dict, checker: FormatChecker) -> Callable[[dict], bool]:
    """A compiled validator for the common case, a valid page; jsonschema explains the rest.

    It may only say "valid" when jsonschema would (tests/test_schema.py checks this on random
    front-matter). So formats are judged by the very checks jsonschema uses (one it does not check
    here, such as "uri" without the rfc3987 package, is left out), and, because jsonschema-rs judges
    formats on text only, a formatted field that also allows numbers (ages: 4) takes text only
    here: a number there goes to jsonschema, which checks its format too.
    """
    known = {name for name in _formats_used(schema) if name in checker.checkers}
    formats = {name: _conforms(*checker.checkers[name]) for name in known}
    compiled = jsonschema_rs.validator_for(_for_compiled(schema, known), formats=formats, validate_formats=True)

    def is_valid(data) -> bool:
        try:
            return compiled.is_valid(data)
        except Exception:  # noqa: BLE001 - a value JSON cannot hold (NaN, bytes...): jsonschema will say what
            return False
    return is_valid


def _conforms(check: Callable, raises) -> Callable[[str], bool]:
    """jsonschema's FormatChecker.conforms for one format, without its two extra calls a value,
    and remembered: a site repeats a few dozen dates and age ranges on thousands of pages."""
    @lru_cache(maxsize=4096)
    def conforms(value: str) -> bool:
        try:
            return bool(check(value))
        except raises:
            return False
    return conforms


def _for_compiled(node, known: set[str]):
    """The schema for jsonschema-rs: formats jsonschema does not check dropped, the rest on text only."""
    if isinstance(node, dict):
        node = {key: _for_compiled(value, known) for key, value in node.items()}
        if node.get("format") not in known:
            node.pop("format", None)
        elif node.get("type") != "string":
            node["type"] = "string"
        return node
    if isinstance(node, list):
        return [_for_compiled(value, known) for value in node]
    return node


def _formats_used(node) -> set[str]:
    if isinstance(node, dict):
        found = {node["format"]} if isinstance(node.get("format"), str) else set()
        return found.union(*(_formats_used(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_formats_used(value) for value in node))
    return set()


def _inline_refs(node, defs: dict):
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline_refs(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {key: _inline_refs(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(value, defs) for value in node]
    return node


_LEAVES = frozenset((int, bool, float, type(None)))  # values JSON has as they are (text is looked at)


def normalise(value, placeholder_text: list | None = None, *, in_place: bool = False):
    """YAML values as JSON would have them: dates become "YYYY-MM-DD", keys become text.

    `placeholder_text`: if given, gets True appended when some text holds "[[" or "TODO", so that
    check_meta looks for template placeholders only then: one walk a page instead of two.
    `in_place`: change `value`'s dicts and lists themselves rather than copies (the hook does, for
    page.meta: at thousands of pages the copies cost time and, above all, garbage collections).
    """
    kind = type(value)
    if kind is str:
        if placeholder_text is not None and ("[[" in value or "TODO" in value):
            placeholder_text.append(True)
        return value
    if kind in _LEAVES:
        return value
    if kind is dict or kind is list:  # text and leaves handled here, not by a call each: every page, every build
        out = value if in_place else {} if kind is dict else [None] * len(value)
        keys_to_check = in_place and kind is dict
        for key, child in (value.items() if kind is dict else enumerate(value)):
            if keys_to_check and type(key) is not str:
                return normalise(value, placeholder_text)  # keys to change: a new dict (rare: YAML like "2: x")
            child_kind = type(child)
            if child_kind is str or child_kind in _LEAVES:
                if child_kind is str and placeholder_text is not None and ("[[" in child or "TODO" in child):
                    placeholder_text.append(True)
                if in_place:
                    continue  # as JSON has it already
            else:
                child = normalise(child, placeholder_text, in_place=in_place)
            out[key if kind is list or type(key) is str else str(key)] = child
        return out
    if isinstance(value, dict):
        return normalise(dict(value), placeholder_text)
    if isinstance(value, (list, tuple)):
        return normalise(list(value), placeholder_text)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value  # NaN and anything else: the schema judges them


def check_meta(meta: dict, model: Model, today: dt.date, *, normalised: bool = False,
               placeholder_text: bool = True) -> list[tuple[tuple, str]]:
    """All problems with one page's front-matter, as (field path, message), schema order.

    `normalised`: `meta` has been through normalise() already (saves a second walk), which also
    said whether any text in it holds `placeholder_text`.
    """
    data = meta
    if not normalised:
        seen: list = []
        data = normalise(meta, seen)
        placeholder_text = bool(seen)
    valid = model.is_valid(data)
    if valid and not placeholder_text:  # the usual case: only the rules a schema cannot say
        return _check_semantics(data, model, today)
    placeholders = list(_placeholders(data, ())) if placeholder_text else []
    found = [(path, f"template placeholder {text!r} is still here: replace it with your own text")
             for path, text in placeholders]
    for error in ([] if valid else model.validator.iter_errors(data)):
        path = tuple(error.absolute_path)
        if not any(path[: len(p)] == p for p, _ in placeholders):  # one message per unfilled field
            found.extend(_explain(error, model))
    if any(path == ("items",) and "only allowed on resource lists" in message for path, message in found):
        found = [(path, message) for path, message in found if path[:1] != ("items",) or path == ("items",)]
    found.extend(_check_semantics(data, model, today))
    unique, seen = [], set()
    for path, message in found:
        if (path, message) not in seen:
            seen.add((path, message))
            unique.append((path, message))
    return unique


def _placeholders(value, path: tuple):
    """Template text like "[[Write a one-line description]]" left in the front-matter."""
    if isinstance(value, str):
        match = PLACEHOLDER.search(value)
        if match:
            yield path, match.group(0)
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _placeholders(child, path + (key,))
    elif isinstance(value, list):
        for number, child in enumerate(value):
            yield from _placeholders(child, path + (number,))


def check_citations(body: str, source_count: int) -> list[tuple[int, str]]:
    """[^N] markers that point past the sources list, as (body line, message)."""
    if _citation_numbers(source_count).issuperset(CITATION.findall(body)):
        return []  # the usual case ([^1] to [^source_count] only), found without walking the lines
    problems = []
    for number, line in _citations(body):
        if not 1 <= number <= source_count:
            problems.append((line, f"[^{number}] cites source {number}, but the page lists {source_count} "
                                   f"source{'s' if source_count != 1 else ''} (add it to sources, or fix the number)"))
    return problems


def field_name(path: tuple) -> str:
    """("items", 3, "year") -> "items[3].year"."""
    name = ""
    for step in path:
        name += f"[{step}]" if isinstance(step, int) else (f".{step}" if name else str(step))
    return name or "front-matter"


def band_for(ages_value, model: Model) -> dict | None:
    try:
        span = parse_ages(ages_value)
    except AgeError:
        return None
    return next((b for b in model.age_bands if (b["min_months"], b["max_months"]) == span), None)


# --- helpers -------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _citation_numbers(source_count: int) -> frozenset[str]:
    return frozenset(str(number) for number in range(1, source_count + 1))


def _citations(body: str):
    for number, text in prose_lines(body):
        for match in CITATION.finditer(text):
            yield int(match.group(1)), number


def _check_situations(taxonomy, path) -> list[dict]:
    items = (taxonomy or {}).get("situations") if isinstance(taxonomy, dict) else None
    if not isinstance(items, list) or not items:
        raise ModelError(f"{path}: situations: add a list of situations (slug, title, description, ages)")
    seen, situations = set(), []
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("slug", "title", "description")):
            raise ModelError(f"{path}: situations[{index}]: each situation needs slug, title and description as text")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["slug"]) or item["slug"] in seen:
            raise ModelError(f"{path}: situations[{index}].slug: {item['slug']!r} must be unique, lowercase words joined by hyphens")
        try:
            low, high = parse_ages(item.get("ages"))
        except AgeError as error:
            raise ModelError(f"{path}: situations[{index}].ages: {error} (the ages this situation is covered for, "
                             f"{AGES_ALLOWED})") from error
        seen.add(item["slug"])
        situations.append({"slug": item["slug"], "title": item["title"], "description": item["description"],
                           "ages": {"min_months": low, "max_months": high}})
    return situations


def _check_bands(taxonomy, path) -> list[dict]:
    bands = []
    for index, item in enumerate(taxonomy.get("age_bands") or []):
        try:
            low, high = parse_ages(item["ages"])
        except (AgeError, KeyError, TypeError) as error:
            raise ModelError(f"{path}: age_bands[{index}].ages: {error}") from error
        bands.append({"slug": item["slug"], "title": item["title"], "ages": str(item["ages"]),
                      "min_months": low, "max_months": high})
    bands.sort(key=lambda b: b["min_months"])
    expected = 0
    for band in bands:
        if band["min_months"] != expected:
            raise ModelError(f"{path}: age_bands: {band['slug']} starts at {band['min_months']} months, "
                             f"expected {expected}: bands must not overlap or leave gaps")
        expected = band["max_months"] + 1
    if not bands:
        raise ModelError(f"{path}: age_bands: add the age bands (slug, title, ages)")
    return bands


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a set of fields",
               "number": "a number", "boolean": "true or false"}
_FORMATS = {"date": "a date written YYYY-MM-DD, like 2026-11-29"}


def _explain(error, model: Model) -> list[tuple[tuple, str]]:
    path = tuple(error.absolute_path)
    validator, value, schema = error.validator, error.instance, error.schema
    if validator == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [key for key in value if key not in allowed]
        return [(path + (key,), f"unknown field {hint(', '.join(allowed), key, allowed)}") for key in extra]
    if validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        results = []
        for name in missing:
            description = _description(schema.get("properties", {}).get(name, {}), model.schema)
            if not description and not path:
                description = _description(model.schema["properties"].get(name, {}), model.schema)
            results.append((path + (name,), f"is missing: add it{(' - ' + description) if description else ''}"))
        return results
    if validator == "enum":
        choices = [str(c) for c in error.validator_value]
        if len(path) >= 2 and path[-2] == "situations":
            return [(path, f"{value!r} is not a situation {hint('a slug from schema/taxonomy.yml, such as ' + ', '.join(choices[:3]) + ', ...', value, choices)}")]
        return [(path, f"{value!r} is not allowed {hint(', '.join(choices), value, choices)}")]
    if validator == "const":
        return [(path, f"must be {error.validator_value!r}")]
    if validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        return [(path, f"must be {words}, not {_describe(value)}")]
    if validator in ("minLength", "maxLength"):
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        span = f"{low}-{high}" if high else f"at least {low}"
        return [(path, f"is {len(value)} characters; write {span} characters")]
    if validator in ("minItems", "maxItems"):
        if path and path[-1] == "sources":
            return [(path, f"lists {len(value)} source{'s' if len(value) != 1 else ''}; this page type needs at least "
                           f"{error.validator_value} reputable sources you read (title, publisher, https url)")]
        return [(path, f"lists {len(value)}; it needs at least {error.validator_value}")]
    if validator == "uniqueItems":
        return [(path, "lists the same value twice: remove the repeat")]
    if validator in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        return [(path, f"{value!r} is out of range (allowed: {low} to {high})")]
    if validator == "format":
        if error.validator_value == "age-range":
            reason = error.cause if error.cause else f"{value!r} is not an age range"
            return [(path, f"{reason} (allowed: {AGES_ALLOWED})")]
        return [(path, f"{value!r} is not {_FORMATS.get(error.validator_value, error.validator_value)}")]
    if validator == "pattern":
        if isinstance(value, str) and value.lower().startswith("http://"):
            return [(path, f"{value!r} uses http://: use the https:// address (allowed: https only)")]
        if path and path[-1] == "isbn":
            return [(path, f"{value!r} is not an ISBN (allowed: 10 or 13 digits, no hyphens or spaces)")]
        if path and path[-1] == "url":
            return [(path, f"{value!r} is not a full web address (allowed: https://… addresses only)")]
        return [(path, f"{value!r} does not match the expected form")]
    if schema is False:
        if not path:  # jsonschema leaves the path empty for a `false` property schema
            path = ("items",)
        return [(path, "is only allowed on resource lists: remove it, or set type: resource-list")]
    if validator in ("if", "allOf", "then"):
        return []
    return [(path, error.message)]


def _description(prop: dict, root: dict) -> str:
    if isinstance(prop, dict) and "$ref" in prop:
        prop = root["$defs"].get(prop["$ref"].rsplit("/", 1)[-1], {})
    return prop.get("description", "") if isinstance(prop, dict) else ""


def _describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)


def _check_semantics(data: dict, model: Model, today: dt.date) -> list[tuple[tuple, str]]:
    """Rules a JSON Schema cannot say: dates in the future, duplicate anchors, age bands."""
    problems = []
    if not isinstance(data, dict):
        return problems
    reviewed = data.get("reviewed")
    if isinstance(reviewed, str):
        when = _day(reviewed)
        if when and when > today:
            problems.append((("reviewed",), f"{reviewed} is in the future: use the date you checked the sources "
                                            f"(today is {today.isoformat()})"))
    if data.get("type") == "age-guide" and "ages" in data and band_for(data["ages"], model) is None:
        bands = ", ".join(f'"{b["ages"]}"' for b in model.age_bands)
        try:
            parse_ages(data["ages"])
            problems.append((("ages",), f"an age guide covers exactly one age band (allowed: {bands}; see schema/taxonomy.yml)"))
        except AgeError:
            pass
    items = data.get("items")
    if isinstance(items, list):
        anchors: dict[str, int] = {}
        for index, item in enumerate(items):
            if isinstance(item, dict) and isinstance(item.get("title"), str):
                anchor = slugify(item["title"])
                if anchor in anchors:
                    problems.append((("items", index, "title"), f"{item['title']!r} repeats item {anchors[anchor]}'s "
                                     f"link anchor #{anchor}: each title in a list must be different"))
                else:
                    anchors[anchor] = index
                if data.get("ages") is not None and item.get("ages") is not None:
                    problems.extend(_item_outside_list(data["ages"], item["ages"], index))
    return problems


@lru_cache(maxsize=1024)  # a site has a few dozen review dates
def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _item_outside_list(list_ages, item_ages, index) -> list[tuple[tuple, str]]:
    try:
        outer, inner = parse_ages(list_ages), parse_ages(item_ages)
    except AgeError:
        return []
    if not overlaps(outer, inner):
        return [(("items", index, "ages"), f"{item_ages!r} does not overlap the list's ages {list_ages!r}: "
                                           "widen the list's ages or fix the item's")]
    return []


@lru_cache(maxsize=16384)  # each item title is slugified by the check, the index and the page: once is enough
def slugify(text: str) -> str:
    """The anchor of a title: lowercase, every run of other characters becomes one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"

