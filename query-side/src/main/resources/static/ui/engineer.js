// The engineer board: each level's queue and each engineer's, in queue order, SLA alarms highlighted; and the
// desk's commands on the selected ticket. Forms are offered by role and status; the server decides and its
// problem is shown as it wrote it.
import { attach, command, deskSettings, h, offer, onSubmit, poll, read, readAll, renderIfChanged, startPage, time } from './app.js';
import { clearTicketCard, findByNumber, statusView, ticketTable, timeline } from './tickets.js';
import { name, t } from './i18n.js';

const LEVELS = ['L1', 'L2', 'L3', 'VENDOR'];
const NEXT_LEVEL = { L1: 'L2', L2: 'L3', L3: 'VENDOR' };
// A level queue holds only OPEN tickets of its level; an engineer's holds tickets of any level and status.
const LEVEL_COLUMNS = ['number', 'title', 'client', 'type', 'priority', 'opened', 'response', 'resolution', 'update'];
// The VENDOR queue holds the tickets waiting on the vendor, each with its engineer and the vendor's case,
// the longest waiting first (docs/domain.md, "Queues").
const VENDOR_COLUMNS = ['number', 'title', 'client', 'priority', 'assignee', 'vendorCase', 'vendorSince', 'response', 'resolution', 'update'];
const ENGINEER_COLUMNS = ['number', 'title', 'client', 'type', 'priority', 'status', 'level', 'response', 'resolution', 'update'];

startPage({ roles: ['ENGINEER', 'OPERATOR'], start });

