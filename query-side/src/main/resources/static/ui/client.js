// The client portal: the organisation's tickets with status and SLA, opening one, its public timeline, and
// accepting or reopening a resolution. The server decides what is allowed; the page offers what fits the status.
import { attach, command, deskSettings, h, offer, onSubmit, poll, read, readAll, renderIfChanged, startPage } from './app.js';
import { clearTicketCard, findByNumber, newestFirst, statusView, ticketTable, timeline } from './tickets.js';
import { contractView } from './contract.js';
import { name, t } from './i18n.js';

startPage({ roles: ['CLIENT'], start });

function start(person) {
  const $ = (id) => document.getElementById(id);
  let selectedId = null;
  let selected = null;

  $('tickets-heading').textContent = t('client.tickets', { organisation: person.organisation });
  $('open-form').elements.clientId.defaultValue = person.organisation;
  $('open-form').reset();

  const refresh = poll(async () => {
    const status = $('status-filter').value;
    const { items, truncated } = await readAll(`/api/tickets${status ? `?status=${status}` : ''}`);
    renderIfChanged($('tickets'), { items, truncated, selectedId }, () => [
      ticketTable(newestFirst(items), {
        columns: ['number', 'title', 'type', 'priority', 'status', 'assignee', 'response', 'resolution', 'update', 'updated'],
        selectedId,
        onSelect: (view) => select(view.ticketId),
        empty: status ? t('client.noneWithStatus', { status: name('status', status) }) : t('client.none'),
      }),
      truncated && h('p', { class: 'note' }, t('client.truncated', { count: items.length })),
    ]);
    await showSelected();
  });

  // The organisation's contract, with its SLA policy's targets: read seldom, it changes seldom.
  poll(async () => {
    const client = await read(`/api/clients/${encodeURIComponent(person.organisation)}`).catch((error) => {
      if (error.status === 404) return { contract: null };
      throw error;
    });
    renderIfChanged($('contract'), client.contract, () => contractView(client.contract));
  }, 30000);

  async function showSelected() {
    $('ticket-card').hidden = !selectedId;
    if (!selectedId) return;
    const id = selectedId;
    const [view, history, settings] = await Promise.all([read(`/api/tickets/${id}`), read(`/api/tickets/${id}/history`),
      deskSettings()]);
    if (id !== selectedId) return;
    selected = view;
    $('ticket-heading').textContent = `${view.number}: ${view.title}`;
    renderIfChanged($('ticket-view'), view, (v) => statusView(v, { audience: 'client' }));
    renderIfChanged($('timeline'), history, (entries) => timeline(entries, settings));
    offer($('accept-form'), view.status === 'PENDING_CLOSURE');
    offer($('reopen-form'), ['PENDING_CLOSURE', 'CLOSED'].includes(view.status));
    offer($('note-form'), view.status !== 'CLOSED' && view.status !== 'CANCELLED');
    offer($('attach-form'), view.status !== 'CLOSED' && view.status !== 'CANCELLED');
    offer($('withdraw-form'), ['OPEN', 'ASSIGNED', 'PENDING_CLOSURE'].includes(view.status));
  }

  function select(ticketId) {
    if (ticketId !== selectedId) {
      selectedId = ticketId;
      selected = null;
      clearTicketCard();
    }
    refresh.now();
  }

  $('status-filter').addEventListener('change', () => refresh.now());
  $('ticket-close').addEventListener('click', () => { selectedId = null; refresh.now(); });
  findByNumber($('find-form'), select);

  /** A command on the selected ticket, at the version shown; answers what the page says once it is done. */
  async function onSelected(path, body, key, done) {
    const answer = await command(`/api/tickets/${selected.ticketId}/${path}`, body, { version: selected.version, key });
    refresh.now();
    return t('done.version', { done, number: answer.number, version: answer.version });
  }

  const result = $('ticket-result');
  onSubmit($('accept-form'), (v, key) => onSelected('acceptance', { comment: v.comment }, key,
    t('client.accepted')), { result });
  onSubmit($('reopen-form'), (v, key) => onSelected('reopening', { reason: v.reason }, key, t('client.reopened')), { result });
  onSubmit($('withdraw-form'), (v, key) => onSelected('cancellation', { reason: 'WITHDRAWN', note: v.note }, key,
    t('client.withdrawn')), { result });
  onSubmit($('note-form'), (v, key) => onSelected('notes', { text: v.text, visibility: 'PUBLIC' }, key, t('client.noted')),
    { result });

  onSubmit($('attach-form'), async (v, key) => {
    const answer = await attach(`/api/tickets/${selected.ticketId}/attachments`, v.file, 'PUBLIC',
      { version: selected.version, key });
    refresh.now();
    return t('done.version', { done: t('client.attached'), number: answer.number, version: answer.version });
  }, { result });

  onSubmit($('open-form'), async (v, key) => {
    const answer = await command('/api/tickets', {
      clientId: v.clientId,
      type: v.type,
      priority: v.priority,
      title: v.title,
      description: v.description,
      reporter: { name: v.reporterName, email: v.reporterEmail, phone: v.reporterPhone },
      affectedService: v.affectedService,
      affectedUsers: v.affectedUsers === undefined ? undefined : Number(v.affectedUsers),
      occurredAt: v.occurredAt && new Date(v.occurredAt).toISOString(),
      channel: v.channel,
    }, { key });
    select(answer.ticketId);
    return t('client.opened', { number: answer.number });
  });
}
