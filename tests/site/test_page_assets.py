"""Which CSS and scripts a page gets (site/page_assets.py), on plain strings."""

from __future__ import annotations

from seokb.site.page_assets import JS_CLASS, PageAsset, add_to_page, css_classes, for_page

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


def test_css_goes_into_the_head_and_scripts_deferred_into_main() -> None:
    html = add_to_page(
        PAGE.format('<form class="seokb-quiz" data-seokb-quiz="x"></form>'), [SITE, QUIZ_CSS, QUIZ_JS], "lessons/a/"
    )
    head = html[: html.index("</head>")]
    assert JS_CLASS in head and '<style data-seokb-asset="quiz.css">.seokb-quiz{margin:0}</style>' in head
    assert '<script src="../../assets/seokb/quiz.js" defer></script></main>' in html
    assert '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>' in html
    assert "<link" not in html


def test_a_page_without_scripts_gets_no_script_tags() -> None:
    html = add_to_page(PAGE.format("<p>text</p>"), [SITE], "")
    assert "</article></main>" in html and "quiz.js" not in html


def test_the_classes_of_a_stylesheet() -> None:
    css = ".md-typeset .seokb-quiz [hidden], .seokb-quiz-list > li:not(.seokb-key) { color: red }"
    assert css_classes(css) == ("seokb-key", "seokb-quiz", "seokb-quiz-list")
