"""Page-speed benchmark: Lighthouse on the real site and on a plain mkdocs-material site, measured in the same run.

    .venv/bin/python bench/lighthouse_bench.py                 # eight page types, mobile and desktop, 2 rounds
    .venv/bin/python bench/lighthouse_bench.py --runs 3 --presets mobile --json-dir /tmp/lh
    .venv/bin/python bench/lighthouse_bench.py --presets mobile --modes quiet,load   # and again under load

It builds this site with its hooks (the real mkdocs.yml), and a baseline: a plain mkdocs-material site generated
into a temporary folder from the same home page and docs/lessons/*.md, with a minimal mkdocs.yml holding the same
theme settings and Markdown extensions and no hooks (the lessons' markers stay HTML comments there). Both are
served on loopback by http.server threads (the baseline without repo_url, see baseline_project), gzipped as GitHub Pages serves them, each with its site_url set to its
own address. Lighthouse 12 (node_modules, `make bench-tools`) runs with its default mobile emulation and throttling and
with --preset=desktop on eight page types: home, a lesson, the glossary index, a term page, the quiz list, a quiz
page, the link profile and the review deck. The baseline has a home page and lessons only: the other page types are set beside
the baseline's lesson. Each round runs every page once, baseline and seokb in turn, so that a neighbour loading
the machine weighs on both; the table gives the median of the rounds and, for performance, the lowest and highest
score. Lighthouse's figures move with the machine's load: compare the two columns, not runs on other days.

--modes quiet,load measures twice: once with nothing of its own beside Lighthouse ("quiet"), then with a build loop
running beside it ("load": this site built strictly into a temporary folder, again and again, a stand-in for the
other builds and tests of a shared machine and for a real phone's slower CPU), and prints a table for each.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median

import yaml

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--no-first-run --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
# Page type -> its path on the real site, and on the baseline (which has a home page and lessons only).
PAGES = {
    "home": ("", ""),
    "lesson": ("lessons/what-is-a-backlink/", "lessons/what-is-a-backlink/"),
    "glossary index": ("glossary/", "lessons/what-is-a-backlink/"),
    "term page": ("glossary/backlink/", "lessons/what-is-a-backlink/"),
    "quiz list": ("quizzes/", "lessons/what-is-a-backlink/"),
    "quiz page": ("quizzes/judge-a-quilting-guild-link/", "lessons/what-is-a-backlink/"),
    "link profile": ("link-profile/", "lessons/what-is-a-backlink/"),
    "review deck": ("review/", "lessons/what-is-a-backlink/"),
}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


# ---------------------------------------------------------------------------------------------- the two sites


def baseline_project(folder: Path) -> Path:
    """A plain mkdocs-material project: the home page and the lessons, this site's theme settings, no hooks."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    docs = folder / "docs"
    (docs / "lessons").mkdir(parents=True)
    shutil.copy(REPO / "docs" / "index.md", docs / "index.md")
    lessons = sorted((REPO / "docs" / "lessons").glob("*.md"))
    for lesson in lessons:
        shutil.copy(lesson, docs / "lessons" / lesson.name)
    nav_lessons = next(item["Lessons"] for item in config["nav"] if isinstance(item, dict) and "Lessons" in item)
    plain = {
        "site_name": config["site_name"],
        "site_description": config["site_description"],
        "site_url": "http://127.0.0.1/",
        # No repo_url: with it the theme fetches star counts from api.github.com on every view, which this site's
        # override does not (partials/source.html); on loopback the request would only fail and blur the figures.
        "theme": config["theme"],
        "markdown_extensions": config["markdown_extensions"],
        "nav": [
            {"Home": "index.md"},
            {"Lessons": [item for item in nav_lessons if str(next(iter(item.values()))).startswith("lessons/")]},
        ],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(plain, sort_keys=False), encoding="utf-8")
    return folder


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as their default value."""


def _env_default(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    return value[-1] if value else ""


_IgnoreTags.add_constructor("!ENV", _env_default)


def build(project: Path, site: Path, site_url: str, *, hooks: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    command = [str(REPO / ".venv" / "bin" / "mkdocs"), "build", "--quiet", "--site-dir", str(site)]
    if hooks:
        command.insert(3, "--strict")
    else:  # the baseline's own mkdocs.yml, with its address
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("http://127.0.0.1/", site_url), encoding="utf-8")
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stderr[-3000:]}")


@contextmanager
def build_loop(folder: Path) -> Iterator[list[float]]:
    """This site built again and again beside whatever runs in the block; yields the list of build times so far."""
    stop = threading.Event()
    times: list[float] = []
    command = [str(REPO / ".venv" / "bin" / "mkdocs"), "build", "--quiet", "--strict", "--site-dir", str(folder)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

    def loop() -> None:
        while not stop.is_set():
            start = time.perf_counter()
            subprocess.run(command, cwd=REPO, env=env, capture_output=True)
            times.append(time.perf_counter() - start)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield times
    finally:
        stop.set()
        thread.join()


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser asks and the type compresses, as GitHub Pages serves them."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSED
            or not path.is_file()
            or not self.path.split("?")[0].endswith(("/", *COMPRESSED))
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(site: Path, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---------------------------------------------------------------------------------------------- Lighthouse


def lighthouse(url: str, preset: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-path={CHROME}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not result.stdout.strip():
        raise RuntimeError(f"lighthouse {url} ({preset}) failed: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def summary(report: Mapping) -> dict:
    """The figures the table shows, from one Lighthouse JSON report."""
    audits = report["audits"]
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    fetched = [r for r in requests if not str(r.get("url", "")).startswith("data:")]
    return {
        **{name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES},
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits.get("total-blocking-time", {}).get("numericValue", 0.0),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kib": sum(r.get("transferSize", 0) for r in fetched) / 1024,
        "requests": len(fetched),
    }


def _cell(values: list[dict], key: str, spread: bool = False) -> str:
    numbers = [v[key] for v in values]
    middle = median(numbers)
    if key in CATEGORIES:
        text = f"{middle:.0f}"
        if spread and len(numbers) > 1 and min(numbers) != max(numbers):
            text += f" ({min(numbers):.0f}–{max(numbers):.0f})"
        return text
    if key == "lcp":
        return f"{middle:.1f} s"
    if key == "tbt":
        return f"{middle:.0f} ms"
    if key == "cls":
        return f"{middle:.2f}"
    if key == "kib":
        return f"{middle:.0f}"
    return f"{middle:.0f}"


def table(results: Mapping[tuple[str, str, str], list[dict]]) -> str:
    """A Markdown table from summaries keyed by (site, page type, preset): seokb beside the baseline per row."""
    header = (
        "| page | preset | perf (lowest–highest) | a11y | bp | seo | LCP | TBT | CLS | KiB, requests "
        "| baseline perf | a11y | bp | seo | LCP | TBT | CLS | KiB, requests |"
    )
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    pages = list(dict.fromkeys(page for _, page, _ in results))
    presets = list(dict.fromkeys(preset for _, _, preset in results))
    for preset in presets:
        for page in pages:
            ours = results.get(("seokb", page, preset))
            theirs = results.get(("baseline", page, preset))
            if not ours:
                continue
            row = [page, preset, _cell(ours, "performance", spread=True)]
            row += [_cell(ours, name) for name in CATEGORIES[1:]]
            row += [
                _cell(ours, "lcp"),
                _cell(ours, "tbt"),
                _cell(ours, "cls"),
                f"{_cell(ours, 'kib')}, {_cell(ours, 'requests')}",
            ]
            if theirs:
                row += [_cell(theirs, "performance", spread=True)] + [_cell(theirs, n) for n in CATEGORIES[1:]]
                row += [_cell(theirs, "lcp"), _cell(theirs, "tbt"), _cell(theirs, "cls")]
                row += [f"{_cell(theirs, 'kib')}, {_cell(theirs, 'requests')}"]
            else:
                row += ["–"] * 8
            lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def run_rounds(
    urls: Mapping[str, str], pages: Iterable[str], presets: Iterable[str], runs: int, json_dir: Path | None
) -> dict[tuple[str, str, str], list[dict]]:
    results: dict[tuple[str, str, str], list[dict]] = {}
    pages, presets = list(pages), list(presets)
    baseline_done: dict[tuple[str, str, int], dict] = {}
    for number in range(1, runs + 1):
        for preset in presets:
            for page in pages:
                ours_path, base_path = PAGES[page]
                # The baseline page is measured once per round and preset, then set beside each page type it stands for.
                key = (base_path, preset, number)
                if key not in baseline_done:
                    baseline_done[key] = _measure(urls["baseline"] + base_path, preset, json_dir, f"baseline-{number}")
                results.setdefault(("baseline", page, preset), []).append(baseline_done[key])
                results.setdefault(("seokb", page, preset), []).append(
                    _measure(urls["seokb"] + ours_path, preset, json_dir, f"seokb-{number}")
                )
                print(
                    f"round {number} {preset:7} {page:15} seokb {results[('seokb', page, preset)][-1]['performance']}"
                    f"  baseline {baseline_done[key]['performance']}",
                    file=sys.stderr,
                    flush=True,
                )
    return results


def _measure(url: str, preset: str, json_dir: Path | None, label: str) -> dict:
    report = lighthouse(url, preset)
    if json_dir is not None:
        name = url.split("/", 3)[-1].strip("/").replace("/", "_") or "home"
        (json_dir / f"{label}-{preset}-{name}.json").write_text(json.dumps(report), encoding="utf-8")
    return summary(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2, help="rounds over every page (default 2)")
    parser.add_argument("--presets", default="mobile,desktop", help="mobile, desktop or both (default)")
    parser.add_argument("--pages", default=",".join(PAGES), help="page types, comma-separated (default: all eight)")
    parser.add_argument("--json-dir", type=Path, help="keep every Lighthouse report here")
    parser.add_argument(
        "--modes", default="quiet", help="quiet, load (a build loop beside Lighthouse) or both, comma-separated (default quiet)"
    )
    parser.add_argument(
        "--from-json",
        type=Path,
        nargs="+",
        help="only print the table of these saved reports (named <site>-<run>-<preset>-<page>.json, as --json-dir writes them)",
    )
    args = parser.parse_args(argv)
    if args.from_json:
        print(table(tables_from_files(args.from_json)))
        return 0
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is missing: run `make bench-tools` (npm ci with the optional Lighthouse) first")
    pages = [page.strip() for page in args.pages.split(",") if page.strip()]
    unknown = [page for page in pages if page not in PAGES]
    if unknown:
        sys.exit(f"unknown page types {unknown}; known: {', '.join(PAGES)}")
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    if set(modes) - {"quiet", "load"}:
        sys.exit(f"unknown modes {modes}; known: quiet, load")
    if args.json_dir:
        args.json_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seokb-lighthouse-") as temp:
        folder = Path(temp)
        ports = {"seokb": free_port(), "baseline": free_port()}
        urls = {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}
        build(REPO, folder / "seokb", urls["seokb"], hooks=True)
        build(baseline_project(folder / "baseline-project"), folder / "baseline", urls["baseline"], hooks=False)
        servers = [serve(folder / name, port) for name, port in ports.items()]
        tables = []
        try:
            for mode in modes:
                json_dir = args.json_dir / mode if args.json_dir else None
                if json_dir:
                    json_dir.mkdir(exist_ok=True)
                if mode == "quiet":
                    results = run_rounds(urls, pages, args.presets.split(","), args.runs, json_dir)
                    tables.append(f"## quiet\n\n{table(results)}")
                    continue
                with build_loop(folder / "loop-site") as times:
                    results = run_rounds(urls, pages, args.presets.split(","), args.runs, json_dir)
                    loop = f"{len(times)} builds of this site beside Lighthouse, median {median(times or [0]):.1f} s"
                tables.append(f"## under load ({loop})\n\n{table(results)}")
        finally:
            for server in servers:
                server.shutdown()
    print("\n\n".join(tables))
    return 0


def tables_from_files(paths: Iterable[Path]) -> dict[tuple[str, str, str], list[dict]]:
    """Saved reports back into the table's shape; the page type is found from the report's URL."""
    by_path = {ours: page for page, (ours, _) in PAGES.items()}
    results: dict[tuple[str, str, str], list[dict]] = {}
    for path in paths:
        report = json.loads(Path(path).read_text(encoding="utf-8"))
        site, _, preset = path.stem.split("-", 3)[:3]
        url_path = report["requestedUrl"].split("/", 3)[-1]
        if site == "baseline":
            for page, (_, base) in PAGES.items():
                if base == url_path:
                    results.setdefault((site, page, preset), []).append(summary(report))
        else:
            results.setdefault((site, by_path.get(url_path, url_path), preset), []).append(summary(report))
    return results


if __name__ == "__main__":
    raise SystemExit(main())
