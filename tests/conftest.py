"""Shared fixtures: the default model and one scoring of every target (the slow part, done once)."""

from __future__ import annotations

import pytest

from neuroimmune.model import Model, default_model
from neuroimmune.validation.measures import ScenarioRuns
from neuroimmune.validation.scoring import Score, score_targets


@pytest.fixture(scope="session")
def model() -> Model:
    return default_model()


@pytest.fixture(scope="session")
def scored(model: Model) -> dict[str, Score]:
    runs = ScenarioRuns(model)
    return {s.target.id: s for s in score_targets(model, runs=runs)}
