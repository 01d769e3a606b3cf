"""Engine benchmark: one patient x 84 days, and 1,000 patients x 84 days over all cores.

Prints the figures and writes them into docs/performance.md (between the BENCHMARK
markers). Not a test: timings depend on the machine.

    python benchmarks/bench_engine.py [--patients 1000] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
from pathlib import Path

import numpy as np
import roadrunner

import neuroimmune as ni
from neuroimmune.api import model_for_scenario
from neuroimmune.engine.roadrunner import RoadRunnerSimulator
from neuroimmune.scenarios.compile import compile_scenario
from neuroimmune.scenarios.registry import load_scenario

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "performance.md"
OUTPUTS = ["cortisol", "acth", "crh", "tnf", "il6", "il10", "crp", "pituitary_mass", "adrenal_mass", "gr_central"]
SCENARIO = {
    "name": "benchmark-84-days",
    "description": "84 days: chronic stress (level 1) from day 7 to day 63, hourly output of 10 variables.",
    "duration": "84 d",
    "challenges": [{"type": "chronic_stress", "level": 1.0, "start": "day 7 00:00", "duration": "56 d"}],
    "output": {"interval": "1 h", "variables": OUTPUTS},
}


def virtual_patients(n: int, seed: int = 20261127) -> list[dict[str, float]]:
    """Patients that differ in GR sensitivity, inflammatory load and cortisol clearance."""
    rng = np.random.default_rng(seed)
    return [
        {
            "gr_sensitivity_central": float(np.clip(rng.lognormal(0.0, 0.25), 0.3, 3.0)),
            "gr_sensitivity_immune": float(np.clip(rng.lognormal(0.0, 0.25), 0.3, 3.0)),
            "inflammatory_load": float(np.clip(rng.lognormal(-1.5, 1.0), 0.0, 5.0)),
            "k_free_cortisol": float(np.clip(rng.normal(18.9, 3.0), 10.0, 30.0)),
        }
        for _ in range(n)
    ]


def single_patient(repeats: int = 5) -> dict[str, float]:
    model = model_for_scenario(load_scenario(SCENARIO))  # the model simulate() uses: no drug given, no PK states
    t0 = time.perf_counter()
    sim = RoadRunnerSimulator(model)
    load = time.perf_counter() - t0
    timeline = compile_scenario(load_scenario(SCENARIO), model)
    times = np.asarray(timeline.output_times)
    steady, run = [], []
    for _ in range(repeats):
        sim.configure({})
        t1 = time.perf_counter()
        x0 = sim.steady_state().state
        t2 = time.perf_counter()
        sim.run_timeline(timeline, x0, OUTPUTS, times)
        t3 = time.perf_counter()
        steady.append(t2 - t1)
        run.append(t3 - t2)
    return {"load_s": load, "steady_state_s": float(np.median(steady)), "simulate_84d_s": float(np.median(run))}


def batch(n: int, workers: int) -> dict[str, float]:
    patients = virtual_patients(n)
    t0 = time.perf_counter()
    result = ni.simulate(SCENARIO, patients=patients, workers=workers)
    wall = time.perf_counter() - t0
    ok = int(result.ok.sum())
    failed = [(p, s) for p, s in zip(result.patients, result.status) if s != "ok"]
    for pid, status in failed[:5]:
        print(f"  {pid}: {status[:160]}")
    return {"patients": n, "workers": workers, "wall_s": wall, "patients_per_s": n / wall, "ok": ok}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = parser.parse_args()
    one = single_patient()
    print(f"load {one['load_s']:.3f} s; steady state {one['steady_state_s']:.3f} s; "
          f"84 days {one['simulate_84d_s']:.3f} s (one patient)")
    many = batch(args.patients, args.workers)
    print(f"{many['patients']} patients x 84 days on {many['workers']} cores: {many['wall_s']:.1f} s "
          f"({many['patients_per_s']:.1f} patients/s, {many['ok']} ok)")
    if not args.no_write:
        block = "\n".join([
            "<!-- BENCHMARK:BEGIN (written by benchmarks/bench_engine.py) -->",
            f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, libroadrunner {roadrunner.__version__}, "
            f"neuroimmune {ni.__version__} (model {model_for_scenario(load_scenario(SCENARIO)).fingerprint}, untreated).",
            "",
            "| measurement | value |",
            "|---|---|",
            f"| model load (SBML -> LLVM, LLJIT) | {one['load_s']:.3f} s |",
            f"| circadian steady state, one patient (Newton on the 24-h map) | {one['steady_state_s']:.3f} s |",
            f"| one patient x 84 days, hourly output of 10 variables | {one['simulate_84d_s']:.3f} s |",
            f"| {many['patients']} patients x 84 days on {many['workers']} cores (steady state included) | "
            f"{many['wall_s']:.1f} s |",
            f"| throughput | {many['patients_per_s']:.1f} patients/s |",
            f"| patients completed | {many['ok']} of {many['patients']} |",
            "<!-- BENCHMARK:END -->",
        ])
        text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n\n"
        pattern = re.compile(r"<!-- BENCHMARK:BEGIN.*?BENCHMARK:END -->", re.S)
        text = pattern.sub(block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
