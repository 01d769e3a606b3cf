"""A compiled scenario: what the engine integrates.

A :class:`Timeline` holds the run length, the inputs held constant from before
the run (they are part of the steady state the run starts from) and the timed
actions (doses, stress onsets and offsets). Actions are the only
discontinuities, so the engine integrates in segments between them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Action", "Timeline"]


@dataclass(frozen=True)
class Action:
    """At ``time`` (h), add ``value`` to a state or set an input to ``value``."""

    time: float
    target: str
    op: Literal["add", "set"]
    value: float
    label: str


@dataclass(frozen=True)
class Timeline:
    """Duration (h), baseline inputs, parameter overrides, timed actions, and outputs."""

    name: str
    duration: float
    actions: tuple[Action, ...] = ()
    baseline: Mapping[str, float] = field(default_factory=dict)
    parameters: Mapping[str, float] = field(default_factory=dict)
    output_times: tuple[float, ...] = ()
    outputs: tuple[str, ...] = ()
    description: str = ""

    def segments(self) -> list[tuple[float, float, tuple[Action, ...]]]:
        """(start, end, actions applied at start) for each integration segment."""
        times = sorted({0.0, self.duration, *(a.time for a in self.actions)})
        out = []
        for start, end in zip(times[:-1], times[1:]):
            at_start = tuple(a for a in self.actions if a.time == start)
            out.append((start, end, at_start))
        trailing = tuple(a for a in self.actions if a.time == self.duration)
        if trailing:
            out.append((self.duration, self.duration, trailing))
        return out
