"""The course's own pages in the built site: lessons say where they stand and when Google's rules were checked,
the course test embeds its quiz, and the link checker is a form that reads well without its script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support.course import LESSONS

REPO = Path(__file__).resolve().parents[2]


def front_matter(slug: str) -> dict:
    text = (REPO / "docs" / "lessons" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def page(real_site: Path, path: str) -> str:
    return (real_site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", LESSONS)
def test_each_lesson_says_where_it_stands_and_when_its_rules_were_checked(real_site: Path, slug: str) -> None:
    meta = front_matter(slug)
    html = page(real_site, f"lessons/{slug}")
    assert meta["lesson"] == LESSONS.index(slug) + 1, "the front matter's number is the lesson's place in the nav"
    line = re.search(r'<p class="seokb-lesson-meta" data-seokb-lesson="lessons/([a-z0-9-]+)/">(.*?)</p>', html, re.S)
    assert line is not None and line.group(1) == slug
    text = re.sub(r"<[^>]+>", "", line.group(2))
    assert f"Lesson {meta['lesson']} of {len(LESSONS)}" in text
    checked = meta.get("last_checked")
    if checked is None:
        assert "last checked" not in text
    else:
        assert f'<time datetime="{checked.isoformat()}">' in line.group(2)
        day = f"{checked.day} {checked.strftime('%B %Y')}"
        assert f"Google's rules last checked: {day}" in " ".join(text.split())


def test_the_lessons_that_cite_google_s_rules_keep_a_checked_date() -> None:
    # The spam policies and the link attributes are the rules the course leans on; a lesson quoting them says when
    # they were last read again. A date means a check against the page's current text (issue 32): the FAQ's disavow
    # answer and lesson 6's list of risk signs were not confirmed against it on 7 December 2026, so they carry no
    # date until someone checks them.
    for slug in (
        "what-is-a-backlink",
        "what-is-link-building",
        "why-the-difference-matters",
        "safe-link-building",
        "beginner-mistakes",
    ):
        assert front_matter(slug).get("last_checked") is not None, slug


@pytest.mark.parametrize("path", ["", "glossary", "check-a-link", "course-test", "quizzes"])
def test_pages_that_are_not_lessons_have_no_lesson_line(real_site: Path, path: str) -> None:
    html = (real_site / path / "index.html").read_text(encoding="utf-8")
    assert 'class="seokb-lesson-meta"' not in html and "Lesson 1 of" not in html


def test_the_course_test_page_embeds_the_course_test(real_site: Path) -> None:
    html = page(real_site, "course-test")
    assert html.count('<form class="seokb-quiz"') == 1
    assert 'data-seokb-quiz="course-test"' in html
    quiz = yaml.safe_load((REPO / "quizzes" / "course-test.yml").read_text(encoding="utf-8"))
    assert html.count('class="seokb-question"') == len(quiz["questions"])
    # Every lesson is asked about: each one is named in some answer's explanation.
    explained = " ".join(option["explain"] for question in quiz["questions"] for option in question["options"])
    for number in range(1, len(LESSONS) + 1):
        assert re.search(rf"\bLessons? (?:\d+ and )?{number}\b", explained), f"no question names lesson {number}"


def test_the_course_test_and_the_link_checker_are_linked_from_the_course(real_site: Path) -> None:
    home = page(real_site, "")
    assert 'href="course-test/"' in home and 'href="check-a-link/"' in home
    assert 'href="../../course-test/"' in page(real_site, "lessons/faq")
    assert 'href="../../check-a-link/"' in page(real_site, "lessons/high-quality-backlinks")


def test_the_link_checker_is_a_form_that_works_on_paper(real_site: Path) -> None:
    html = page(real_site, "check-a-link")
    start = html.index('<form class="seokb-check"')
    form = html[start : html.index("</form>", start)]
    assert form.count('type="checkbox" ') == 10  # the ten risk signs, Google's eleven link spam examples grouped
    assert len(set(re.findall(r'name="(q\d)" value="(?:yes|no)"', form))) == 7  # the seven questions, yes or no
    # Without the script there is nothing to press and no empty verdict box: the rubric table reads the answers.
    assert re.search(r'<div class="seokb-check-actions"[^>]*\bhidden\b', form)
    assert re.search(r'<div class="seokb-check-result"[^>]*\bhidden\b', form)
    assert "<script" not in form and not re.search(r"<[^>]*\son[a-z]+=", form)
    assert 'id="the-three-verdicts"' in html and "Worth having" in html and "Low value" in html and "Risky" in html


def test_the_course_script_is_served_and_talks_to_no_other_host(real_site: Path) -> None:
    script = (real_site / "assets" / "course.js").read_text(encoding="utf-8")
    assert re.search(r"https?://", script) is None
    assert "fetch(" not in script and "XMLHttpRequest" not in script and "sendBeacon" not in script
    for path in ("", "lessons/faq", "check-a-link"):
        assert re.search(r'data-seokb-scripts="[^"]*assets/course\.js', page(real_site, path)), path
