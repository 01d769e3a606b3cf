"""Scenario files: YAML validated into typed objects.

Every error names the field, the value and what is allowed, for example
``challenges[0].dose: '-2 ng/kg' must not be negative``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from neuroimmune.errors import ScenarioError
from neuroimmune.scenarios.quantities import TIME_UNITS, Quantity, parse_quantity, parse_time_h

__all__ = [
    "AcuteStress",
    "ChronicStress",
    "DoseChange",
    "Dexamethasone",
    "Endotoxin",
    "InputChange",
    "InterferonAlpha",
    "OutputSpec",
    "Scenario",
    "Treatment",
    "TryptophanDepletion",
    "load_scenario_file",
    "scenario_from_dict",
]

ENDOTOXIN_STRAINS = ("E. coli O:113", "S. abortus equi")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _nonnegative(q: Quantity, what: str) -> Quantity:
    if q.value < 0:
        raise ValueError(f"'{q}' must not be negative ({what})")
    return q


def _positive(q: Quantity, what: str) -> Quantity:
    if q.value <= 0:
        raise ValueError(f"'{q}' must be positive ({what})")
    return q


#: A time in the run: "day 1 14:00", "14:00" (day 0) or "38 h"; stored as hours since the start.
RunTime = Annotated[float, BeforeValidator(parse_time_h)]
#: A positive duration with a time unit.
Duration = Annotated[Quantity, BeforeValidator(lambda v: _positive(parse_quantity(v, allowed=TIME_UNITS), "a duration"))]
EndotoxinDose = Annotated[Quantity, BeforeValidator(
    lambda v: _nonnegative(parse_quantity(v, allowed=("ng/kg",)), "an endotoxin dose in ng/kg"))]
OralDose = Annotated[Quantity, BeforeValidator(
    lambda v: _nonnegative(parse_quantity(v, allowed=("mg", "ug")), "an oral dose in mg"))]


class Endotoxin(_Strict):
    """An intravenous endotoxin (LPS) bolus."""

    type: Literal["endotoxin"]
    dose: EndotoxinDose
    at: RunTime
    strain: Literal["E. coli O:113", "S. abortus equi"] = "E. coli O:113"


class Dexamethasone(_Strict):
    """An oral dexamethasone dose (the dexamethasone suppression test uses 1 mg at 23:00)."""

    type: Literal["dexamethasone"]
    dose: OralDose
    at: RunTime


class AcuteStress(_Strict):
    """A timed acute psychosocial stressor; intensity 1 is a Trier Social Stress Test."""

    type: Literal["acute_stress"]
    at: RunTime
    duration: Duration = Field(default_factory=lambda: Quantity(20.0, "min"))
    intensity: float = Field(default=1.0, ge=0.0, le=5.0)


class ChronicStress(_Strict):
    """Chronic psychological stress of a level (1 doubles the hypothalamic drive) and duration."""

    type: Literal["chronic_stress"]
    level: float = Field(ge=0.0, le=10.0)
    start: RunTime
    duration: Duration


InterferonDose = Annotated[Quantity, BeforeValidator(
    lambda v: _nonnegative(parse_quantity(v, allowed=("MIU",)), "an interferon-alpha dose in MIU"))]

#: Dosing schedules for interferon-alpha: weekday offsets within each week from the start day.
IFN_SCHEDULES = {
    "daily": (0, 1, 2, 3, 4, 5, 6),
    "five_days_a_week": (0, 1, 2, 3, 4),
    "three_times_weekly": (0, 2, 4),
    "weekly": (0,),
}


class InterferonAlpha(_Strict):
    """A course of interferon-alpha2b: a dose repeated on a schedule for a duration.

    The high-dose melanoma regimen is two courses: 20 MIU/m2 IV five days a week for
    4 weeks, then 10 MIU/m2 SC three times weekly; hepatitis C used 3 MIU SC three
    times weekly.
    """

    type: Literal["interferon_alpha"]
    dose: InterferonDose
    route: Literal["sc", "iv"] = "sc"
    start: RunTime
    schedule: Literal["daily", "five_days_a_week", "three_times_weekly", "weekly"] = "three_times_weekly"
    duration: Duration


class TryptophanDepletion(_Strict):
    """Acute tryptophan depletion: a tryptophan-free amino-acid drink (1 = a standard 100 g load)."""

    type: Literal["tryptophan_depletion"]
    at: RunTime
    load: float = Field(default=1.0, gt=0.0, le=5.0)
    duration: Duration = Field(default_factory=lambda: Quantity(7.0, "h"))


class InputChange(_Strict):
    """Set an exogenous model input (e.g. ``inflammatory_load``) to a value from a time on."""

    type: Literal["input"]
    name: str
    value: float
    at: RunTime


Challenge = Annotated[
    Union[Endotoxin, Dexamethasone, AcuteStress, ChronicStress, InterferonAlpha, TryptophanDepletion, InputChange],
    Field(discriminator="type"),
]
CHALLENGE_TYPES = ("endotoxin", "dexamethasone", "acute_stress", "chronic_stress", "interferon_alpha",
                   "tryptophan_depletion", "input")


class DoseChange(_Strict):
    """A new dose from a time on (titration, tapering)."""

    at: RunTime
    dose: str


class Treatment(_Strict):
    """A treatment course: a drug, supplement or non-drug intervention, its dose and schedule.

    Which fields apply depends on the treatment (``neuroimmune treatments`` lists them);
    they are checked against the treatment library when the scenario is compiled.
    """

    name: str
    dose: str | None = None
    start: RunTime = 0.0
    stop: RunTime | None = None
    at: str | None = None
    every: Duration | None = None
    times: tuple[RunTime, ...] | None = None
    infusion: Duration | None = None
    dose_changes: tuple[DoseChange, ...] = ()
    missed: tuple[RunTime, ...] = ()
    epa_fraction: float | None = Field(default=None, ge=0.0, le=1.0)
    sessions_per_week: int | None = Field(default=None, ge=1, le=14)
    session: Duration | None = None
    intensity: float | None = Field(default=None, gt=0.0, le=3.0)


class OutputSpec(_Strict):
    """Which variables to record, and how often."""

    interval: Duration = Field(default_factory=lambda: Quantity(10.0, "min"))
    variables: tuple[str, ...] = ("cortisol", "acth", "tnf", "il6", "il10", "crp")


class Scenario(_Strict):
    """Inputs over time: a named run with challenges, baseline inputs and outputs."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    description: str = ""
    duration: Duration
    challenges: tuple[Challenge, ...] = ()
    treatments: tuple[Treatment, ...] = ()
    baseline: dict[str, float] = Field(default_factory=dict)
    parameters: dict[str, float] = Field(default_factory=dict)
    output: OutputSpec = Field(default_factory=OutputSpec)

    @property
    def duration_h(self) -> float:
        return self.duration.to("h")


