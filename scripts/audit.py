#!/usr/bin/env python3
"""`make audit`: Lighthouse (pinned in audit/package.json) on the home page, the finder and a
strategy page, with its default mobile settings, against the built site served on 127.0.0.1.

Targets: performance >= 95; accessibility, best practices and SEO = 100. Each page is audited
RUNS times (default 3) and the median score counts, as Lighthouse's own docs advise, because
performance scores vary from run to run. Prints the scores (and writes audit/report.json); exits 1
if a target is missed. With AUDIT_PERFORMANCE_WARN_ONLY=1 (CI), a performance score under 95 is
printed as a warning: it depends on how busy the machine is, while the other three categories
do not, and must be 100.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_path, serve  # noqa: E402

PAGES = {"home": "", "finder": "finder/?age=4&situation=separation-anxiety",
         "strategy": "strategies/preschool-drop-off-tears/"}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def lighthouse(url: str, chrome: str) -> dict:
    binary = ROOT / "audit/node_modules/.bin/lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci" if (ROOT / "audit/package-lock.json").exists() else "install",
                        "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT / "audit", check=True, timeout=600)
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    done = subprocess.run([str(binary), url, "--output=json", "--quiet", f"--chrome-flags={flags}",
                           "--only-categories=performance,accessibility,best-practices,seo"],
                          capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    scores = {key: round(100 * cat["score"]) for key, cat in report["categories"].items()}
    failing = {key: [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1
                     and a["id"] in {ref["id"] for ref in report["categories"][key]["auditRefs"] if ref["weight"] > 0}]
               for key in report["categories"]}
    metrics = {key: report["audits"][key]["displayValue"] for key in
               ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "speed-index") if key in report["audits"]}
    return {"scores": scores, "metrics": metrics, "below_full_marks": failing}


def main() -> int:
    chrome = chromium_path()
    if not chrome:
        sys.exit("Chromium is needed: sudo apt-get install chromium")
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("Build the site first: make build")
    server, base = serve(site, 0)
    runs = int(os.environ.get("RUNS", "3"))
    results = {}
    try:
        for name, path in PAGES.items():
            tries = sorted((lighthouse(base + path, chrome) for _ in range(runs)),
                           key=lambda r: r["scores"]["performance"])
            median = tries[len(tries) // 2]
            median["scores"] = {key: sorted(t["scores"][key] for t in tries)[len(tries) // 2] for key in TARGETS}
            median["performance_runs"] = [t["scores"]["performance"] for t in tries]
            results[name] = median
    finally:
        server.shutdown()
    (ROOT / "audit/report.json").write_text(json.dumps(results, indent=1))
    missed = []
    print("| page | " + " | ".join(TARGETS) + " |\n|---|" + "---:|" * len(TARGETS))
    for name, result in results.items():
        print(f"| {name} | " + " | ".join(str(result["scores"][k]) for k in TARGETS) + " |")
        missed += [f"{name} {k} {result['scores'][k]} < {t}" for k, t in TARGETS.items() if result["scores"][k] < t]
    for name, result in results.items():
        print(f"{name}: performance in {len(result['performance_runs'])} runs {result['performance_runs']}; "
              + ", ".join(f"{k} {v}" for k, v in result["metrics"].items()))
        for category, audits in result["below_full_marks"].items():
            if audits:
                print(f"{name} {category}: not full marks on {', '.join(audits)}")
    if missed:
        print("Missed: " + "; ".join(missed))
        soft = os.environ.get("AUDIT_PERFORMANCE_WARN_ONLY") == "1"
        if soft and all(" performance " in m for m in missed):
            print("Only performance missed: reported as a warning (AUDIT_PERFORMANCE_WARN_ONLY=1).")
            return 0
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
