"""Check an SBML document with libSBML's full consistency checks, units included."""

from __future__ import annotations

from dataclasses import dataclass

import libsbml

__all__ = ["SbmlIssue", "validate_sbml"]


@dataclass(frozen=True)
class SbmlIssue:
    severity: str  # "error", "warning" or "info"
    code: int
    message: str


def validate_sbml(doc: libsbml.SBMLDocument) -> list[SbmlIssue]:
    """Every issue libSBML reports, unit consistency included."""
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_UNITS_CONSISTENCY, True)
    doc.setConsistencyChecks(libsbml.LIBSBML_CAT_MODELING_PRACTICE, True)
    doc.checkConsistency()
    issues = []
    for i in range(doc.getNumErrors()):
        err = doc.getError(i)
        if err.isFatal() or err.isError():
            severity = "error"
        elif err.isWarning():
            severity = "warning"
        else:
            severity = "info"
        issues.append(SbmlIssue(severity, err.getErrorId(), " ".join(err.getMessage().split())))
    return issues
