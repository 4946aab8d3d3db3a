"""Replaces validate_perf_changelog's entry points with calls to sweep-power's validate-changelog CLI.

Loaded from the reference's conftest.py by run.mjs; never imported by the project's own tests.
Environment: SWEEP_POWER_CLI (path of the bundled cli.js), REFERENCE_GIT_DIR (repository for refs).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

import validate_perf_changelog as reference

CLI = os.environ["SWEEP_POWER_CLI"]
GIT_DIR = os.environ["REFERENCE_GIT_DIR"]
REPO = "SemiAnalysisAI/InferenceX"
Error = reference.ChangelogValidationError


def _cli(args: list[str], cwd: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_REPOSITORY"}
    return subprocess.run(
        ["node", CLI, "validate-changelog", "--repo", REPO, *args],
        cwd=cwd, capture_output=True, text=True, env=env,
    )


def _raise_on_reject(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode == 1:
        raise Error(result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"validate-changelog exited {result.returncode}: {result.stderr}")


def _configs_glob(ref: str) -> str:
    # Master configs moved from .github/configs/ to configs/ over the repository's history.
    for folder in ("configs", ".github/configs"):
        listed = subprocess.run(["git", "ls-tree", "--name-only", ref, "--", f"{folder}/"], cwd=GIT_DIR, capture_output=True, text=True)
        if any(p.endswith("-master.yaml") for p in listed.stdout.split()):
            return f"{folder}/*-master.yaml"
    return "configs/*-master.yaml"


def validate_matrix_compatible_change(base_ref: str, head_ref: str, path: str, *, all_evals: bool = False, evals_only: bool = False) -> None:
    result = _cli(["--base-ref", base_ref, "--head-ref", head_ref, "--changelog", path, "--configs", _configs_glob(head_ref)], GIT_DIR)
    _raise_on_reject(result)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-ref", required=True)
    parser.add_argument("--head-ref", required=True)
    parser.add_argument("--changelog-file", default="perf-changelog.yaml")
    parser.add_argument("--all-evals", action="store_true")
    parser.add_argument("--evals-only", action="store_true")
    args = parser.parse_args()
    result = _cli(["--base-ref", args.base_ref, "--head-ref", args.head_ref, "--changelog", args.changelog_file, "--configs", _configs_glob(args.head_ref)], GIT_DIR)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def _keys(raw: bytes) -> list[str]:
    keys: list[str] = []
    try:
        for entry in yaml.safe_load(raw.decode("utf-8", "replace")) or []:
            if isinstance(entry, dict):
                keys.extend(k for k in entry.get("config-keys") or [] if isinstance(k, str))
    except yaml.YAMLError:
        pass
    return keys


def _run_files(base_raw: bytes, head_raw: bytes, pr_number: int | None) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="ref-changelog-") as work:
        Path(work, "base.yaml").write_bytes(base_raw)
        Path(work, "head.yaml").write_bytes(head_raw)
        Path(work, "configs").mkdir()
        # A master config that defines every key the entries name: the tests are not about config keys.
        master = "".join(f"{key}:\n  model: m\n" for key in dict.fromkeys(_keys(base_raw) + _keys(head_raw)) if "*" not in key)
        Path(work, "configs", "test-master.yaml").write_text(master)
        args = ["--base-file", "base.yaml", "--head-file", "head.yaml"]
        if pr_number is not None:
            args += ["--pr-number", str(pr_number)]
        return _cli(args, work)


def _render(entries: list[dict[str, Any]]) -> bytes:
    # The layout the changelog uses: one empty line between entries; no entries is an empty list.
    if not entries:
        return yaml.safe_dump([]).encode()
    return b"\n".join(yaml.safe_dump([e], sort_keys=False).encode() for e in entries)


def compare_entries(base_entries: list[dict[str, Any]], head_entries: list[dict[str, Any]], pr_number: int | None) -> tuple[list[dict[str, Any]], int]:
    result = _run_files(_render(base_entries), _render(head_entries), pr_number)
    _raise_on_reject(result)
    added = re.search(r"(\d+) new entr", result.stdout)
    corrected = re.search(r"(\d+) pr-link correction", result.stdout)
    count = int(added.group(1)) if added else 0
    return (head_entries[len(head_entries) - count:] if count else []), (int(corrected.group(1)) if corrected else 0)


def validate_raw_change(base_raw: bytes, head_raw: bytes, additions: int, corrections: int) -> None:
    # Counts are derived by the CLI itself; the PR number is irrelevant to these byte rules.
    _raise_on_reject(_run_files(base_raw, head_raw, 42))


reference.validate_matrix_compatible_change = validate_matrix_compatible_change
reference.main = main
reference.compare_entries = compare_entries
reference.validate_raw_change = validate_raw_change


# Tests that cannot say anything about validate-changelog, with the reason printed by `pytest -rs`.
NOT_ABOUT_THE_CLI = {
    "test_parse_changelog_": "calls the reference's own parse_changelog on one file; validate-changelog judges a change (base and head), it has no single-file mode",
    "test_matrix_compatible_check_rejects_missing_final_newline": "monkeypatches the module's read_git_file (a Python internal) to feed refs 'base'/'head' that exist in no repository",
    "test_matrix_compatible_check_propagates_matrix_rejection": "monkeypatches validate_generated_config (a Python internal: the call into process_changelog.py)",
    "test_matrix_compatible_check_forwards_eval_modifiers": "monkeypatches validate_generated_config (a Python internal) to capture its keyword arguments",
    "test_run_sweep_checks_changelog_before_reuse_and_setup": "reads InferenceX's workflow file, not the validator",
    "test_merge_helper_waits_for_pr_checks_before_merge": "reads InferenceX's merge script, not the validator",
}


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    import pytest

    for item in items:
        for prefix, reason in NOT_ABOUT_THE_CLI.items():
            if item.name.startswith(prefix):
                item.add_marker(pytest.mark.skip(reason=reason))
