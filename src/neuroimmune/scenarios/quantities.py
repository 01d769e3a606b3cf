"""Parsing of the quantities and clock times written in scenario files.

A quantity is ``"<number> <unit>"`` (``"2 ng/kg"``, ``"20 min"``); a time is
either a quantity of time since the start of the run (``"38 h"``) or a clock
time on a given day (``"day 1 14:00"``, or ``"14:00"`` for day 0). The run starts
at midnight of day 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from neuroimmune.errors import UnitError
from neuroimmune.units import convert, parse_unit

__all__ = ["Quantity", "parse_quantity", "parse_time_h"]

_QUANTITY = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([^\s].*)?$")
_CLOCK = re.compile(r"^\s*(?:day\s+(\d+)\s+)?(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number with its unit."""

    value: float
    unit: str

    def to(self, unit: str, *, molar_mass: float | None = None) -> float:
        return convert(self.value, self.unit, unit, molar_mass=molar_mass)

    def __str__(self) -> str:
        return f"{self.value:g} {self.unit}"


def parse_quantity(value: object, *, allowed: tuple[str, ...]) -> Quantity:
    """Parse ``"2 ng/kg"`` or ``{"value": 2, "unit": "ng/kg"}``; the unit must be one of ``allowed``
    (or convertible to the first of them)."""
    if isinstance(value, dict):
        number, unit = value.get("value"), value.get("unit")
    elif isinstance(value, str):
        match = _QUANTITY.match(value)
        if not match:
            raise ValueError(f"{value!r} is not a quantity; write a number and a unit, e.g. '{_example(allowed)}'")
        number, unit = float(match.group(1)), match.group(2)
    else:
        raise ValueError(f"{value!r} is not a quantity; write a number and a unit, e.g. '{_example(allowed)}'")
    if unit is None or (isinstance(unit, str) and not unit.strip()):
        raise ValueError(f"{value!r} has no unit; allowed units: {', '.join(allowed)}")
    try:
        number = float(number)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{value!r}: the value must be a number") from None
    unit = str(unit).strip()
    try:
        parsed = parse_unit(unit)
    except UnitError:
        raise ValueError(f"{value!r} has unknown unit {unit!r}; allowed units: {', '.join(allowed)}") from None
    if unit not in allowed and parsed.dimension != parse_unit(allowed[0]).dimension:
        raise ValueError(f"{value!r} has unit {unit!r}; allowed units: {', '.join(allowed)}")
    return Quantity(number, unit)


def _example(allowed: tuple[str, ...]) -> str:
    return f"1 {allowed[0]}"


TIME_UNITS = ("h", "min", "d", "s")


def parse_time_h(value: object) -> float:
    """Hours since the start of the run for ``"day 1 14:00"``, ``"14:00"`` or ``"38 h"``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value!r} needs a unit or a clock time, e.g. '38 h' or 'day 1 14:00'")
    if isinstance(value, str):
        clock = _CLOCK.match(value)
        if clock:
            day, hour, minute = int(clock.group(1) or 0), int(clock.group(2)), int(clock.group(3))
            if hour > 23 or minute > 59:
                raise ValueError(f"{value!r} is not a valid clock time (00:00-23:59)")
            return 24.0 * day + hour + minute / 60.0
    try:
        quantity = parse_quantity(value, allowed=TIME_UNITS)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a time; write 'day N HH:MM', 'HH:MM' (day 0) or a duration such as '38 h'"
        ) from None
    return quantity.to("h")