def _format_errors(err: ValidationError, source: str) -> str:
    lines = [f"invalid scenario {source}:"]
    for e in err.errors():
        loc = ""
        for part in e["loc"]:
            if isinstance(part, int):
                loc += f"[{part}]"
            elif part in CHALLENGE_TYPES and loc.endswith("]"):
                continue  # pydantic adds the union tag to the path
            else:
                loc += ("." if loc else "") + str(part)
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "union_tag_invalid":
            tag = e.get("input", {}).get("type") if isinstance(e.get("input"), dict) else None
            msg = f"unknown challenge type {tag!r}; allowed: {', '.join(CHALLENGE_TYPES)}"
        elif e["type"] == "union_tag_not_found":
            msg = f"a challenge needs a 'type'; allowed: {', '.join(CHALLENGE_TYPES)}"
        elif e["type"] == "extra_forbidden":
            msg = f"unknown field (value {e.get('input')!r})"
        elif e["type"] == "missing":
            msg = "this field is required"
        elif "input" in e and e["type"] not in ("value_error",):
            msg = f"{msg} (got {e['input']!r})"
        lines.append(f"  {loc or '<root>'}: {msg}")
    return "\n".join(lines)


def scenario_from_dict(data: Any, *, source: str = "<dict>") -> Scenario:
    """Validate a mapping into a :class:`Scenario`; raise :class:`ScenarioError` naming each bad field."""
    if not isinstance(data, dict):
        raise ScenarioError(f"invalid scenario {source}: the top level must be a mapping, got {type(data).__name__}")
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        raise ScenarioError(_format_errors(err, source)) from None


def load_scenario_file(path: str | Path) -> Scenario:
    """Read and validate a scenario YAML file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(f"scenario file {str(path)!r} does not exist") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"scenario file {str(path)!r} is not valid YAML: {exc}") from None
    return scenario_from_dict(data, source=repr(str(path)))
