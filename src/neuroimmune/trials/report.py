"""The trial report: one self-contained HTML file with the flow, the endpoint tables and figures.

Figures: rating-scale trajectories by arm (mean with an interquartile band), responders by
stratum and arm, and the distribution of each biomarker change by arm. Images are embedded,
so the file can be mailed or archived on its own.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg", force=False)  # noqa: E402 - files only
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

__all__ = ["write_report"]


def _png(fig: plt.Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def _visit_days(table: pd.DataFrame, scale: str) -> list[float]:
    days = [float(c[len(scale) + 1:-len("d_locf")]) for c in table.columns
            if c.startswith(f"{scale}_") and c.endswith("d_locf")]
    return sorted(days)


def _trajectories(table: pd.DataFrame, scale: str) -> str:
    days = _visit_days(table, scale)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    for arm, rows in table.groupby("arm", sort=False):
        values = rows[[f"{scale}_{d:g}d_locf" for d in days]].to_numpy(dtype=float)
        mean = np.nanmean(values, axis=0)
        q1, q3 = np.nanpercentile(values, 25, axis=0), np.nanpercentile(values, 75, axis=0)
        ax.plot(days, mean, marker="o", label=f"{arm} (n={len(rows)})")
        ax.fill_between(days, q1, q3, alpha=0.2)
    ax.set_xlabel("day of the trial")
    ax.set_ylabel(f"{scale} (mean, IQR band; LOCF)")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return _png(fig)


def _responders(summary: dict[str, Any]) -> str | None:
    ep = next((e for e in summary["endpoints"] if e["endpoint"]["type"] == "response" and "by_stratum" in e), None)
    if ep is None:
        return None
    strata = list(ep["by_stratum"])
    arms = [summary["control"], *ep["versus_control"]]
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    width = 0.8 / len(arms)
    for k, arm in enumerate(arms):
        rates = []
        for s in strata:
            comparisons = ep["by_stratum"][s]
            any_cmp = next(iter(comparisons.values()), {})
            if arm == summary["control"]:
                rates.append(any_cmp.get("risk_control", np.nan))
            else:
                rates.append(comparisons.get(arm, {}).get("risk_treatment", np.nan))
        ax.bar(np.arange(len(strata)) + k * width, [np.nan if r is None else r for r in rates], width, label=arm)
    ax.set_xticks(np.arange(len(strata)) + width * (len(arms) - 1) / 2, strata)
    ax.set_xlabel("baseline stratum")
    ax.set_ylabel("responders")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return _png(fig)


def _biomarkers(table: pd.DataFrame, summary: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for ep in summary["endpoints"]:
        if ep["endpoint"]["type"] != "biomarker_change":
            continue
        var = ep["endpoint"]["variable"]
        column = f"{var}_{ep['endpoint']['at_day']:g}d"
        if column not in table:
            continue
        fig, ax = plt.subplots(figsize=(6.4, 3.2))
        groups = [(arm, (rows[column] - rows[f"{var}_0d"]).dropna()) for arm, rows in table.groupby("arm", sort=False)]
        ax.boxplot([g for _, g in groups], tick_labels=[a for a, _ in groups])
        ax.axhline(0, color="0.5", lw=0.8)
        ax.set_ylabel(f"change in {var}")
        fig.tight_layout()
        out.append((f"{var}: change by {ep['endpoint']['at']}", _png(fig)))
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    return html.escape(str(value))


def _endpoint_table(ep: dict[str, Any]) -> str:
    if ep["kind"] == "time":
        head = "<tr><th>arm</th><th>n</th><th>responded</th><th>median day of first response</th></tr>"
        rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{_fmt(s['n'])}</td><td>{_fmt(s['responded'])}</td>"
                       f"<td>{_fmt(s['median_day_of_response'])}</td></tr>" for a, s in ep["by_arm"].items())
    else:
        head = "<tr><th>arm</th><th>n</th><th>mean</th><th>SD</th></tr>"
        rows = "".join(f"<tr><td>{html.escape(a)}</td><td>{_fmt(s['n'])}</td><td>{_fmt(s['mean'])}</td>"
                       f"<td>{_fmt(s['sd'])}</td></tr>" for a, s in ep["by_arm"].items())
    comp = []
    for arm, c in ep["versus_control"].items():
        if ep["kind"] == "continuous" and "difference" in c:
            comp.append(f"{html.escape(arm)}: difference {_fmt(c['difference'])} ({_fmt(c['ci_low'])} to "
                        f"{_fmt(c['ci_high'])}), p={_fmt(c['p_value'])}, Hedges g {_fmt(c['hedges_g'])}")
        elif "odds_ratio" in c:
            comp.append(f"{html.escape(arm)}: {_fmt(c['risk_treatment'])} vs {_fmt(c['risk_control'])}, "
                        f"OR {_fmt(c['odds_ratio'])} ({_fmt(c['or_ci_low'])} to {_fmt(c['or_ci_high'])}), "
                        f"NNT {_fmt(c['nnt'])}")
        else:
            comp.append(f"{html.escape(arm)}: {html.escape(str(c.get('note', '')))}")
    inter = ep.get("interaction", {})
    inter_text = (f"<p>Arm-by-stratum interaction: F={_fmt(inter['f_statistic'])}, p={_fmt(inter['p_value'])}</p>"
                  if "f_statistic" in inter else "")
    title = html.escape(f"{ep['endpoint']['type']} at {ep['endpoint']['at']}")
    return (f"<h3>{title}</h3><table>{head}{rows}</table>"
            f"<p>{'<br>'.join(comp)}</p>{inter_text}")


def _selection_table(selection: list[dict[str, Any]]) -> str:
    """How the kept patients' baseline compares with the published distribution they were selected to."""
    if not selection:
        return ""
    rows = []
    for s in selection:
        log = "kept_median" in s
        centre, spread = ("median", "sd_log") if log else ("mean", "sd")
        t = s["target"]

        def cell(key: str, s: dict[str, Any] = s) -> str:
            return "-" if s.get(key) is None else f"{s[key]:.3g}"
        rows.append(f"<tr><td>{html.escape(s['variable'])}</td><td>{t['dist']} {centre} {t[centre]:g}, "
                    f"{spread} {t[spread]:g}</td><td>{cell('drawn_' + centre)} / {cell('drawn_' + spread)}</td>"
                    f"<td>{cell('kept_' + centre)} / {cell('kept_' + spread)}</td><td>{s['kept']} of {s['drawn']}</td>"
                    f"<td>{cell('ks_distance_drawn')} &rarr; {cell('ks_distance_kept')}</td>"
                    f"<td>{html.escape(s.get('source') or '')}</td></tr>")
    head = ("<tr><th>variable</th><th>published</th><th>drawn centre / spread</th><th>kept centre / spread</th>"
            "<th>kept</th><th>KS distance drawn &rarr; kept</th><th>source</th></tr>")
    return ("<h2>Selection to a published baseline distribution</h2><p>Screened patients kept by acceptance and "
            f"rejection (Allen et al. 2016) before the inclusion criteria.</p><table>{head}{''.join(rows)}</table>")