function start(person) {
  const $ = (id) => document.getElementById(id);
  const isEngineer = person.role === 'ENGINEER';
  let engineers = [];
  let selectedId = null;
  let selected = null;

  function queue(key, title, views, { columns, empty, mine = false }) {
    return h('section', { class: `queue${mine ? ' mine' : ''}`, dataset: { queue: key } },
      h('h3', {}, title, ' ', h('span', { class: 'count' }, views.length)),
      ticketTable(views, { columns, selectedId, onSelect: (view) => select(view.ticketId), empty }));
  }

  const refresh = poll(async () => {
    if (engineers.length === 0) {
      engineers = await read('/api/engineers');
      renderIfChanged($('assign-form').elements.engineer, engineers, (list) => [
        h('option', { value: '' }, t('engineer.choose')),
        list.map((e) => h('option', { value: e.name }, `${e.name} (${name('level', e.level)})`))]);
    }
    // The engineer's own queue first.
    const order = [...engineers].sort((a, b) => (b.name === person.name) - (a.name === person.name));
    const [levels, byEngineer] = await Promise.all([
      Promise.all(LEVELS.map((level) => readAll(`/api/queues/${level}`))),
      Promise.all(order.map((e) => readAll(`/api/queues/engineers/${encodeURIComponent(e.name)}`))),
    ]);
    renderIfChanged($('level-queues'), { levels, selectedId }, () =>
      LEVELS.map((level, i) => queue(level, name('level', level), levels[i].items, level === 'VENDOR'
        ? { columns: VENDOR_COLUMNS, empty: t('engineer.nothingAtVendor') }
        : { columns: LEVEL_COLUMNS, empty: t('engineer.nobodyWaits', { level: name('level', level) }) })));
    renderIfChanged($('engineer-queues'), { byEngineer, order, selectedId }, () =>
      order.map((e, i) => queue(e.name, `${e.name} (${name('level', e.level)})${e.name === person.name ? t('engineer.you') : ''}`,
        byEngineer[i].items, { columns: ENGINEER_COLUMNS, empty: t('engineer.noTickets', { name: e.name }), mine: e.name === person.name })));
    await showSelected();
  });

  async function showSelected() {
    $('ticket-card').hidden = !selectedId;
    if (!selectedId) return;
    const id = selectedId;
    // What the ledger told whom about the ticket: the OPERATOR reads the outbox (docs/api.md), an engineer does not.
    const told = person.role === 'OPERATOR';
    const [view, history, settings, notifications] = await Promise.all([read(`/api/tickets/${id}`),
      read(`/api/tickets/${id}/history`), deskSettings(), told ? read(`/api/notifications?ticketId=${id}`) : null]);
    if (id !== selectedId) return;
    $('notifications-part').hidden = !told;
    if (told) renderIfChanged($('notifications'), notifications, notificationList);
    const levelChanged = selected?.level !== view.level;
    selected = view;
    $('ticket-heading').textContent = `${view.number}: ${view.title}`;
    renderIfChanged($('ticket-view'), view, statusView);
    renderIfChanged($('timeline'), history, (entries) => timeline(entries, settings));
    const open = ['OPEN', 'ASSIGNED'].includes(view.status);
    offer($('assign-form'), open);
    offer($('note-form'), view.status !== 'CLOSED' && view.status !== 'CANCELLED');
    offer($('attach-form'), view.status !== 'CLOSED' && view.status !== 'CANCELLED');
    offer($('escalate-form'), isEngineer && view.status === 'ASSIGNED' && Boolean(NEXT_LEVEL[view.level]));
    offer($('pending-form'), isEngineer && view.status === 'ASSIGNED');
    const active = ['OPEN', 'ASSIGNED', 'PENDING_CLOSURE'].includes(view.status);
    offer($('reclassify-form'), active);
    // An engineer answers only for the tickets assigned to them; an operator for any (docs/domain.md).
    offer($('cancel-form'), active && (!isEngineer || view.assignee === person.name));
    if (levelChanged && NEXT_LEVEL[view.level]) {
      $('escalate-form').elements.toLevel.value = NEXT_LEVEL[view.level];
      showVendorCase();
    }
  }

  function select(ticketId) {
    if (ticketId !== selectedId) {
      selectedId = ticketId;
      selected = null;
      clearTicketCard();
    }
    refresh.now();
  }

  $('ticket-close').addEventListener('click', () => { selectedId = null; refresh.now(); });
  findByNumber($('find-form'), select);

  // The vendor's case reference belongs to an escalation to VENDOR, and only to it (docs/domain.md).
  const escalate = $('escalate-form');
  function showVendorCase() {
    const toVendor = escalate.elements.toLevel.value === 'VENDOR';
    $('vendor-case').hidden = !toVendor;
    escalate.elements.vendorCaseRef.required = toVendor;
  }
  escalate.elements.toLevel.addEventListener('change', showVendorCase);
  escalate.addEventListener('reset', () => setTimeout(() => {
    if (selected && NEXT_LEVEL[selected.level]) escalate.elements.toLevel.value = NEXT_LEVEL[selected.level];
    showVendorCase();
  }));

  /** A command on the selected ticket, at the version shown; answers what the page says once it is done. */
  async function onSelected(path, body, key, done) {
    const answer = await command(`/api/tickets/${selected.ticketId}/${path}`, body, { version: selected.version, key });
    refresh.now();
    return t('done.version', { done, number: answer.number, version: answer.version });
  }

  // The original ticket belongs to a cancellation as DUPLICATE, and only to it.
  const cancel = $('cancel-form');
  function showDuplicateOf() {
    const duplicate = cancel.elements.reason.value === 'DUPLICATE';
    $('duplicate-of').hidden = !duplicate;
    cancel.elements.duplicateOf.required = duplicate;
  }
  cancel.elements.reason.addEventListener('change', showDuplicateOf);
  cancel.addEventListener('reset', () => setTimeout(showDuplicateOf));
  showDuplicateOf();

  // Take next: the head of the engineer's own level's queue (nobody takes from VENDOR), then shown as selected.
  const takeNext = $('take-next-form');
  if (isEngineer && ['L1', 'L2', 'L3'].includes(person.level)) {
    takeNext.hidden = false;
    $('take-next').textContent = t('engineer.takeNext', { level: name('level', person.level) });
    onSubmit(takeNext, async (v, key) => {
      const answer = await command(`/api/queues/${person.level}/next`, undefined, { key });
      select(answer.ticketId);
      return t('engineer.taken', { number: answer.number, level: name('level', person.level) });
    });
  }

  const result = $('ticket-result');
  onSubmit($('assign-form'), (v, key) => onSelected('assignment', { engineer: v.engineer }, key,
    t('engineer.assigned', { engineer: v.engineer })), { result });
  // Only an operator marks a note as the reporter's personal data (the command side refuses it from anyone else).
  $('note-personal').hidden = isEngineer;
  onSubmit($('note-form'), (v, key) => onSelected('notes', { text: v.text, visibility: v.visibility,
    personalData: v.personalData === 'true' }, key,
    t(v.visibility === 'INTERNAL' ? 'engineer.notedInternal' : 'engineer.notedPublic')), { result });
  onSubmit($('attach-form'), async (v, key) => {
    const answer = await attach(`/api/tickets/${selected.ticketId}/attachments`, v.file, v.visibility,
      { version: selected.version, key });
    refresh.now();
    const done = t(v.visibility === 'INTERNAL' ? 'engineer.attachedInternal' : 'engineer.attachedPublic');
    return t('done.version', { done, number: answer.number, version: answer.version });
  }, { result });
  onSubmit(escalate, (v, key) => onSelected('escalation', {
    toLevel: v.toLevel,
    reason: v.reason,
    vendorCaseRef: v.toLevel === 'VENDOR' ? v.vendorCaseRef : undefined,
  }, key, t('engineer.escalated', { level: name('level', v.toLevel) })), { result });
  onSubmit($('reclassify-form'), (v, key) => onSelected('classification', {
    priority: v.priority || undefined,
    type: v.type || undefined,
    category: v.category || undefined,
    reason: v.reason,
  }, key, t('engineer.reclassified')), { result });
  onSubmit(cancel, (v, key) => onSelected('cancellation', {
    reason: v.reason,
    duplicateOf: v.reason === 'DUPLICATE' ? v.duplicateOf : undefined,
    note: v.note,
  }, key, t('engineer.cancelled', { reason: name('reason', v.reason) })), { result });
  onSubmit($('pending-form'), (v, key) => onSelected('pending-closure', { resolution: v.resolution }, key,
    t('engineer.marked')), { result });
}

/** The ticket's notifications, newest first: what, to whom, whether it arrived (and why not, if it did not). */
function notificationList(notifications) {
  if (notifications.length === 0) return h('p', { class: 'none' }, t('notifications.none'));
  const columns = ['kind', 'recipient', 'delivery', 'attempts', 'at'];
  return h('table', { class: 'notifications' },
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, t(`notifications.${column}`))))),
    h('tbody', {}, notifications.map((n) => h('tr', { dataset: { kind: n.kind, status: n.status } },
      h('td', {}, name('notificationKind', n.kind)),
      h('td', {}, `${name('notificationChannel', n.channel)}: ${n.recipient}`),
      h('td', {}, name('notificationStatus', n.status), n.lastError ? h('div', { class: 'error' }, n.lastError) : null),
      h('td', {}, String(n.attempts)),
      h('td', {}, time(n.sentAt ?? n.createdAt, 'short'))))));
}
