"""No contribution runs script on a reader's page: the hostile corpus refused with exact messages, the sanitizer as
the backstop, every output context escaped, and a browser that loads the result and sees no script run."""

from __future__ import annotations

import json
import random
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.hostile_cases import REFUSED, quiz
from support.project import FIXTURE_CONFIG, build_in_process, entry, serve

from seokb.cli import check
from seokb.content import diagram as diagram_module
from seokb.content import glossary
from seokb.content import quiz as quiz_module
from seokb.site.safe_html import FieldRenderer


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("files, expected", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_hostile_input_is_refused_with_exact_messages(tmp_path: Path, files, expected: list[str]) -> None:
    for folder in ("glossary", "quizzes", "docs/lessons"):
        (tmp_path / folder).mkdir(parents=True)
    write(tmp_path, files)
    assert [str(problem) for problem in check(tmp_path).sorted()] == expected


def test_the_corpus_covers_every_class_of_hole() -> None:
    assert len(REFUSED) >= 40
    assert all(expected for _, _, expected in REFUSED), "every hostile case must be refused with a message"


# What reaches the renderer if a source check misses it: the sanitizer must take it out and say so.
BACKSTOP = [
    ("[x](javascript:alert(1))", '<a href="javascript:alert(1)">'),
    ("[x](&#106;avascript:alert(1))", '<a href="javascript:alert(1)">'),
    ("[x](javascript&#58;alert(1))", '<a href="javascript:alert(1)">'),
    ("[x](data:text/html,x)", '<a href="data:text/html,x">'),
    ("[x](//evil.example/)", '<a href="//evil.example/">'),
    ("[x](https://user:pw@example.org/)", '<a href="https://user:pw@example.org/">'),
    ("![x](https://example.org/pixel.png)", '<img alt="x" src="https://example.org/pixel.png">'),
    ('[x](https://example.org/ "a title")', None),
    ("<svg/onload=alert(1)>", None),  # raw HTML is off: this is text
    ('--8<-- "mkdocs.yml"', None),
    ("Text.\n{: onclick=alert(1) }", None),
]


@pytest.mark.parametrize("markdown, removed", BACKSTOP, ids=[case[0][:30] for case in BACKSTOP])
def test_the_sanitizer_takes_out_what_a_check_missed_and_says_what(markdown: str, removed: str | None) -> None:
    safe = FieldRenderer().render(markdown)
    assert safe.removed == removed
    parsed = Elements()
    parsed.feed(safe.html)
    assert {tag for tag, _ in parsed.tags} <= {"p", "a"}
    assert all(set(attrs) <= {"href", "title"} for _, attrs in parsed.tags)
    assert [attrs["href"] for _, attrs in parsed.tags if "href" in attrs] in ([], ["https://example.org/"])


# Payloads that pass no check: the test switches the source checks off, as if each had a hole, so that what is
# left is the escaping of every output context.
PAYLOAD = "Zz \"'></title></script><img src=x onerror=window.__pwned=1>"
SCRIPT_BREAKOUT = "x</script><script>alert(1)</script>"


@pytest.fixture(scope="module")
def breakout_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from _pytest.monkeypatch import MonkeyPatch

    root = tmp_path_factory.mktemp("breakout")
    plain = PAYLOAD.replace('"', '\\"')
    write(
        root,
        {
            "mkdocs.yml": FIXTURE_CONFIG,
            "docs/index.md": "---\ndescription: Home.\n---\n# Home\n\nSee the [glossary](glossary/index.md), the [term](glossary/backlink.md), the [quiz](quizzes/a-quiz.md) and the [lesson](lessons/a-lesson.md).\n",
            "docs/lessons/a-lesson.md": "---\ndescription: A lesson.\n---\n# A lesson\n\n<!-- seokb:diagram hostile -->\n",
            "diagrams/hostile.yml": DIAGRAM.replace("PAYLOAD", plain),
            "glossary/backlink.yml": entry(
                term=f'"{plain}"',
                short=f'"{plain}"',
                aliases=f'["{plain}2"]',  # 60 characters, the limit for a name
                related="[script-breakout]",
                definition="|\n  <svg/onload=window.__pwned=1> and [x](https://example.org/){ onmouseover=window.__pwned=1 }",
                sources=f'\n  - title: "{plain}"\n    url: https://example.org/a',
            ),
            # Its name closes the JSON-LD script and opens one of its own, if the JSON is not escaped.
            "glossary/script-breakout.yml": entry(
                "script-breakout",
                term=f'"{SCRIPT_BREAKOUT}"',
                short=f'"{SCRIPT_BREAKOUT} & more"',
                aliases=f'["{SCRIPT_BREAKOUT} two"]',
            ),
            "quizzes/a-quiz.yml": quiz(
                title=f'"{plain}"', description=f'"{plain}"', intro='"<img src=x onerror=window.__pwned=1>"'
            ),
        },
    )
    patch = MonkeyPatch()
    for module in (glossary, quiz_module, diagram_module):
        patch.setattr(module, "plain_text_problems", lambda text: [])
        if module is not diagram_module:  # a diagram holds plain text only
            patch.setattr(module, "markdown_problems", lambda text: [])
    try:
        result = build_in_process(root, "--site-dir", str(root / "site"))
    finally:
        patch.undo()
    assert result.returncode == 0, result.stderr + result.stdout
    return root / "site"


DIAGRAM = """alt: "PAYLOAD"
caption: "PAYLOAD"
rows:
  - group: "PAYLOAD"
    boxes:
      - id: a
        title: "PAYLOAD"
        text: "PAYLOAD"
        note: "PAYLOAD"
  - boxes:
      - id: b
        kind: code
        text: "PAYLOAD"
arrows:
  - from: a
    to: b
    label: "PAYLOAD"
"""


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


BREAKOUT_PAGES = [
    "glossary/backlink/index.html",
    "glossary/script-breakout/index.html",
    "glossary/index.html",
    "quizzes/a-quiz/index.html",
    "quizzes/index.html",
]


@pytest.mark.parametrize("page", BREAKOUT_PAGES)
def test_no_payload_becomes_an_element_or_attribute(breakout_site: Path, page: str) -> None:
    parsed = Elements()
    parsed.feed((breakout_site / page).read_text(encoding="utf-8"))
    handlers = [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")]
    assert handlers == []
    assert not [attrs for tag, attrs in parsed.tags if tag == "img" and attrs.get("src") == "x"]
    assert [tag for tag, _ in parsed.tags].count("title") == 1
    descriptions = [attrs for tag, attrs in parsed.tags if tag == "meta" and attrs.get("name") == "description"]
    assert len(descriptions) == 1
    if page.startswith(("glossary/backlink", "quizzes/a-quiz")):
        assert parsed.title.startswith(PAYLOAD)  # shown as the characters it is
        assert descriptions[0]["content"].startswith(PAYLOAD.split(">")[0])


@pytest.mark.parametrize("page", BREAKOUT_PAGES)
def test_the_json_ld_holds_the_payloads_as_text_in_one_script(breakout_site: Path, page: str) -> None:
    import extruct

    text = (breakout_site / page).read_text(encoding="utf-8")
    parsed = Elements()
    parsed.feed(text)
    scripts = [attrs for tag, attrs in parsed.tags if tag == "script" and attrs.get("type") == "application/ld+json"]
    assert len(scripts) == 1
    assert "<script>alert(1)" not in text, "a payload opened a script element"
    start = text.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    block = text[start : text.index("</script>", start)]
    assert "<" not in block and ">" not in block and "&" not in block
    (data,) = extruct.extract(text, syntaxes=["json-ld"], uniform=False)["json-ld"]
    nodes = data["@graph"]
    if page == "glossary/script-breakout/index.html":
        (term,) = [node for node in nodes if node["@type"] == "DefinedTerm"]
        assert term["name"] == SCRIPT_BREAKOUT
        assert term["description"] == SCRIPT_BREAKOUT + " & more"
        assert term["alternateName"] == [SCRIPT_BREAKOUT + " two"]
        (crumbs,) = [node for node in nodes if node["@type"] == "BreadcrumbList"]
        assert crumbs["itemListElement"][-1]["name"] == SCRIPT_BREAKOUT
    if page == "glossary/backlink/index.html":
        assert PAYLOAD in [node.get("name") for node in nodes]
    if page == "glossary/index.html":
        (terms,) = [node["hasDefinedTerm"] for node in nodes if node["@type"] == "DefinedTermSet"]
        assert {term["name"] for term in terms} == {PAYLOAD, SCRIPT_BREAKOUT}


def test_glossary_json_holds_the_payload_as_text_only(breakout_site: Path) -> None:
    text = (breakout_site / "glossary.json").read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text
    term = json.loads(text)["terms"][0]
    assert term["term"] == term["short"] == PAYLOAD


def test_the_social_card_is_drawn_for_the_payload(breakout_site: Path) -> None:
    assert (breakout_site / "assets/cards/glossary/backlink.png").stat().st_size > 1000


def test_a_diagram_draws_the_payload_as_text_only(breakout_site: Path) -> None:
    parsed = Elements()
    parsed.feed((breakout_site / "lessons/a-lesson/index.html").read_text(encoding="utf-8"))
    tags = [tag for tag, _ in parsed.tags]
    assert [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")] == []
    assert not [attrs for tag, attrs in parsed.tags if tag == "img" and attrs.get("src") == "x"]
    pictures = [attrs for tag, attrs in parsed.tags if tag == "svg" and attrs.get("class") == "seokb-diagram-svg"]
    assert len(pictures) == tags.count("figure") == tags.count("figcaption") == 1
    assert tags.count("title") == 2  # the page's and the picture's: the payload closed neither early
    assert tags.count("text") >= 4 and tags.count("desc") == 1


@pytest.mark.browser
def test_no_script_runs_on_pages_built_from_hostile_fields(breakout_site: Path, browser) -> None:
    with serve(breakout_site) as url:
        context = browser.new_context()
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for page in (
            "glossary/backlink/",
            "glossary/script-breakout/",
            "glossary/",
            "quizzes/a-quiz/",
            "quizzes/",
            "lessons/a-lesson/",
        ):
            tab.goto(url + page)
            tab.wait_for_load_state("load")
            for link in tab.locator("article a").all()[:20]:  # mouseover payloads need a pointer
                if link.is_visible():
                    link.hover()
            assert tab.evaluate("window.__pwned") is None, page
        context.close()
    assert dialogs == []


def test_garbage_files_fail_the_build_with_messages_not_a_traceback(tmp_path: Path) -> None:
    noise = random.Random(16)
    root = tmp_path / "project"
    write(
        root,
        {
            "mkdocs.yml": FIXTURE_CONFIG,
            "docs/index.md": "---\ndescription: Home.\n---\n# Home\n",
            "docs/lessons/garbage.md": bytes(noise.randrange(256) for _ in range(400)),
            **{f"glossary/garbage-{n}.yml": bytes(noise.randrange(256) for _ in range(300)) for n in range(5)},
            "glossary/nested.yml": "term: " + "{a: " * 2000 + "}" * 2000 + "\n",
            "quizzes/garbage.yml": bytes(noise.randrange(256) for _ in range(300)),
        },
    )
    result = build_in_process(root)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    for name in ("docs/lessons/garbage.md", "glossary/garbage-0.yml", "glossary/nested.yml", "quizzes/garbage.yml"):
        assert f"{name}:" in result.stderr, name
    assert not (root / "site" / "index.html").exists()


def test_seokb_check_reports_what_the_sanitizer_would_remove(tmp_path: Path, monkeypatch) -> None:
    # As if the source check had a hole: `make check` still fails, at the field's line, as the build does.
    monkeypatch.setattr(glossary, "markdown_problems", lambda text: [])
    monkeypatch.setattr(quiz_module, "markdown_problems", lambda text: [])
    write(
        tmp_path,
        {
            "glossary/backlink.yml": entry(definition="|\n  [x](javascript:alert(1))"),
            "quizzes/a-quiz.yml": quiz(explain='"[x](//evil.example/)"'),
        },
    )
    safe = "write plain Markdown (no HTML, no script links, links only to https pages or to this site's own pages)"
    assert [str(problem) for problem in check(tmp_path).sorted()] == [
        f'glossary/backlink.yml:5: definition: the page\'s safety filter had to remove <a href="javascript:alert(1)">; {safe}',
        # The link check, which `seokb check` runs as the build does, refuses it too.
        "quizzes/a-quiz.yml:11: link '//evil.example/': a link without a scheme; write https://",
        f'quizzes/a-quiz.yml:11: questions item 1, options item 1, explain: the page\'s safety filter had to remove <a href="//evil.example/">; {safe}',
    ]
