#!/usr/bin/env python3
"""Speed at scale: build N synthetic pages (valid against the real schema and taxonomy) three ways,
each in its own process, and report CPU time, ms per page, peak memory, one page's HTML size and
search-index bytes per page.

  little-steps  the real mkdocs.yml: hook, pruned section nav, generated finder and hubs
  no-hook       the same config without the hook (same pages, same theme settings)
  stock         stock Material: default palette and features, automatic full nav, no hook

The hook's own cost is also measured inside the little-steps build: the CPU time spent in the hook's
event functions (validation, indexing, generating pages' Markdown), as a share of the whole build.
Run: .venv/bin/python benchmarks/scale.py 500 2000 5000 [--repeat 1] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from synthetic import write_pages  # noqa: E402

PROBE_PAGE = "strategies/synthetic-00001/index.html"

# Runs inside a fresh interpreter: one build, then its own resource usage as JSON.
BUILD = r"""
import gc, json, os, resource, sys, time
os.environ["NO_MKDOCS_2_WARNING"] = "1"
import logging; logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site_dir = sys.argv[1], sys.argv[2]
config = load_config(config_file, site_dir=site_dir)
hook_seconds = gc_in_hook = 0.0
full_collections = full_in_hook = 0
inside = False
gc_started = 0.0
def gc_timer(phase, info):  # collections that start inside the hook's functions, timed separately
    global gc_started, gc_in_hook, full_collections, full_in_hook
    if phase == "start":
        gc_started = time.process_time()
        return
    full_collections += info["generation"] == 2
    if inside:
        gc_in_hook += time.process_time() - gc_started
        full_in_hook += info["generation"] == 2
gc.callbacks.append(gc_timer)
hooks = config["hooks"] or {}
for module in hooks.values():
    for event in [f"on_{name}" for name in config.plugins.events]:  # every event MkDocs has: none missed
        original = getattr(module, event, None)
        if original is None:
            continue
        def timed(*args, __original=original, **kwargs):
            global hook_seconds, inside
            start = time.process_time()
            inside = True
            try:
                return __original(*args, **kwargs)
            finally:
                inside = False
                hook_seconds += time.process_time() - start
        setattr(module, event, timed)
        # MkDocs registered the original functions already: swap them in its event lists too.
        for handlers in config.plugins.events.values():
            for i, handler in enumerate(handlers):
                if handler is original:
                    handlers[i] = timed
start = time.process_time()
build(config)
cpu = time.process_time() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"cpu_s": cpu, "hook_cpu_s": hook_seconds, "hook_gc_s": gc_in_hook, "full_collections": full_collections,
                  "full_collections_in_hook": full_in_hook, "peak_mb": usage.ru_maxrss / 1024}))
