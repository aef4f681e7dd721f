"""The real site: each page holds the quiz, glossary and course assets it uses and no others, and nothing of
ours holds up the first paint (no stylesheet request, no script element with a src: scripts-on-demand.js loads the
listed ones after the first paint, and the theme's bundle when the reader first interacts)."""

from __future__ import annotations

import re
from pathlib import Path

SCRIPTS = re.compile(r'data-seokb-scripts="([^"]+)"')
BUNDLE = re.compile(r'<script>seokbTheme\("([^"]+)"\)</script>')
STYLE = re.compile(r'<style data-seokb-asset="([^"]+)">')


def article(html: str) -> str:
    match = re.search(r"<article\b.*</article>", html, re.S)
    assert match
    return match.group(0)


def assets(html: str) -> tuple[set[str], set[str]]:
    listed = [src for found in SCRIPTS.findall(html) for src in found.split()] + BUNDLE.findall(html)
    scripts = {src.rsplit("/", 1)[-1] for src in listed}
    return scripts, set(STYLE.findall(html))


def pages(site: Path) -> dict[str, str]:
    return {
        path.parent.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("index.html")
        if "<article" in path.read_text(encoding="utf-8")
    }


def test_quiz_and_glossary_assets_only_where_they_are_used(real_site: Path) -> None:
    every = pages(real_site)
    assert len(every) > 50
    for path, html in every.items():
        scripts, styles = assets(html)
        body = article(html)
        has_quiz = 'data-seokb-quiz="' in body or "data-seokb-quiz-list" in body
        assert ("quiz.js" in scripts) == has_quiz, path
        assert ("quiz.css" in styles) == has_quiz, path
        has_glossary_control = any(
            marker in body for marker in ("seokb-copy-link", "seokb-copy-discord", 'name="seokb-category"')
        )
        assert ("glossary.js" in scripts) == has_glossary_control, path
        course = any(marker in body for marker in ("data-seokb-lesson", "data-seokb-course", "data-seokb-check"))
        assert ("course.js" in scripts) == course, path
        assert ("assets/course.css" in styles) == course, path
        assert "site.css" in styles, path
        has_term = 'class="seokb-term"' in body
        assert ("term.js" in scripts) == has_term, path
        assert ("term.css" in styles) == has_term, path
    # By page type, as a reader meets them.
    assert assets(every["glossary/backlink"]) == (
        {"glossary.js", "term.js", "bundle.a5f9d56c.min.js"},
        {"site.css", "glossary.css", "term.css"},
    )
    assert "term.js" in assets(every["lessons/what-is-a-backlink"])[0]  # its terms are linked
    assert "quiz.js" in assets(every["lessons/what-is-a-backlink"])[0]  # it embeds a quiz
    assert "glossary.js" in assets(every["lessons/what-is-a-backlink"])[0]  # its Copy for Discord button
    assert "quiz.js" in assets(every["quizzes"])[0] and "quiz.js" in assets(every["course-test"])[0]
    for path in ("about", "link-profile", "community", "glossary"):
        assert not {"quiz.js", "course.js"} & assets(every[path])[0], path
    assert assets(every["link-profile"])[1] == {"site.css"}


def test_nothing_of_ours_blocks_the_first_paint(real_site: Path) -> None:
    for path, html in pages(real_site).items():
        head = html[: html.index("</head>")]
        # The theme's two stylesheets are the only ones requested; ours are in the page.
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
        assert all("assets/stylesheets/" in href for href in stylesheets), (path, stylesheets)
        assert len(stylesheets) == 2, path
        assert 'classList.replace("no-js","js")' in head, path
        assert "<script src=" not in html, path  # scripts-on-demand.js adds them after the first paint


def test_the_social_card_font_and_the_engine_css_are_not_served(real_site: Path) -> None:
    served = [path.relative_to(real_site).as_posix() for path in real_site.rglob("*") if path.is_file()]
    assert [path for path in served if path.endswith((".ttf", ".otf", ".woff", ".woff2"))] == []
    assert sorted(path for path in served if path.startswith("assets/seokb/")) == [
        "assets/seokb/glossary.js",
        "assets/seokb/progress.js",
        "assets/seokb/qrcode.js",
        "assets/seokb/quiz.js",
        "assets/seokb/review-scheduler.js",
        "assets/seokb/review.js",
        "assets/seokb/term.js",
    ]


def test_the_404_page_gets_the_site_css_too(real_site: Path) -> None:
    # A theme template, not a page: its head comes from on_template_context. The footer's contrast fix is in site.css.
    html = (real_site / "404.html").read_text(encoding="utf-8")
    assert assets(html)[1] == {"site.css"}
    assert "<script src=" not in html and assets(html)[0] == {"bundle.a5f9d56c.min.js"}
