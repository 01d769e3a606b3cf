"""Phenotypes of virtual patients (healthy, depression with and without inflammation, anxiety,
treatment-resistant depression) declared as data in ``data/phenotypes.yaml``.

A phenotype is a set of parameter and input distributions, each with its source. A trial
design names one under ``population.phenotype``; the design's own ``parameters`` override
the phenotype's, entry by entry.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from importlib import resources

import yaml

from neuroimmune.errors import ScenarioError
from neuroimmune.trials.design import Distribution, Population

__all__ = ["Phenotype", "load_phenotypes", "population_parameters"]


@dataclass(frozen=True)
class Phenotype:
    """A named kind of patient: its description, distributions and the source of each."""

    name: str
    description: str
    parameters: dict[str, Distribution]
    sources: dict[str, str]


def load_phenotypes() -> dict[str, Phenotype]:
    """Every declared phenotype, by name."""
    text = resources.files("neuroimmune.trials").joinpath("data/phenotypes.yaml").read_text(encoding="utf-8")
    out = {}
    for name, raw in yaml.safe_load(text).items():
        params, sources = {}, {}
        for pid, spec in raw["parameters"].items():
            spec = dict(spec)
            sources[pid] = spec.pop("source")
            params[pid] = Distribution.model_validate(spec)
        out[name] = Phenotype(name, raw["description"], params, sources)
    return out


def population_parameters(population: Population) -> dict[str, Distribution]:
    """The distributions a population is drawn from: its phenotype's, then its own on top."""
    if population.phenotype is None:
        return dict(population.parameters)
    known = load_phenotypes()
    if population.phenotype not in known:
        close = difflib.get_close_matches(population.phenotype, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ScenarioError(f"population.phenotype: unknown phenotype {population.phenotype!r}{hint}; "
                            f"choose from {', '.join(known)}")
    return known[population.phenotype].parameters | dict(population.parameters)
