"""Server-rendered SVG charts: a timeline of mentions and quotes, and a co-occurrence graph.

SVG drawn on the server needs no JavaScript library and no CDN, renders the
same in every browser and prints; the graph layout comes from networkx's
force-directed ``spring_layout`` with a fixed seed so the picture is stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # e.g. "2020-10"
    mentions: int
    quotes: int


def timeline_svg(bars: Sequence[Bar], width: int = 640, height: int = 200) -> Markup:
    """Grouped bars per period; empty input gives an explicit 'no data' figure."""
    if not bars:
        return Markup(
            f'<svg class="chart timeline" role="img" viewBox="0 0 {width} 40" aria-label="no data">'
            '<text x="50%" y="24" text-anchor="middle">لا توجد بيانات</text></svg>'
        )
    pad, top = 30, 10
    peak = max(max(b.mentions, b.quotes) for b in bars) or 1
    slot = (width - 2 * pad) / len(bars)
    bw = min(36.0, max(2.0, slot / 2 - 2))
    inner_h = height - pad - top
    items: list[str] = []
    for i, b in enumerate(bars):
        # Drawn left to right in time; the page is RTL but time axes read left to right in Arabic news graphics too.
        x = pad + i * slot + max(0.0, slot / 2 - bw - 1)
        for j, (value, css) in enumerate(((b.mentions, "bar-mentions"), (b.quotes, "bar-quotes"))):
            h = inner_h * value / peak
            items.append(
                f'<rect class="{css}" x="{x + j * (bw + 1):.1f}" y="{top + inner_h - h:.1f}" '
                f'width="{bw:.1f}" height="{h:.1f}"><title>{escape(b.label)}: {value}</title></rect>'
            )
        if len(bars) <= 12 or i % max(1, len(bars) // 12) == 0:
            items.append(
                f'<text class="tick" x="{x + slot / 2:.1f}" y="{height - 8}" text-anchor="middle">{escape(b.label)}</text>'
            )
    return Markup(
        f'<svg class="chart timeline" role="img" viewBox="0 0 {width} {height}" '
        f'aria-label="mentions and quotes over time">{"".join(items)}</svg>'
    )


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    type: str
    weight: int
    href: str | None = None


def network_svg(
    center: Node, nodes: Sequence[Node], edges: Sequence[tuple[str, str, int]], size: int = 480
) -> Markup:
    """A co-occurrence graph around ``center``; edge width grows with shared articles."""
    import networkx as nx

    if not nodes:
        return Markup(
            f'<svg class="chart network" role="img" viewBox="0 0 {size} 40" aria-label="no data">'
            '<text x="50%" y="24" text-anchor="middle">لا توجد بيانات</text></svg>'
        )
    graph = nx.Graph()
    for n in (center, *nodes):
        graph.add_node(n.id)
    for a, b, w in edges:
        graph.add_edge(a, b, weight=w)
    pos = nx.spring_layout(graph, seed=7, weight="weight")
    margin = 40

    def xy(key: str) -> tuple[float, float]:
        x, y = pos[key]
        return margin + (x + 1) / 2 * (size - 2 * margin), margin + (y + 1) / 2 * (size - 2 * margin)

    peak = max((w for *_, w in edges), default=1)
    parts: list[str] = []
    for a, b, w in edges:
        (x1, y1), (x2, y2) = xy(a), xy(b)
        parts.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{1 + 4 * w / peak:.1f}"><title>{w}</title></line>'
        )
    for n in (center, *nodes):
        x, y = xy(n.id)
        r = 14 if n is center else 6 + min(10, n.weight)
        circle = (
            f'<circle class="node node-{escape(n.type)}{" center" if n is center else ""}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="{r}"><title>{escape(n.label)}</title></circle>'
            f'<text class="node-label" x="{x:.1f}" y="{y - r - 3:.1f}" text-anchor="middle">{escape(n.label)}</text>'
        )
        parts.append(f'<a href="{escape(n.href)}">{circle}</a>' if n.href else circle)
    return Markup(
        f'<svg class="chart network" role="img" viewBox="0 0 {size} {size}" '
        f'aria-label="co-occurring entities">{"".join(parts)}</svg>'
    )
