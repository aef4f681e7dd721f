"""Reading a built page's breadcrumb, JSON-LD and title back."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin


class VisibleBreadcrumb(HTMLParser):
    """The steps of the page's <nav aria-label="Breadcrumb">: (text, href or None)."""

    def __init__(self) -> None:
        super().__init__()
        self.navs = 0
        self.inside = False
        self.steps: list[list] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("aria-label") == "Breadcrumb":
            self.navs += 1
            self.inside = True
        elif self.inside and tag == "li":
            self.steps.append(["", None])
        elif self.inside and tag == "a":
            self.steps[-1][1] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.steps:
            self.steps[-1][0] += data.strip()


def visible_breadcrumb(html: str) -> VisibleBreadcrumb:
    parsed = VisibleBreadcrumb()
    parsed.feed(html)
    return parsed


def assert_breadcrumbs_agree(html: str, page_url: str, items: list[dict]) -> None:
    """The visible breadcrumb shows the JSON-LD's steps: same names, links to the same pages, the last one the page."""
    visible = visible_breadcrumb(html)
    assert visible.navs == 1
    assert [name for name, _ in visible.steps] == [item["name"] for item in items]
    assert [urljoin(page_url, href) for _, href in visible.steps[:-1]] == [item["item"] for item in items[:-1]]
    assert visible.steps[-1][1] is None and items[-1]["item"] == page_url
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def title(html: str) -> str:
    (found,) = re.findall(r"<title>(.*?)</title>", html, re.S)
    return found.strip()
