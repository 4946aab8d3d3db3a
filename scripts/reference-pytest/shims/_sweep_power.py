"""Runs the sweep-power CLI for the reference's entry points (dev harness, not shipped)."""
import os
import subprocess
import sys

# Written by run.mjs: tests run process_result.py with an environment of their own, without these.
from _sweep_power_paths import CLI, NODE  # noqa: E402


class PythonInternal(Exception):
    """Raised where a test reaches into the reference's Python internals (no CLI equivalent)."""


MARKER = "SWEEP_POWER_PYTHON_INTERNAL"


def internal(module, name):
    def stub(*_args, **_kwargs):
        raise PythonInternal(f"{MARKER}: {module}.{name} is a Python internal of the reference")

    return stub


def cli(argv, env=None):
    """Runs the CLI, forwards its output, returns its exit code."""
    proc = subprocess.run([NODE, CLI, *[str(a) for a in argv]], capture_output=True, text=True, env=env if env is not None else os.environ.copy())
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    return proc.returncode
