// The analysts' dashboard: SLA compliance per priority and per client over time (one /api/reports/sla read per
// period), the backlog by age (/api/reports/backlog), and the projections with their rebuilds.
import { h, poll, post, problemView, read, renderIfChanged, startPage } from './app.js';
import { barChart, lineChart } from './chart.js';
import { locale, name, t } from './i18n.js';

const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const LEVELS = ['L1', 'L2', 'L3', 'VENDOR'];
// The backlog's age buckets, youngest first (Backlog.Row); a bucket the server adds later goes last.
const AGES = ['<1d', '1-3d', '3-7d', '7-30d', '>30d'];

const PERIODS = {
  day: { count: 14, start: (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()), step: (d, n) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n), label: { month: 'short', day: 'numeric' } },
  week: { count: 12, start: (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7)), step: (d, n) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7 * n), label: { month: 'short', day: 'numeric' } },
  month: { count: 12, start: (d) => new Date(d.getFullYear(), d.getMonth(), 1), step: (d, n) => new Date(d.getFullYear(), d.getMonth() + n, 1), label: { year: '2-digit', month: 'short' } },
};

/** Consecutive local-calendar periods, the last one running up to now. */
function periods(kind, now) {
  const p = PERIODS[kind];
  const format = new Intl.DateTimeFormat(locale, p.label);
  const current = p.start(now);
  return Array.from({ length: p.count }, (_, k) => {
    const from = p.step(current, k - p.count + 1);
    const to = k === p.count - 1 ? new Date(Math.max(now.getTime(), from.getTime() + 1)) : p.step(current, k - p.count + 2);
    return { from, to, label: format.format(from) };
  });
}

function slaReport(groupBy, from, to) {
  return read(`/api/reports/sla?groupBy=${groupBy}&from=${from.toISOString()}&to=${to.toISOString()}`);
}

const ONE_DECIMAL = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const percent = (value) => (value === null || value === undefined ? '—' : `${ONE_DECIMAL.format(value)} %`);
function minutes(value) {
  if (value === null || value === undefined) return '—';
  const total = Math.round(value);
  return total < 60 ? t('sla.minutes', { minutes: total })
    : t('sla.hours', { hours: Math.floor(total / 60), minutes: String(total % 60).padStart(2, '0') });
}

function groupTable(groups, by) {
  if (groups.length === 0) return h('p', { class: 'empty' }, t('sla.noTickets'));
  const headings = [by === 'priority' ? t('column.priority') : t('column.client'), t('sla.tickets'), t('sla.cancelled'), t('sla.responseMet'),
    t('sla.resolutionMet'), t('sla.compliancePercent'), t('sla.respond'), t('sla.resolve'), t('sla.updateMet'),
    t('sla.betweenUpdates')];
  // Wider than a narrow screen with the update columns: a scrolled region must be reachable by keyboard (WCAG).
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region',
    'aria-label': by === 'priority' ? t('sla.byPriority') : t('sla.byClient') },
  h('table', { class: 'report', dataset: { groupBy: by } },
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, groups.map((g) => h('tr', { dataset: { group: g.group } },
      h('th', { scope: 'row' }, by === 'priority' ? name('priority', g.group) : g.group),
      h('td', { class: 'num' }, g.tickets),
      h('td', { class: 'num cancelled' }, g.cancelled ?? 0),
      h('td', { class: 'num' }, `${g.responseMet} / ${g.responseBreached}`),
      h('td', { class: 'num' }, `${g.resolutionMet} / ${g.resolutionBreached}`),
      h('td', { class: 'num compliance' }, percent(g.compliancePercent)),
      h('td', { class: 'num' }, `${minutes(g.meanBusinessMinutesToRespond)} / ${minutes(g.p90BusinessMinutesToRespond)}`),
      h('td', { class: 'num' }, `${minutes(g.meanBusinessMinutesToResolve)} / ${minutes(g.p90BusinessMinutesToResolve)}`),
      h('td', { class: 'num update' }, `${g.updateMet ?? 0} / ${g.updateBreached ?? 0}`),
      h('td', { class: 'num' }, `${minutes(g.meanBusinessMinutesBetweenUpdates)} / ${minutes(g.p90BusinessMinutesBetweenUpdates)}`))))));
}

