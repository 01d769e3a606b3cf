"""Trial designs as data: YAML validated into typed objects, with every mistake caught before a run.

A design names its population (how many virtual patients, their seed, baseline inputs,
the distributions their parameters are drawn from and any selection to a published
baseline distribution), inclusion criteria on baseline
values, arms (treatment courses from the treatment library; one arm is the control),
the allocation ratio, visits, the rating scale with rater noise, dropout, endpoints and
strata. :func:`check_design` checks it against the model and the treatment library:
an unknown arm treatment (with a close-match suggestion), an endpoint on an unknown
scale, a visit after the end, an impossible inclusion criterion and the like are
reported with the field, the value and what is allowed, before any simulation starts.

:mod:`neuroimmune.trials.run` runs a checked design.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from neuroimmune.errors import ScenarioError
from neuroimmune.model.compose import Model
from neuroimmune.model.scales import SCALES
from neuroimmune.scenarios.compile import resolve_variable
from neuroimmune.scenarios.quantities import TIME_UNITS, Quantity, parse_quantity
from neuroimmune.scenarios.schema import Challenge, Treatment
from neuroimmune.scenarios.treatments import compile_treatments

__all__ = ["Arm", "Distribution", "Endpoint", "Selection", "TrialDesign", "check_design", "load_design"]

Duration = Annotated[Quantity, BeforeValidator(lambda v: parse_quantity(v, allowed=TIME_UNITS))]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Distribution(_Strict):
    """Between-person variability of one parameter or covariate: log-normal (median, sd_log), normal
    (mean, sd), uniform (low, high) or, for sex only, bernoulli (p, the share of men)."""

    dist: Literal["lognormal", "normal", "uniform", "bernoulli"]
    median: float | None = None
    sd_log: float | None = Field(default=None, ge=0)
    mean: float | None = None
    sd: float | None = Field(default=None, ge=0)
    low: float | None = None
    high: float | None = None
    p: float | None = Field(default=None, ge=0, le=1)

    def draw(self, rng: np.random.Generator) -> float:
        """One draw from ``rng`` (a bernoulli draw is 1.0 with probability ``p``, else 0.0)."""
        if self.dist == "lognormal":
            return float(self.median * np.exp(rng.normal(0.0, self.sd_log)))  # type: ignore[operator]
        if self.dist == "normal":
            return float(rng.normal(self.mean, self.sd))
        if self.dist == "bernoulli":
            return float(rng.uniform() < self.p)  # type: ignore[operator]
        return float(rng.uniform(self.low, self.high))


class Criterion(_Strict):
    """Inclusion on a baseline value: ``min <= variable <= max``."""

    variable: str
    min: float | None = None
    max: float | None = None


class Selection(_Strict):
    """Keep screened patients so that the baseline of ``variable`` follows ``target`` (a published
    distribution; Allen et al. 2016 selection, :mod:`neuroimmune.trials.selection`) among those who
    meet ``among`` (e.g. the case definition the published distribution was measured in); patients
    outside ``among`` are not kept."""

    variable: str
    target: Distribution
    among: tuple[Criterion, ...] = ()
    source: str | None = None


class Population(_Strict):
    """Who is screened: how many, the seed, inputs held before the trial, parameter and covariate
    (age, sex, BMI) distributions, and any selection to a published baseline distribution."""

    n: int = Field(ge=1, le=10_000_000)
    seed: int = 0
    phenotype: str | None = None
    baseline: dict[str, float] = Field(default_factory=dict)
    parameters: dict[str, Distribution] = Field(default_factory=dict)
    covariates: dict[str, Distribution] = Field(default_factory=dict)
    select: tuple[Selection, ...] = ()


class Arm(_Strict):
    """One arm: its treatment courses and any challenges (e.g. interferon-alpha therapy);
    times count from the start of the trial."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.+-]+$")
    treatments: tuple[Treatment, ...] = ()
    challenges: tuple[Challenge, ...] = ()
    control: bool = False


class Endpoint(_Strict):
    """An endpoint at a visit ``at``: ``change`` from baseline, ``response`` (fall of at least
    ``threshold``), ``remission`` (score at most ``max``) or ``incidence`` (score at least ``min``
    at any visit up to ``at``, e.g. depression emerging under interferon-alpha) on a scale;
    ``time_to_response`` (the first visit with a response, up to ``at``); or
    ``biomarker_change`` of a model variable."""

    type: Literal["change", "response", "remission", "incidence", "time_to_response", "biomarker_change"]
    at: Duration
    scale: str | None = None
    variable: str | None = None
    threshold: float = Field(default=0.5, gt=0, le=1)
    max: float | None = None
    min: float | None = None


