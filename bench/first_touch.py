"""What the theme on demand costs a reader: how long after the first touch the theme's bundle is running, on a phone.

    .venv/bin/python bench/first_touch.py --runs 5

scripts-on-demand.js loads mkdocs-material's bundle when the reader first touches, scrolls or types, so no theme
script runs before the page is read. The price is paid at that first touch: this measures it. It builds this site
and the plain mkdocs-material baseline of lighthouse_bench.py, serves both gzipped on loopback, and opens a lesson
in Chromium with Lighthouse's mobile conditions set through the DevTools protocol (150 ms round trip, 1.6 Mbit/s
down, 750 kbit/s up, CPU slowed 4x). For each it reports the first contentful paint, and the moment the theme is
running (its document$ exists): on the baseline that is part of the load; on this site it is counted from a touch
made as soon as the text is painted (the earliest a reader can touch it: the page's own scripts are still arriving
and share the connection), and from a touch once they are in (a reader who has started reading). Medians of --runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from statistics import median

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lighthouse_bench as lb  # noqa: E402 - the two sites, built and served as lighthouse_bench.py does

LESSON = "lessons/what-is-a-backlink/"
PAINTED = "new Promise(done => new PerformanceObserver((list, o) => { o.disconnect(); done(list.getEntries()[0].startTime); })"
PAINTED += ".observe({type: 'paint', buffered: true}))"
THEME = "typeof document$ !== 'undefined'"


def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
    )
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    return context, page


def measure(browser, url: str, touch: str) -> tuple[float, float, float]:
    """(first contentful paint, touch, theme running) in ms from the navigation's start. `touch`: "none" (the
    baseline, whose theme runs as part of the load), "paint" (as soon as the text shows) or "settled" (once the page's
    own scripts have arrived and the network is quiet, as a reader who has started reading)."""
    context, page = phone(browser)
    page.goto(url, wait_until="commit")
    painted = page.evaluate(PAINTED)
    touched = painted
    if touch == "settled":
        page.wait_for_function("window.seokbScriptsLoaded === true", timeout=60_000)
        page.wait_for_load_state("networkidle")
    if touch != "none":
        touched = page.evaluate("window.dispatchEvent(new Event('pointerdown')), performance.now()")
    page.wait_for_function(THEME, timeout=60_000)
    running = page.evaluate("performance.now()")
    context.close()
    return painted, touched, running


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="seokb-touch-") as folder:
        root = Path(folder)
        ours_port, base_port = lb.free_port(), lb.free_port()
        lb.build(lb.REPO, root / "seokb", f"http://127.0.0.1:{ours_port}/", hooks=True)
        lb.build(lb.baseline_project(root / "baseline-project"), root / "baseline", f"http://127.0.0.1:{base_port}/", hooks=False)
        servers = [lb.serve(root / "seokb", ours_port), lb.serve(root / "baseline", base_port)]
        runs = {
            "baseline": (f"http://127.0.0.1:{base_port}/{LESSON}", "none"),
            "seokb, touched as the text shows": (f"http://127.0.0.1:{ours_port}/{LESSON}", "paint"),
            "seokb, touched once its scripts are in": (f"http://127.0.0.1:{ours_port}/{LESSON}", "settled"),
        }
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in runs}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=lb.CHROME)
            for _ in range(args.runs):
                for name, (url, touch) in runs.items():
                    results[name].append(measure(browser, url, touch))
            browser.close()
        for server in servers:
            server.shutdown()
    print("| site | first contentful paint | theme running | theme running, counted from the touch |")
    print("|---|---|---|---|")
    for site, measured in results.items():
        painted = median(p for p, _, _ in measured)
        running = median(r for _, _, r in measured)
        after = "–" if site == "baseline" else f"{median(r - t for _, t, r in measured):.0f} ms"
        print(f"| {site} | {painted:.0f} ms | {running:.0f} ms | {after} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
