#!/usr/bin/env python3
"""Finder benchmark: script size, data cost per entry, and filter time for 5,000 entries in Chromium.

Targets (issue: the finder): finder.js <= 6 KB gzipped; <= 150 bytes gzipped of page data per
entry; filtering 5,000 entries <= 16 ms median. Run: .venv/bin/python benchmarks/finder.py
"""
from __future__ import annotations

import gzip
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import ROOT, index_entries  # noqa: E402

from index import build_index  # noqa: E402
from render import finder_html  # noqa: E402
from schema import load_model  # noqa: E402

ENTRIES = 5000
RUNS = 40
WARMUP = 8  # first runs include JIT compilation; they are measured but not counted


def main() -> dict:
    script = (ROOT / "docs/assets/finder.js").read_bytes()
    index = build_index(index_entries(ENTRIES), load_model())
    html = finder_html(index, "finder/")
    empty = finder_html(build_index([], load_model()), "finder/")
    per_entry = (len(gzip.compress(html.encode(), 9)) - len(gzip.compress(empty.encode(), 9))) / ENTRIES
    results = {"entries": ENTRIES, "script_gzip_bytes": len(gzip.compress(script, 9)),
               "data_gzip_bytes_per_entry": round(per_entry, 1),
               "data_raw_bytes_per_entry": round((len(html) - len(empty)) / ENTRIES, 1)}
    results.update(_filter_times(html, script.decode()))
    return results


def _filter_times(html: str, script: str) -> dict:
    from browser import CHROMIUM_ARGS, chromium_path, serve
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as folder:
        # The finder as the site serves it: Material's and our styles, the page's markup and script.
        material = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/main.*.min.css"))
        styles = material.read_text(encoding="utf-8") + (ROOT / "docs/assets/littlesteps.css").read_text(encoding="utf-8")
        Path(folder, "index.html").write_text(
            f"<!doctype html><meta charset=utf-8><style>{styles}</style><body dir=ltr><div class='md-typeset'>{html}"
            f"</div><script>{script}</script></body>", encoding="utf-8")
        server, url = serve(Path(folder))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url)
                measure = """([runs, warmup, layout]) => {
                    const select = document.querySelector('#ls-finder-age');
                    const box = document.querySelector('input[name=situation]');
                    const ages = ['1', '4', '7', '10', '', '3', '12m', '6'];
                    const times = [];
                    for (let i = 0; i < runs + warmup; i++) {
                        select.value = ages[i % ages.length];
                        if (i % 3 === 0) box.checked = !box.checked;
                        document.body.offsetHeight;   // start from a settled page
                        const start = performance.now();
                        select.dispatchEvent(new Event('change', {bubbles: true}));
                        if (layout) document.body.offsetHeight;   // add the style and layout it causes
                        if (i >= warmup) times.push(performance.now() - start);
                    }
                    return times;
                }"""
                script_only = page.evaluate(measure, [RUNS, WARMUP, False])
                samples = page.evaluate(measure, [RUNS, WARMUP, True])
                visible = page.evaluate("document.querySelector('[data-finder-count]').textContent")
                browser.close()
        finally:
            server.shutdown()
    return {"filter_script_ms_median": round(statistics.median(script_only), 2),
            "filter_with_layout_ms_median": round(statistics.median(samples), 2),
            "filter_with_layout_ms_max": round(max(samples), 2), "runs": RUNS, "last_status": visible}


if __name__ == "__main__":
    if not shutil.which("chromium"):
        sys.exit("Chromium is needed: sudo apt-get install chromium")
    print(json.dumps(main(), indent=1))
