"""The HTML of a quiz and of the quiz list, against golden files, and the accessibility facts the HTML itself must hold."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from support.golden import assert_golden

from seokb.content.quiz import Answer, Question, Quiz
from seokb.site.quiz_pages import page_is_named_for
from seokb.site.quiz_render import CHECKLIST_PROMPT, LessonLink, inline, render_quiz, render_quiz_list


def render_markdown(text: str) -> str:
    """A stand-in for the site's Markdown pipeline: python-markdown with the extensions lessons use."""
    return markdown.markdown(text, extensions=["tables", "attr_list"])


CHECKLIST = Question(
    type="checklist",
    scenario="A quilting guild's page **Start here** links to your free tote bag pattern.\n\n"
    'The sentence: "Try this tote bag pattern from a member\'s blog."\n',
    answers=(
        Answer("The site is about your subject.", True, "The guild writes only about sewing and quilting.\n"),
        Answer("The anchor text is a `keyword` phrase.", False, "It reads like a person wrote it.\n"),
    ),
)
SINGLE = Question(
    type="single",
    prompt="What is your *verdict*?",
    answers=(
        Answer("High quality", True, "It passes every check.\n"),
        Answer("Risky & arranged", False, "Nothing here was arranged.\n"),
    ),
)
MULTIPLE = Question(
    type="multiple",
    prompt="Which are link building?",
    scenario="Pick every **task**.\n",
    answers=(
        Answer("Emailing a blogger", True, "Outreach is link building.\n"),
        Answer("A link you received", False, "That is a backlink: the result.\n"),
    ),
)
QUIZ = Quiz(
    id="judge-a-guild-link",
    title="Judge a link from a <guild> & more",
    description="Practise the six checks on one link.",
    questions=(CHECKLIST, SINGLE, MULTIPLE),
    intro="Read each question, then press **Check**.\n",
    lesson="high-quality-backlinks",
    path="quizzes/judge-a-guild-link.yml",
)
ONE_QUESTION = Quiz(id="verdict", title="Verdict", description="One question.", questions=(SINGLE,))


def test_quiz_golden() -> None:
    assert_golden("quiz-judge-a-guild-link.html", render_quiz(QUIZ, render_markdown))


def test_quiz_on_its_own_page_golden() -> None:
    # On /quizzes/<id>/ the page title names the quiz: no heading of its own, the form is labelled instead.
    assert_golden("quiz-verdict-page.html", render_quiz(ONE_QUESTION, render_markdown, heading_level=None))


def test_quiz_list_golden() -> None:
    lessons = {"high-quality-backlinks": LessonLink("What makes a backlink high quality", "../lessons/high-quality-backlinks/")}
    assert_golden("quiz-list.html", render_quiz_list([QUIZ, ONE_QUESTION], lessons=lessons))


def test_an_empty_quiz_list_says_so() -> None:
    html = render_quiz_list([])
    assert "There are no quizzes yet." in html and "<button" not in html


def test_every_markdown_field_goes_through_the_callers_renderer() -> None:
    seen: list[str] = []

    def recording(text: str) -> str:
        seen.append(text)
        return render_markdown(text)

    render_quiz(QUIZ, recording)
    fields = [QUIZ.intro]
    for question in QUIZ.questions:
        fields += [f for f in (question.prompt, question.scenario) if f]
        fields += [f for answer in question.answers for f in (answer.text, answer.explain)]
    assert sorted(seen) == sorted(fields)


def test_plain_fields_are_escaped() -> None:
    html = render_quiz(QUIZ, render_markdown)
    assert "Quiz: Judge a link from a &lt;guild&gt; &amp; more</h2>" in html
    assert "<guild>" not in html
    assert 'aria-label="Quiz: Verdict"' in render_quiz(ONE_QUESTION, render_markdown, heading_level=None)


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>One <em>line</em></p>\n", "One <em>line</em>"),
        ("<p>One</p>\n<p>Two</p>\n", "<p>One</p>\n<p>Two</p>"),
        ("Bare text", "Bare text"),
    ],
)
def test_inline_unwraps_a_single_paragraph_only(html: str, expected: str) -> None:
    assert str(inline(html)) == expected


