"""Units: a small, explicit unit algebra for the units clinicians read.

Every quantity in the model carries a unit string such as ``"pg/mL"``,
``"nmol/L/h"`` or ``"1"`` (dimensionless). This module parses those strings,
turns them into SBML unit definitions and converts values between compatible
units. Conversions between mass and amount (``ug/dL`` <-> ``nmol/L``) need the
analyte's molar mass, which :data:`MOLAR_MASS` holds for the analytes we report.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from neuroimmune.errors import UnitError

__all__ = [
    "MOLAR_MASS",
    "Unit",
    "convert",
    "parse_unit",
]

# Dimension order: mass, amount, volume, time, body mass (kg of body weight), biological activity (IU).
_DIMENSIONS = ("mass", "amount", "volume", "time", "body_mass", "activity")


@dataclass(frozen=True)
class _Atom:
    dimension: str
    factor: float  # size of the atom in the dimension's base (g, mol, L, s, kg)
    sbml_kind: str
    sbml_scale: int
    sbml_multiplier: float


_ATOMS: dict[str, _Atom] = {
    "g": _Atom("mass", 1.0, "gram", 0, 1.0),
    "mg": _Atom("mass", 1e-3, "gram", -3, 1.0),
    "ug": _Atom("mass", 1e-6, "gram", -6, 1.0),
    "ng": _Atom("mass", 1e-9, "gram", -9, 1.0),
    "pg": _Atom("mass", 1e-12, "gram", -12, 1.0),
    "mol": _Atom("amount", 1.0, "mole", 0, 1.0),
    "mmol": _Atom("amount", 1e-3, "mole", -3, 1.0),
    "umol": _Atom("amount", 1e-6, "mole", -6, 1.0),
    "nmol": _Atom("amount", 1e-9, "mole", -9, 1.0),
    "pmol": _Atom("amount", 1e-12, "mole", -12, 1.0),
    "L": _Atom("volume", 1.0, "litre", 0, 1.0),
    "dL": _Atom("volume", 0.1, "litre", -1, 1.0),
    "mL": _Atom("volume", 1e-3, "litre", -3, 1.0),
    "s": _Atom("time", 1.0, "second", 0, 1.0),
    "min": _Atom("time", 60.0, "second", 0, 60.0),
    "h": _Atom("time", 3600.0, "second", 0, 3600.0),
    "d": _Atom("time", 86400.0, "second", 0, 86400.0),
    # Body weight, for doses per kilogram (endotoxin ng/kg). SBML has a kilogram kind.
    "kg": _Atom("body_mass", 1.0, "kilogram", 0, 1.0),
    # International units of biological activity (interferon); SBML has no such kind, so they are
    # written as scaled dimensionless units.
    "IU": _Atom("activity", 1.0, "dimensionless", 0, 1.0),
    "MIU": _Atom("activity", 1e6, "dimensionless", 6, 1.0),
}

#: Molar masses (g/mol) of analytes whose units are converted between mass and amount.
MOLAR_MASS: dict[str, float] = {
    "cortisol": 362.46,  # C21H30O5
    "ACTH": 4541.1,  # ACTH(1-39)
    "noradrenaline": 169.18,  # C8H11NO3
    "dexamethasone": 392.46,  # C22H29FO5
}

_TOKEN = re.compile(r"^([A-Za-z]+)(?:\^(-?\d+))?$")


@dataclass(frozen=True)
class Unit:
    """A parsed unit: the atoms with their exponents, in canonical order."""

    text: str
    atoms: tuple[tuple[str, int], ...]

    @property
    def sbml_id(self) -> str:
        """An SBML SId for this unit (``dimensionless`` for ``1``)."""
        if not self.atoms:
            return "dimensionless"
        num = [a if e == 1 else f"{a}{e}" for a, e in self.atoms if e > 0]
        den = [a if e == -1 else f"{a}{-e}" for a, e in self.atoms if e < 0]
        text = "_".join(num)
        if den:
            text += ("_per_" if num else "per_") + "_per_".join(den)
        return "u_" + text

    @property
    def dimension(self) -> tuple[int, ...]:
        """Exponents of mass, amount, volume, time and body mass."""
        dims = dict.fromkeys(_DIMENSIONS, 0)
        for name, exp in self.atoms:
            dims[_ATOMS[name].dimension] += exp
        return tuple(dims[d] for d in _DIMENSIONS)

    @property
    def factor(self) -> float:
        """Size of this unit in base units (g, mol, L, s, kg)."""
        return math.prod(_ATOMS[name].factor ** exp for name, exp in self.atoms)

    def sbml_factors(self) -> list[tuple[str, int, int, float]]:
        """(kind, exponent, scale, multiplier) tuples for an SBML unit definition."""
        out = []
        for name, exp in self.atoms:
            atom = _ATOMS[name]
            out.append((atom.sbml_kind, exp, atom.sbml_scale, atom.sbml_multiplier))
        return out

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=None)
def parse_unit(text: str) -> Unit:
    """Parse ``"pg/mL/h"``, ``"1/h"``, ``"nmol/L"`` or ``"1"`` into a :class:`Unit`.

    The first term is the numerator (atoms joined by ``*``); each ``/`` starts a
    denominator term. Raises :class:`UnitError` naming the unknown part.
    """
    if not isinstance(text, str) or not text.strip():
        raise UnitError(f"unit must be a non-empty string such as 'pg/mL'; got {text!r}")
    exps: dict[str, int] = {}
    parts = [p.strip() for p in text.strip().split("/")]
    for index, part in enumerate(parts):
        sign = 1 if index == 0 else -1
        for token in part.split("*"):
            token = token.strip()
            if token == "1" and (index == 0 or len(parts) == 1):
                continue
            match = _TOKEN.match(token)
            if not match or match.group(1) not in _ATOMS:
                allowed = ", ".join(sorted(_ATOMS))
                raise UnitError(
                    f"unknown unit {token!r} in {text!r}; known atoms are {allowed}, "
                    "combined with '/' and '*' (for example 'pg/mL' or 'nmol/L/h')"
                )
            exp = int(match.group(2) or 1) * sign
            exps[match.group(1)] = exps.get(match.group(1), 0) + exp
    order = list(_ATOMS)
    atoms = tuple(sorted(((a, e) for a, e in exps.items() if e != 0), key=lambda ae: order.index(ae[0])))
    return Unit(text=text.strip(), atoms=atoms)


def convert(value: float, from_unit: str, to_unit: str, *, molar_mass: float | None = None) -> float:
    """Convert ``value`` from one unit to another.

    Mass and amount concentrations convert into each other when ``molar_mass``
    (g/mol) is given, e.g. cortisol ug/dL -> nmol/L with 362.46 g/mol.
    """
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    ratio = src.factor / dst.factor
    if src.dimension == dst.dimension:
        return value * ratio
    # mass <-> amount: dimension differs only by +1 mass / -1 amount (or the reverse)
    diff = tuple(a - b for a, b in zip(src.dimension, dst.dimension))
    if diff in ((1, -1, 0, 0, 0, 0), (-1, 1, 0, 0, 0, 0)):
        if molar_mass is None or molar_mass <= 0:
            raise UnitError(
                f"converting {from_unit!r} to {to_unit!r} needs the analyte's molar mass (g/mol)"
            )
        return value * ratio * (1.0 / molar_mass if diff[0] == 1 else molar_mass)
    raise UnitError(f"cannot convert {from_unit!r} to {to_unit!r}: the dimensions differ")
