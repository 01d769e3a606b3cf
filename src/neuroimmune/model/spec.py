"""The building blocks of the declaration: parameters, states, rules, inputs, subsystems.

All are immutable dataclasses. A subsystem declares what it owns and names what
it reads from other subsystems (its ports); :mod:`neuroimmune.model.compose`
joins subsystems into a checked :class:`~neuroimmune.model.compose.Model`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Literal

from neuroimmune.errors import ModelError
from neuroimmune.units import parse_unit

__all__ = [
    "Assignment",
    "Input",
    "Parameter",
    "Source",
    "State",
    "Subsystem",
]

_SID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")

SourceKind = Literal["doi", "ref", "assumed", "calibrated"]


@dataclass(frozen=True)
class Source:
    """Where a parameter value comes from.

    Written as one string in the declaration:

    - ``"doi:10.1172/jci116336; <what was read>"``: a number read in that paper;
    - ``"ref: <citation> (DOI not verified); <what was read>"``: read, but the DOI was not seen;
    - ``"assumed: <reason>"``;
    - ``"calibrated: A18, D7; <note>"``: fitted to those validation target ids.
    """

    kind: SourceKind
    reference: str
    note: str
    text: str

    @classmethod
    def parse(cls, text: str, *, where: str) -> Source:
        head, sep, rest = text.partition(":")
        kind = head.strip()
        if not sep or kind not in ("doi", "ref", "assumed", "calibrated"):
            raise ModelError(
                f"{where}: source {text!r} must start with 'doi:', 'ref:', 'assumed:' or 'calibrated:'"
            )
        reference, _, note = rest.partition(";")
        reference, note = reference.strip(), note.strip()
        if kind == "doi" and not _DOI.match(reference):
            raise ModelError(f"{where}: {reference!r} is not a DOI (expected '10.xxxx/...')")
        if kind == "ref" and "not verified" not in reference:
            raise ModelError(f"{where}: a 'ref:' source must say '(DOI not verified)'; got {reference!r}")
        if kind in ("assumed", "ref") and not (reference or note):
            raise ModelError(f"{where}: source {text!r} needs a reason")
        if kind == "calibrated":
            ids = [t.strip() for t in reference.split(",") if t.strip()]
            if not ids:
                raise ModelError(f"{where}: 'calibrated:' must name the target ids it was fitted to")
        return cls(kind=kind, reference=reference, note=note, text=text)  # type: ignore[arg-type]

    @property
    def target_ids(self) -> tuple[str, ...]:
        """Target ids named by a ``calibrated:`` source."""
        if self.kind != "calibrated":
            return ()
        return tuple(t.strip() for t in self.reference.split(",") if t.strip())

    @property
    def doi(self) -> str | None:
        """The DOI, where the source is a read DOI."""
        return self.reference if self.kind == "doi" else None


def _check_id(sid: str, *, what: str) -> None:
    if not _SID.match(sid):
        raise ModelError(f"{what} id {sid!r} is not a valid identifier (letters, digits, '_')")


@dataclass(frozen=True)
class Parameter:
    """A constant with value, unit, plausible bounds and source."""

    id: str
    value: float
    unit: str
    bounds: tuple[float, float]
    source: str
    description: str

    def __post_init__(self) -> None:
        _check_id(self.id, what="parameter")
        parse_unit(self.unit)
        lo, hi = self.bounds
        if not (math.isfinite(self.value) and lo <= self.value <= hi and lo < hi):
            raise ModelError(
                f"parameter {self.id!r}: value {self.value} must lie within its bounds [{lo}, {hi}]"
            )
        Source.parse(self.source, where=f"parameter {self.id!r}")
        if not self.description:
            raise ModelError(f"parameter {self.id!r} needs a description")

    @property
    def parsed_source(self) -> Source:
        return Source.parse(self.source, where=f"parameter {self.id!r}")


@dataclass(frozen=True)
class State:
    """A dynamic variable: d(id)/dt = ``rate`` (an infix formula, per hour)."""

    id: str
    name: str
    unit: str
    initial: float
    rate: str
    description: str
    annotations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, what="state")
        parse_unit(self.unit)
        if not math.isfinite(self.initial):
            raise ModelError(f"state {self.id!r}: initial value must be finite")


@dataclass(frozen=True)
class Assignment:
    """A derived variable computed algebraically from others (an SBML assignment rule)."""

    id: str
    name: str
    unit: str
    formula: str
    description: str
    annotations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_id(self.id, what="assignment")
        parse_unit(self.unit)


@dataclass(frozen=True)
class Input:
    """A variable a subsystem reads but does not compute.

    With ``default=None`` it is a port that another subsystem must provide. With a
    default it is an exogenous input (stress level, drug effect): scenarios set
    it over time, and a later subsystem may provide it instead.
    """

    id: str
    unit: str
    description: str
    default: float | None = None
    bounds: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        _check_id(self.id, what="input")
        parse_unit(self.unit)
        if self.default is not None:
            if self.bounds is None:
                raise ModelError(f"exogenous input {self.id!r} needs bounds")
            lo, hi = self.bounds
            if not lo <= self.default <= hi:
                raise ModelError(f"input {self.id!r}: default {self.default} outside [{lo}, {hi}]")


@dataclass(frozen=True)
class Subsystem:
    """One physiological subsystem: what it owns, and what it reads from elsewhere."""

    name: str
    title: str
    description: str
    states: tuple[State, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    inputs: tuple[Input, ...] = ()
    references: tuple[str, ...] = field(default=())
    #: Named guesses of other steady-state branches (e.g. {"depressed": {"plasticity": 0.3}}): the engine
    #: seeds its steady-state search from each, so a patient on another branch is found quickly.
    alternative_states: dict[str, dict[str, float]] = field(default_factory=dict)

    def owned_ids(self) -> list[str]:
        """Ids this subsystem defines (states, parameters, assignments)."""
        return [x.id for x in (*self.states, *self.parameters, *self.assignments)]
