"""Shared fixtures: small throwaway projects built with the real hooks."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import threading
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HOOK = REPO / "hooks" / "seokb_hooks.py"


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("SITE_URL", None)
    return env


@dataclass
class Project:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", *extra],
            cwd=self.root, env=mkdocs_env(), capture_output=True, text=True, timeout=300,
        )

    def site(self, relative: str) -> str:
        return (self.root / "site" / relative).read_text(encoding="utf-8")


FIXTURE_CONFIG = f"""\
site_name: Fixture
site_url: https://example.org/fixture/
repo_url: https://github.com/example/fixture
edit_uri: edit/main/docs/
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
hooks:
  - {HOOK}
theme:
  name: material
  font: false
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - toc:
      permalink: true
"""


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty fixture project: mkdocs.yml wired to the real hooks, a home page, an empty glossary/."""
    site = Project(tmp_path / "project")
    site.write("mkdocs.yml", FIXTURE_CONFIG)
    site.write(
        "docs/index.md",
        "---\ndescription: A page of the fixture site, for the tests.\n---\n# Home\n\nSee the [glossary](glossary/index.md): what a backlink is, and what anchor text does.\n",
    )
    (site.root / "glossary").mkdir()
    return site


def entry(slug: str = "backlink", **fields: str) -> str:
    """A valid entry's YAML; each keyword replaces (or, with value '', removes) one top-level field."""
    values = {
        "term": slug.replace("-", " ").capitalize(),
        "aliases": None,
        "short": f"A short definition of {slug.replace('-', ' ')}.",
        "definition": "|\n  A definition paragraph.\n\n  A second paragraph.",
        "example": "|\n  A concrete example.",
        "category": "basics",
        "sources": "\n  - title: Google Search Central\n    url: https://developers.google.com/search/docs",
    }
    for name, value in fields.items():
        values[name] = value
    lines = ["# yaml-language-server: $schema=../hooks/seokb/schema/term.schema.json"]
    for name, value in values.items():
        if value is None or value == "":
            continue
        lines.append(f"{name}: {value}" if not value.startswith("\n") else f"{name}:{value}")
    return "\n".join(lines) + "\n"


def build_real_site(site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    """The repository's own site, built strictly the way `make build` does, into `site_dir`."""
    env = mkdocs_env() if site_url is None else {**mkdocs_env(), "SITE_URL": site_url}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("real-site") / "site"
    result = build_real_site(site_dir)
    assert result.returncode == 0, result.stderr + result.stdout
    return site_dir


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory):
    """The real site over HTTP on 127.0.0.1 (directory URLs need a server, as on GitHub Pages), built with the
    server's own address as site_url: mkdocs-material's instant navigation only takes over links of its site_url."""
    site_dir = tmp_path_factory.mktemp("served-site") / "site"
    site_dir.mkdir()
    with serve(site_dir) as url:
        result = build_real_site(site_dir, site_url=url)
        assert result.returncode == 0, result.stderr + result.stdout
        yield url


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        # LinkChecker sends more than 10 requests a second only to a server that answers with this header.
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """A folder over HTTP on 127.0.0.1, on a free port, for the length of the `with` block."""
    handler = functools.partial(_SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


CHROMIUM = "/usr/bin/chromium"
# Without these Chromium tries to reach Google's hosts at start, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run the README's test command (make test), which installs it")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
