"""Why population targets fail: five probes of the model's biology, printed as tables.

1. Natural course: a depressed adult (sustained stress 1.0 locked in) whose stress
   stops at the start; HAM-D-17 over 12 weeks, for several cortisol thresholds of plasticity.
2. Treatment resistance: escitalopram 10 mg/day for 8 weeks from the depressed state, for
   thresholds from deep (16 nmol/L) to shallow locks.
3. Prostaglandin restraint of TNF-alpha: the same virtual patients of the ``mdd`` phenotype
   on sertraline with and without celecoxib for 6 weeks (a paired comparison, free of rater
   noise and allocation), as calibrated and with the restraint removed (pge2_tnf_max 0).
4. Lock depth: for several cortisol thresholds of plasticity, whether the typical adult's
   episode after 8 weeks of stress outlasts it (CASE3-long-stress), and the share of ``mdd``
   patients (HAM-D-17 >= 14) in remission (HAM-D-17 <= 7) 3, 6 and 12 months after all their
   sustained stress stops: the ceiling of any natural course (Whiteford 2013 reports 23%, 32% and
   53% for untreated adults in primary care, doi:10.1017/S0033291712001717).
5. Response homogeneity: the same ``mdd`` patients (HAM-D-17 >= 18) for 8 weeks on placebo or
   escitalopram plus placebo, with the placebo's expectancy also supporting plasticity (the input
   ``plasticity_support`` raised to 1.15 or 1.3 during the trial; 1 is the model as calibrated):
   mean and SD of the HAM-D-17 change and the share responding (>= 50% fall), free of rater noise.
   Placebo arms respond at 35-40% (Furukawa 2016, doi:10.1016/S2215-0366(16)30307-8).

Probes 3-5 draw patients from the ``mdd`` distributions without its selection to the published
CRP distribution (docs/trials.md).

    python scripts/population_diagnostics.py [--patients 60] [--workers 2] [--probe N ...]

The numbers are quoted in docs/trials.md ("What the population targets show today").
"""

from __future__ import annotations

import argparse

import numpy as np

import neuroimmune as ni
from neuroimmune.api import simulate
from neuroimmune.trials.design import Population
from neuroimmune.trials.population import sample_population

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
    print(f"3. The same {patients} mdd patients (HAM-D-17 >= 18 kept) on sertraline 100 mg/day with and without "
          "celecoxib 200 mg twice a day for 6 weeks: mean paired difference at day 42 (celecoxib minus none)")
    sertraline = {"name": "sertraline", "dose": "100 mg", "at": "08:00"}
    celecoxib = {"name": "celecoxib", "dose": "200 mg", "at": "08:00", "every": "12 h"}
    drawn = sample_population(Population(n=patients, seed=202, phenotype="mdd"), ni.default_model())
    outputs = ["hamd17", "il6", "tnf"]
    for label, extra in (("as calibrated", {}), ("no PGE2 restraint of TNF-alpha", {"pge2_tnf_max": 0.0})):
        group = drawn.assign(**extra)
        runs = []
        for treatments in ([sertraline], [sertraline, celecoxib]):
            scenario = {"name": "probe", "duration": f"{43 * 24} h", "treatments": treatments}
            runs.append(simulate(scenario, patients=group, outputs=outputs, times=[8.0, 8.0 + 42 * 24],
                                 workers=workers).values)
        keep = runs[0][:, 0, 0] >= 18
        diff = runs[1][keep, 1, :] - runs[0][keep, 1, :]
        print(f"   {label} ({int(keep.sum())} patients): HAM-D-17 {diff[:, 0].mean():+.2f} points, "
              f"IL-6 {diff[:, 1].mean():+.2f} pg/mL, TNF-alpha {diff[:, 2].mean():+.2f} pg/mL")


def lock_depth(patients: int, workers: int) -> None:
    print("4. Lock depth by pl_cortisol_k: CASE3 episode (stress 1.0 for 8 weeks) HAM-D-17 20 weeks after; "
          f"share of {patients} mdd patients remitted 91, 182 and 365 days after their stress stops")
    ks = (27.0, 30.0, 34.0, 37.0)
    episode = {"name": "probe", "duration": "203 d",
               "challenges": [{"type": "chronic_stress", "level": 1, "start": "day 7 00:00", "duration": "56 d"}]}
    after = simulate(episode, patients=[{"pl_cortisol_k": k} for k in ks], outputs=["hamd17"],
                     times=[200 * 24 + 12.0], workers=workers).values[:, 0, 0]
    drawn = sample_population(Population(n=patients, seed=201, phenotype="mdd"), ni.default_model())
    stop = [{"type": "input", "name": "stress_chronic", "value": 0.0, "at": "1 h"}]
    days = (0, 91, 182, 365)
    for k, hamd_after in zip(ks, after):
        course = simulate({"name": "probe", "duration": f"{366 * 24} h", "challenges": stop},
                          patients=drawn.assign(pl_cortisol_k=k), outputs=["hamd17"],
                          times=[8.0 + 24 * d for d in days], workers=workers).values[:, :, 0]
        cases = course[course[:, 0] >= 14]
        remitted = (cases[:, 1:] <= 7).mean(axis=0)
        print(f"   pl_cortisol_k {k:4.0f} nmol/L: CASE3 HAM-D-17 {hamd_after:4.1f}; {len(cases)} cases, remitted "
              f"{np.round(remitted, 2).tolist()}")


def response_homogeneity(patients: int, workers: int) -> None:
    print(f"5. {patients} mdd patients (HAM-D-17 >= 18 kept), 8 weeks: HAM-D-17 change (mean, SD) and response "
          "share, by arm and by a plasticity support during the trial")
    drawn = sample_population(Population(n=patients, seed=205, phenotype="mdd"), ni.default_model())
    arms = {"placebo": [{"name": "placebo"}], "escitalopram": [ESCITALOPRAM, {"name": "placebo"}]}
    for support in (1.0, 1.15, 1.3):
        raise_support = [{"type": "input", "name": "plasticity_support", "value": support, "at": "1 h"}]
        for arm, treatments in arms.items():
            scenario = {"name": "probe", "duration": f"{57 * 24} h", "treatments": treatments,
                        "challenges": raise_support if support != 1.0 else []}
            hamd = simulate(scenario, patients=drawn, outputs=["hamd17"], times=[8.0, 8.0 + 56 * 24],
                            workers=workers).values[:, :, 0]
            hamd = hamd[hamd[:, 0] >= 18]
            change = hamd[:, 1] - hamd[:, 0]
            response = (hamd[:, 1] <= 0.5 * hamd[:, 0]).mean()
            print(f"   support {support:4.2f} {arm:12s} ({len(hamd)} patients): change {change.mean():+5.1f} "
                  f"(SD {change.std(ddof=1):3.1f}), response {response:.0%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--probe", type=int, nargs="*", choices=(1, 2, 3, 4, 5), default=[1, 2, 3, 4, 5],
                        help="which probes to run (default: all)")
    args = parser.parse_args()
    probes = {1: natural_course, 2: treatment_resistance,
              3: lambda: prostaglandin_restraint(args.patients, args.workers),
              4: lambda: lock_depth(args.patients, args.workers),
              5: lambda: response_homogeneity(args.patients, args.workers)}
    for number in args.probe:
        probes[number]()


if __name__ == "__main__":
    main()
