"""process_result.py served by `sweep-power process-result` (run as a script, as the workflow does)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _sweep_power import MARKER, PythonInternal, cli  # noqa: E402

# A test that swaps the Python aggregator for a failing one reaches into the reference's internals.
_patched = sys.modules.get("aggregate_power")
if _patched is not None and getattr(getattr(_patched, "run", None), "__module__", "aggregate_power") != "aggregate_power":
    raise PythonInternal(f"{MARKER}: aggregate_power.run was replaced in-process")

sys.exit(cli(["process-result"]))
