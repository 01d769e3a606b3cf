"""Neuroimmune: a mechanistic simulator of immune dysregulation in depression and anxiety.

A research and teaching tool, not a medical device; it gives no medical advice.
"""

from __future__ import annotations

__version__ = "0.1.0"

from neuroimmune.api import circadian_steady_state, simulate  # noqa: E402
from neuroimmune.engine.options import SolverOptions  # noqa: E402
from neuroimmune.model import Model, default_model  # noqa: E402
from neuroimmune.results import SimulationResult  # noqa: E402
from neuroimmune.scenarios.registry import builtin_scenarios, load_scenario  # noqa: E402

__all__ = [
    "Model",
    "SimulationResult",
    "SolverOptions",
    "__version__",
    "builtin_scenarios",
    "circadian_steady_state",
    "default_model",
    "load_scenario",
    "simulate",
]
