// Finds text that a reader cannot read in drawn Plotly charts: two pieces of text whose boxes overlap, or
// text cut off by the edge of its chart. Runs in the page (pass `overlappingText` to page.evaluate).
// Each text's box is its exact, possibly rotated, rectangle (getBBox mapped through the screen transform),
// so rotated tick labels that only touch diagonally are not reported; boxes must overlap by more than
// `tolerance` px along every axis of both rectangles to count.

/** Problems found in every `.tl-plot` of the page, as readable sentences. */
export function overlappingText(tolerance = 2): string[] {
  type Pt = { x: number; y: number };
  const problems: string[] = [];
  const quad = (t: SVGGraphicsElement): Pt[] | null => {
    const b = t.getBBox();
    const m = t.getScreenCTM();
    if (!m || b.width === 0 || b.height === 0) return null;
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]].map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }));
  };
  const overlapDepth = (p: Pt[], q: Pt[]): number => {
    let depth = Infinity;
    for (const poly of [p, q]) {
      for (let i = 0; i < 4; i++) {
        const a = poly[i], b = poly[(i + 1) % 4];
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
        const proj = (s: Pt[]) => s.map((v) => v.x * n.x + v.y * n.y);
        const pp = proj(p), qq = proj(q);
        depth = Math.min(depth, Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)));
      }
    }
    return depth;
  };
  document.querySelectorAll<HTMLElement>('.tl-plot').forEach((plot) => {
    const where = plot.closest('.tl-figure, .tl-cell')?.id ?? 'chart';
    const outer = plot.getBoundingClientRect();
    const texts = Array.from(plot.querySelectorAll<SVGTextElement>("svg text")).filter((t) => {
      if (!(t.textContent ?? '').trim()) return false;
      const style = getComputedStyle(t);
      return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) !== 0 && t.closest('[style*="opacity: 0"]') === null;
    });
    const boxes = texts.map((t) => ({ label: (t.textContent ?? '').trim().slice(0, 48), q: quad(t) })).filter((b): b is { label: string; q: Pt[] } => b.q !== null);
    for (const b of boxes) {
      const xs = b.q.map((p) => p.x), ys = b.q.map((p) => p.y);
      if (Math.min(...xs) < outer.left - 1 || Math.max(...xs) > outer.right + 1 || Math.min(...ys) < outer.top - 1 || Math.max(...ys) > outer.bottom + 1) {
        problems.push(`${where}: "${b.label}" is cut off by the edge of the chart`);
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const d = overlapDepth(boxes[i].q, boxes[j].q);
        if (d > tolerance) problems.push(`${where}: "${boxes[i].label}" overlaps "${boxes[j].label}" by ${Math.round(d)} px`);
      }
    }
  });
  return problems;
}
