"""aggregate_power_multinode with run()/main() served by `sweep-power aggregate-multinode`."""
import sys

import _ref_aggregate_power_multinode as _ref
from _sweep_power import cli, internal

# Contract data (file header, role and metric key names), not behaviour.
SAMPLES_HEADER = _ref.SAMPLES_HEADER
WORKER_ROLES = _ref.WORKER_ROLES
ROLE_METRIC_KEYS = _ref.ROLE_METRIC_KEYS
WHOLE_METRIC_KEYS = _ref.WHOLE_METRIC_KEYS


def run(power_dir, bench_result, agg_result, *, prefill_gpus, decode_gpus, expected_producer_sha, logs_root, validation_result=None, require_power=False):
    argv = ["aggregate-multinode", "--power-dir", power_dir, "--logs-root", logs_root, "--bench-result", bench_result, "--agg-result", agg_result, "--prefill-gpus", prefill_gpus, "--decode-gpus", decode_gpus]
    if expected_producer_sha is not None:
        argv += ["--expected-producer-sha", expected_producer_sha]
    if validation_result is not None:
        argv += ["--validation-result", validation_result]
    if require_power:
        argv.append("--require-power")
    return cli(argv)


def main():
    code = cli(["aggregate-multinode", *sys.argv[1:]])
    if code == 2:
        raise SystemExit(2)  # a usage error, as argparse reports it
    return code


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    return internal("aggregate_power_multinode", name)
