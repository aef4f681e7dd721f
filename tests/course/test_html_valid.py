"""Every page of the real site through the Nu HTML Checker (vnu-jar from npm, `make tools`; Java 17): no error
that the project's templates or hooks cause. The theme's own known errors are listed by exact message."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from support.project import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_ERRORS = {
    # mkdocs-material's base.html writes its drawer and search toggles as <input type="checkbox" ...
    # autocomplete="off"> (data-md-toggle="drawer" / "search"), on every page; autocomplete is not allowed on a
    # checkbox. The attribute keeps Firefox from restoring a toggle's state on reload. Theme markup, not ours.
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”, "
    "“hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
}


def test_no_page_has_an_html_error_of_ours(real_site: Path) -> None:
    assert VNU.exists(), "vnu-jar is missing: run `make tools` (npm ci)"
    java = shutil.which("java")
    assert java, "Java 17 is missing (the Nu HTML Checker runs on it)"
    result = subprocess.run(
        # The JVM's first-tier compiler only: a run this short spends more CPU optimising than checking (4.6 s of
        # CPU against 12 s, same messages, December 2026). Its larger frames need the stack the checker asks for.
        [java, "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(real_site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    checked = {message.get("url") for message in messages}
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    theirs = [m for m in errors if m["message"] in THEME_ERRORS]
    # Each known theme error is the theme's toggles, not something of ours with the same message.
    assert all('data-md-toggle="' in m.get("extract", "") for m in theirs), theirs[:3]
    ours = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors if m not in theirs]
    assert ours == [], "\n".join(ours[:40])
    assert len(checked) > 1 or not messages  # the checker read the site (its messages name the files)
