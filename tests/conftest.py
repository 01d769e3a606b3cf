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
    # population targets run virtual cohorts and trials (minutes): tests/test_population_targets.py
    # checks how they are computed, and `make validate` scores them
    return {s.target.id: s for s in score_targets(model, runs=runs, populations=False)}
