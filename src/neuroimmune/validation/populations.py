"""Run the virtual cohorts and trials that population targets are scored on, once each.

A cohort is a phenotype's patients at 08:00 of day 0 (each from its own circadian steady
state), kept by the cohort's case definition; a trial is a packaged design run with
:func:`neuroimmune.trials.run.run_trial`. With an output folder, each cohort and trial
writes its chunks (and each trial its report) under ``populations/`` there, so an
interrupted scorecard resumes; a folder left by another model or size, or holding chunks of a
different run (e.g. written by earlier code), is cleared and run again.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from neuroimmune.api import simulate
from neuroimmune.errors import CheckpointMismatchError
from neuroimmune.model.compose import Model
from neuroimmune.trials.analysis import compare_binary, compare_continuous
from neuroimmune.trials.design import Population, load_design
from neuroimmune.trials.phenotypes import population_selection
from neuroimmune.trials.population import sample_covariates, sample_population
from neuroimmune.trials.run import RATING_HOUR, run_trial
from neuroimmune.trials.selection import select_patients, selection_variables
from neuroimmune.validation.population_measures import PopulationMeasure, load_populations

__all__ = ["PopulationRuns", "evaluate_population", "population_variables"]


def population_variables(targets: Any) -> tuple[str, ...]:
    """The cohort outputs that the population measures of ``targets`` need."""
    return tuple(dict.fromkeys(t.population.variable for t in targets if t.population and t.population.variable))


class PopulationRuns:
    """Cohorts and trials, computed on first use and kept.

    ``size`` replaces every cohort's and trial's declared number of patients (``None`` keeps
    them); ``variables`` are the cohort outputs needed besides the case definitions.
    """

    def __init__(self, model: Model, *, size: int | None = None, workers: int | None = None,
                 out_dir: str | Path | None = None, variables: tuple[str, ...] = (),
                 progress: Callable[[str], None] | None = None) -> None:
        self.model = model
        self.size, self.workers = size, workers
        self.out = Path(out_dir) / "populations" if out_dir is not None else None
        self.variables = tuple(dict.fromkeys(variables))
        self.populations = load_populations()
        self.progress = progress or (lambda message: None)
        self._cohorts: dict[str, dict[str, np.ndarray]] = {}
        self._trials: dict[str, dict[str, Any]] = {}
        self.trial_dirs: dict[str, Path] = {}

    def _folder(self, name: str, spec: Any) -> Path | None:
        """A per-run folder, cleared when it holds a run of another model, size or declaration."""
        if self.out is None:
            return None
        folder = self.out / name
        stamp = hashlib.sha256(json.dumps([self.model.fingerprint, self.size, spec, self.variables],
                                          sort_keys=True, default=str).encode()).hexdigest()[:16]
        marker = folder / "request.txt"
        if folder.exists() and (not marker.exists() or marker.read_text().strip() != stamp):
            shutil.rmtree(folder)
        folder.mkdir(parents=True, exist_ok=True)
        marker.write_text(stamp)
        return folder

    @staticmethod
    def _fresh_if_stale(folder: Path | None, run: Callable[[Path | None], Any]) -> Any:
        """Run into ``folder``; if its chunks belong to another request (e.g. written by an earlier
        version of the code, which the folder's stamp cannot see), empty it and run again."""
        try:
            return run(folder)
        except CheckpointMismatchError:
            assert folder is not None
            marker = (folder / "request.txt").read_text()
            shutil.rmtree(folder)
            folder.mkdir(parents=True)
            (folder / "request.txt").write_text(marker)
            return run(folder)

    def cohort(self, name: str) -> dict[str, np.ndarray]:
        """Baseline values at 08:00 of the cohort's kept patients, by variable."""
        if name not in self._cohorts:
            spec = self.populations["cohorts"][name]
            n = self.size or int(spec["n"])
            self.progress(f"cohort {name} ({n} patients)")
            population = Population(n=n, seed=int(spec["seed"]), phenotype=spec["phenotype"])
            covariates = sample_covariates(population)
            patients = sample_population(population, self.model, covariates=covariates)
            where = spec.get("where", {})
            selections = population_selection(population)
            outputs = list(dict.fromkeys([*selection_variables(selections), *where, *self.variables]))
            folder = self._folder(f"cohort-{name}", spec)
            res = self._fresh_if_stale(folder, lambda into: simulate(
                {"name": f"cohort-{name}", "duration": f"{RATING_HOUR + 1:g} h"}, model=self.model,
                patients=patients, outputs=outputs, times=[RATING_HOUR], workers=self.workers,
                checkpoint_dir=into))
            values = {v: res.values[:, 0, i] for i, v in enumerate(res.variables)}
            values |= {c: covariates[c].to_numpy(dtype=float) for c in covariates.columns}
            ok = np.array([s == "ok" for s in res.status])
            keep, _ = select_patients(selections, pd.DataFrame(values), ok, seed=population.seed, indices=range(n))
            for var, bounds in where.items():
                if "min" in bounds:
                    keep &= values[var] >= float(bounds["min"])
                if "max" in bounds:
                    keep &= values[var] <= float(bounds["max"])
            self._cohorts[name] = {v: a[keep] for v, a in values.items()}
        return self._cohorts[name]

    def trial(self, name: str) -> dict[str, Any]:
        """The summary of a packaged trial (see summary.json in docs/trials.md)."""
        if name not in self._trials:
            spec = json.loads(json.dumps(self.populations["trials"][name]))
            spec["name"] = name
            if self.size:
                spec["population"]["n"] = self.size
            self.progress(f"trial {name} ({spec['population']['n']} screened)")
            folder = self._folder(f"trial-{name}", spec)
            if folder is None:
                with tempfile.TemporaryDirectory(prefix=f"neuroimmune-{name}-") as tmp:
                    self._trials[name] = run_trial(load_design(spec), out_dir=tmp, workers=self.workers).summary
            else:
                self._trials[name] = self._fresh_if_stale(folder, lambda into: run_trial(
                    load_design(spec), out_dir=into, workers=self.workers)).summary
                self.trial_dirs[name] = folder
        return self._trials[name]


def _endpoint(summary: dict[str, Any], match: dict[str, Any]) -> dict[str, Any]:
    def same(ep: dict[str, Any]) -> bool:
        return all(str(ep["endpoint"].get(k)) == str(v) for k, v in match.items())
    return next(ep for ep in summary["endpoints"] if same(ep))


def _trial_value(m: PopulationMeasure, summary: dict[str, Any]) -> float:
    ep = _endpoint(summary, m.endpoint)
    if m.statistic in ("rate", "mean"):
        value = ep["by_arm"][m.arm]["mean"]
    elif m.statistic == "share_late":
        arm = ep["by_arm"][m.arm]
        counts = {float(d): c for d, c in arm["first_response_by_visit_day"].items()}
        total = sum(counts.values())
        value = sum(c for d, c in counts.items() if d >= m.from_day) / total if total else None
    else:
        comparison = ep["versus_control"].get(m.arm, {})
        value = comparison.get(m.statistic)
    return math.nan if value is None else float(value)


def _covariate_odds_ratio(m: PopulationMeasure, cohort: dict[str, np.ndarray]) -> float:
    """Odds of ``variable > above`` in the exposed covariate band over the reference band (within sex)."""
    values, cov = cohort[m.variable], cohort[m.covariate]
    mask = np.ones(len(values), dtype=bool) if m.sex is None else cohort["sex"] == m.sex
    assert m.exposed is not None and m.reference is not None
    exposed = mask & (cov >= m.exposed[0]) & (cov < m.exposed[1])
    reference = mask & (cov >= m.reference[0]) & (cov < m.reference[1])
    if exposed.sum() < 2 or reference.sum() < 2:
        return math.nan
    high = values > m.above
    return compare_binary(int((high & exposed).sum()), int(exposed.sum()), int((high & reference).sum()),
                          int(reference.sum())).odds_ratio


def evaluate_population(m: PopulationMeasure, runs: PopulationRuns) -> float:
    """The model's value of a population measure (NaN when it cannot be formed, e.g. an empty arm)."""
    if m.kind == "trial":
        return _trial_value(m, runs.trial(m.trial))
    if m.kind == "share":
        values = runs.cohort(m.cohort)[m.variable]
        return float(np.mean(values > m.above)) if len(values) else math.nan
    if m.kind == "covariate_odds_ratio":
        return _covariate_odds_ratio(m, runs.cohort(m.cohort))
    case, control = runs.cohort(m.case)[m.variable], runs.cohort(m.control)[m.variable]
    if len(case) < 2 or len(control) < 2:
        return math.nan
    if m.kind == "hedges_g":
        return compare_continuous(case, control).hedges_g
    if m.kind == "mean_difference":
        return float(case.mean() - control.mean())
    if m.kind == "odds_ratio":
        return compare_binary(int((case > m.above).sum()), len(case), int((control > m.above).sum()),
                              len(control)).odds_ratio
    # cv_ratio: coefficient of variation of the cases over that of the controls
    return float((case.std(ddof=1) / case.mean()) / (control.std(ddof=1) / control.mean()))
