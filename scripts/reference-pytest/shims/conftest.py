"""Classifies every test outcome for the harness summary (dev harness only)."""
import inspect
import json
import os

import pytest

from _sweep_power import MARKER

_OUTCOMES = {}


def _kind(item):
    try:
        source = inspect.getsource(item.function)
    except (OSError, TypeError):
        source = ""
    if "benchmark_lib" in source:
        return "shell"  # exercises the reference's bash GPU monitor, not a replaced script
    if "run_script_with_broken_aggregator" in source:
        return "internal"  # monkeypatches the Python aggregator inside the process
    return "entry"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    result = yield
    report = result.get_result()
    if report.when == "call" or report.outcome != "passed":
        text = str(report.longrepr or "")
        kind = _kind(item)
        if report.outcome == "failed" and MARKER in text:
            kind = "internal"
        previous = _OUTCOMES.get(item.nodeid)
        if previous is None or previous["outcome"] == "passed":
            _OUTCOMES[item.nodeid] = {"outcome": report.outcome, "kind": kind, "message": text.strip().splitlines()[-1][:300] if text.strip() else ""}


def pytest_sessionfinish(session):
    path = os.environ.get("SWEEP_POWER_OUTCOMES")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(_OUTCOMES, handle, indent=1)
