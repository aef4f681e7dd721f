"""What overrides/main.html writes in place of mkdocs-material's own blocks rests on how the theme writes them: these
tests fail, with the block to look at, when a Material release changes that markup."""

from __future__ import annotations

import re
from pathlib import Path

import material
from support.project import REPO

BASE = Path(material.__file__).parent / "templates" / "base.html"
MAIN = REPO / "hooks" / "seokb" / "site" / "overrides" / "main.html"


def block(template: str, name: str) -> str:
    """A block's body as the template writes it, its whitespace folded."""
    found = re.search(rf"{{% block {name} %}}(.*?){{% endblock %}}", template, re.DOTALL)
    assert found, f"mkdocs-material's base.html has no '{name}' block any more: overrides/main.html overrides it"
    return " ".join(found.group(1).split())


def test_the_themes_script_block_is_its_bundle_and_the_sites_scripts() -> None:
    # main.html writes this block again with the bundle handed to scripts-on-demand.js; a new script here would be lost.
    assert re.fullmatch(
        r"<script src=\"\{\{ 'assets/javascripts/bundle\.[0-9a-f]+\.min\.js' \| url \}\}\"></script> "
        r"\{% for script in config\.extra_javascript %\} \{\{ script \| script_tag \}\} \{% endfor %\}",
        block(BASE.read_text(encoding="utf-8"), "scripts"),
    ), "mkdocs-material changed its scripts block: update overrides/main.html's scripts block to match it"


def test_the_themes_head_tags_are_the_ones_main_html_writes_again() -> None:
    # main.html's site_meta writes the theme's tags escaped, leaving the description and canonical link to the
    # engine's preview tags: a tag the theme adds here would be missing from every page.
    names = set(re.findall(r'<(?:meta|link) (?:name|rel)="([^"]+)"', block(BASE.read_text(encoding="utf-8"), "site_meta")))
    # ('alternate': language versions from extra.alternate, and the rss plugin's feeds, which this site does not use.)
    assert names == {"viewport", "description", "author", "canonical", "prev", "next", "alternate", "icon", "generator"}, (
        f"mkdocs-material's site_meta block now writes {sorted(names)}: update overrides/main.html's site_meta block"
    )
    assert block(BASE.read_text(encoding="utf-8"), "extrahead") == "", "mkdocs-material now writes into extrahead"


def test_no_written_page_loads_a_script_before_its_first_paint(real_site: Path) -> None:
    # Every script reaches a page through scripts-on-demand.js (in <head>): the theme's bundle handed to it once,
    # at the end of <body>, and the page's own scripts listed inside <main>, where instant navigation swaps them in.
    for path in sorted(real_site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        if "<main" not in page:
            continue  # a redirect page
        assert "<script src=" not in page, path
        assert page.count("seokbOnEachPage") == 1 and page.index("seokbOnEachPage") < page.index("</head>"), path
        bundles = re.findall(r'<script>seokbTheme\("[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"\)</script>', page)
        assert len(bundles) == 1, path
        main = page[page.index("<main") : page.index("</main>")]
        assert page.count("data-seokb-scripts=") == main.count("data-seokb-scripts="), path
        # The colour scheme is set once the palette's inputs are parsed, before the content that would be painted.
        palette = page.index('data-md-component="palette"')
        assert palette < page.index('__md_get("__palette")', palette) < page.index("<article"), path


def test_main_html_overrides_the_blocks_these_tests_look_at() -> None:
    template = MAIN.read_text(encoding="utf-8")
    for name in ("site_meta", "extrahead", "header", "container", "scripts"):
        assert f"{{% block {name} %}}" in template
