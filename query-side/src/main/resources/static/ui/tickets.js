// How a ticket looks on every page: tables of status views (docs/api.md's field names), the status view itself
// with its SLA block, and the timeline, in the page's language (codes shown by their names for people).
import { h, onSubmit, read, time } from './app.js';
import { locale, name, t } from './i18n.js';

/** The worst of the SLA states that a desk acts on (response, resolution, update), or null. */
function slaAlarm(view) {
  const states = [view.sla?.responseState, view.sla?.resolutionState, view.sla?.updateState];
  if (states.includes('BREACHED')) return 'BREACHED';
  if (states.includes('AT_RISK')) return 'AT_RISK';
  return null;
}

const ALARM_CLASS = { BREACHED: 'sla-breached', AT_RISK: 'sla-at-risk' };

/** A code (status, priority, SLA state, visibility) as a badge: classed by the code, showing its name. */
export function badge(kind, value) {
  if (!value) return h('span', { class: 'none' }, '—');
  return h('span', { class: `badge ${kind}-${String(value).toLowerCase().replaceAll('_', '-')}` }, name(kind, value));
}

/** One SLA target: its state, and when it is due (or when it was done). */
function target(state, dueAt, doneAt) {
  return h('span', { class: 'target' }, badge('sla', state), ' ',
    doneAt ? h('span', { class: 'when' }, t('ticket.done'), time(doneAt, 'short'))
      : dueAt && h('span', { class: 'when' }, t('ticket.due'), time(dueAt, 'short')));
}

/** The update clock runs while the ticket is open or assigned; pending closure pauses it. */
function updateRuns(view) {
  return view.status === 'OPEN' || view.status === 'ASSIGNED';
}

const COLUMNS = {
  number: [t('column.number'), (v) => v.number],
  title: [t('column.title'), (v) => h('span', { class: 'title' }, v.title)],
  client: [t('column.client'), (v) => v.clientId],
  type: [t('column.type'), (v) => name('type', v.type)],
  priority: [t('column.priority'), (v) => badge('priority', v.priority)],
  status: [t('column.status'), (v) => badge('status', v.status)],
  level: [t('column.level'), (v) => name('level', v.level)],
  assignee: [t('column.assignee'), (v) => v.assignee ?? h('span', { class: 'none' }, t('ticket.unassigned'))],
  response: [t('column.response'), (v) => target(v.sla?.responseState, v.sla?.responseDueAt, v.sla?.respondedAt)],
  resolution: [t('column.resolution'), (v) => target(v.sla?.resolutionState, v.sla?.resolutionDueAt, v.sla?.resolvedAt)],
  // The update (keep-in-loop) clock: when the client is owed news, while it runs.
  update: [t('column.update'), (v) => target(v.sla?.updateState, updateRuns(v) ? v.sla?.updateDueAt : null, null)],
  opened: [t('column.opened'), (v) => time(v.openedAt, 'short')],
  updated: [t('column.updated'), (v) => time(v.updatedAt, 'short')],
  vendorCase: [t('column.vendorCase'), (v) => v.vendorCaseRef],
  vendorSince: [t('column.vendorSince'), (v) => time(v.vendorEscalatedAt, 'short')],
};

/**
 * A table of status views, rows classed by SLA alarm (sla-breached, sla-at-risk); a click or Enter on a row
 * calls onSelect(view).
 */
