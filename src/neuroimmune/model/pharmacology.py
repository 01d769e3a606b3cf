"""Drugs as data: pharmacokinetics generated from a declaration, and mechanisms on named model ports.

A :class:`Drug` declares its route, dose unit, safe dose range, PK parameters
(bioavailability, absorption, elimination, volumes) and its mechanisms, each a
fraction between 0 and 1 (a receptor or enzyme occupancy) acting on a named
*port* of the biology, such as ``sert_inhibition`` or ``cox2_inhibition``. From
the declarations this module generates one subsystem: a depot (oral or
subcutaneous dose not yet absorbed), a central compartment (plasma
concentration) per drug, one
assignment per mechanism, and one assignment per port that combines every
drug acting there as independent fractions, ``1 - prod(1 - f_i)``.

Doses in mg/kg are multiplied by the patient's ``body_weight`` inside the rate
laws, so a population with varied body weights is dosed correctly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from neuroimmune.errors import ModelError
from neuroimmune.model.spec import Assignment, Input, Parameter, State, Subsystem

__all__ = ["Drug", "Mechanism", "PORTS", "pharmacology_subsystem"]

Route = Literal["oral", "sc", "iv_infusion"]

#: Ports that drugs act on: id -> what a fraction of 1 means there.
PORTS: dict[str, str] = {
    "sert_inhibition": "fraction of serotonin transporters blocked",
    "net_inhibition": "fraction of noradrenaline transporters blocked",
    "dat_inhibition": "fraction of dopamine transporters blocked",
    "nmda_block": "fraction of NMDA-receptor current blocked",
    "cox2_inhibition": "fraction of COX-2 activity inhibited",
    "tnf_neutralisation": "fraction of secreted TNF-alpha bound by antibody",
    "il6_signalling_block": "fraction of IL-6 receptor signalling blocked",
    "microglia_inhibition": "fraction of microglial activation prevented",
    "ido_inhibition": "fraction of IDO1 activity inhibited",
    "nfkb_inhibition_drug": "fraction of monocyte NF-kB drive removed by a drug",
}

#: Concentration units of the central compartment: the conversion factor from mg/L, as a term.
_CONC = {"ng/mL": "ng_per_ml_per_mg_per_l * ", "ug/mL": ""}


@dataclass(frozen=True)
class Mechanism:
    """A drug action: ``formula`` (a fraction 0-1 of the drug's concentration) on a port."""

    port: str
    formula: str
    description: str


@dataclass(frozen=True)
class Drug:
    """A drug: PK parameters with sources, dosing rules and mechanisms.

    Parameters must include ``<id>_ke`` (elimination, 1/h) and ``<id>_v`` (central volume, L);
    oral and subcutaneous drugs also ``<id>_f`` (bioavailability) and ``<id>_ka`` (absorption, 1/h).
    One compartment: where a drug distributes in two phases, the volume is chosen to match the
    reported peak and the elimination rate the terminal half-life, and the source says so.
    """

    id: str
    name: str
    drug_class: str
    route: Route
    dose_unit: Literal["mg", "mg/kg"]
    usual_dose: str
    dose_range: tuple[float, float]
    max_daily: float
    parameters: tuple[Parameter, ...]
    mechanisms: tuple[Mechanism, ...]
    description: str
    concentration_unit: Literal["ng/mL", "ug/mL"] = "ng/mL"
    chebi: str | None = None
    #: Dosing interval a regimen uses when the scenario gives none (None: give explicit times).
    default_interval_h: float | None = 24.0
    #: Infusion length an intravenous infusion uses when the scenario gives none.
    infusion_h: float | None = None

    def __post_init__(self) -> None:
        have = {p.id for p in self.parameters}
        need = {f"{self.id}_ke", f"{self.id}_v"}
        if self.route in ("oral", "sc"):
            need |= {f"{self.id}_f", f"{self.id}_ka"}
        if missing := need - have:
            raise ModelError(f"drug {self.id!r}: missing PK parameters {sorted(missing)}")
        for m in self.mechanisms:
            if m.port not in PORTS:
                raise ModelError(f"drug {self.id!r}: unknown port {m.port!r}; allowed: {', '.join(PORTS)}")
        lo, hi = self.dose_range
        if not 0 < lo < hi:
            raise ModelError(f"drug {self.id!r}: dose range {self.dose_range} must satisfy 0 < low < high")

    @property
    def dose_target(self) -> str:
        """The state a dose is added to (or, for an infusion, the input set to its rate)."""
        if self.route in ("oral", "sc"):
            return f"{self.id}_depot"
        return f"{self.id}_infusion"

    # --- generated declaration ---------------------------------------------------------
    def _scale(self) -> str:
        return " * body_weight" if self.dose_unit == "mg/kg" else ""

    def states(self) -> tuple[State, ...]:
        d, conv = self.id, _CONC[self.concentration_unit]
        ann = (f"http://identifiers.org/{self.chebi}",) if self.chebi else ()
        per = "mg/kg" if self.dose_unit == "mg/kg" else "mg"
        out: list[State] = []
        inflow = ""
        if self.route in ("oral", "sc"):
            where = "gut" if self.route == "oral" else "subcutaneous depot"
            out.append(State(f"{d}_depot", f"{self.name} ({where})", per, 0.0, f"-{d}_ka * {d}_depot",
                             f"{self.name} dosed and not yet absorbed ({per}).", ann))
            inflow = f"{d}_f * {d}_ka * {d}_depot{self._scale()}"
        else:
            inflow = f"{d}_infusion{self._scale()}"
        out.append(State(d, f"{self.name} (plasma)", self.concentration_unit, 0.0,
                         f"{conv}({inflow}) / {d}_v - {d}_ke * {d}",
                         f"Plasma {self.name} concentration.", ann))
        return tuple(out)

    def inputs(self) -> tuple[Input, ...]:
        if self.route != "iv_infusion":
            return ()
        unit = "mg/kg/h" if self.dose_unit == "mg/kg" else "mg/h"
        return (Input(f"{self.id}_infusion", unit, f"{self.name} infusion rate (set by the scenario).",
                      0.0, (0.0, 1000.0)),)

    def assignments(self) -> tuple[Assignment, ...]:
        return tuple(
            Assignment(f"{self.id}_{m.port}", f"{self.name}: {PORTS[m.port]}", "1", m.formula, m.description)
            for m in self.mechanisms
        )


def _combined(port: str, drugs: Iterable[Drug]) -> Assignment:
    terms = [f"(1 - {d.id}_{m.port})" for d in drugs for m in d.mechanisms if m.port == port]
    formula = f"1 - {' * '.join(terms)}" if terms else "0"
    return Assignment(port, port.replace("_", " ").capitalize(), "1", formula,
                      f"Combined {PORTS[port]} from every drug acting there (independent fractions).")


_BODY_WEIGHT = Parameter(
    "body_weight", 75.0, "kg", (35.0, 200.0),
    "assumed: a typical adult trial participant; doses in mg/kg scale with it",
    "Body weight, used to turn doses in mg/kg into amounts.")
_NG_PER_ML = Parameter(
    "ng_per_ml_per_mg_per_l", 1000.0, "ng*L/mg/mL", (999.0, 1001.0),
    "assumed: exact unit conversion, 1 mg/L = 1000 ng/mL", "Unit conversion from mg/L to ng/mL.")


def pharmacology_subsystem(drugs: tuple[Drug, ...]) -> Subsystem:
    """One subsystem holding every drug's PK, its mechanisms, and the combined ports."""
    params = [_BODY_WEIGHT, _NG_PER_ML, *(p for d in drugs for p in d.parameters)]
    return Subsystem(
        name="pharmacology",
        title="Drug pharmacokinetics and mechanisms",
        description=__doc__ or "",
        states=tuple(s for d in drugs for s in d.states()),
        parameters=tuple(params),
        assignments=(*(a for d in drugs for a in d.assignments()), *(_combined(p, drugs) for p in PORTS)),
        inputs=tuple(i for d in drugs for i in d.inputs()),
    )