class Outline(HTMLParser):
    """Tags in order, checking that every opened element is closed in order."""

    VOID = {"input", "br", "hr", "img", "meta", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    parser.close()
    assert parser.open == []
    return parser


def test_each_question_is_a_fieldset_with_a_legend_and_labelled_native_inputs() -> None:
    html = render_quiz(QUIZ, render_markdown)
    tags = [tag for tag, _ in outline(html).elements]
    assert tags.count("fieldset") == 3 and tags.count("legend") == 3
    inputs = [attrs for tag, attrs in outline(html).elements if tag == "input"]
    labels = {attrs["for"] for tag, attrs in outline(html).elements if tag == "label"}
    assert [i["type"] for i in inputs] == ["checkbox", "checkbox", "radio", "radio", "checkbox", "checkbox"]
    assert {i["id"] for i in inputs} == labels
    # Radio buttons of one question share a name, so arrow keys move within the question.
    assert len({i["name"] for i in inputs if i["type"] == "radio"}) == 1
    assert f"Question 1 of 3:</span> {CHECKLIST_PROMPT}</legend>" in html
    assert "Question 2 of 3:</span> What is your <em>verdict</em>?</legend>" in html


def test_buttons_and_the_status_region_are_there_from_page_load() -> None:
    elements = outline(render_quiz(QUIZ, render_markdown)).elements
    buttons = [(attrs.get("type"), attrs) for tag, attrs in elements if tag == "button"]
    assert [kind for kind, _ in buttons] == ["submit", "button"]
    assert [attrs for tag, attrs in elements if attrs.get("role") == "status"] == [
        {"class": "seokb-quiz-status", "role": "status"}
    ]


def test_without_javascript_every_answer_and_explanation_is_in_a_details() -> None:
    html = render_quiz(QUIZ, render_markdown)
    assert html.count('<details class="seokb-key">') == 3
    key = html.split("<details", 1)[1].split("</details>", 1)[0]
    assert "True: tick it.</strong> The site is about your subject." in key
    assert "Not true: leave it unticked.</strong> The anchor text is a <code>keyword</code> phrase." in key
    assert "The guild writes only about sewing and quilting." in key
    # Controls that need the script stay hidden until it runs.
    assert '<div class="seokb-quiz-actions" hidden>' in html


def test_a_single_question_quiz_has_no_numbering() -> None:
    assert "Question 1 of 1" not in render_quiz(ONE_QUESTION, render_markdown)


def test_the_quiz_is_one_html_block_that_markdown_keeps_whole() -> None:
    html = render_quiz(QUIZ, render_markdown)
    assert "\n\n" not in html, "a blank line would end a raw HTML block in Markdown"
    page = markdown.markdown("Some lesson text.\n\n" + html + "\nMore text.\n", extensions=["md_in_html"])
    assert html.strip() in page


@pytest.mark.parametrize(
    ("page", "named"),
    [
        ('<h1 id="verdict">Verdict<a class="headerlink" href="#verdict" title="Permanent link">&para;</a></h1>', True),
        ("<h1>  Verdict\n</h1><p>Intro</p>", True),
        ("<h1>Verdict <em>now</em></h1>", False),
        ("<h1>A lesson</h1><h2>Verdict</h2>", False),
        ("<p>No heading</p>", False),
    ],
)
def test_a_page_named_for_its_quiz_gives_the_quiz_no_second_title(page: str, named: bool) -> None:
    # The course test's page is "Course test": its quiz's "Quiz: Course test" heading would only say it again.
    assert page_is_named_for(page, ONE_QUESTION) is named
