"""GitHub's and our own formats, checked by the tools that know them, offline: check-jsonschema with its vendored
schemas for workflows and issue forms, our JSON Schemas against their metaschema and against the real entries,
quizzes and glossary.json, and pre-commit's own check of its config. A typo here fails only on GitHub otherwise."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.project import REPO

BIN = Path(sys.executable).parent
SCHEMAS = REPO / "hooks" / "seokb" / "schema"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", sorted((REPO / ".github" / "workflows").glob("*.yml"))),
        ("vendor.github-issue-forms", [REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-a-term.yml"]),
        ("vendor.github-issue-config", [REPO / ".github" / "ISSUE_TEMPLATE" / "config.yml"]),
    ],
)
def test_github_files_match_githubs_schemas(schema: str, files: list[Path]) -> None:
    assert files
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files))
    assert result.returncode == 0, result.stdout + result.stderr


def test_our_schemas_are_valid_and_describe_the_real_content(real_site: Path) -> None:
    checks = [
        ["--check-metaschema", *map(str, sorted(SCHEMAS.glob("*.json")))],
        ["--schemafile", str(SCHEMAS / "term.schema.json"), *map(str, sorted((REPO / "glossary").glob("*.yml")))],
        ["--schemafile", str(SCHEMAS / "quiz.schema.json"), *map(str, sorted((REPO / "quizzes").glob("*.yml")))],
        ["--schemafile", str(SCHEMAS / "diagram.schema.json"), *map(str, sorted((REPO / "diagrams").glob("*.yml")))],
        ["--schemafile", str(SCHEMAS / "glossary.schema.json"), str(real_site / "glossary.json")],
    ]
    for arguments in checks:
        result = _run(str(BIN / "check-jsonschema"), *arguments)
        assert result.returncode == 0, f"{arguments[:2]}: {result.stdout}{result.stderr}"


def test_check_jsonschema_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    step:\n      - run: make test\n", encoding="utf-8"
    )
    result = _run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken))
    assert result.returncode == 1


def test_the_pre_commit_config_is_valid() -> None:
    result = _run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert result.returncode == 0, result.stdout + result.stderr


def _workflow(name: str) -> dict:
    import yaml

    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_the_preview_comment_never_runs_pull_request_code_and_forks_never_get_a_write_token() -> None:
    """test.yml runs the pull request's code with a read-only token and uploads the site and the change summary
    with its cards; preview-comment.yml, the only workflow that writes, starts from workflow_run (the base
    repository's file and token), checks out only the default branch for its script, without keeping the token in
    git's config, downloads the artifact outside that checkout, and may write comments and the previews branch.
    (.github/scripts/preview_comment.py's own checks of the artifact are tests/test_preview_comment.py.)"""
    test = _workflow("test.yml")
    assert test[True] == {"pull_request": None}  # YAML 1.1 reads the key 'on' as True
    assert test["permissions"] == {"contents": "read"}
    steps = test["jobs"]["test"]["steps"]
    uploads = {step["with"]["name"] for step in steps if step.get("uses", "").startswith("actions/upload-artifact@")}
    assert uploads == {"site", "change-summary"}
    assert any("seokb summary --base" in step.get("run", "") and "--cards change-summary/cards" in step["run"] for step in steps)

    comment = _workflow("preview-comment.yml")
    assert comment[True] == {"workflow_run": {"workflows": ["Test"], "types": ["completed"]}}
    assert comment["permissions"] == {}
    (job,) = comment["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write", "contents": "write"}
    assert job["if"].startswith("github.event.workflow_run.event == 'pull_request' && ")
    checkouts = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert [step["with"] for step in checkouts] == [
        {
            "ref": "${{ github.event.repository.default_branch }}",
            "persist-credentials": False,
            "path": "trusted",
            "sparse-checkout": ".github/scripts",
        }
    ]
    (download,) = [step for step in job["steps"] if step.get("uses", "").startswith("actions/download-artifact@")]
    assert download["with"]["path"] == "${{ runner.temp }}/change-summary"  # never inside the checkout
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == ['python3 trusted/.github/scripts/preview_comment.py "$ARTIFACT"']
    # Every value the workflow takes from the event: none names the pull request's branch or code, and the one run
    # step above pastes none into its script (they reach it as environment variables).
    text = (REPO / ".github" / "workflows" / "preview-comment.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"\$\{\{\s*(.*?)\s*\}\}", text)) == {
        "github.event.repository.default_branch",
        "runner.temp",
        "github.event.workflow_run.id",
        "github.token",
        "github.event.workflow_run.head_sha",
        "github.event.workflow_run.conclusion",
    }
