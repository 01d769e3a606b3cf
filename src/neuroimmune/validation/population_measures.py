"""How a population target is computed: a statistic over a virtual cohort or a virtual trial.

Cohorts and trials are declared in ``populations.yaml`` (this package). A measure names one
of them and a statistic: the share of a cohort above a threshold, an effect size or odds
ratio between two cohorts, an odds ratio between covariate bands within one cohort (e.g.
CRP above a threshold in obese against normal-weight adults), or a number from a trial's
summary (a responder rate, an odds ratio, a mean difference, a standardised effect size, the
share of late responders).
Names are checked when the targets are loaded, so a typo fails before anything runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from neuroimmune.errors import ValidationDataError

__all__ = ["COHORT_KINDS", "TRIAL_STATISTICS", "PopulationMeasure", "load_populations"]

#: Statistics over cohorts: one cohort (share) or a case and a control cohort.
COHORT_KINDS = ("share", "hedges_g", "mean_difference", "odds_ratio", "cv_ratio", "covariate_odds_ratio")
#: Numbers read from a trial's summary.json.
TRIAL_STATISTICS = ("rate", "mean", "difference", "hedges_g", "odds_ratio", "risk_ratio", "share_late")


def load_populations() -> dict[str, dict[str, Any]]:
    """The packaged cohorts and trial designs (``populations.yaml``)."""
    text = (resources.files("neuroimmune.validation") / "populations.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or set(data) != {"cohorts", "trials"}:
        raise ValidationDataError("populations.yaml must hold exactly 'cohorts' and 'trials'")
    return data


def _band(value: Any, where: str, key: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or len(value) != 2 or not float(value[0]) < float(value[1]):
        raise ValidationDataError(f"{where}: population.{key} must be an increasing pair [low, high); got {value!r}")
    return float(value[0]), float(value[1])


@dataclass(frozen=True)
class PopulationMeasure:
    """A statistic over a declared cohort (or two) or over a declared trial's results."""

    kind: str  # one of COHORT_KINDS, or "trial"
    variable: str = ""
    cohort: str = ""
    case: str = ""
    control: str = ""
    above: float | None = None
    trial: str = ""
    endpoint: dict[str, Any] = field(default_factory=dict)
    arm: str = ""
    statistic: str = ""
    from_day: float | None = None
    covariate: str = ""
    exposed: tuple[float, float] | None = None
    reference: tuple[float, float] | None = None
    sex: float | None = None

    @classmethod
    def from_dict(cls, data: Any, *, where: str, populations: dict[str, dict[str, Any]]) -> PopulationMeasure:
        kinds = (*COHORT_KINDS, "trial")
        if not isinstance(data, dict) or data.get("kind") not in kinds:
            raise ValidationDataError(f"{where}: population.kind must be one of {', '.join(kinds)}")
        known = {"kind", "variable", "cohort", "case", "control", "above", "trial", "endpoint", "arm", "statistic",
                 "from_day", "covariate", "exposed", "reference", "sex"}
        extra = set(data) - known
        if extra:
            raise ValidationDataError(f"{where}: unknown population field(s) {sorted(extra)}")
        m = cls(kind=data["kind"], variable=str(data.get("variable", "")), cohort=str(data.get("cohort", "")),
                case=str(data.get("case", "")), control=str(data.get("control", "")),
                above=None if data.get("above") is None else float(data["above"]), trial=str(data.get("trial", "")),
                endpoint=dict(data.get("endpoint") or {}), arm=str(data.get("arm", "")),
                statistic=str(data.get("statistic", "")),
                from_day=None if data.get("from_day") is None else float(data["from_day"]),
                covariate=str(data.get("covariate", "")), exposed=_band(data.get("exposed"), where, "exposed"),
                reference=_band(data.get("reference"), where, "reference"),
                sex=None if data.get("sex") is None else float(data["sex"]))
        m._check(where, populations)
        return m

    def cohorts(self) -> tuple[str, ...]:
        return tuple(c for c in (self.cohort, self.case, self.control) if c)

    def _check(self, where: str, populations: dict[str, dict[str, Any]]) -> None:
        cohorts, trials = populations["cohorts"], populations["trials"]
        if self.kind == "trial":
            if self.trial not in trials:
                raise ValidationDataError(f"{where}: population.trial {self.trial!r} is not in populations.yaml; "
                                          f"known: {', '.join(trials)}")
            if self.statistic not in TRIAL_STATISTICS:
                raise ValidationDataError(f"{where}: population.statistic {self.statistic!r}; choose from "
                                          f"{', '.join(TRIAL_STATISTICS)}")
            design = trials[self.trial]
            arms = [a["name"] for a in design["arms"]]
            if self.arm not in arms:
                raise ValidationDataError(f"{where}: population.arm {self.arm!r} is not an arm of {self.trial} "
                                          f"({', '.join(arms)})")
            matches = [e for e in design["endpoints"]
                       if all(str(e.get(k)) == str(v) for k, v in self.endpoint.items())]
            if len(matches) != 1:
                raise ValidationDataError(f"{where}: population.endpoint {self.endpoint} matches {len(matches)} "
                                          f"endpoints of {self.trial}; it must match exactly one")
            if self.statistic == "share_late" and self.from_day is None:
                raise ValidationDataError(f"{where}: statistic share_late needs from_day")
            return
        if not self.variable:
            raise ValidationDataError(f"{where}: population.variable is required for kind {self.kind}")
        needed = ("cohort",) if self.kind in ("share", "covariate_odds_ratio") else ("case", "control")
        for key in needed:
            name = getattr(self, key)
            if name not in cohorts:
                raise ValidationDataError(f"{where}: population.{key} {name!r} is not a cohort in populations.yaml; "
                                          f"known: {', '.join(cohorts)}")
        if self.kind in ("share", "odds_ratio", "covariate_odds_ratio") and self.above is None:
            raise ValidationDataError(f"{where}: population.above (the threshold) is required for kind {self.kind}")
        if self.kind == "covariate_odds_ratio":
            if self.covariate not in ("age", "bmi"):
                raise ValidationDataError(f"{where}: population.covariate must be age or bmi; got {self.covariate!r}")
            if self.exposed is None or self.reference is None:
                raise ValidationDataError(f"{where}: population.exposed and population.reference (covariate bands "
                                          "[low, high)) are required for kind covariate_odds_ratio")
            if self.sex not in (None, 0.0, 1.0):
                raise ValidationDataError(f"{where}: population.sex must be 1 (men) or 0 (women); got {self.sex!r}")
