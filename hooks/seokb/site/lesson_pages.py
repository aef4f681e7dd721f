"""What the engine adds to a lesson page: the line that says where it stands in the course."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import jinja2

from seokb.site.templates import template_environment


def lesson_meta_html(url: str, number: object, total: int, last_checked: object = None) -> str:
    """'Lesson n of 10', and the day Google's rules were last checked when the front matter gives one."""
    if isinstance(last_checked, date):
        checked, checked_iso = f"{last_checked.day} {last_checked:%B %Y}", last_checked.isoformat()
    else:
        checked = checked_iso = str(last_checked) if last_checked else ""
    return (
        _templates()
        .get_template("lesson-meta.html.jinja")
        .render(url=url, number=number, total=total, checked=checked, checked_iso=checked_iso)
    )


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return template_environment(autoescape=True)
