"""Phenotypes of virtual patients (healthy, depression with and without inflammation, anxiety,
treatment-resistant depression) declared as data in ``data/phenotypes.yaml``.

A phenotype is a set of parameter and input distributions and of covariate distributions
(age, sex, BMI: :mod:`neuroimmune.trials.covariates`), each with its source, and may select
its screened patients to a published baseline distribution (``select``:
:mod:`neuroimmune.trials.selection`). A trial design names one under ``population.phenotype``;
the design's own ``parameters``, ``covariates`` and ``select`` override the phenotype's, entry
by entry (a selection by its variable).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from importlib import resources

import yaml

from neuroimmune.errors import ScenarioError
from neuroimmune.trials.design import Distribution, Population, Selection

__all__ = ["Phenotype", "load_phenotypes", "population_covariates", "population_parameters", "population_selection"]


@dataclass(frozen=True)
class Phenotype:
    """A named kind of patient: its description, distributions and the source of each."""

    name: str
    description: str
    parameters: dict[str, Distribution]
    sources: dict[str, str]
    covariates: dict[str, Distribution]
    select: tuple[Selection, ...] = ()


def load_phenotypes() -> dict[str, Phenotype]:
    """Every declared phenotype, by name."""
    text = resources.files("neuroimmune.trials").joinpath("data/phenotypes.yaml").read_text(encoding="utf-8")
    out = {}
    for name, raw in yaml.safe_load(text).items():
        params, sources, covariates = {}, {}, {}
        for section, into in (("parameters", params), ("covariates", covariates)):
            for pid, spec in (raw.get(section) or {}).items():
                spec = dict(spec)
                sources[pid] = spec.pop("source")
                into[pid] = Distribution.model_validate(spec)
        select = tuple(Selection.model_validate(spec) for spec in raw.get("select") or ())
        for sel in select:
            if not sel.source:
                raise ScenarioError(f"phenotypes.yaml: {name}.select ({sel.variable}) needs a source")
        out[name] = Phenotype(name, raw["description"], params, sources, covariates, select)
    return out


def _phenotype(population: Population) -> Phenotype:
    known = load_phenotypes()
    if population.phenotype not in known:
        close = difflib.get_close_matches(str(population.phenotype), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ScenarioError(f"population.phenotype: unknown phenotype {population.phenotype!r}{hint}; "
                            f"choose from {', '.join(known)}")
    return known[population.phenotype]


def population_parameters(population: Population) -> dict[str, Distribution]:
    """The distributions a population is drawn from: its phenotype's, then its own on top."""
    if population.phenotype is None:
        return dict(population.parameters)
    return _phenotype(population).parameters | dict(population.parameters)


def population_covariates(population: Population) -> dict[str, Distribution]:
    """The covariate distributions (age, sex, BMI) of a population: its phenotype's, then its own."""
    if population.phenotype is None:
        return dict(population.covariates)
    return _phenotype(population).covariates | dict(population.covariates)


def population_selection(population: Population) -> tuple[Selection, ...]:
    """The selections of a population: its phenotype's, with its own replacing any on the same variable."""
    own = {sel.variable: sel for sel in population.select}
    inherited = () if population.phenotype is None else _phenotype(population).select
    return tuple(sel for sel in inherited if sel.variable not in own) + tuple(own.values())
