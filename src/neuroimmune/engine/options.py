"""Solver settings, recorded with every result."""

from __future__ import annotations

from dataclasses import dataclass

from neuroimmune.errors import EngineError

__all__ = ["SolverOptions"]


@dataclass(frozen=True)
class SolverOptions:
    """CVODE settings.

    ``atol_fraction`` times each state's typical magnitude is that state's absolute
    tolerance: a single scalar would be far too loose for ACTH in pg/mL beside
    cortisol in nmol/L. ``steady_state_tol`` is the relative change over one day
    below which the circadian orbit counts as periodic.
    """

    rtol: float = 1e-6
    atol_fraction: float = 1e-8
    max_steps: int = 200_000
    steady_state_tol: float = 1e-5
    steady_state_max_iter: int = 30

    def __post_init__(self) -> None:
        for name in ("rtol", "atol_fraction", "steady_state_tol"):
            value = getattr(self, name)
            if not 0 < value < 1:
                raise EngineError(f"solver option {name}={value!r} must lie in (0, 1)")
        if self.max_steps < 100:
            raise EngineError(f"solver option max_steps={self.max_steps} must be at least 100")

    @property
    def kisao(self) -> str:
        """KiSAO id of the algorithm (CVODE)."""
        return "KISAO:0000019"
