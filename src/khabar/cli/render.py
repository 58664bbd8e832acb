"""Plain-text rendering of an analysis for people reading a terminal.

Arabic is shown in logical order; terminals that do bidi reordering display it
right to left. Each layer is listed with its offsets so a reader can find it.
"""

from __future__ import annotations

from khabar.model import Analysis


def render_text(analysis: Analysis) -> str:
    a = analysis.article
    lines = [f"# {a.title}", ""]
    meta = [
        ("published", a.published),
        ("outlet", a.outlet),
        ("byline", a.byline),
        ("caption", a.caption),
        ("photographer", a.photo_credit.photographer),
        ("agency", a.photo_credit.agency),
        ("url", a.url),
        ("language", a.language if a.language != "ar" else None),
    ]
    lines += [f"{k}: {v}" for k, v in meta if v]
    lines += [f"warning: {w}" for w in a.warnings]
    lines.append("")
    for p in a.paragraphs:
        lines += [p, ""]
    if analysis.entities:
        lines.append("## entities")
        for e in analysis.entities:
            extra = ", ".join(
                x
                for x in (
                    e.role and f"role: {e.role}",
                    e.country and f"country: {e.country.name} ({e.country.code})",
                    e.latin and f"latin: {e.latin}",
                )
                if x
            )
            forms = " | ".join(dict.fromkeys(m.text for m in e.mentions))
            lines.append(f"- [{e.type}] {e.canonical}" + (f" ({extra})" if extra else ""))
            if forms:
                lines.append(f"    mentions: {forms}")
        lines.append("")
    if analysis.quotes:
        lines.append("## quotes")
        for q in analysis.quotes:
            who = q.speaker.text if q.speaker else "?"
            via = f" (via {q.reported_by.text})" if q.reported_by else ""
            cue = f" [{q.cue.text}]" if q.cue else ""
            lines.append(f"- {q.kind}: {who}{via}{cue}: {q.content.text}")
            if q.venue:
                lines.append(f"    venue: {q.venue}")
        lines.append("")
    if analysis.times:
        lines.append("## times")
        lines += [
            f"- {t.text} → {t.value or '(unresolved)'} {t.type}" + (f" {t.mod}" if t.mod else "")
            for t in analysis.times
        ]
        lines.append("")
    if analysis.quantities:
        lines.append("## quantities")
        for n in analysis.quantities:
            value = int(n.value) if float(n.value).is_integer() else round(n.value, 4)
            unit = f" {n.unit}" if n.unit else ""
            counts = f" ({n.counts})" if n.counts else ""
            about = "≈" if n.approx else ""  # an estimate: "نحو 450 مليون دولار", "آلاف"
            lines.append(f"- {n.text} → {about}{value}{unit}{counts}")
        lines.append("")
    return "\n".join(lines)
