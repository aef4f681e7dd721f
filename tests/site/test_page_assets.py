"""Which CSS and scripts a page gets (site/page_assets.py), on plain strings."""

from __future__ import annotations

from seokb.site.page_assets import (
    JS_CLASS,
    SCRIPTS_ON_DEMAND,
    SEARCH_NAMES,
    SEARCH_ON_DEMAND,
    PageAsset,
    css_classes,
    for_page,
    head_html,
    script_html,
)
from seokb.site.search_names import JOINER

QUIZ_CSS = PageAsset("quiz.css", classes=("seokb-quiz", "seokb-question"), css=".seokb-quiz{margin:0}")
QUIZ_JS = PageAsset("quiz.js", markers=("data-seokb-quiz",), script="assets/seokb/quiz.js")
SITE = PageAsset("site.css", css="a{}")
ASSETS = (SITE, QUIZ_CSS, QUIZ_JS)
PAGE = (
    '<html class="no-js"><head><title>t</title></head><body><main><article class="md-content__inner">{}</article>'
    '</main><script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script></body></html>'
)


def test_a_page_gets_what_its_article_uses_and_nothing_else() -> None:
    assert for_page(PAGE.format('<form class="seokb-quiz" data-seokb-quiz="x"></form>'), ASSETS) == [SITE, QUIZ_CSS, QUIZ_JS]
    assert for_page(PAGE.format("<p>Plain text about a seokb-quiz.</p>"), ASSETS) == [SITE]
    # A class is matched as a whole word in a class attribute: data-seokb-question and seokb-questions are not it.
    assert for_page(PAGE.format('<ol class="seokb-questions" data-seokb-question="q1"></ol>'), ASSETS) == [SITE]
    # Only the article counts: the navigation or the head naming a marker does not pull an asset in.
    outside = PAGE.replace("<title>t</title>", '<title>t</title><meta data-seokb-quiz="x">').format("<p>text</p>")
    assert for_page(outside, ASSETS) == [SITE]


def test_css_goes_into_the_head_and_scripts_are_listed_for_after_the_first_paint() -> None:
    used = [SITE, QUIZ_CSS, QUIZ_JS]
    assert (
        head_html(used)
        == JS_CLASS
        + SEARCH_ON_DEMAND
        + SEARCH_NAMES
        + SCRIPTS_ON_DEMAND
        + '<style data-seokb-asset="site.css">a{}</style><style data-seokb-asset="quiz.css">.seokb-quiz{margin:0}</style>'
    )
    assert script_html(used, "lessons/a/") == '<div hidden data-seokb-scripts="../../assets/seokb/quiz.js"></div>'
    assert script_html([SITE], "") == ""


def test_the_classes_of_a_stylesheet() -> None:
    css = ".md-typeset .seokb-quiz [hidden], .seokb-quiz-list > li:not(.seokb-key) { color: red }"
    assert css_classes(css) == ("seokb-key", "seokb-quiz", "seokb-quiz-list")


def test_the_head_scripts_are_their_files_without_comments_or_indentation() -> None:
    for script in (SEARCH_ON_DEMAND, SEARCH_NAMES):
        assert script.startswith("<script>(function () {") and script.endswith("})();</script>")
        # A comment left in would swallow the rest of the joined line: the files only have full-line comments.
        assert "//" not in script and "\n" not in script
    # The worker leads and joins a query's words as the engine does a name's (site/search_names.py).
    assert '"_" + words.split(lunr.tokenizer.separator).filter(Boolean).join("_")' in SEARCH_NAMES and JOINER == "_"
