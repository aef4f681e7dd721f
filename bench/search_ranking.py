"""How often a glossary term's name or alias puts its entry first in the site's search, as a reader gets it.

    .venv/bin/mkdocs build && .venv/bin/python bench/search_ranking.py site [--theme-alone]

It serves the built site on loopback, opens its home page in Chromium and, in that page, makes the search worker as
the theme's bundle makes it, `new Worker(<the theme's worker>)`: through the page's own scripts, so the site's
search-names.js runs the theme's worker inside the one that looks the query up in the index's `names` field. It
hands the worker the site's search_index.json (suggestions off), asks it every name and alias of glossary/*.yml,
and prints each one whose entry is not the first result, then the count. --theme-alone makes the worker in a page
without the site's scripts (the index itself, shown as JSON): the theme's worker as it is, on the same index. No
other host is asked anything.

7 December 2026 (bench/README.md): 215 of 215; --theme-alone 168 of 215, as before the names field (074d955).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
ASK_EVERY = """async ([site, worker, cases]) => {
  const index = await (await fetch(site + 'search/search_index.json')).json();
  const search = new Worker(site + worker);
  const ask = message => new Promise(done => { search.onmessage = event => done(event.data); search.postMessage(message); });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});  // SETUP -> READY
  const firsts = [];
  for (const [query] of cases) {
    const result = await ask({type: 2, data: query});  // QUERY -> RESULT
    firsts.push(result.data.items.length ? result.data.items[0][0].location : '');
  }
  return firsts;
}"""


def cases() -> list[tuple[str, str]]:
    found = []
    for path in sorted((REPO / "glossary").glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(name, path.stem) for name in [entry["term"], *(entry.get("aliases") or [])]]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--theme-alone", action="store_true", help="the theme's worker without the site's scripts")
    args = parser.parse_args(argv)
    worker = next(args.site.glob("assets/javascripts/workers/search.*.min.js")).relative_to(args.site).as_posix()
    port = 8791
    site = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "-b", "127.0.0.1", "-d", str(args.site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page()
            page.goto(site + ("search/search_index.json" if args.theme_alone else ""))
            asked = cases()
            firsts = page.evaluate(ASK_EVERY, [site, worker, asked])
            browser.close()
    finally:
        server.terminate()
    misses = [(query, slug, first) for (query, slug), first in zip(asked, firsts) if not first.startswith(f"glossary/{slug}/")]
    for query, slug, first in misses:
        print(f"{query!r:32} wants glossary/{slug}/, first is {first or 'nothing'}")
    print(f"{len(asked) - len(misses)} of {len(asked)} names and aliases put their entry first")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
