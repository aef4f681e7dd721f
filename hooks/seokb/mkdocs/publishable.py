"""The MkDocs door to docs_files.py and engine_pages.py: what MkDocs found in docs/ and may not publish leaves the
build's files in on_files, before anything is read or copied, and each refusal is a problem of the run."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import Files

from seokb.content.docs_files import docs_files
from seokb.diagnostics import Diagnostics
from seokb.mkdocs.logs import report
from seokb.site.engine_pages import pages_at_engine_addresses


def leave_out_refused(files: Files, docs_dir: str, docs_path: str, engine_pages: dict[str, str], problems: Diagnostics) -> None:
    """Take out of `files` every file of docs/ that docs_files() does not accept (MkDocs walks into links and copies
    any type), and every page at an address the engine writes a page at; report each, as `seokb check` does."""
    found = docs_files(Path(docs_dir), docs_path)
    problems.extend(found.problems.items)
    hand_written = [file for file in files if file.generated_by is None and file.src_dir == docs_dir]
    pages = [file.src_uri for file in hand_written if file.is_documentation_page() and file.src_uri in found.accepted]
    clashes = pages_at_engine_addresses(pages, docs_path, engine_pages)
    problems.items += clashes
    lost = {clash.path for clash in clashes}
    for file in hand_written:
        if file.src_uri not in found.accepted or f"{docs_path}/{file.src_uri}" in lost:
            files.remove(file)


def stop_at_folder_links(docs_dir: str, docs_path: str, problems: Diagnostics) -> None:
    """In on_config, before MkDocs lists docs/: a link to a folder would have it walk that folder, following every
    link below it (one to / walks the whole machine, through /proc, for hours), so the build stops here, with every
    problem of docs/' files."""
    found = docs_files(Path(docs_dir), docs_path)
    if found.folder_links:
        problems.extend(found.problems.items)
        report(problems)
