"""Typed exceptions with messages a user can act on."""

from __future__ import annotations

__all__ = [
    "CheckpointMismatchError",
    "EngineError",
    "ModelError",
    "NeuroimmuneError",
    "ScenarioError",
    "UnitError",
    "ValidationDataError",
]


class NeuroimmuneError(Exception):
    """Base class of every error this package raises on purpose."""


class UnitError(NeuroimmuneError, ValueError):
    """A unit string is unknown, or two units cannot be converted."""


class ModelError(NeuroimmuneError, ValueError):
    """The declaration of the biology is inconsistent (unknown name, bad bounds, bad source)."""


class ScenarioError(NeuroimmuneError, ValueError):
    """A scenario is invalid; the message names the field, the value and what is allowed."""


class EngineError(NeuroimmuneError, RuntimeError):
    """The simulation engine could not run a request."""


class CheckpointMismatchError(NeuroimmuneError):
    """A checkpoint folder holds the chunks of a different run, so resuming there would mix runs."""


class ValidationDataError(NeuroimmuneError, ValueError):
    """The packaged validation targets are malformed."""
