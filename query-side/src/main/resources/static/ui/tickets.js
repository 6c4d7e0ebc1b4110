// How a ticket looks on every page: tables of status views (docs/api.md's field names), the status view itself
// with its SLA block, and the timeline.
import { h, time } from './app.js';

/** The worse of the two SLA states that a desk acts on, or null. */
function slaAlarm(view) {
  const states = [view.sla?.responseState, view.sla?.resolutionState];
  if (states.includes('BREACHED')) return 'BREACHED';
  if (states.includes('AT_RISK')) return 'AT_RISK';
  return null;
}

const ALARM_CLASS = { BREACHED: 'sla-breached', AT_RISK: 'sla-at-risk' };

function badge(kind, value) {
  if (!value) return h('span', { class: 'none' }, '—');
  return h('span', { class: `badge ${kind}-${String(value).toLowerCase().replaceAll('_', '-')}` }, value);
}

/** One SLA target: its state, and when it is due (or when it was done). */
function target(state, dueAt, doneAt) {
  return h('span', { class: 'target' }, badge('sla', state), ' ',
    doneAt ? h('span', { class: 'when' }, 'done ', time(doneAt, 'short')) : dueAt && h('span', { class: 'when' }, 'due ', time(dueAt, 'short')));
}

const COLUMNS = {
  number: ['Ticket', (v) => v.number],
  title: ['Title', (v) => h('span', { class: 'title' }, v.title)],
  client: ['Client', (v) => v.clientId],
  type: ['Type', (v) => v.type],
  priority: ['Priority', (v) => badge('priority', v.priority)],
  status: ['Status', (v) => badge('status', v.status)],
  level: ['Level', (v) => v.level],
  assignee: ['Engineer', (v) => v.assignee ?? h('span', { class: 'none' }, 'unassigned')],
  response: ['Response', (v) => target(v.sla?.responseState, v.sla?.responseDueAt, v.sla?.respondedAt)],
  resolution: ['Resolution', (v) => target(v.sla?.resolutionState, v.sla?.resolutionDueAt, v.sla?.resolvedAt)],
  opened: ['Opened', (v) => time(v.openedAt, 'short')],
  updated: ['Updated', (v) => time(v.updatedAt, 'short')],
};

/**
 * A table of status views, rows classed by SLA alarm (sla-breached, sla-at-risk); a click or Enter on a row
 * calls onSelect(view).
 */
export function ticketTable(views, { columns, selectedId, onSelect, empty = 'No tickets.' }) {
  if (views.length === 0) return h('p', { class: 'empty' }, empty);
  const rows = views.map((view) => {
    const alarm = ALARM_CLASS[slaAlarm(view)];
    const classes = [alarm, view.ticketId === selectedId && 'selected'].filter(Boolean).join(' ');
    return h('tr', {
      class: classes || null,
      tabindex: onSelect ? 0 : null,
      'aria-selected': onSelect ? String(view.ticketId === selectedId) : null,
      dataset: { ticketId: view.ticketId, number: view.number },
      onclick: onSelect && (() => onSelect(view)),
      onkeydown: onSelect && ((event) => { if (event.key === 'Enter') onSelect(view); }),
    }, columns.map((column) => h('td', { class: `col-${column}` }, COLUMNS[column][1](view))));
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: `tickets${onSelect ? ' selectable' : ''}` },
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, COLUMNS[column][0])))),
    h('tbody', {}, rows)));
}

/** Every field of a status view, SLA block included. */
export function statusView(view) {
  const sla = view.sla ?? {};
  const field = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? h('span', { class: 'none' }, '—'))];
  return h('dl', { class: `status-view ${ALARM_CLASS[slaAlarm(view)] ?? ''}`.trim() },
    field('Ticket', view.number),
    field('Title', view.title),
    field('Client', view.clientId),
    field('Type', view.type),
    field('Priority', badge('priority', view.priority)),
    field('Status', badge('status', view.status)),
    field('Level', view.level),
    field('Engineer', view.assignee),
    field('Opened', time(view.openedAt)),
    field('Updated', time(view.updatedAt)),
    field('Reopened', `${view.reopenCount} time${view.reopenCount === 1 ? '' : 's'}`),
    field('Version', view.version),
    field('Response', h('span', {}, badge('sla', sla.responseState), ' due ', time(sla.responseDueAt),
      sla.respondedAt ? [', responded ', time(sla.respondedAt)] : null)),
    field('Resolution', h('span', {}, badge('sla', sla.resolutionState), ' due ', time(sla.resolutionDueAt),
      sla.resolvedAt ? [', resolved ', time(sla.resolvedAt)] : null)));
}

/** The timeline of GET /api/tickets/{id}/history, oldest first; internal notes are marked. */
export function timeline(entries) {
  return h('ol', { class: 'timeline' }, entries.map((entry) => h('li', {
    class: entry.visibility === 'INTERNAL' ? 'internal' : null,
    dataset: { type: entry.type },
  },
  h('div', { class: 'entry-head' }, time(entry.at), ' ', h('strong', {}, entry.type), ' by ', entry.actor,
    entry.actorRole ? ` (${entry.actorRole})` : '', entry.visibility === 'INTERNAL' ? badge('visibility', 'INTERNAL') : null),
  h('p', { class: 'summary' }, entry.summary))));
}

/** Newest first: lists come oldest first (keyset pagination by opening). */
export function newestFirst(views) {
  return [...views].reverse();
}

/** Clears the ticket card's forms, their messages and the last command's result: another ticket is shown. */
export function clearTicketCard() {
  document.getElementById('ticket-result').replaceChildren();
  for (const form of document.getElementById('ticket-card').querySelectorAll('form')) {
    form.reset();
    form.querySelector('.output').replaceChildren();
  }
}
