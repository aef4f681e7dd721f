"""Contributed fields are CommonMark with tables, as GitHub previews a pull request and as the source checks read
them; raw HTML is text. (What the sanitizer removes is tested with the hostile corpus, tests/test_hostile_input.py.)"""

from __future__ import annotations

import pytest

from seokb.site.safe_html import FieldRenderer

RENDERED = [
    # A list straight under a line of text is a list, as on GitHub (Python-Markdown wanted a blank line first).
    ("Two kinds:\n- followed\n- nofollow", "<p>Two kinds:</p>\n<ul>\n<li>followed</li>\n<li>nofollow</li>\n</ul>"),
    ("3. third\n4. fourth", '<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>'),
    ("A **strong** and *weak* `rel` link.", "<p>A <strong>strong</strong> and <em>weak</em> <code>rel</code> link.</p>"),
    ("snake_case_word", "<p>snake_case_word</p>"),
    (
        "[Google](https://developers.google.com/search) and [a term](anchor-text.md)",
        '<p><a href="https://developers.google.com/search">Google</a> and <a href="anchor-text.md">a term</a></p>',
    ),
    ('```html\n<a rel="nofollow">\n```', '<pre><code class="language-html">&lt;a rel="nofollow"&gt;\n</code></pre>'),
    (
        "| rel | meaning |\n|:---|---:|\n| ugc | user content |",
        "<table>\n<thead>\n<tr>\n"
        '<th style="text-align:left">rel</th>\n<th style="text-align:right">meaning</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td style="text-align:left">ugc</td>\n<td style="text-align:right">user content</td>\n'
        "</tr>\n</tbody>\n</table>",
    ),
    ("Use <b>bold</b> & more", "<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; more</p>"),
]


@pytest.mark.parametrize("markdown, html", RENDERED, ids=[case[0][:24] for case in RENDERED])
def test_a_field_renders_as_github_previews_it(markdown: str, html: str) -> None:
    safe = FieldRenderer().render(markdown)
    assert (safe.html, safe.removed) == (html, None)


def test_one_renderer_serves_many_fields_without_carrying_state_over() -> None:
    """A build renders thousands of fields with one renderer: a reference link defined in one field must not resolve
    in the next."""
    renderer = FieldRenderer()
    assert (
        renderer.render("[Google][g]\n\n[g]: https://www.google.com/").html
        == '<p><a href="https://www.google.com/">Google</a></p>'
    )
    assert renderer.render("[Google][g]").html == "<p>[Google][g]</p>"