/** The series of one grouping: a line per group that opened tickets in any period, priorities in their order. */
function series(windows, reports, by) {
  const names = [...new Set(reports.flatMap((r) => r.groups.map((g) => g.group)))];
  if (by === 'priority') names.sort((a, b) => PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b));
  else names.sort();
  return names.map((group) => {
    const groups = reports.map((r) => r.groups.find((g) => g.group === group));
    const shown = by === 'priority' ? name('priority', group) : group;
    return {
      name: group,
      label: shown,
      values: groups.map((g) => g?.compliancePercent ?? null),
      notes: groups.map((g, i) => (g
        ? t('sla.point', { name: shown, period: windows[i].label, percent: percent(g.compliancePercent), tickets: g.tickets })
        : t('sla.point.none', { name: shown, period: windows[i].label }))),
    };
  });
}

function pivot(rows, key, keys) {
  const found = [...new Set(rows.map((r) => r[key]))];
  const ordered = [...keys.filter((k) => found.includes(k)), ...found.filter((k) => !keys.includes(k))];
  const ages = [...AGES, ...new Set(rows.map((r) => r.ageBucket).filter((a) => !AGES.includes(a)))];
  const count = (k, age) => rows.filter((r) => r[key] === k && r.ageBucket === age).reduce((s, r) => s + r.tickets, 0);
  return { keys: ordered, ages, count };
}

function backlogView(backlog) {
  if (backlog.total === 0) return h('p', { class: 'empty' }, t('sla.noOpen'));
  const byLevel = pivot(backlog.rows, 'level', LEVELS);
  const byPriority = pivot(backlog.rows, 'priority', PRIORITIES);
  const table = (p, label, kind) => h('table', { class: 'report' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, label), p.ages.map((a) => h('th', { scope: 'col' }, a)), h('th', { scope: 'col' }, t('sla.total')))),
    h('tbody', {}, p.keys.map((k) => h('tr', { dataset: { key: k } }, h('th', { scope: 'row' }, name(kind, k)),
      p.ages.map((a) => h('td', { class: 'num' }, p.count(k, a) || '')),
      h('td', { class: 'num total' }, p.ages.reduce((s, a) => s + p.count(k, a), 0))))));
  return [
    h('p', { class: 'total-line' }, backlog.total === 1 ? t('sla.open.one') : t('sla.open', { count: backlog.total })),
    barChart({
      caption: t('sla.byAge'),
      labels: byLevel.ages,
      series: byLevel.keys.map((level) => ({ name: name('level', level), values: byLevel.ages.map((a) => byLevel.count(level, a)) })),
    }),
    table(byLevel, t('column.level'), 'level'),
    table(byPriority, t('column.priority'), 'priority'),
  ];
}

startPage({ roles: ['ANALYST', 'AUDITOR'], start });

