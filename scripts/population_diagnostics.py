"""Why population targets fail: three probes of the model's biology, printed as tables.

1. Natural course: a depressed adult (sustained stress 1.0 locked in) whose stress
   stops at the start; HAM-D-17 over 12 weeks, for several cortisol thresholds of plasticity.
2. Treatment resistance: escitalopram 10 mg/day for 8 weeks from the depressed state, for
   thresholds from deep (16 nmol/L) to shallow locks.
3. Prostaglandin restraint of TNF-alpha: celecoxib added to sertraline for 6 weeks in the
   ``mdd`` phenotype, as calibrated and with the restraint removed (pge2_tnf_max near 0).

    python scripts/population_diagnostics.py [--patients 80] [--workers 2]

The numbers are quoted in docs/trials.md ("What the population targets show today").
"""

from __future__ import annotations

import argparse
import tempfile

import numpy as np

from neuroimmune.api import simulate
from neuroimmune.trials.design import load_design
from neuroimmune.trials.run import run_trial

DAYS = (0, 28, 56, 84)
ESCITALOPRAM = {"name": "escitalopram", "dose": "10 mg", "at": "08:00"}


def _hamd(patients: list[dict[str, float]], *, treatments: list, challenges: list, days: int) -> np.ndarray:
    scenario = {"name": "probe", "duration": f"{days * 24 + 24} h", "treatments": treatments,
                "challenges": challenges}
    times = [8.0 + 24 * d for d in DAYS if d <= days]
    return simulate(scenario, patients=patients, outputs=["hamd17"], times=times, workers=1).values[:, :, 0]


def natural_course() -> None:
    print("1. Sustained stress 1.0 stops at the start: HAM-D-17 at days", DAYS)
    for k in (27.0, 31.0, 34.0, 38.0):
        stop = [{"type": "input", "name": "stress_chronic", "value": 0.0, "at": "1 h"}]
        row = _hamd([{"stress_chronic": 1.0, "pl_cortisol_k": k}], treatments=[], challenges=stop, days=84)[0]
        print(f"   pl_cortisol_k {k:4.0f} nmol/L: {np.round(row, 1)}")


def treatment_resistance() -> None:
    print("2. Escitalopram 10 mg/day, stress 1.0 held: HAM-D-17 at days", DAYS[:3])
    for k in (16.0, 22.0, 27.0, 31.0):
        row = _hamd([{"stress_chronic": 1.0, "pl_cortisol_k": k}], treatments=[ESCITALOPRAM], challenges=[],
                    days=56)[0]
        print(f"   pl_cortisol_k {k:4.0f} nmol/L: {np.round(row, 1)}")


def prostaglandin_restraint(patients: int, workers: int) -> None:
    print(f"3. Celecoxib added to sertraline, 6 weeks, mdd phenotype ({patients} screened); change from baseline")
    for label, extra in (("as calibrated", {}),
                         ("no PGE2 restraint of TNF-alpha",
                          {"pge2_tnf_max": {"dist": "uniform", "low": 0.0, "high": 0.0001}})):
        design = {
            "name": "celecoxib-probe", "population": {"n": patients, "seed": 202, "phenotype": "mdd",
                                                     "parameters": extra},
            "inclusion": [{"variable": "hamd17", "min": 18}],
            "arms": [{"name": "sertraline", "control": True,
                      "treatments": [{"name": "sertraline", "dose": "100 mg", "at": "08:00"}, {"name": "placebo"}]},
                     {"name": "sertraline+celecoxib",
                      "treatments": [{"name": "sertraline", "dose": "100 mg", "at": "08:00"},
                                     {"name": "celecoxib", "dose": "200 mg", "at": "08:00", "every": "12 h"}]}],
            "duration": "42 d", "visits": ["0 d", "42 d"],
            "endpoints": [{"type": "change", "at": "42 d"},
                          {"type": "biomarker_change", "variable": "il6", "at": "42 d"},
                          {"type": "biomarker_change", "variable": "tnf", "at": "42 d"}]}
        with tempfile.TemporaryDirectory() as tmp:
            summary = run_trial(load_design(design), out_dir=tmp, workers=workers).summary
        cells = []
        for ep, name in zip(summary["endpoints"], ("HAM-D-17", "IL-6 pg/mL", "TNF-alpha pg/mL")):
            arms = ep["by_arm"]
            cells.append(f"{name} {arms['sertraline']['mean']:+.2f} vs {arms['sertraline+celecoxib']['mean']:+.2f}")
        print(f"   {label}: " + "; ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=80)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    natural_course()
    treatment_resistance()
    prostaglandin_restraint(args.patients, args.workers)


if __name__ == "__main__":
    main()
