// The auditor's view: a ticket's every event as stored, with its hash chain; the chain verified by the server;
// and the ticket rebuilt from its events as of a chosen instant. All of it from the ledger, never a projection.
import { h, localInputValue, poll, problemView, read, readAll, renderIfChanged, startPage, time } from './app.js';
import { attachmentLink, newestFirst, statusView, ticketTable } from './tickets.js';
import { locale, name, t } from './i18n.js';

startPage({ roles: ['AUDITOR'], start });

function hashView(hash) {
  return hash ? h('code', { class: 'hash', title: hash }, hash) : h('span', { class: 'none' }, t('audit.firstEvent'));
}

function start() {
  const $ = (id) => document.getElementById(id);
  let selectedId = null;
  let verification = null;

  const refresh = poll(async () => {
    const { items } = await readAll('/api/tickets');
    renderIfChanged($('tickets'), { items, selectedId }, () => ticketTable(newestFirst(items), {
      columns: ['number', 'client', 'title', 'status', 'updated'],
      selectedId,
      onSelect: (view) => select(view.ticketId),
    }));
    if (selectedId) await showEvents();
  });

  async function showEvents() {
    const id = selectedId;
    const events = await read(`/api/audit/tickets/${id}/events`);
    if (id !== selectedId) return;
    const opened = events[0]?.payload ?? {};
    $('audit-heading').textContent = `${opened.number ?? id}: ${opened.title ?? ''}`;
    $('audit-card').hidden = false;
    renderIfChanged($('events'), { events, broken: verification?.firstBrokenSequence }, () => eventTable(events));
  }

  function eventTable(events) {
    const broken = verification && !verification.valid ? verification.firstBrokenSequence : null;
    return h('table', { class: 'events' },
      h('thead', {}, h('tr', {}, [t('audit.sequence'), t('audit.position'), t('audit.event'), t('audit.recorded'), t('audit.by'),
        t('audit.payload'), t('audit.previousHash'), t('audit.hash'), '']
        .map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, events.map((e, i) => {
        // A link the page can see: this event names the hash of the one before it.
        const links = i === 0 ? e.previousHash === null : e.previousHash === events[i - 1].hash;
        return h('tr', { dataset: { sequence: e.sequence }, class: e.sequence === broken ? 'broken' : null },
          h('td', { class: 'num' }, e.sequence),
          h('td', { class: 'num' }, e.position),
          h('td', {}, e.type),
          h('td', {}, time(e.timestamp)),
          h('td', {}, `${e.metadata?.user ?? '?'} (${name('role', e.metadata?.role) ?? '?'})`),
          h('td', {}, e.type === 'AttachmentAdded' ? attachmentLink(e.payload) : null,
            h('details', {}, h('summary', {}, t('audit.payloadAndMetadata')),
              h('pre', {}, JSON.stringify(e.payload, null, 2)), h('pre', {}, JSON.stringify(e.metadata, null, 2)))),
          h('td', { class: links ? 'linked' : 'unlinked', title: links ? t('audit.linked') : t('audit.unlinked') }, hashView(e.previousHash)),
          h('td', {}, hashView(e.hash)),
          h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => showState(e.timestamp) }, t('audit.stateAfter'))));
      })));
  }

  function select(ticketId) {
    if (ticketId !== selectedId) {
      selectedId = ticketId;
      verification = null;
      $('verification').replaceChildren();
      $('state').replaceChildren();
      $('state-output').replaceChildren();
      $('state-form').elements.asOf.value = localInputValue(new Date());
    }
    refresh.now();
  }

  $('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    select($('find-form').elements.ticketId.value.trim().toLowerCase());
  });

  $('verify').addEventListener('click', async () => {
    const id = selectedId;
    $('verification').replaceChildren(h('span', { class: 'note' }, t('audit.verifying')));
    try {
      const result = await read(`/api/audit/tickets/${id}/verify`);
      if (id !== selectedId) return;
      verification = result;
      const verifiedAt = new Date().toLocaleTimeString(locale);
      const brokenFiles = result.brokenAttachments ?? [];
      $('verification').replaceChildren(result.valid
        ? h('p', { class: 'verdict valid' }, t('audit.valid', { events: result.events }), hashView(result.headHash),
          result.attachments ? t('audit.attachmentsChecked', { count: result.attachments }) : null,
          t('audit.verifiedAt', { time: verifiedAt }))
        : [result.firstBrokenSequence !== null && result.firstBrokenSequence !== undefined
          ? h('p', { class: 'verdict broken' }, t('audit.broken',
            { sequence: result.firstBrokenSequence, events: result.events, time: verifiedAt }))
          : null,
        brokenFiles.length > 0
          ? h('p', { class: 'verdict broken', dataset: { brokenAttachments: brokenFiles.length } }, t('audit.attachmentsBroken', {
            time: verifiedAt,
            list: brokenFiles.map((file) => t(`audit.attachment.${file.problem}`,
              { name: file.fileName, sequence: file.sequence })).join('; '),
          }))
          : null].filter(Boolean));
      refresh.now();
    } catch (error) {
      $('verification').replaceChildren(problemView(error));
    }
  });

  /** asOf: an ISO instant, passed on exactly (the ledger's timestamps are finer than a millisecond). */
  async function showState(asOf) {
    const id = selectedId;
    $('state-form').elements.asOf.value = localInputValue(new Date(asOf));
    $('state-output').replaceChildren();
    try {
      const view = await read(`/api/audit/tickets/${id}/state?asOf=${encodeURIComponent(asOf)}`);
      if (id !== selectedId) return;
      $('state').replaceChildren(h('p', { class: 'note' }, t('audit.asOfLine'), time(asOf), ':'), statusView(view));
    } catch (error) {
      $('state').replaceChildren();
      $('state-output').replaceChildren(problemView(error));
    }
  }

  $('state-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('state-form').elements.asOf.value;
    // A datetime-local value has no zone: the browser reads it as local time.
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) {
      $('state-output').replaceChildren(problemView(new Error(t('problem.notADate', { value }))));
      return;
    }
    showState(instant.toISOString());
  });
}
