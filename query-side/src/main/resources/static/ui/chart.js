// Charts drawn as inline SVG, without a library: a line chart of percentages and a bar chart of counts.
// Every label is a Text node; colours come from the series-N classes of app.css.
import { h, svg } from './app.js';
import { t } from './i18n.js';

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 28, bottom: 36, left: 44 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

function legend(names) {
  return h('ul', { class: 'legend' }, names.map((name, i) =>
    h('li', {}, h('span', { class: `swatch series-${i % 8}` }), name)));
}

/**
 * One line per series over the labels, 0–100 %; a null value leaves a gap. series: [{name, label, values, notes}],
 * name marking the series (data-series), label naming it in the legend (the name if absent), notes[i] being the
 * tooltip of point i.
 */
export function lineChart({ labels, series, caption }) {
  const x = (i) => MARGIN.left + (labels.length === 1 ? PLOT_W / 2 : (i * PLOT_W) / (labels.length - 1));
  const y = (percent) => MARGIN.top + PLOT_H - (percent / 100) * PLOT_H;
  const grid = [0, 25, 50, 75, 100].map((percent) => svg('g', { class: 'grid' },
    svg('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(percent), y2: y(percent) }),
    svg('text', { x: MARGIN.left - 6, y: y(percent) + 4, 'text-anchor': 'end' }, `${percent}%`)));
  const every = Math.ceil(labels.length / 8);
  const ticks = labels.map((label, i) => (i % every === 0 || i === labels.length - 1)
    && svg('text', { class: 'tick', x: x(i), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle' }, label));
  const lines = series.map((s, n) => {
    let d = '';
    s.values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      const previous = s.values[i - 1];
      d += `${previous === null || previous === undefined ? 'M' : 'L'}${x(i).toFixed(1)},${y(value).toFixed(1)} `;
    });
    return svg('g', { class: `series series-${n % 8}`, dataset: { series: s.name } },
      d && svg('path', { d: d.trim() }),
      s.values.map((value, i) => value !== null && value !== undefined
        && svg('circle', { cx: x(i), cy: y(value), r: 3.5 }, svg('title', {}, s.notes[i]))));
  });
  return [
    svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': caption, class: 'line-chart' },
      grid, ticks, lines),
    series.length ? legend(series.map((s) => s.label ?? s.name)) : h('p', { class: 'empty' }, t('sla.noTickets')),
  ];
}

/** Horizontal bars, one per label, stacked by series: values[s][i] is series s at label i. */
export function barChart({ labels, series, caption }) {
  const rowH = 26;
  const left = 70;
  const width = 420;
  const height = labels.length * rowH + 8;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = Math.max(1, ...totals);
  const scale = (value) => (value / max) * (width - left - 40);
  const rows = labels.map((label, i) => {
    let offset = left;
    const bars = series.map((s, n) => {
      const w = scale(s.values[i]);
      const bar = w > 0 && svg('rect', { class: `series-${n % 8}`, x: offset, y: i * rowH + 4, width: w, height: rowH - 8 },
        svg('title', {}, `${label}, ${s.name}: ${s.values[i]}`));
      offset += w;
      return bar;
    });
    return svg('g', { class: 'bar-row' },
      svg('text', { x: left - 8, y: i * rowH + rowH / 2 + 4, 'text-anchor': 'end' }, label),
      bars,
      svg('text', { class: 'total', x: offset + 6, y: i * rowH + rowH / 2 + 4 }, String(totals[i])));
  });
  return [
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': caption, class: 'bar-chart' }, rows),
    legend(series.map((s) => s.name)),
  ];
}
