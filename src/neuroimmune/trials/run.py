"""Run a trial design: screen, randomise, simulate each arm, rate, drop out, analyse and report.

The trial starts at 00:00 of day 0 from each patient's own circadian steady state (with
the population's baseline inputs); ratings are made at 08:00 on each visit day. Inclusion
criteria on a rating scale apply to the rater's score at the baseline visit (rater noise
included, the same rating the arm records as baseline), as in a real trial, so patients
let in by a high draw score lower later (regression to the mean); criteria on biomarkers
apply to the model's value, and criteria and strata on a covariate (age, sex, BMI) to the
patient's drawn value, which the per-patient table keeps.

Every random draw (parameters, covariates, allocation, rater noise, dropout) comes from its
own stream keyed by the population seed (:mod:`neuroimmune.streams`), per patient where it
is per patient, and arms are simulated in resumable chunks, so the same design and seed
give the same numbers whatever the chunk size, worker count or back end, and an
interrupted run picks up where it stopped.

Endpoints are analysed by intention to treat with the last observation carried forward
(a dropout keeps their last rating); the summary also counts completers.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from neuroimmune.api import model_for_scenario, simulate
from neuroimmune.errors import NeuroimmuneError, ScenarioError
from neuroimmune.model.scales import SCALES
from neuroimmune.ratings import RATING_INPUTS, rate
from neuroimmune.scenarios.registry import load_scenario
from neuroimmune.streams import ALLOCATION, DROPOUT, stream
from neuroimmune.trials.analysis import compare_binary, compare_continuous, interaction_test
from neuroimmune.trials.design import TrialDesign, check_design
from neuroimmune.trials.phenotypes import population_selection
from neuroimmune.trials.population import sample_covariates, sample_population
from neuroimmune.trials.report import write_report
from neuroimmune.trials.selection import meets, select_patients, selection_variables

__all__ = ["TrialResult", "run_trial"]

RATING_HOUR = 8.0
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TrialResult:
    """Per-patient table, the summary (every endpoint by arm and stratum) and where they were written."""

    patients: pd.DataFrame
    summary: dict[str, Any]
    out_dir: Path


def _allocate(design: TrialDesign, included: list[int]) -> dict[int, str]:
    """Permuted-block randomisation in the allocation ratio, seeded by the population seed."""
    ratio = design.allocation or tuple(1 for _ in design.arms)
    block = [arm.name for arm, r in zip(design.arms, ratio) for _ in range(r)]
    rng = stream(design.population.seed, ALLOCATION)
    out: dict[int, str] = {}
    for start in range(0, len(included), len(block)):
        order = list(rng.permutation(block))
        for index, arm in zip(included[start:start + len(block)], order):
            out[index] = arm
    return out


_RUN_TIMES = ("start", "stop", "at", "times", "missed")


def _as_spec(item: Any) -> Any:
    """A parsed treatment or challenge back as scenario data (run times as hours with their unit)."""
    if isinstance(item, list):
        return [_as_spec(v) for v in item]
    if not isinstance(item, dict):
        return item
    out = {}
    for key, value in item.items():
        if key in _RUN_TIMES and isinstance(value, float):
            value = f"{value!r} h"
        elif key in _RUN_TIMES and isinstance(value, list):
            value = [f"{v!r} h" if isinstance(v, float) else v for v in value]
        out[key] = _as_spec(value)
    return out


def _scenario(design: TrialDesign, name: str, treatments: tuple, duration_h: float,
              challenges: tuple = ()) -> dict[str, Any]:
    return {"name": re.sub(r"[^A-Za-z0-9_.-]", "_", name), "duration": f"{duration_h:g} h",
            "baseline": dict(design.population.baseline),
            "treatments": [_as_spec(t.model_dump(exclude_unset=True, mode="json")) for t in treatments],
            "challenges": [_as_spec(c.model_dump(exclude_unset=True, mode="json")) for c in challenges]}


def _dropout_week(design: TrialDesign, index: int, weeks: float) -> float:
    """The week a patient leaves (inf if they complete)."""
    rate_ = design.dropout.per_week
    if rate_ <= 0:
        return math.inf
    rng = stream(design.population.seed, DROPOUT, index)
    week = float(rng.geometric(rate_)) - 0.5  # leaves during that week
    return week if week < weeks else math.inf


def run_trial(design: TrialDesign, *, out_dir: str | Path, workers: int | None = None, backend: str = "auto",
              scheduler: str | None = None, progress: Progress | None = None) -> TrialResult:
    """Run ``design`` and write ``patients.parquet``, ``summary.json`` and ``report.html`` into ``out_dir``.

    Finished chunks are kept under ``out_dir/checkpoints``; running the same design into
    the same folder again resumes from them.
    """
    out = Path(out_dir)
    scale = design.scale
    duration_h = design.duration.to("h")
    visits_h = [v.to("h") for v in design.visits]
    rating_times = np.array([v + RATING_HOUR for v in visits_h])
    run_h = duration_h + 24.0
    screen_model = model_for_scenario(load_scenario(_scenario(design, f"{design.name}-screening", (), run_h)))
    check_design(design, screen_model)
    covariates = sample_covariates(design.population)
    population = sample_population(design.population, screen_model, covariates=covariates)
    ids = list(population.index)
    report = progress or (lambda stage, done, total: None)

    # --- screening: baseline values at 08:00 of day 0 ---------------------------------------
    selections = population_selection(design.population)
    crit_vars = list(dict.fromkeys([*selection_variables(selections), *(c.variable for c in design.inclusion)]))
    rated = [v for v in dict.fromkeys(crit_vars) if v in SCALES]  # scales are rated, with rater noise
    extra = [design.strata.variable] if design.strata else []
    bio = [e.variable for e in design.endpoints if e.type == "biomarker_change" and e.variable]
    simulated = [v for v in (*crit_vars, *extra) if v not in covariates.columns]  # covariates are drawn, not simulated
    screen_outputs = list(dict.fromkeys([*simulated, *bio, *(RATING_INPUTS if rated else ())])) or [scale]
    screen = simulate(_scenario(design, f"{design.name}-screening", (), RATING_HOUR + 1), patients=population,
                      outputs=screen_outputs, times=[RATING_HOUR], workers=workers, backend=backend,
                      scheduler=scheduler, checkpoint_dir=out / "checkpoints" / "screening",
                      progress=lambda d, n: report("screening", d, n))
    baseline = pd.DataFrame(screen.values[:, 0, :], index=ids, columns=screen.variables)
    for sc in rated:  # the rater's score at the baseline visit: the same draw the arm's day-0 rating makes
        totals = rate(screen, sc, times_h=[RATING_HOUR], item_noise_sd=design.rater_noise,
                      seed=design.population.seed, patient_keys=list(range(len(ids))))
        baseline[sc] = totals.set_index("patient")["total"].reindex(ids).to_numpy(dtype=float)
    for name in covariates.columns:
        baseline[name] = covariates[name]
    ok = pd.Series([s == "ok" for s in screen.status], index=ids)
    kept, selection = select_patients(selections, baseline, ok.to_numpy(), seed=design.population.seed,
                                      indices=range(len(ids)))
    not_selected = int((ok.to_numpy() & ~kept).sum())
    eligible = pd.Series(kept & meets(design.inclusion, baseline), index=ids)
    included = [i for i, pid in enumerate(ids) if eligible[pid]]
    if not included:
        raise ScenarioError(f"inclusion: none of the {len(ids)} screened virtual patients qualifies; widen the "
                            "criteria or change the population")
    allocation = _allocate(design, included)

    # --- each arm ----------------------------------------------------------------------------
    outputs = list(dict.fromkeys([*RATING_INPUTS, *(v for v in extra if v not in covariates.columns), *bio]))
    scales = list(dict.fromkeys([scale, *(e.scale for e in design.endpoints
                                          if e.scale and e.type != "biomarker_change")]))
    rows = []
    for arm in design.arms:
        members = [i for i in included if allocation[i] == arm.name]
        if not members:
            continue
        spec = _scenario(design, f"{design.name}-{arm.name}", arm.treatments, run_h, arm.challenges)
        res = simulate(spec, patients=population.iloc[members], outputs=outputs, times=rating_times,
                       workers=workers, backend=backend, scheduler=scheduler,
                       checkpoint_dir=out / "checkpoints" / f"arm-{arm.name}",
                       progress=lambda d, n, a=arm.name: report(f"arm {a}", d, n))
        totals = {}
        for sc in scales:
            ratings = rate(res, sc, times_h=rating_times, item_noise_sd=design.rater_noise,
                           seed=design.population.seed, patient_keys=members)
            totals[sc] = ratings.pivot(index="patient", columns="time_h", values="total")
        for k, index in enumerate(members):
            pid = ids[index]
            leave = _dropout_week(design, index, duration_h / 168.0)
            row: dict[str, Any] = {"patient": pid, "arm": arm.name, "status": res.status[k],
                                   "dropout_week": leave if math.isfinite(leave) else None}
            for sc in scales:
                last = None
                for v_h, t in zip(visits_h, rating_times):
                    score = float(totals[sc].loc[pid, t]) if res.status[k] == "ok" else math.nan
                    seen = v_h / 168.0 < leave
                    last = score if seen else last
                    row[f"{sc}_{v_h / 24:g}d"] = score if seen else math.nan
                    row[f"{sc}_{v_h / 24:g}d_locf"] = last
            for var in bio:  # visits start with day 0, the baseline
                for v_h, t in zip(visits_h, rating_times):
                    row[f"{var}_{v_h / 24:g}d"] = float(res.series(var, patient=k)[list(rating_times).index(t)])
            for name in covariates.columns:
                row[name] = float(covariates.loc[pid, name])
            if extra:
                row[f"{extra[0]}_baseline"] = float(baseline.loc[pid, extra[0]])
            for var in crit_vars:  # the values the inclusion criteria were applied to (rated for scales)
                row[f"{var}_screening"] = float(baseline.loc[pid, var])
            rows.append(row)
    table = pd.DataFrame(rows).set_index("patient")
    summary = _summarise(design, table, screened=len(ids), failed_screening=int((~ok).sum()),
                         not_selected=not_selected,
                         included=len(included), selection=selection)
    out.mkdir(parents=True, exist_ok=True)
    table.to_parquet(out / "patients.parquet")
    (out / "summary.json").write_text(json.dumps(summary, indent=2, allow_nan=False), encoding="utf-8")
    write_report(table, summary, out / "report.html")
    return TrialResult(table, summary, out)


def _clean(obj: Any) -> Any:
    """NaN and infinity (e.g. an NNT when risks are equal) become null, so summary.json is strict JSON."""
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def _endpoint_values(design: TrialDesign, table: pd.DataFrame, ep) -> tuple[pd.Series, str]:
    day = f"{ep.at.to('h') / 24:g}d"
    if ep.type == "biomarker_change":
        return table[f"{ep.variable}_{day}"] - table[f"{ep.variable}_0d"], "continuous"
    scale = ep.scale or design.scale
    base, end = table[f"{scale}_0d_locf"], table[f"{scale}_{day}_locf"]
    if ep.type == "change":
        return end - base, "continuous"
    if ep.type == "response":
        return ((base > 0) & ((base - end) >= ep.threshold * base)).astype(float).where(end.notna()), "binary"
    if ep.type == "remission":
        return (end <= ep.max).astype(float).where(end.notna()), "binary"
    later = [v.to("h") / 24 for v in design.visits if 0 < v.to("h") <= ep.at.to("h")]
    scores = pd.DataFrame({d: table[f"{scale}_{d:g}d_locf"] for d in later})
    if ep.type == "incidence":
        return (scores >= ep.min).any(axis=1).astype(float).where(end.notna()), "binary"
    # time_to_response: the first visit with a response (inf: none by `at`)
    hit = scores.sub(base, axis=0).mul(-1).ge(ep.threshold * base, axis=0) & (base > 0).to_numpy()[:, None]
    first = hit.apply(lambda r: next((d for d, h in r.items() if h), math.inf), axis=1)
    return first.astype(float).where(end.notna()), "time"


def _compare(values: pd.Series, arm: pd.Series, treated: str, control: str, kind: str) -> dict[str, Any]:
    if kind == "time":  # responders by the endpoint's visit
        values, kind = values.where(values.isna(), values < math.inf).astype(float), "binary"
    a, b = values[arm == treated].dropna(), values[arm == control].dropna()
    if kind == "continuous":
        if len(a) < 2 or len(b) < 2:
            return {"note": "fewer than 2 patients in an arm"}
        return compare_continuous(a, b).as_dict()
    if len(a) == 0 or len(b) == 0:
        return {"note": "no patients in an arm"}
    return compare_binary(int(a.sum()), len(a), int(b.sum()), len(b)).as_dict()


def _summarise(design: TrialDesign, table: pd.DataFrame, *, screened: int, failed_screening: int,
               not_selected: int, included: int, selection: list[dict[str, Any]]) -> dict[str, Any]:
    control = next(a.name for a in design.arms if a.control)
    arms = [a.name for a in design.arms]
    strata = None
    if design.strata is not None:
        edges = list(design.strata.bands)
        labels = [f"{lo:g}-{hi:g}" for lo, hi in zip(edges[:-1], edges[1:])]
        strata = pd.cut(table[f"{design.strata.variable}_baseline"], edges, labels=labels, right=False)
    flow = {"screened": screened, "failed_to_simulate_at_screening": failed_screening,
            "not_selected": not_selected, "excluded": screened - included - failed_screening - not_selected,
            "randomised": included,
            "by_arm": {a: {"randomised": int((table["arm"] == a).sum()),
                           "completed": int(((table["arm"] == a) & table["dropout_week"].isna()
                                             & (table["status"] == "ok")).sum())} for a in arms}}
    endpoints = []
    for ep in design.endpoints:
        values, kind = _endpoint_values(design, table, ep)
        described = ep.model_dump(mode="json", exclude_none=True) | {"at": str(ep.at), "at_day": ep.at.to("h") / 24}
        entry: dict[str, Any] = {"endpoint": described, "kind": kind, "by_arm": {}, "versus_control": {}}
        for a in arms:
            v = values[table["arm"] == a].dropna()
            if kind == "time":
                days = v[v < math.inf]
                entry["by_arm"][a] = {"n": len(v), "responded": len(days),
                                      "median_day_of_response": float(days.median()) if len(days) else None,
                                      "first_response_by_visit_day": {f"{d:g}": int((days == d).sum())
                                                                      for d in sorted(set(days))}}
                continue
            entry["by_arm"][a] = {"n": len(v), "mean": float(v.mean()) if len(v) else None,
                                  "sd": float(v.std(ddof=1)) if len(v) > 1 else None}
        for a in arms:
            if a != control:
                entry["versus_control"][a] = _compare(values, table["arm"], a, control, kind)
        if strata is not None:
            entry["by_stratum"] = {}
            for label in strata.cat.categories:
                mask = strata == label
                entry["by_stratum"][str(label)] = {
                    a: _compare(values[mask], table["arm"][mask], a, control, kind) for a in arms if a != control}
            if kind == "continuous":
                keep = values.notna() & strata.notna()
                try:
                    entry["interaction"] = interaction_test(values[keep], table["arm"][keep],
                                                            strata[keep].astype(str)).as_dict()
                except NeuroimmuneError as exc:  # too few patients per cell: report why instead of a number
                    entry["interaction"] = {"note": str(exc)}
        endpoints.append(entry)
    return _clean({"trial": design.name, "scale": design.scale, "control": control, "flow": flow,
                   "selection": selection,
                   "analysis": "intention to treat, last observation carried forward", "endpoints": endpoints})