export function ticketTable(views, { columns, selectedId, onSelect, empty = t('ticket.none') }) {
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

/**
 * Every field of a status view, SLA block included. A ticket PENDING_CLOSURE says when the ledger accepts it by
 * itself, worded for its client (audience 'client': "unless you answer") or for the desk.
 */
export function statusView(view, { audience = 'desk' } = {}) {
  const sla = view.sla ?? {};
  const field = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? h('span', { class: 'none' }, '—'))];
  return h('dl', { class: `status-view ${ALARM_CLASS[slaAlarm(view)] ?? ''}`.trim() },
    field(t('column.number'), view.number),
    field(t('column.title'), view.title),
    field(t('column.client'), view.clientId),
    field(t('column.type'), name('type', view.type)),
    field(t('column.priority'), badge('priority', view.priority)),
    field(t('column.category'), view.category),
    field(t('column.status'), badge('status', view.status)),
    view.status === 'PENDING_CLOSURE' && view.autoAcceptAt ? field(t('column.autoAccept'), h('span', { class: 'auto-accept' },
      t('ticket.autoAcceptOn'), time(view.autoAcceptAt), t(audience === 'client' ? 'ticket.unlessYouAnswer' : 'ticket.unlessClientAnswers'))) : null,
    field(t('column.level'), name('level', view.level)),
    field(t('column.assignee'), view.assignee),
    view.vendorCaseRef ? field(t('column.vendorCase'), [view.vendorCaseRef, t('ticket.vendorSince'), time(view.vendorEscalatedAt)]) : null,
    field(t('column.opened'), time(view.openedAt)),
    field(t('column.updated'), time(view.updatedAt)),
    field(t('column.reopened'), view.reopenCount === 1 ? t('ticket.once') : t('ticket.times', { count: view.reopenCount })),
    field(t('column.version'), view.version),
    field(t('column.response'), h('span', {}, badge('sla', sla.responseState), ' ', t('ticket.due'), time(sla.responseDueAt),
      sla.respondedAt ? [t('ticket.responded'), time(sla.respondedAt)] : null)),
    field(t('column.resolution'), h('span', {}, badge('sla', sla.resolutionState), ' ', t('ticket.due'), time(sla.resolutionDueAt),
      sla.resolvedAt ? [t('ticket.resolved'), time(sla.resolvedAt)] : null)),
    field(t('column.update'), h('span', { class: 'update' }, badge('sla', sla.updateState),
      updateRuns(view) ? [' ', t('ticket.due'), time(sla.updateDueAt)] : null,
      sla.lastUpdateAt ? [t('ticket.lastUpdate'), time(sla.lastUpdateAt)] : null,
      sla.lateUpdates > 0 ? h('span', { class: 'late-updates' }, t('ticket.lateUpdates', { count: sla.lateUpdates })) : null)));
}

/** Free text in a summary, cut as the server cuts it. */
function shorten(text) {
  const value = String(text ?? '');
  return value.length <= 200 ? value : `${value.slice(0, 199)}…`;
}