class Strata(_Strict):
    """Baseline bands of a variable (e.g. CRP below 1, 1-3 and above 3 mg/L)."""

    variable: str
    bands: tuple[float, ...]


class Dropout(_Strict):
    """Each week a patient still in the trial leaves with this probability."""

    per_week: float = Field(default=0.0, ge=0, lt=1)


class TrialDesign(_Strict):
    """A virtual clinical trial."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    population: Population
    inclusion: tuple[Criterion, ...] = ()
    arms: tuple[Arm, ...]
    allocation: tuple[int, ...] | None = None
    duration: Duration
    visits: tuple[Duration, ...]
    scale: str = "hamd17"
    rater_noise: float = Field(default=0.5, ge=0, le=3)
    dropout: Dropout = Field(default_factory=Dropout)
    endpoints: tuple[Endpoint, ...]
    strata: Strata | None = None


def _format(err: ValidationError, source: str) -> str:
    lines = [f"invalid trial design {source}:"]
    for e in err.errors():
        loc = ""
        for part in e["loc"]:
            loc += f"[{part}]" if isinstance(part, int) else ("." if loc else "") + str(part)
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = f"unknown field (value {e.get('input')!r})"
        elif e["type"] == "missing":
            msg = "this field is required"
        elif e["type"] not in ("value_error",) and "input" in e:
            msg = f"{msg} (got {e['input']!r})"
        lines.append(f"  {loc or '<root>'}: {msg}")
    return "\n".join(lines)


def load_design(spec: str | Path | dict[str, Any]) -> TrialDesign:
    """A design from a YAML file or a mapping, with every schema error named."""
    source = "<dict>"
    if not isinstance(spec, dict):
        path = Path(spec)
        source = repr(str(path))
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ScenarioError(f"trial design file {str(path)!r} does not exist") from None
        except yaml.YAMLError as exc:
            raise ScenarioError(f"trial design file {str(path)!r} is not valid YAML: {exc}") from None
    if not isinstance(spec, dict):
        raise ScenarioError(f"invalid trial design {source}: the top level must be a mapping")
    try:
        return TrialDesign.model_validate(spec)
    except ValidationError as err:
        raise ScenarioError(_format(err, source)) from None


def _check_fields(d: Distribution, field: str) -> None:
    need = {"lognormal": ("median", "sd_log"), "normal": ("mean", "sd"), "uniform": ("low", "high"),
            "bernoulli": ("p",)}[d.dist]
    for key in need:
        if getattr(d, key) is None:
            raise ScenarioError(f"{field}.{key}: a {d.dist} distribution needs {' and '.join(need)}")


def _check_distribution(name: str, d: Distribution, bounds: tuple[float, float], field: str) -> None:
    _check_fields(d, field)
    if d.dist == "bernoulli":
        raise ScenarioError(f"{field}.dist: 'bernoulli' draws 0 or 1 and is for the covariate sex "
                            f"(population.covariates); use lognormal, normal or uniform for {name}")
    lo, hi = bounds
    centre = d.median if d.dist == "lognormal" else d.mean if d.dist == "normal" else None
    if d.dist == "lognormal" and d.median is not None and d.median <= 0:
        raise ScenarioError(f"{field}.median: {d.median:g} must be positive for a log-normal distribution")
    if centre is not None and not lo <= centre <= hi:
        raise ScenarioError(f"{field}: centre {centre:g} lies outside the plausible range of {name}, [{lo:g}, {hi:g}]")
    if d.dist == "uniform" and not (lo <= d.low < d.high <= hi):  # type: ignore[operator]
        raise ScenarioError(f"{field}: uniform [{d.low:g}, {d.high:g}] must be increasing and lie within "
                            f"the plausible range of {name}, [{lo:g}, {hi:g}]")


def _known_range(variable: str) -> tuple[float, float] | None:
    """The range of a rating scale or a covariate (None for a model variable)."""
    from neuroimmune.trials.covariates import COVARIATES

    if variable in SCALES:
        return 0.0, float(SCALES[variable].max_total)
    return COVARIATES[variable][1] if variable in COVARIATES else None


def _check_baseline_variable(model: Model, name: str, covariates: dict[str, Distribution], *, field: str) -> None:
    """A baseline variable is a model variable or a covariate this population draws."""
    from neuroimmune.trials.covariates import COVARIATES

    if name in covariates:
        return
    if name in COVARIATES:
        raise ScenarioError(f"{field}: {name!r} is a covariate this population does not draw; add it under "
                            "population.covariates (or use a phenotype that draws it)")
    resolve_variable(model, name, field=field)


def _check_criterion(model: Model, crit: Criterion, covariates: dict[str, Distribution], *, field: str) -> None:
    """A criterion names a baseline variable and a range some patient can fall in."""
    _check_baseline_variable(model, crit.variable, covariates, field=f"{field}.variable")
    if crit.min is None and crit.max is None:
        raise ScenarioError(f"{field}: give min, max or both")
    if crit.min is not None and crit.max is not None and crit.min > crit.max:
        raise ScenarioError(f"{field}: min {crit.min:g} is above max {crit.max:g}; no patient can qualify")
    rng = _known_range(crit.variable)
    if rng and ((crit.min is not None and crit.min > rng[1]) or (crit.max is not None and crit.max < rng[0])):
        raise ScenarioError(f"{field}: {crit.variable} runs from {rng[0]:g} to {rng[1]:g}; no patient can "
                            f"qualify with min={crit.min} and max={crit.max}")
    if crit.max is not None and crit.max < 0 and crit.variable not in SCALES:
        raise ScenarioError(f"{field}: max {crit.max:g} is below zero; no patient can qualify")


def check_design(design: TrialDesign, model: Model) -> None:
    """Check a design against the model and the treatment library; raise on the first mistake."""
    duration = design.duration.to("h")
    params = {p.id: p.bounds for p in model.parameters}
    inputs = {i.id: i.bounds for i in model.exogenous_inputs}
    from neuroimmune.trials.covariates import COVARIATES  # these build on this module
    from neuroimmune.trials.phenotypes import population_covariates, population_parameters

    for name, dist in population_parameters(design.population).items():
        field = f"population.parameters.{name}"
        if name not in params and name not in inputs:
            raise ScenarioError(f"{field}: {name!r} is not a model parameter or input")
        _check_distribution(name, dist, params.get(name) or inputs[name] or (float("-inf"), float("inf")), field)
    covariates = population_covariates(design.population)
    for name, dist in covariates.items():
        field = f"population.covariates.{name}"
        if name not in COVARIATES:
            raise ScenarioError(f"{field}: unknown covariate {name!r}; choose from {', '.join(COVARIATES)}")
        if name != "sex":
            _check_distribution(name, dist, COVARIATES[name][1], field)
        elif dist.dist != "bernoulli":
            raise ScenarioError(f"{field}.dist: sex is drawn as 'bernoulli' with p the share of men; got {dist.dist!r}")
        else:
            _check_fields(dist, field)
    if "bmi" in covariates and "adiposity" in population_parameters(design.population):
        raise ScenarioError("population.parameters.adiposity: adiposity is set from the covariate bmi here; "
                            "give one or the other")
    for name, value in design.population.baseline.items():
        field = f"population.baseline.{name}"
        if name not in inputs:
            raise ScenarioError(f"{field}: {name!r} is not an exogenous input; allowed: {', '.join(sorted(inputs))}")
        lo, hi = inputs[name] or (float("-inf"), float("inf"))
        if not lo <= value <= hi:
            raise ScenarioError(f"{field}: value {value:g} outside the allowed range [{lo:g}, {hi:g}]")
    from neuroimmune.trials.phenotypes import population_selection

    for i, sel in enumerate(population_selection(design.population)):
        field = f"population.select[{i}]"
        _check_baseline_variable(model, sel.variable, covariates, field=f"{field}.variable")
        if sel.target.dist not in ("lognormal", "normal"):
            raise ScenarioError(f"{field}.target.dist: a selection target is 'lognormal' or 'normal'; "
                                f"got {sel.target.dist!r}")
        _check_fields(sel.target, f"{field}.target")
        if sel.target.dist == "lognormal" and sel.target.median is not None and sel.target.median <= 0:
            raise ScenarioError(f"{field}.target.median: {sel.target.median:g} must be positive for a log-normal "
                                "distribution")
        if (sel.target.sd_log if sel.target.dist == "lognormal" else sel.target.sd) == 0:
            raise ScenarioError(f"{field}.target: the spread must be above zero to select patients by density")
        for j, crit in enumerate(sel.among):
            _check_criterion(model, crit, covariates, field=f"{field}.among[{j}]")
    for i, crit in enumerate(design.inclusion):
        _check_criterion(model, crit, covariates, field=f"inclusion[{i}]")
    if len(design.arms) < 2:
        raise ScenarioError(f"arms: a trial needs at least two arms; got {len(design.arms)}")
    names = [a.name for a in design.arms]
    if len(set(names)) != len(names):
        raise ScenarioError(f"arms: arm names must differ; got {', '.join(names)}")
    controls = [a.name for a in design.arms if a.control]
    if len(controls) != 1:
        raise ScenarioError(f"arms: mark exactly one arm 'control: true'; got {len(controls)} ({', '.join(controls)})")
    for i, arm in enumerate(design.arms):
        try:
            compile_treatments(arm.treatments, duration=duration)
        except ScenarioError as exc:
            raise ScenarioError(f"arms[{i}] ({arm.name}).{exc}") from None
        for j, challenge in enumerate(arm.challenges):
            start_h = float(getattr(challenge, "start", 0.0) or 0.0)
            if start_h > duration:
                raise ScenarioError(f"arms[{i}] ({arm.name}).challenges[{j}].start: {start_h / 24:g} d lies after "
                                    f"the end of the trial ({design.duration})")
    if design.allocation is not None and (len(design.allocation) != len(design.arms)
                                          or any(r < 1 for r in design.allocation)):
        raise ScenarioError(f"allocation: give one positive whole number per arm ({len(design.arms)} arms); "
                            f"got {list(design.allocation)}")
    visits = [v.to("h") for v in design.visits]
    for i, (v, q) in enumerate(zip(visits, design.visits)):
        if not 0 <= v <= duration:
            raise ScenarioError(f"visits[{i}]: {q} lies after the end of the trial ({design.duration})"
                                if v > duration else f"visits[{i}]: {q} must not be negative")
    if visits != sorted(visits) or len(set(visits)) != len(visits) or (visits and visits[0] != 0):
        raise ScenarioError("visits: list increasing visit times starting with the baseline visit at 0 d")
    if design.scale not in SCALES:
        raise ScenarioError(f"scale: unknown rating scale {design.scale!r}; choose from {', '.join(SCALES)}")
    for i, ep in enumerate(design.endpoints):
        field = f"endpoints[{i}]"
        if ep.at.to("h") not in visits:
            raise ScenarioError(f"{field}.at: {ep.at} is not a visit; visits are "
                                f"{', '.join(str(v) for v in design.visits)}")
        if ep.type == "biomarker_change":
            if ep.variable is None:
                raise ScenarioError(f"{field}.variable: a biomarker_change endpoint needs a model variable")
            resolve_variable(model, ep.variable, field=f"{field}.variable")
        else:
            scale = ep.scale or design.scale
            if scale not in SCALES:
                raise ScenarioError(f"{field}.scale: unknown rating scale {scale!r}; choose from {', '.join(SCALES)}")
            if ep.type == "remission" and ep.max is None:
                raise ScenarioError(f"{field}.max: a remission endpoint needs the highest score that counts "
                                    f"(e.g. 7 for the HAM-D-17)")
            if ep.type == "incidence" and ep.min is None:
                raise ScenarioError(f"{field}.min: an incidence endpoint needs the lowest score that counts as a "
                                    f"case (e.g. 15 on the MADRS)")
            top = SCALES[scale].max_total
            for key in ("min", "max"):
                bound = getattr(ep, key)
                if bound is not None and not 0 <= bound <= top:
                    raise ScenarioError(f"{field}.{key}: {bound:g} lies outside the {scale} range [0, {top}]")
    if design.strata is not None:
        _check_baseline_variable(model, design.strata.variable, covariates, field="strata.variable")
        bands = list(design.strata.bands)
        if len(bands) < 3 or bands != sorted(set(bands)):
            raise ScenarioError(f"strata.bands: give at least three increasing edges (two bands); got {bands}")
