"""Trial benchmark: a 12-week, 3-arm virtual trial on this machine's cores, by back end.

    python benchmarks/bench_trial.py [--patients 1000] [--workers N] [--backends processes dask] [--no-write]
    python benchmarks/bench_trial.py --in-process [--patients 200]

Measures the whole trial (screening, three arms, ratings, analysis) through local
processes and through a local Dask cluster, and the per-patient cost of a plain
libRoadRunner loop over the same SBML (84 days from the circadian steady state, the
varied parameters set per patient, no steady-state search), then writes the figures
into docs/performance.md between the TRIAL-BENCHMARK-<patients> markers (one block per size).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import tempfile
import time
from pathlib import Path

import roadrunner

import neuroimmune as ni
from neuroimmune.sbml.io import export_model_sbml
from neuroimmune.trials.design import load_design
from neuroimmune.trials.population import sample_population
from neuroimmune.trials.run import run_trial

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"


def design(n: int) -> dict:
    return {
        "name": "bench-12-weeks-3-arms",
        "population": {"n": n, "seed": 11, "baseline": {"stress_chronic": 0.3},
                       "parameters": {"gr_sensitivity_central": {"dist": "lognormal", "median": 1.0, "sd_log": 0.2},
                                      "inflammatory_load": {"dist": "lognormal", "median": 0.5, "sd_log": 1.0}}},
        "inclusion": [{"variable": "hamd17", "min": 14}],
        "arms": [{"name": "placebo", "control": True, "treatments": [{"name": "placebo"}]},
                 {"name": "escitalopram", "treatments": [{"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                                                         {"name": "placebo"}]},
                 {"name": "escitalopram+celecoxib", "treatments": [
                     {"name": "escitalopram", "dose": "10 mg", "at": "08:00"},
                     {"name": "celecoxib", "dose": "200 mg", "at": "08:00", "every": "12 h"}]}],
        "duration": "84 d", "visits": ["0 d", "14 d", "28 d", "56 d", "84 d"],
        "endpoints": [{"type": "change", "at": "84 d"}, {"type": "response", "at": "84 d"}],
        "strata": {"variable": "crp", "bands": [0, 3, 1000]},
    }


def time_trial(n: int, workers: int, backend: str) -> float:
    folder = Path(tempfile.mkdtemp(prefix="bench-trial-"))
    try:
        t0 = time.perf_counter()
        run_trial(load_design(design(n)), out_dir=folder, workers=workers, backend=backend)
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def plain_roadrunner_per_patient(n: int) -> float:
    """Seconds per patient for a bare libRoadRunner loop: 84 days, daily output, parameters set per patient."""
    spec = design(n)
    folder = Path(tempfile.mkdtemp(prefix="bench-rr-"))
    try:
        scenario = {"name": "bench-rr", "duration": "84 d", "baseline": spec["population"]["baseline"]}
        path, _ = export_model_sbml(folder / "model.xml", scenario=scenario)
        rr = roadrunner.RoadRunner(str(path))
        rr.timeCourseSelections = ["time", "hamd17"]
        patients = sample_population(load_design(spec).population, ni.default_model(drugs=()))
        t0 = time.perf_counter()
        for _, row in patients.iterrows():
            rr.resetAll()
            for name, value in row.items():
                rr.setValue(name, float(value))
            rr.simulate(0, 84 * 24, 85)
        return (time.perf_counter() - t0) / len(patients)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_block(marker: str, heading: str, block: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(rf"<!-- {marker}:BEGIN.*?{marker}:END -->", re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + f"\n\n{heading}\n\n" + \
        block + "\n"
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")


def in_process(n: int, write: bool) -> int:
    """The same trial in one process (no workers), against the plain loop's per-patient cost."""
    seconds = time_trial(n, 1, "inprocess")
    plain = plain_roadrunner_per_patient(min(n, 200))
    print(f"{n} patients in process: {seconds:.1f} s ({seconds / n * 1000:.0f} ms per screened patient); "
          f"plain libRoadRunner loop {plain * 1000:.0f} ms per patient")
    if write:
        _write_block("TRIAL-INPROCESS", "### In one process", "\n".join([
            "<!-- TRIAL-INPROCESS:BEGIN (written by benchmarks/bench_trial.py --in-process) -->",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, libroadrunner {roadrunner.__version__}: "
            f"the same 12-week, 3-arm trial with {n} screened patients in one process (`backend=\"inprocess\"`).",
            "",
            "| measurement | value |",
            "|---|---|",
            f"| {n} patients in one process | {seconds:.1f} s ({n / seconds:.2f} patients/s, "
            f"{seconds / n * 1000:.0f} ms per screened patient) |",
            f"| plain libRoadRunner loop, per patient (84 days, no steady-state search) | {plain * 1000:.0f} ms |",
            "<!-- TRIAL-INPROCESS:END -->"]))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--in-process", action="store_true", help="time the trial in one process only")
    parser.add_argument("--backends", nargs="+", choices=("processes", "dask"), default=["processes", "dask"],
                        help="which parallel back ends to time (default: both)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.in_process:
        return in_process(args.patients, not args.no_write)
    n = args.patients
    labels = {"processes": f"local processes ({args.workers})", "dask": f"local Dask cluster ({args.workers} workers)"}
    rows = []
    for backend in args.backends:
        seconds = time_trial(n, args.workers, backend)
        print(f"{n} patients, {labels[backend]}: {seconds:.1f} s", flush=True)
        rows.append(f"| {n} patients, {labels[backend]} | {seconds:.1f} s ({n / seconds:.1f} patients/s) |")
    plain = plain_roadrunner_per_patient(min(n, 200))
    print(f"plain libRoadRunner loop: {plain * 1000:.0f} ms per patient (84 days, no steady-state search)")
    if not args.no_write:
        marker = f"TRIAL-BENCHMARK-{n}"
        block = "\n".join([
            f"<!-- {marker}:BEGIN (written by benchmarks/bench_trial.py --patients {n}) -->",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
            f"libroadrunner {roadrunner.__version__}, neuroimmune {ni.__version__}: a 12-week, 3-arm trial "
            f"(screening, three arms, ratings, analysis, report) of {n} screened patients.",
            "",
            "| measurement | value |",
            "|---|---|",
            *rows,
            f"| plain libRoadRunner loop, per patient (84 days, no steady-state search) | {plain * 1000:.0f} ms |",
            f"<!-- {marker}:END -->",
        ])
        _write_block(marker, f"### {n} patients", block)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
