"""aggregate_power with run()/main() served by `sweep-power aggregate`."""
import sys
from pathlib import Path

import _ref_aggregate_power as _ref
from _sweep_power import MARKER, PythonInternal, cli, internal

POWER_METRIC_SCHEMA_VERSION = _ref.POWER_METRIC_SCHEMA_VERSION
_POWER_METRIC_KEYS = _ref._POWER_METRIC_KEYS


def run(csv_path, bench_result, agg_result, *, expected_num_gpus=None, validation_result=None, require_power=False):
    if expected_num_gpus is None:
        # Only the Python API can skip the GPU count; the command line (theirs and ours) requires it.
        raise PythonInternal(f"{MARKER}: run(expected_num_gpus=None) has no command-line form")
    argv = ["aggregate", "--csv", csv_path, "--bench-result", bench_result, "--agg-result", agg_result]
    argv += ["--expected-num-gpus", expected_num_gpus]
    if validation_result is not None:
        argv += ["--validation-result", validation_result]
    if require_power:
        argv.append("--require-power")
    return cli(argv)


def main():
    code = cli(["aggregate", *sys.argv[1:]])
    if code == 2:
        raise SystemExit(2)  # a usage error, as argparse reports it
    return code


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return internal("aggregate_power", name)
