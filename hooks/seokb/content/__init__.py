"""What contributors write, read and checked: glossary entries and quizzes (YAML with lines), lesson rules, markers.

Nothing here knows about HTML pages or MkDocs: a problem is a `path:line: message` in a Diagnostics report."""
