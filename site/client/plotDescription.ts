// What a figure plots, in words, from its Plotly JSON: the series by kind (bars, lines, dashed reference
// lines, points), the vertical axis and what the horizontal axis runs over. The figure caption shows it
// (the claim itself is shown once, in the finding box); the builder writes it and the figure island
// rewrites it after a control changes the figure. Shared by site/builder/components.ts and figures.ts.

/** The parts of a Plotly figure this reads. */
export interface PlotJson {
  data: Array<Record<string, unknown>>;
  layout: Record<string, unknown>;
}

function titleText(value: unknown): string {
  const t = (value as { title?: unknown } | undefined)?.title;
  const text = typeof t === 'string' ? t : ((t as { text?: unknown } | undefined)?.text ?? '');
  return String(text).replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '').trim();
}

/** "a", "a and b", "a, b and c"; names that hold a comma themselves are quoted ("“x, y” and “z”"). */
function list(items: string[]): string {
  const shown = items.some((i) => i.includes(',')) ? items.map((i) => `“${i}”`) : items;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** How a trace is drawn, as a plural and a singular noun. */
function kindOf(trace: Record<string, unknown>): [string, string] {
  if (trace.type === 'bar') return ['bars', 'bar'];
  const mode = String(trace.mode ?? 'lines+markers');
  const dash = (trace.line as { dash?: string } | undefined)?.dash;
  if (!mode.includes('lines')) return ['points', 'points'];
  if (dash && dash !== 'solid') return ['dashed lines', 'a dashed line'];
  return mode.includes('markers') ? ['lines with points', 'a line with points'] : ['lines', 'a line'];
}

/**
 * One sentence saying what is plotted, e.g. "Plotted: bars for HyperVPort and Address Hash
 * (TransportPorts), a dashed line for one member; Gbps for SI, Static and Lacp."
 */
export function plotDescription(figure: PlotJson): string {
  const groups: Array<{ kind: [string, string]; names: string[] }> = [];
  for (const trace of figure.data ?? []) {
    const kind = kindOf(trace);
    const name = String(trace.name ?? '').trim();
    let group = groups.find((g) => g.kind[0] === kind[0]);
    if (!group) groups.push((group = { kind, names: [] }));
    if (name && !group.names.includes(name)) group.names.push(name);
  }
  const series = groups.map((g) => {
    const noun = g.names.length === 1 ? g.kind[1] : g.kind[0];
    return g.names.length ? `${noun} for ${list(g.names)}` : noun;
  });
  const y = titleText(figure.layout?.yaxis);
  const x = titleText(figure.layout?.xaxis);
  const first = (figure.data ?? []).find((t) => Array.isArray(t.x)) as { x: unknown[] } | undefined;
  const categories = first && first.x.every((v) => typeof v === 'string') ? (first.x as string[]) : [];
  const across = x
    ? ` against ${x}`
    : categories.length > 0 && categories.length <= 4
      ? ` for ${list(categories)}`
      : categories.length > 4 ? ` for ${categories.length} cases` : '';
  const axis = y || across ? `; ${y || 'values'}${across}` : '';
  return `Plotted: ${series.join(', ') || 'nothing'}${axis}.`;
}
