"""Structured data (schema.org JSON-LD) and the visible breadcrumb, from the same model the pages come from.

Which types, and why (schema.org's definitions; Google's documentation where Google reads the type):

- home page: `WebSite` (name, url, description; no SearchAction: Material's search takes no query from the URL,
  so there is nothing true to declare), and the course as `Course` with its lessons as `hasPart`. Google's
  course rich results also require `offers` and `hasCourseInstance` (a price and a schedule), which a free,
  self-paced course does not have: this is schema.org's description of the course, not a claim to that result.
- a lesson: `LearningResource` with `isPartOf` the course, its `position`, `educationalLevel: beginner`.
- a term page: `DefinedTerm` (name, description = the short definition, alternateName = aliases, url,
  `inDefinedTermSet` the glossary); the A-Z index: `DefinedTermSet` with `hasDefinedTerm`.
- a quiz page: `Quiz` with `about`, `educationalLevel` and its questions as `hasPart` `Question` items.
- every page but the home page: `BreadcrumbList`, the same crumbs the visible breadcrumb shows (Google:
  https://developers.google.com/search/docs/appearance/structured-data/breadcrumb).

Everything here is plain data in, text out: no MkDocs. The JSON is written with `<`, `>` and `&` as \\u003c,
\\u003e and \\u0026, so no field (a term named `x</script><script>...`) can end the script element early.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from seokb.content.model import Glossary, Term
from seokb.content.quiz import Quiz

CONTEXT = "https://schema.org"
EDUCATIONAL_LEVEL = "beginner"
LANGUAGE = "en"

Node = dict[str, Any]


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb: the name a reader sees and the page's absolute URL."""

    name: str
    url: str


@dataclass(frozen=True)
class LessonRef:
    """A lesson as the course lists it: its title (the h1, without the navigation's number), URL, place."""

    title: str
    url: str
    position: int
    description: str = ""


# ---------------------------------------------------------------------------------------------- serialising

_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def to_json(data: Any) -> str:
    """JSON that is safe inside <script>: `<`, `>`, `&` (and the two line separators old parsers choke on) escaped.
    The escapes only ever stand inside JSON strings, where they mean the same characters."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False).translate(_UNSAFE)


def script(nodes: Sequence[Node]) -> str:
    """One <script type="application/ld+json"> holding the page's nodes as one @graph; '' when there are none."""
    if not nodes:
        return ""
    return f'<script type="application/ld+json">{to_json({"@context": CONTEXT, "@graph": list(nodes)})}</script>'


# ---------------------------------------------------------------------------------------------- the nodes


def website(name: str, url: str, description: str) -> Node:
    return {
        "@type": "WebSite",
        "@id": url + "#website",
        "name": name,
        "url": url,
        "description": description,
        "inLanguage": LANGUAGE,
    }


def course_id(home_url: str) -> str:
    return home_url + "#course"


def course(name: str, description: str, home_url: str, site_name: str, lessons: Iterable[LessonRef]) -> Node:
    """The course as a whole, on the home page: its lessons in order as `hasPart`."""
    return {
        "@type": "Course",
        "@id": course_id(home_url),
        "name": name,
        "description": description,
        "url": home_url,
        "inLanguage": LANGUAGE,
        "educationalLevel": EDUCATIONAL_LEVEL,
        "isAccessibleForFree": True,
        "provider": {"@type": "Organization", "name": f"{site_name} community", "url": home_url},
        "hasPart": [
            {"@type": "LearningResource", "@id": lesson.url, "name": lesson.title, "url": lesson.url, "position": lesson.position}
            for lesson in lessons
        ],
    }


def learning_resource(lesson: LessonRef, course_name: str, home_url: str) -> Node:
    """A lesson page: where it stands in the course, and for whom."""
    node: Node = {
        "@type": "LearningResource",
        "@id": lesson.url,
        "name": lesson.title,
        "url": lesson.url,
        "position": lesson.position,
        "learningResourceType": "lesson",
        "educationalLevel": EDUCATIONAL_LEVEL,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
        "isPartOf": {"@type": "Course", "@id": course_id(home_url), "name": course_name, "url": home_url},
    }
    if lesson.description:
        node["description"] = lesson.description
    return node


def defined_term_set_id(glossary_url: str) -> str:
    return glossary_url + "#glossary"


def defined_term(term: Term, url: str, glossary_url: str, glossary_name: str) -> Node:
    node: Node = {
        "@type": "DefinedTerm",
        "@id": url,
        "name": term.term,
        "description": term.short,
        "url": url,
        "inDefinedTermSet": {
            "@type": "DefinedTermSet",
            "@id": defined_term_set_id(glossary_url),
            "name": glossary_name,
            "url": glossary_url,
        },
    }
    if term.aliases:
        node["alternateName"] = list(term.aliases)
    return node


def defined_term_set(glossary: Glossary, glossary_url: str, name: str, description: str, term_url) -> Node:
    """The A-Z index: every term of the glossary, by name and URL (`term_url(slug)` gives a term's absolute URL)."""
    return {
        "@type": "DefinedTermSet",
        "@id": defined_term_set_id(glossary_url),
        "name": name,
        "description": description,
        "url": glossary_url,
        "inLanguage": LANGUAGE,
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "@id": term_url(term.slug), "name": term.term, "url": term_url(term.slug)}
            for term in glossary
        ],
    }


def quiz(quiz: Quiz, url: str, description: str, about: Sequence[Node] = (), plain=lambda text: text) -> Node:
    """A quiz page: the questions as `Question` items with their prompt (`plain` makes Markdown plain text)."""
    node: Node = {
        "@type": "Quiz",
        "@id": url,
        "name": quiz.title,
        "description": description,
        "url": url,
        "educationalLevel": EDUCATIONAL_LEVEL,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
        "hasPart": [
            {"@type": "Question", "name": plain(question.prompt or question.scenario or quiz.title), "position": number}
            for number, question in enumerate(quiz.questions, start=1)
        ],
    }
    if about:
        node["about"] = list(about)
    return node


def breadcrumb_list(crumbs: Sequence[Crumb]) -> Node:
    """Google's breadcrumb: ListItems with position, name and item (the URL)."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": crumb.name, "item": crumb.url}
            for number, crumb in enumerate(crumbs, start=1)
        ],
    }


# ---------------------------------------------------------------------------------------------- the visible breadcrumb


def breadcrumb_html(crumbs: Sequence[Crumb], hrefs: Sequence[str]) -> str:
    """The breadcrumb a reader sees: an ordered list in a labelled nav, the last step the current page (not a link,
    aria-current). `hrefs` are the links as the page writes them (relative), one per crumb; every value escaped."""
    if len(crumbs) < 2:
        return ""
    items = []
    for index, (crumb, href) in enumerate(zip(crumbs, hrefs, strict=True)):
        name = html.escape(crumb.name)
        if index == len(crumbs) - 1:
            items.append(
                f'<li class="md-path__item seokb-breadcrumb__item"><span aria-current="page" class="seokb-breadcrumb__current">{name}</span></li>'
            )
        else:
            items.append(
                f'<li class="md-path__item seokb-breadcrumb__item"><a href="{html.escape(href)}" class="md-path__link seokb-breadcrumb__link">{name}</a></li>'
            )
    return (
        '<nav class="md-path seokb-breadcrumb" aria-label="Breadcrumb"><ol class="md-path__list">'
        + "".join(items)
        + "</ol></nav>"
    )
