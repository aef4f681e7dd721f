"""The one way the engine loads its Jinja templates: from seokb/site/templates, failing on an undefined name."""

from __future__ import annotations

from collections.abc import Callable

import jinja2


def template_environment(autoescape: bool | Callable[[str | None], bool]) -> jinja2.Environment:
    """A new environment; each caller caches its own and adds its filters. `autoescape` is on for HTML output."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("seokb.site", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=autoescape,
    )
