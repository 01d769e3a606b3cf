"""The declaration of the biology: subsystems as immutable data, composed into a :class:`Model`."""

from __future__ import annotations

from collections.abc import Iterable

from neuroimmune.errors import ModelError
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


def default_model(*, drugs: Iterable[str] | None = None) -> Model:
    """The full Neuroimmune model: every subsystem, calibrated to the packaged targets.

    ``drugs`` limits the pharmacokinetic states to the drugs named (None: every drug in the
    library). A drug left out acts as if never given, so a run without treatments is the same
    biology with fewer states and a faster solve; :func:`neuroimmune.simulate` does this for you.
    """
    known = {d.id for d in DRUGS}
    wanted = known if drugs is None else set(drugs)
    if unknown := wanted - known:
        raise ModelError(f"drugs: unknown drug(s) {sorted(unknown)}; the library has {', '.join(sorted(known))}")
    return Model(name="neuroimmune", subsystems=(
        hpa_axis(), innate_immunity(), dexamethasone(), interferon_alpha(), tryptophan_metabolism(), brain(),
        neuroplasticity(), symptoms(), lipid_mediators(), lifestyle(),
        pharmacology_subsystem(tuple(d for d in DRUGS if d.id in wanted)),
    ))