def write_report(table: pd.DataFrame, summary: dict[str, Any], path: str | Path) -> Path:
    """Write the HTML report of a finished trial."""
    flow = summary["flow"]
    arms = "".join(f"<li>{html.escape(a)}: randomised {v['randomised']}, completed {v['completed']}</li>"
                   for a, v in flow["by_arm"].items())
    figures = [("Rating scale by arm", _trajectories(table, summary["scale"]))]
    responders = _responders(summary)
    if responders:
        figures.append(("Responders by baseline stratum", responders))
    figures += _biomarkers(table, summary)
    body = "".join(f"<h3>{html.escape(t)}</h3><img alt='{html.escape(t)}' src='data:image/png;base64,{img}'>"
                   for t, img in figures)
    text = f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(summary['trial'])}</title>
<style>body{{font-family:sans-serif;max-width:900px;margin:2em auto}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:3px 8px}}</style></head><body>
<h1>Virtual trial: {html.escape(summary['trial'])}</h1>
<p><b>Research tool, not medical advice.</b> Analysis: {html.escape(summary['analysis'])}.</p>
<h2>Flow</h2><ul><li>screened: {flow['screened']}</li>
<li>failed to simulate at screening: {flow['failed_to_simulate_at_screening']}</li>
<li>not kept by the selection to a published baseline distribution: {flow.get('not_selected', 0)}</li>
<li>excluded by the inclusion criteria: {flow['excluded']}</li><li>randomised: {flow['randomised']}</li>{arms}</ul>
{_selection_table(summary.get('selection', []))}
<h2>Endpoints</h2>{''.join(_endpoint_table(ep) for ep in summary['endpoints'])}
<h2>Figures</h2>{body}</body></html>"""
    path = Path(path)
    path.write_text(text, encoding="utf-8")
    return path