function start(me) {
  const $ = (id) => document.getElementById(id);
  let rebuilding = false;

  const reports = poll(async () => {
    const kind = $('period').value;
    const windows = periods(kind, new Date());
    const whole = { from: windows[0].from, to: windows[windows.length - 1].to };
    const [byPriority, byClient, totalPriority, totalClient] = await Promise.all([
      Promise.all(windows.map((w) => slaReport('priority', w.from, w.to))),
      Promise.all(windows.map((w) => slaReport('client', w.from, w.to))),
      slaReport('priority', whole.from, whole.to),
      slaReport('client', whole.from, whole.to),
    ]);
    const labels = windows.map((w) => w.label);
    // Only what is drawn counts as a change: asOf and to move at every read.
    renderIfChanged($('chart-priority'), { labels, s: series(windows, byPriority, 'priority') }, (d) =>
      lineChart({ labels: d.labels, series: d.s, caption: t('sla.chart.priority') }));
    renderIfChanged($('chart-client'), { labels, s: series(windows, byClient, 'client') }, (d) =>
      lineChart({ labels: d.labels, series: d.s, caption: t('sla.chart.client') }));
    renderIfChanged($('table-priority'), totalPriority.groups, (groups) => groupTable(groups, 'priority'));
    renderIfChanged($('table-client'), totalClient.groups, (groups) => groupTable(groups, 'client'));
  }, 3000);

  const operations = poll(async () => {
    const [backlog, projections] = await Promise.all([read('/api/reports/backlog'), read('/api/admin/projections')]);
    renderIfChanged($('backlog'), { total: backlog.total, rows: backlog.rows }, backlogView);
    rebuilding = projections.some((p) => p.replaying);
    renderIfChanged($('projections'), projections, projectionsView);
  }, () => (rebuilding ? 1000 : 3000));

  function projectionsView(projections) {
    return h('table', { class: 'report projections' },
      h('thead', {}, h('tr', {}, [t('sla.projection'), t('sla.position'), t('sla.lag'), t('sla.state'), t('sla.progress'), '']
        .map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, projections.map((p) => h('tr', { dataset: { projection: p.name }, class: p.replaying ? 'replaying' : null },
        h('th', { scope: 'row' }, p.name),
        h('td', { class: 'num' }, `${p.position} / ${p.headPosition}`),
        h('td', { class: 'num' }, p.lag),
        h('td', {}, p.rebuild ? `${t('sla.rebuilding')}: ${t(`sla.phase.${p.rebuild.phase}`)}`
          : p.replaying ? t('sla.rebuilding') : p.lag === 0 ? t('sla.upToDate') : t('sla.catchingUp')),
        h('td', { class: 'progress' }, h('progress', { max: 1, value: p.progress, title: percent(p.progress * 100) }),
          ` ${percent(p.progress * 100)}`, p.lag > 0 && p.etaSeconds != null
            ? h('span', { class: 'eta' }, ` ${t('sla.eta', { seconds: p.etaSeconds, rate: Math.round(p.eventsPerSecond) })}`) : null,
          // a rebuild fills copies of the tables beside the live ones: its own progress, under the live one
          p.rebuild ? h('div', { class: 'rebuild' }, `${t('sla.rebuildProgress')} `,
            h('progress', { max: 1, value: p.rebuild.progress, title: percent(p.rebuild.progress * 100) }),
            ` ${percent(p.rebuild.progress * 100)}`, p.rebuild.etaSeconds != null && p.rebuild.eventsPerSecond != null
              ? h('span', { class: 'eta' }, ` ${t('sla.eta', { seconds: p.rebuild.etaSeconds, rate: Math.round(p.rebuild.eventsPerSecond) })}`)
              : null) : null),
        h('td', {}, p.rebuiltBy.includes(me.role)
          ? h('button', { type: 'button', class: 'secondary', disabled: p.replaying, onclick: () => rebuild(p.name) }, t('sla.rebuild'))
          : t('sla.rebuildByOperator'))))));
  }

  async function rebuild(name) {
    const output = $('rebuild-output');
    output.replaceChildren();
    try {
      const started = await post(`/api/admin/projections/${encodeURIComponent(name)}/rebuild`);
      output.replaceChildren(h('p', { class: 'done', role: 'status' },
        t('sla.rebuildStarted', { name: started.name })));
      rebuilding = true;
      operations.now();
    } catch (error) {
      output.replaceChildren(problemView(error));
    }
  }

  // The policies change seldom: each with its version in force (its targets) and every version before it.
  poll(async () => {
    const policies = await Promise.all((await read('/api/sla-policies'))
      .map((p) => read(`/api/sla-policies/${encodeURIComponent(p.name)}`)));
    renderIfChanged($('policies'), policies, policiesView);
  }, 30000);

  $('period').addEventListener('change', () => reports.now());
}

const DATE = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });

function policiesView(policies) {
  if (policies.length === 0) return h('p', { class: 'empty' }, t('sla.noPolicies'));
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('sla.policies') },
    h('table', { class: 'report policies' },
      h('thead', {}, h('tr', {}, [t('sla.policy'), t('sla.inForce'), ...PRIORITIES.map((p) => name('priority', p)),
        t('sla.versions')].map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, policies.map((p) => h('tr', { dataset: { policy: p.name } },
        h('th', { scope: 'row' }, p.name),
        h('td', { class: 'num' }, `v${p.inForce.version}`),
        PRIORITIES.map((priority) => {
          const target = p.inForce.terms.priorities[priority];
          return h('td', { title: t('sla.policyTargets') },
            target ? `${target.response} / ${target.resolution} / ${target.update}` : '—');
        }),
        h('td', {}, h('ul', { class: 'versions' }, p.versions.map((v) => h('li', {},
          t('sla.policyVersion', { version: v.version, at: DATE.format(new Date(v.definedAt)), by: v.definedBy ?? '—' }),
          v.reason ? `: ${v.reason}` : '')))))))));
}