"""


def write_configs(folder: Path, docs: Path) -> dict[str, Path]:
    import yaml
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    configs = {}
    ours = real.replace("hooks:\n  - hooks/littlesteps.py", f"hooks:\n  - {ROOT / 'hooks/littlesteps.py'}")
    ours = ours.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    ours = ours.replace("site_url: !ENV [SITE_URL, \"https://littlesteps.example/\"]", "site_url: https://littlesteps.example/")
    (folder / "little-steps.yml").write_text(ours + f"\ndocs_dir: {docs}\n", encoding="utf-8")
    configs["little-steps"] = folder / "little-steps.yml"
    no_hook = ours.replace(f"hooks:\n  - {ROOT / 'hooks/littlesteps.py'}", "hooks: []")
    (folder / "no-hook.yml").write_text(no_hook + f"\ndocs_dir: {docs}\n", encoding="utf-8")
    configs["no-hook"] = folder / "no-hook.yml"
    stock = {"site_name": "Stock", "site_url": "https://littlesteps.example/", "docs_dir": str(docs),
             "theme": {"name": "material", "font": False}, "plugins": ["search"],
             "markdown_extensions": ["attr_list", "footnotes", "tables", "admonition"]}
    (folder / "stock.yml").write_text(yaml.safe_dump(stock), encoding="utf-8")
    configs["stock"] = folder / "stock.yml"
    return configs


BUILDS = ("little-steps", "no-hook", "stock")


def measure(count: int, repeat: int = 1, builds: tuple[str, ...] = BUILDS, stock_repeat: int | None = None) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        docs = scratch / "docs"
        docs.mkdir()
        for rel in ("index.md", "teachers.md", "about", "assets", "contribute"):
            source = ROOT / "docs" / rel
            (shutil.copytree if source.is_dir() else shutil.copy)(source, docs / rel)
        (docs / "teachers.md").write_text("# For teachers\n", encoding="utf-8")
        write_pages(docs, count)
        configs = {name: path for name, path in write_configs(scratch, docs).items() if name in builds}
        best: dict[str, dict] = {}
        shares: dict[str, list[float]] = {}  # the hook's share of each run's CPU
        gc_shares: dict[str, list[float]] = {}  # ...of which garbage collections that began inside it
        full: dict[str, list[list[int]]] = {}  # full collections in each run: [all, begun inside the hook]
        # Interleaved (A, B, C, A, B, C...) and the fastest of each kept: on a shared machine the
        # background load drifts, and the minimum is the run it disturbed least.
        for run in range(repeat):
            for name, config in configs.items():
                if name == "stock" and stock_repeat is not None and run >= stock_repeat:
                    continue  # stock runs none of our code, and takes minutes: fewer runs of it
                site = scratch / f"site-{name}"
                shutil.rmtree(site, ignore_errors=True)
                done = subprocess.run([sys.executable, "-c", BUILD, str(config), str(site)], capture_output=True,
                                      text=True, timeout=3600)
                if done.returncode != 0:
                    raise SystemExit(f"{name} build failed:\n{done.stderr[-3000:]}")
                result = json.loads(done.stdout.strip().splitlines()[-1])
                shares.setdefault(name, []).append(result["hook_cpu_s"] / result["cpu_s"])
                gc_shares.setdefault(name, []).append(result["hook_gc_s"] / result["cpu_s"])
                full.setdefault(name, []).append([result["full_collections"], result["full_collections_in_hook"]])
                if name not in best or result["cpu_s"] < best[name]["cpu_s"]:
                    best[name] = result
        for name in configs:
            site = scratch / f"site-{name}"
            pages = sum(1 for _ in site.rglob("*.html"))
            search = site / "search/search_index.json"
            rows.append({"pages": count, "build": name, "cpu_s": round(best[name]["cpu_s"], 2),
                         "ms_per_page": round(1000 * best[name]["cpu_s"] / count, 2),
                         "hook_cpu_s": round(best[name]["hook_cpu_s"], 2),
                         "hook_share_runs": [round(100 * x, 2) for x in shares[name]],
                         "hook_gc_share_runs": [round(100 * x, 2) for x in gc_shares[name]],
                         "full_collections_runs": full[name],
                         "hook_gc_s": round(best[name]["hook_gc_s"], 2),
                         "peak_mb": round(best[name]["peak_mb"]), "html_pages": pages,
                         "page_html_kb": round((site / PROBE_PAGE).stat().st_size / 1024, 1),
                         "search_kb_per_page": round(search.stat().st_size / 1024 / count, 2)})
    return rows


def report(rows: list[dict]) -> str:
    lines = ["| pages | build | CPU s | ms/page | hook CPU s | peak MB | one page's HTML KB | search index KB/page |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['pages']} | {r['build']} | {r['cpu_s']} | {r['ms_per_page']} | {r['hook_cpu_s']} | "
                     f"{r['peak_mb']} | {r['page_html_kb']} | {r['search_kb_per_page']} |")
    by = {(r["pages"], r["build"]): r for r in rows}
    lines.append("")
    for count in sorted({r["pages"] for r in rows}):
        ours, bare = by.get((count, "little-steps")), by.get((count, "no-hook"))
        if ours and bare:
            runs = sorted(ours["hook_share_runs"])
            without_gc = sorted(a - b for a, b in zip(ours["hook_share_runs"], ours["hook_gc_share_runs"]))
            hosted = sum(inside for _, inside in ours["full_collections_runs"])
            lines.append(f"- {count} pages: the build with the hook (including every page it generates and adds to) "
                         f"used {100 * (ours['cpu_s'] / bare['cpu_s'] - 1):+.1f}% CPU against the same build without "
                         f"it; the hook's own functions took {100 * ours['hook_cpu_s'] / ours['cpu_s']:.1f}% of it, "
                         f"{100 * ours['hook_gc_s'] / ours['cpu_s']:.1f} points of which were garbage collections "
                         f"that began inside them (of each run: median {statistics.median(runs):.1f}%, "
                         f"{runs[0]:.1f}% to {runs[-1]:.1f}% over {len(runs)} runs; without those collections "
                         f"median {statistics.median(without_gc):.1f}%, {without_gc[0]:.1f}% to {without_gc[-1]:.1f}%; "
                         f"{hosted} of the runs' {sum(n for n, _ in ours['full_collections_runs'])} full collections "
                         f"began inside the hook).")
    counts = sorted({r["pages"] for r in rows})
    if len(counts) > 1 and (counts[0], "little-steps") in by:
        low, high = by[(counts[0], "little-steps")], by[(counts[-1], "little-steps")]
        lines.append(f"- ms per page from {counts[0]} to {counts[-1]} pages: x{high['ms_per_page'] / low['ms_per_page']:.2f}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[500, 2000, 5000])
    parser.add_argument("--repeat", type=int, default=1, help="builds per config; the fastest is kept")
    parser.add_argument("--builds", default=",".join(BUILDS), help="which builds, comma-separated (stock is slow)")
    parser.add_argument("--stock-repeat", type=int, help="runs of the stock build, if fewer than --repeat")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    builds = tuple(args.builds.split(","))
    rows = [row for count in args.counts for row in measure(count, args.repeat, builds, args.stock_repeat)]
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    print(report(rows))


if __name__ == "__main__":
    main()
