"""The fixtures every test may ask for: a fixture project, the real site built once, Chromium. The tools behind them
are in support/project.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page
from support.project import CHROMIUM, CHROMIUM_ARGS, Project, build_real_site, new_project, once_per_run, serve

# A page's own scripts load once its first text is painted (assets/scripts-on-demand.js), which may be after the load
# event that goto() and reload() wait for: every test page waits for them too, so a test acts on the page as a
# reader does a moment after it appears, and never races the scripts.


def _scripts_loaded(page: Page) -> None:
    try:
        if page.evaluate("typeof window.seokbOnEachPage === 'function'"):
            page.wait_for_function("window.seokbScriptsLoaded === true")
    except PlaywrightError as error:  # the page went on to another (a redirect page's refresh): the test follows it
        if "context was destroyed" not in str(error):
            raise


def _waiting_for_scripts(navigate):
    """`navigate` (Page.goto or Page.reload), then, when it waited for the page to load, for the page's scripts."""

    def navigate_and_wait(self: Page, *args, **options):
        response = navigate(self, *args, **options)
        if options.get("wait_until", "load") in ("load", "networkidle"):
            _scripts_loaded(self)
        return response

    return navigate_and_wait


Page.goto = _waiting_for_scripts(Page.goto)  # type: ignore[method-assign]
Page.reload = _waiting_for_scripts(Page.reload)  # type: ignore[method-assign]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty fixture project: mkdocs.yml wired to the real hooks, a home page, an empty glossary/."""
    return new_project(tmp_path / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as `make build` writes it; built once per run and read by every worker (tests only read it)."""
    return once_per_run(tmp_path_factory, "real-site", lambda folder: build_real_site(folder / "site")) / "site"


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory):
    """The real site over HTTP on 127.0.0.1 (directory URLs need a server, as on GitHub Pages), built with the
    server's own address as site_url: mkdocs-material's instant navigation only takes over links of its site_url."""
    site_dir = tmp_path_factory.mktemp("served-site") / "site"
    site_dir.mkdir()
    with serve(site_dir) as url:
        result = build_real_site(site_dir, site_url=url)
        assert result.returncode == 0, result.stderr + result.stdout
        _SERVED_FOLDERS[url] = site_dir
        yield url


_SERVED_FOLDERS: dict[str, Path] = {}


@pytest.fixture(scope="session")
def served_site_dir(served_site: str) -> Path:
    """The folder served_site serves, for a test that lists its files."""
    return _SERVED_FOLDERS[served_site]


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
def phone(browser):
    """A tab as on a phone: 390 x 844, touch."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
