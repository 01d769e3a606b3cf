"""Simulation results: values with units, per-patient status and provenance.

Values are held as an array (patient x time x variable) and turned into a tidy
table (patient, time_h, variable, value, unit) on demand; files are Parquet or
CSV with a JSON provenance sidecar (package version, model fingerprint, solver
settings, scenario).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from neuroimmune.errors import NeuroimmuneError
from neuroimmune.units import MOLAR_MASS, convert

__all__ = ["SimulationResult"]

_ANALYTE_OF = {"cortisol": "cortisol", "cortisol_free": "cortisol", "acth": "ACTH",
               "noradrenaline": "noradrenaline", "dexamethasone": "dexamethasone",
               "dexamethasone_free": "dexamethasone"}


@dataclass
class SimulationResult:
    """What a simulation returns."""

    times: np.ndarray
    variables: tuple[str, ...]
    units: tuple[str, ...]
    values: np.ndarray
    status: list[str]
    patients: tuple[str, ...]
    provenance: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        expected = (len(self.patients), len(self.times), len(self.variables))
        if self.values.shape != expected:
            raise NeuroimmuneError(f"result values have shape {self.values.shape}, expected {expected}")

    # --- access ------------------------------------------------------------------------
    @property
    def ok(self) -> np.ndarray:
        """Boolean mask of patients whose integration succeeded."""
        return np.array([s == "ok" for s in self.status])

    def unit(self, variable: str) -> str:
        return self.units[self._column(variable)]

    def _column(self, variable: str) -> int:
        try:
            return self.variables.index(variable)
        except ValueError:
            raise NeuroimmuneError(
                f"variable {variable!r} was not recorded; recorded: {', '.join(self.variables)}"
            ) from None

    def series(self, variable: str, *, patient: int = 0, unit: str | None = None) -> np.ndarray:
        """Values of one variable for one patient, optionally converted to ``unit``."""
        values = self.values[patient, :, self._column(variable)]
        if unit is None or unit == self.unit(variable):
            return values.copy()
        molar = MOLAR_MASS.get(_ANALYTE_OF.get(variable, ""))
        return values * convert(1.0, self.unit(variable), unit, molar_mass=molar)  # conversions are linear

    def wide(self, *, patient: int = 0) -> pd.DataFrame:
        """One patient as a table: a row per time, a column per variable."""
        frame = pd.DataFrame(self.values[patient], columns=list(self.variables))
        frame.insert(0, "time_h", self.times)
        return frame

    def to_frame(self) -> pd.DataFrame:
        """The tidy table: patient, time_h, variable, value, unit."""
        n_p, n_t, n_v = self.values.shape
        frame = pd.DataFrame({
            "patient": pd.Categorical(np.repeat(self.patients, n_t * n_v), categories=list(self.patients)),
            "time_h": np.tile(np.repeat(self.times, n_v), n_p),
            "variable": pd.Categorical(np.tile(self.variables, n_p * n_t), categories=list(self.variables)),
            "value": self.values.reshape(-1),
        })
        units = dict(zip(self.variables, self.units))
        frame["unit"] = frame["variable"].map(units).astype("category")
        return frame

    # --- files -------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write ``.parquet`` or ``.csv`` (by suffix) plus ``<name>.provenance.json``."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        frame = self.to_frame()
        if path.suffix == ".parquet":
            frame.to_parquet(path, index=False)
        elif path.suffix == ".csv":
            frame.to_csv(path, index=False)
        else:
            raise NeuroimmuneError(f"output file {str(path)!r} must end in .parquet or .csv")
        status = dict(zip(self.patients, self.status))
        sidecar = path.with_name(path.stem + ".provenance.json")
        sidecar.write_text(json.dumps(self.provenance | {"patient_status": status}, indent=2, default=str))
        return path
