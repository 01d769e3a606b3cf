"""The declaration of the biology: subsystems as immutable data, composed into a :class:`Model`."""

from __future__ import annotations

from neuroimmune.model.brain import brain
from neuroimmune.model.compose import Model, Variable
from neuroimmune.model.dexamethasone import dexamethasone
from neuroimmune.model.hpa import hpa_axis
from neuroimmune.model.immune import innate_immunity
from neuroimmune.model.drugs import DRUGS
from neuroimmune.model.interferon import interferon_alpha
from neuroimmune.model.lifestyle import lifestyle
from neuroimmune.model.lipids import lipid_mediators
from neuroimmune.model.pharmacology import Drug, Mechanism, pharmacology_subsystem
from neuroimmune.model.plasticity import neuroplasticity
from neuroimmune.model.symptoms import symptoms
from neuroimmune.model.tryptophan import tryptophan_metabolism
from neuroimmune.model.spec import Assignment, Input, Parameter, Source, State, Subsystem

__all__ = [
    "Assignment",
    "Drug",
    "Input",
    "Mechanism",
    "Model",
    "Parameter",
    "Source",
    "State",
    "Subsystem",
    "Variable",
    "default_model",
]


def default_model() -> Model:
    """The full Neuroimmune model: every subsystem, calibrated to the packaged targets."""
    return Model(name="neuroimmune", subsystems=(
        hpa_axis(), innate_immunity(), dexamethasone(), interferon_alpha(), tryptophan_metabolism(), brain(),
        neuroplasticity(), symptoms(), lipid_mediators(), lifestyle(), pharmacology_subsystem(DRUGS),
    ))
