"""Interferon-alpha therapy: pharmacokinetics of IFN-alpha2b and the interferon signal it drives.

Subcutaneous doses enter a depot and are absorbed slowly (absorption half-life
5.5 h, plasma peak near 8 h); intravenous doses (the high-dose melanoma induction)
enter the circulation directly; elimination half-life about 3 h (Radwanski 1987).
The interferon signal (JAK-STAT/ISG activity) follows the circulating IFN-alpha
with a lag and outlasts it; it induces IDO, IL-6 and microglial activation.
"""

from __future__ import annotations

from neuroimmune.model.spec import Assignment, Parameter, State, Subsystem

__all__ = ["interferon_alpha"]

RADWANSKI_1987 = "10.1002/j.1552-4604.1987.tb03044.x"
_P = Parameter

PARAMETERS = (
    _P("ka_ifn", 0.126, "1/h", (0.05, 0.5),
       f"doi:{RADWANSKI_1987}; subcutaneous absorption half-life 5.5 h",
       "Absorption rate of subcutaneous IFN-alpha2b."),
    _P("ke_ifn", 0.239, "1/h", (0.1, 0.6),
       f"doi:{RADWANSKI_1987}; elimination half-life 2.9 h after subcutaneous dosing",
       "Elimination rate of circulating IFN-alpha2b."),
    _P("ifn_ec50", 1.12768, "MIU", (0.01, 10.0), "calibrated: COTLER01",
       "Circulating IFN-alpha (amount in the body) giving half-maximal interferon signalling."),
    _P("k_ifn_signal", 0.192573, "1/h", (0.01, 1.0), "calibrated: COTLER01",
       "Rate at which interferon-stimulated gene activity follows circulating IFN-alpha (half-life 12 h)."),
)

STATES = (
    State("ifn_depot", "IFN-alpha at the injection site", "MIU", 0.0, "-ka_ifn * ifn_depot",
          "Subcutaneous IFN-alpha not yet absorbed.", ("http://identifiers.org/uniprot:P01563",)),
    State("ifn_circulating", "Circulating IFN-alpha", "MIU", 0.0,
          "ka_ifn * ifn_depot - ke_ifn * ifn_circulating",
          "IFN-alpha2b in the body outside the injection site.", ("http://identifiers.org/uniprot:P01563",)),
    State("ifn_signal", "Interferon signal", "1", 0.0,
          "k_ifn_signal * (ifn_circulating / (ifn_circulating + ifn_ec50) - ifn_signal)",
          "Type I interferon signalling (JAK-STAT, interferon-stimulated genes), 0 to 1."),
)

ASSIGNMENTS = (
    Assignment("ifn_exposure", "IFN-alpha exposure", "1", "ifn_circulating / (ifn_circulating + ifn_ec50)",
               "Receptor-level IFN-alpha exposure, 0 to 1."),
)


def interferon_alpha() -> Subsystem:
    """The interferon-alpha subsystem."""
    return Subsystem(
        name="interferon",
        title="Interferon-alpha therapy",
        description=__doc__ or "",
        states=STATES,
        parameters=PARAMETERS,
        assignments=ASSIGNMENTS,
        references=(RADWANSKI_1987,),
    )
