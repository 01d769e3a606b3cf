"""SBML Level 3 Version 2 generated from the declaration, and its validation."""

from neuroimmune.sbml.export import DISCLAIMER, model_to_sbml, sbml_string
from neuroimmune.sbml.validate import SbmlIssue, validate_sbml

__all__ = ["DISCLAIMER", "SbmlIssue", "model_to_sbml", "sbml_string", "validate_sbml"]
