#!/usr/bin/env python3
"""`make check`: the contributor's fast check.

Runs the real build's validation (schema, taxonomy, safety, placeholders, links and anchors) into a
throw-away folder, then prints every problem at once as `path:line: field: message`, with the
reading level as a warning. Under GitHub Actions it also prints `::error file=…,line=…::…` so the
problems show inline on the pull request. Exit status 1 on any error.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from problems import Problem  # noqa: E402
from readability import TARGET_GRADE, grade  # noqa: E402


def run_build(config_file: Path) -> tuple[list[Problem], list[str]]:
    """Our problems and MkDocs' own warnings from one strict build into a temporary folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    warnings: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.propagate = False  # we print everything ourselves, once
    try:
        with tempfile.TemporaryDirectory() as site:
            config = load_config(str(config_file), site_dir=site, strict=True)
            try:
                build(config)
            except Abort:
                pass
    except ConfigurationError as error:
        warnings.append(f"mkdocs.yml: {error}")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    # MkDocs registers the hook module under its path; its state holds the structured problems.
    hook = next((m for m in list(sys.modules.values())
                 if getattr(m, "__file__", "") and m.__file__.endswith("littlesteps.py") and hasattr(m, "_build")), None)
    problems = sorted(set(hook._build.get("problems", []))) if hook else []
    with_links = {p.path.removeprefix("docs/") for p in problems if p.field == "link"}
    others = [w for w in warnings if not w.startswith("littlesteps: ") and not w.startswith("Aborted")
              and not re.match(r"\d+ problems? in the pages above", w)
              and not any(f"Doc file '{path}' contains a link" in w for path in with_links)]
    return problems, others


def reading_levels(docs: Path) -> list[Problem]:
    found = []
    for path in sorted(docs.glob("strategies/*.md")) + sorted(docs.glob("ages/*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("---\n", 2)[2] if text.startswith("---") and text.count("---\n") >= 2 else text
        level = grade(body)
        if level > TARGET_GRADE:
            found.append(Problem(path.relative_to(docs.parent).as_posix(), 1, "reading-level",
                                 f"reads at US grade {level}; aim for {TARGET_GRADE} or lower "
                                 "(shorter sentences, everyday words)"))
    return found


def main() -> int:
    config_file = ROOT / "mkdocs.yml"
    problems, others = run_build(config_file)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem)
        if annotate:
            print(problem.github_annotation())
    for warning in others:
        print(f"mkdocs: {warning}")
        if annotate:
            print(f"::error::{warning}")
    levels = reading_levels(ROOT / "docs")
    for level in levels:
        print(f"{level} (warning)")
        if annotate:
            print(level.github_annotation().replace("::error", "::warning", 1))
    errors = len(problems) + len(others)
    if errors:
        print(f"\n{errors} error{'s' if errors != 1 else ''}: fix each line above, then run `make check` again.")
        return 1
    print(f"All pages pass ({len(levels)} reading-level warning{'s' if len(levels) != 1 else ''}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
