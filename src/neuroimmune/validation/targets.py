"""Validation targets: published human numbers, each paired with the scenario and
measure that compute the model's value.

Targets are data (``targets.yaml`` in this package). Each has an id, the quantity,
the population or condition, the published value with its uncertainty and unit,
the time point, the source and DOI (and whether the DOI was seen in the source),
a tolerance, and a role: ``calibration`` targets were used to fit parameters,
``validation`` targets were not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from neuroimmune.errors import ValidationDataError
from neuroimmune.validation.population_measures import PopulationMeasure, load_populations

__all__ = ["DataPoint", "Measure", "Target", "Tolerance", "load_targets"]

MEASURE_KINDS = (
    "value_at", "mean", "max", "min", "time_of_max", "time_of_min", "fold", "rise", "rise_pct", "change_pct",
    "suppression_pct", "time_to_half_max",
    "halving_time", "apparent_half_life", "ratio", "difference", "increasing",
)


@dataclass(frozen=True)
class Measure:
    """How to compute the model's value from a scenario's output."""

    kind: str
    variable: str = ""
    scenario: Any = None  # built-in name or inline scenario mapping; inherits the target's when None
    unit: str | None = None
    at: str | None = None
    window: tuple[str, str] | None = None
    reference: str | None = None
    baseline: str | None = None
    time_unit: str = "h"
    parts: tuple[Measure, ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, where: str) -> Measure:
        if not isinstance(data, dict) or data.get("kind") not in MEASURE_KINDS:
            raise ValidationDataError(f"{where}: measure kind must be one of {', '.join(MEASURE_KINDS)}")
        known = {"kind", "variable", "scenario", "unit", "at", "window", "reference", "baseline",
                 "time_unit", "parts"}
        extra = set(data) - known
        if extra:
            raise ValidationDataError(f"{where}: unknown measure field(s) {sorted(extra)}")
        parts = tuple(cls.from_dict(p, where=f"{where}.parts[{i}]") for i, p in enumerate(data.get("parts", ())))
        if data["kind"] in ("ratio", "difference", "increasing") and len(parts) < 2:
            raise ValidationDataError(f"{where}: a {data['kind']} measure needs at least two parts")
        if data["kind"] not in ("ratio", "difference", "increasing") and not data.get("variable"):
            raise ValidationDataError(f"{where}: measure needs a variable")
        window = tuple(data["window"]) if data.get("window") else None
        return cls(kind=data["kind"], variable=data.get("variable", ""), scenario=data.get("scenario"),
                   unit=data.get("unit"), at=data.get("at"), window=window,  # type: ignore[arg-type]
                   reference=data.get("reference"), baseline=data.get("baseline"),
                   time_unit=data.get("time_unit", "h"), parts=parts)


@dataclass(frozen=True)
class Tolerance:
    """Pass if the model's value lies in [low, high]."""

    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


@dataclass(frozen=True)
class DataPoint:
    """A published point to overlay on the model's time course (time in hours after ``reference``)."""

    time_h: float
    value: float


@dataclass(frozen=True)
class Target:
    """One published number and how the model is scored against it."""

    id: str
    row: str
    quantity: str
    condition: str
    value: float | None
    uncertainty: str
    unit: str
    time: str
    source: str
    doi: str | None
    doi_verified: bool
    role: Literal["calibration", "validation"]
    tolerance: Tolerance | None
    measure: Measure | None
    scenario: Any
    notes: str = ""
    not_scored: str = ""
    data: tuple[DataPoint, ...] = field(default=())
    data_variable: str = ""
    data_reference: str | None = None
    population: PopulationMeasure | None = None


def _target(raw: dict[str, Any], index: int, populations: dict[str, Any]) -> Target:
    where = f"targets[{index}] ({raw.get('id', '?')})"
    required = ("id", "row", "quantity", "condition", "unit", "source", "role")
    missing = [k for k in required if k not in raw]
    if missing:
        raise ValidationDataError(f"{where}: missing field(s) {missing}")
    if raw["role"] not in ("calibration", "validation"):
        raise ValidationDataError(f"{where}: role must be 'calibration' or 'validation'")
    tol = raw.get("tolerance")
    tolerance = None
    if tol is not None:
        if "relative" in tol:
            if raw.get("value") is None:
                raise ValidationDataError(f"{where}: a relative tolerance needs a value")
            v, r = float(raw["value"]), float(tol["relative"])
            tolerance = Tolerance(v * (1 - r), v * (1 + r))
        else:
            tolerance = Tolerance(float(tol.get("low", float("-inf"))), float(tol.get("high", float("inf"))))
    not_scored = str(raw.get("not_scored", ""))
    measure = Measure.from_dict(raw["measure"], where=where) if "measure" in raw else None
    population = (PopulationMeasure.from_dict(raw["population"], where=where, populations=populations)
                  if "population" in raw else None)
    if measure is not None and population is not None:
        raise ValidationDataError(f"{where}: give a measure (one patient) or a population measure, not both")
    if not not_scored and ((measure is None and population is None) or tolerance is None):
        raise ValidationDataError(f"{where}: a scored target needs a measure (or a population measure) "
                                  "and a tolerance")
    data = tuple(DataPoint(float(t), float(v)) for t, v in raw.get("data", {}).get("points", []))
    return Target(
        id=str(raw["id"]), row=str(raw["row"]), quantity=str(raw["quantity"]),
        condition=str(raw["condition"]), value=None if raw.get("value") is None else float(raw["value"]),
        uncertainty=str(raw.get("uncertainty", "")), unit=str(raw["unit"]), time=str(raw.get("time", "")),
        source=str(raw["source"]), doi=raw.get("doi"), doi_verified=bool(raw.get("doi_verified", False)),
        role=raw["role"], tolerance=tolerance, measure=measure, scenario=raw.get("scenario"),
        notes=str(raw.get("notes", "")).strip(), not_scored=not_scored,
        data=data, data_variable=str(raw.get("data", {}).get("variable", "")),
        data_reference=raw.get("data", {}).get("reference"), population=population,
    )


def load_targets(path: str | Path | None = None) -> tuple[Target, ...]:
    """The packaged targets (or those in ``path``), checked for completeness and unique ids."""
    if path is None:
        text = (resources.files("neuroimmune.validation") / "targets.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict) or not isinstance(raw.get("targets"), list):
        raise ValidationDataError("targets file must hold a mapping with a 'targets' list")
    populations = load_populations()
    targets = tuple(_target(t, i, populations) for i, t in enumerate(raw["targets"]))
    seen: set[str] = set()
    for t in targets:
        if t.id in seen:
            raise ValidationDataError(f"target id {t.id!r} appears twice")
        seen.add(t.id)
    return targets
