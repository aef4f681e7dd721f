"""A renamed entry's old address in Chromium: the reader lands on the new page, at the same #fragment, with script
and without it (without script the fragment is lost: a meta refresh cannot carry it)."""

from __future__ import annotations

import pytest
from support.project import Project, entry, serve

from seokb.cli import main

pytestmark = pytest.mark.browser


@pytest.fixture
def renamed_site(project: Project):
    """A fixture site whose entry `backlink-profile` was renamed `link-profile` by `seokb rename`, built and served."""
    project.write("docs/index.md", "---\ndescription: The fixture's home page.\n---\n# Home\n\nA backlink profile.\n")
    project.write("glossary/backlink-profile.yml", entry("backlink-profile", term="Backlink profile"))
    assert main(["published", "--update", "--root", str(project.root)]) == 0
    assert main(["rename", "backlink-profile", "link-profile", "--root", str(project.root)]) == 0
    result = project.build("--strict")
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as url:
        yield url


def test_the_old_address_keeps_its_fragment(page, renamed_site: str) -> None:
    page.goto(renamed_site + "glossary/backlink-profile/#example")
    page.wait_for_url(renamed_site + "glossary/link-profile/#example")
    assert page.locator("h1").inner_text().startswith("Backlink profile")
    # The fragment's heading is the page's target: the browser scrolled the reader to it.
    assert page.evaluate("document.querySelector(':target')?.id") == "example"


def test_without_script_the_old_address_still_leads_to_the_new_page(browser, renamed_site: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(renamed_site + "glossary/backlink-profile/#example")
    page.wait_for_url(renamed_site + "glossary/link-profile/")
    assert page.locator("h1").inner_text().startswith("Backlink profile")
    context.close()