/** A size in bytes for people: 912 B, 48.2 KiB, 3.1 MiB. */
export function fileSize(bytes) {
  const units = ['B', 'KiB', 'MiB'];
  let value = Number(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toLocaleString(locale, { maximumFractionDigits: 1 })} ${units[unit]}`;
}

/**
 * A download link to an attachment (AttachmentAdded's fields): the query side sends it as a file to save, never a
 * page to show; its name is text, like everything else the ledger holds.
 */
export function attachmentLink(attachment) {
  return h('a', {
    class: 'attachment',
    href: `/api/tickets/${encodeURIComponent(attachment.ticketId)}/attachments/${encodeURIComponent(attachment.attachmentId)}`,
    download: attachment.fileName,
    title: t('ticket.download'),
    dataset: { attachmentId: attachment.attachmentId },
  }, attachment.fileName);
}

/** A period as the desk writes it ("5d", "4h", "30m", "20s") in the page's language: "5 business days". */
export function period(written) {
  const match = /^(\d+)([dhms])$/.exec(String(written ?? ''));
  if (!match) return t('period.unknown');
  const count = Number(match[1]);
  return t(`period.${match[2]}${count === 1 ? '.one' : ''}`, { count });
}

/**
 * An entry in the page's language, from the event it records; the server's own summary for an unknown event.
 * {settings} are the desk's (deskSettings): an automatic acceptance names the acceptance period.
 */
function summary(entry, settings) {
  const e = entry.details ?? {};
  switch (entry.type) {
    case 'TicketOpened':
      return t('history.TicketOpened', { number: e.number, title: e.title, priority: name('priority', e.priority), type: name('type', e.type) });
    case 'TicketAssigned':
      if (e.via === 'TAKE_NEXT') return t('history.TicketAssigned.taken', { engineer: e.engineer, level: name('level', e.level) });
      return t(e.previousEngineer ? 'history.TicketAssigned.before' : 'history.TicketAssigned',
        { engineer: e.engineer, level: name('level', e.level), previous: e.previousEngineer });
    case 'NoteAdded':
      return t(e.visibility === 'INTERNAL' ? 'history.NoteAdded.internal' : 'history.NoteAdded', { text: shorten(e.text) });
    case 'TicketEscalated':
      return e.toLevel === 'VENDOR'
        ? t('history.TicketEscalated.vendor', { case: e.vendorCaseRef, engineer: e.engineer, reason: shorten(e.reason) })
        : t('history.TicketEscalated', { from: name('level', e.fromLevel), to: name('level', e.toLevel), reason: shorten(e.reason) });
    case 'TicketPendingClosure':
      return t('history.TicketPendingClosure', { resolution: shorten(e.resolution) });
    case 'ClosureAccepted':
      // the ticket's own policy version's period; an entry written before it was kept there, the desk's
      if (e.automatic) return t('history.ClosureAccepted.automatic', { period: period(e.acceptancePeriod ?? settings.autoAcceptAfter) });
      return e.comment ? t('history.ClosureAccepted.comment', { comment: shorten(e.comment) }) : t('history.ClosureAccepted');
    case 'TicketReopened':
      return t('history.TicketReopened', { status: name('status', e.fromStatus), engineer: e.engineer, reason: shorten(e.reason) });
    case 'AttachmentAdded':
      return [t(e.visibility === 'INTERNAL' ? 'history.AttachmentAdded.internal' : 'history.AttachmentAdded',
        { type: e.mediaType, size: fileSize(e.size) }), ' ', attachmentLink(e)];
    case 'TicketReclassified':
      return t('history.TicketReclassified', { changes: reclassification(e), reason: shorten(e.reason) });
    case 'TicketCancelled':
      return t(`history.TicketCancelled.${e.reason}`, { original: e.duplicateOfNumber, note: shorten(e.note) });
    case 'DuplicateClosed':
      return t('history.DuplicateClosed', { number: e.number, note: shorten(e.note) });
    default:
      return entry.summary;
  }
}

/** What a reclassification changed, field by field, in the page's language. */
function reclassification(e) {
  const changes = [];
  if (e.fromPriority !== e.toPriority) {
    changes.push(t('history.change.priority', { from: name('priority', e.fromPriority), to: name('priority', e.toPriority) }));
  }
  if (e.fromType !== e.toType) changes.push(t('history.change.type', { from: name('type', e.fromType), to: name('type', e.toType) }));
  if ((e.fromCategory ?? null) !== (e.toCategory ?? null)) {
    changes.push(t('history.change.category', { from: e.fromCategory ?? t('history.category.none'), to: e.toCategory }));
  }
  return changes.join(', ');
}

/** The timeline of GET /api/tickets/{id}/history, oldest first; internal notes are marked. */
export function timeline(entries, settings = {}) {
  return h('ol', { class: 'timeline' }, entries.map((entry) => h('li', {
    class: entry.visibility === 'INTERNAL' ? 'internal' : null,
    dataset: { type: entry.type },
  },
  h('div', { class: 'entry-head' }, time(entry.at), ' ', h('strong', {}, name('event', entry.type)), t('ticket.by'), entry.actor,
    entry.actorRole ? ` (${name('role', entry.actorRole)})` : '', entry.visibility === 'INTERNAL' ? badge('visibility', 'INTERNAL') : null),
  h('p', { class: 'summary' }, summary(entry, settings)))));
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

/**
 * The "find by number" box of the client portal and the engineer board: reads the ticket by the number typed (the
 * server checks its shape: a 400 or 404 is shown as its problem) and selects it on the page; a page opened with
 * ?ticket=<number> finds that one at once.
 */
export function findByNumber(form, select) {
  onSubmit(form, async (v) => {
    const view = await read(`/api/tickets/by-number/${encodeURIComponent(v.number.trim())}`);
    select(view.ticketId);
    return t('find.found', { number: view.number });
  });
  // A notification's link names its ticket (client.html?ticket=TCK-000123): the page opens on it.
  const linked = new URLSearchParams(location.search).get('ticket');
  if (linked) {
    form.elements.number.value = linked;
    form.requestSubmit();
  }
}
