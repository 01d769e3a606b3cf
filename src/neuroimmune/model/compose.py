"""Composition: join subsystems into one checked model.

The checks here are what make the declaration trustworthy: every id is unique,
every name a formula uses is defined somewhere, every port is provided, and the
algebraic rules have no cycles. Units are checked by libSBML on the generated
document (see :mod:`neuroimmune.sbml`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from neuroimmune.errors import ModelError
from neuroimmune.model.expressions import parse_formula, referenced_names
from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["Model", "Variable"]


@dataclass(frozen=True)
class Variable:
    """What a name in the model is: its kind, unit, owner and description."""

    id: str
    kind: str  # "state", "assignment", "parameter" or "input"
    unit: str
    subsystem: str
    description: str


@dataclass(frozen=True)
class Model:
    """A composed, checked model: the list of subsystems is the whole biology."""

    name: str
    subsystems: tuple[Subsystem, ...]

    def __post_init__(self) -> None:
        self._check()

    # --- collections -------------------------------------------------------------------
    @cached_property
    def states(self) -> tuple[State, ...]:
        return tuple(s for sub in self.subsystems for s in sub.states)

    @cached_property
    def parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for sub in self.subsystems for p in sub.parameters)

    @cached_property
    def assignments(self) -> tuple[Assignment, ...]:
        """Assignment rules in dependency order (each after the ones it uses)."""
        rules = {a.id: a for sub in self.subsystems for a in sub.assignments}
        order: list[Assignment] = []
        done: set[str] = set()
        visiting: set[str] = set()

        def visit(rid: str, chain: tuple[str, ...]) -> None:
            if rid in done:
                return
            if rid in visiting:
                raise ModelError(f"assignment rules form a cycle: {' -> '.join((*chain, rid))}")
            visiting.add(rid)
            for dep in sorted(referenced_names(rules[rid].formula)):
                if dep in rules:
                    visit(dep, (*chain, rid))
            visiting.discard(rid)
            done.add(rid)
            order.append(rules[rid])

        for rid in rules:
            visit(rid, ())
        return tuple(order)

    @cached_property
    def exogenous_inputs(self) -> tuple[Input, ...]:
        """Inputs with defaults that no subsystem provides: scenarios drive these."""
        provided = self._provided_ids
        seen: dict[str, Input] = {}
        for sub in self.subsystems:
            for inp in sub.inputs:
                if inp.default is not None and inp.id not in provided and inp.id not in seen:
                    seen[inp.id] = inp
        return tuple(seen.values())

    @cached_property
    def variables(self) -> dict[str, Variable]:
        """Every name in the model, keyed by id."""
        out: dict[str, Variable] = {}
        for sub in self.subsystems:
            for s in sub.states:
                out[s.id] = Variable(s.id, "state", s.unit, sub.name, s.description)
            for a in sub.assignments:
                out[a.id] = Variable(a.id, "assignment", a.unit, sub.name, a.description)
            for p in sub.parameters:
                out[p.id] = Variable(p.id, "parameter", p.unit, sub.name, p.description)
        for sub in self.subsystems:
            for inp in sub.inputs:
                if inp in self.exogenous_inputs and inp.id not in out:
                    out[inp.id] = Variable(inp.id, "input", inp.unit, sub.name, inp.description)
        return out

    @cached_property
    def alternative_states(self) -> dict[str, dict[str, float]]:
        """Named guesses of other steady-state branches, merged over subsystems (state id -> value)."""
        merged: dict[str, dict[str, float]] = {}
        for sub in self.subsystems:
            for name, values in sub.alternative_states.items():
                merged.setdefault(name, {}).update(values)
        return merged

    @cached_property
    def parameter_index(self) -> dict[str, Parameter]:
        return {p.id: p for p in self.parameters}

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of the whole declaration: results record which model made them."""
        payload = json.dumps(
            [dataclasses.asdict(sub) for sub in self.subsystems], sort_keys=True, default=str
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @cached_property
    def _provided_ids(self) -> set[str]:
        return {x for sub in self.subsystems for x in sub.owned_ids()}

    # --- derived models ----------------------------------------------------------------
    def with_parameters(self, values: Mapping[str, float]) -> Model:
        """A copy of the model with some parameter values replaced (bounds still checked)."""
        unknown = sorted(set(values) - set(self.parameter_index))
        if unknown:
            raise ModelError(f"unknown parameter(s) {unknown}; see `neuroimmune` docs/model-reference.md")
        subs = []
        for sub in self.subsystems:
            params = tuple(
                dataclasses.replace(p, value=float(values[p.id])) if p.id in values else p
                for p in sub.parameters
            )
            subs.append(dataclasses.replace(sub, parameters=params))
        return Model(name=self.name, subsystems=tuple(subs))

    # --- checks ------------------------------------------------------------------------
    def _check(self) -> None:
        owners: dict[str, str] = {}
        for sub in self.subsystems:
            for sid in sub.owned_ids():
                if sid in owners:
                    raise ModelError(f"id {sid!r} is defined twice: in {owners[sid]!r} and {sub.name!r}")
                owners[sid] = sub.name
        provided = set(owners)
        exo_defaults: dict[str, Input] = {}
        for sub in self.subsystems:
            for inp in sub.inputs:
                if inp.default is None and inp.id not in provided:
                    raise ModelError(
                        f"subsystem {sub.name!r} reads {inp.id!r}, which no subsystem provides"
                    )
                if inp.id in provided:
                    self._check_port_unit(inp, sub.name)
                elif inp.id in exo_defaults and exo_defaults[inp.id].unit != inp.unit:
                    raise ModelError(f"input {inp.id!r} is declared with two units")
                else:
                    exo_defaults.setdefault(inp.id, inp)
        known = provided | set(exo_defaults)
        for sub in self.subsystems:
            allowed = set(sub.owned_ids()) | {i.id for i in sub.inputs}
            for where, formula in self._formulas(sub):
                parse_formula(formula, where=where)
                names = referenced_names(formula)
                missing = sorted(names - known)
                if missing:
                    raise ModelError(f"{where} uses undefined name(s) {missing}")
                undeclared = sorted(names - allowed)
                if undeclared:
                    raise ModelError(
                        f"{where} reads {undeclared} from another subsystem without declaring "
                        "them as inputs of its own subsystem"
                    )
        _ = self.assignments  # raises on cycles
        state_ids = {st.id for st in self.states}
        for sub in self.subsystems:
            for name, values in sub.alternative_states.items():
                unknown = sorted(set(values) - state_ids)
                if unknown:
                    raise ModelError(f"alternative state {name!r} of {sub.name!r} names unknown states {unknown}")

    def _check_port_unit(self, inp: Input, reader: str) -> None:
        for sub in self.subsystems:
            for item in (*sub.states, *sub.assignments, *sub.parameters):
                if item.id == inp.id and item.unit != inp.unit:
                    raise ModelError(
                        f"{reader!r} reads {inp.id!r} in {inp.unit!r} but {sub.name!r} provides it "
                        f"in {item.unit!r}"
                    )

    @staticmethod
    def _formulas(sub: Subsystem) -> Iterable[tuple[str, str]]:
        for s in sub.states:
            yield f"rate of state {s.id!r} ({sub.name})", s.rate
        for a in sub.assignments:
            yield f"assignment {a.id!r} ({sub.name})", a.formula
