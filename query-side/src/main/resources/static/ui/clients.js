// The operators' clients page: the register, a client's contract (suspend it with a reason) and contacts, a new
// client, and the contracts ending soon. The command side decides; the page only offers the forms.
import { command, h, onSubmit, poll, read, readAll, renderIfChanged, startPage } from './app.js';
import { contractView } from './contract.js';
import { t } from './i18n.js';

startPage({ roles: ['OPERATOR'], start });

const list = (text) => (text ? text.split(',').map((item) => item.trim()).filter((item) => item) : []);

function start() {
  const $ = (id) => document.getElementById(id);
  let selectedId = null;
  let selected = null;

  const refresh = poll(async () => {
    const { items } = await readAll('/api/clients');
    renderIfChanged($('clients'), { items, selectedId }, () => clientTable(items));
    // the policies a contract may name: those the ledger holds (the choice made is kept across refreshes)
    const policies = (await read('/api/sla-policies')).map((policy) => policy.name);
    const choice = $('contract-policy');
    const chosen = choice.value;
    if (renderIfChanged(choice, policies, () => policies.map((name) => h('option', { value: name }, name)))) {
      if (policies.includes(chosen)) choice.value = chosen;
    }
    const ending = await read('/api/reports/contracts-ending?days=60');
    renderIfChanged($('ending'), ending, () => (ending.length === 0
      ? h('p', { class: 'empty' }, t('clients.noneEnding'))
      : h('ul', {}, ending.map((c) => h('li', { dataset: { clientId: c.clientId } },
        t('clients.endsOn', { name: c.name, to: c.contract.to }))))));
    await showSelected();
  });

  function clientTable(items) {
    if (items.length === 0) return h('p', { class: 'empty' }, t('clients.none'));
    return h('div', { class: 'table-scroll' }, h('table', {},
      h('thead', {}, h('tr', {}, [t('clients.clientId'), t('clients.name'), t('clients.policy'), t('clients.period'),
        t('clients.state')].map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, items.map((c) => h('tr', {
        dataset: { clientId: c.clientId }, class: c.clientId === selectedId ? 'selected' : '', tabindex: '0',
        onclick: () => select(c.clientId),
        onkeydown: (event) => { if (event.key === 'Enter') select(c.clientId); },
      },
      h('td', {}, c.clientId), h('td', {}, c.name), h('td', {}, !c.contract ? '—' : c.contract.slaPolicyVersion == null ? c.contract.slaPolicy
        : t('contract.version', { policy: c.contract.slaPolicy, version: c.contract.slaPolicyVersion })),
      h('td', {}, c.contract ? `${c.contract.from} – ${c.contract.to}` : '—'),
      h('td', { class: 'contract-state' }, state(c.contract)))))));
  }

  function state(contract) {
    if (!contract) return t('clients.noContract');
    if (contract.suspended) return t('clients.suspendedBecause', { reason: contract.suspensionReason });
    return contract.inForce ? t('clients.inForce') : t('clients.notInForce');
  }

  async function showSelected() {
    $('client-card').hidden = !selectedId;
    if (!selectedId) return;
    const id = selectedId;
    const view = await read(`/api/clients/${encodeURIComponent(id)}`);
    if (id !== selectedId) return;
    selected = view;
    $('client-heading').textContent = `${view.name} (${view.clientId})`;
    renderIfChanged($('client-view'), view, () => [
      contractView(view.contract),
      h('p', {}, t('clients.representativesAre', {
        names: view.contacts.representatives.length ? view.contacts.representatives.join(', ') : t('clients.anyUser'),
      })),
    ]);
  }

  function select(clientId) {
    selectedId = clientId;
    selected = null;
    refresh.now();
  }

  $('client-close').addEventListener('click', () => { selectedId = null; refresh.now(); });
  const result = $('client-result');

  onSubmit($('contract-form'), async (v, key) => {
    const suspended = v.suspended === 'true';
    const answer = await command(`/api/clients/${encodeURIComponent(selected.clientId)}/contract`, {
      from: v.from, to: v.to, slaPolicy: v.slaPolicy, onSiteSupport: v.onSiteSupport === 'true', suspended,
      suspensionReason: suspended ? v.suspensionReason : undefined,
    }, { version: selected.version, key, method: 'PUT' });
    refresh.now();
    return t('clients.done', { clientId: answer.clientId, version: answer.version });
  }, { result });

  onSubmit($('contacts-form'), async (v, key) => {
    const answer = await command(`/api/clients/${encodeURIComponent(selected.clientId)}/contacts`, {
      representatives: list(v.representatives), focalPointName: v.focalPointName, focalPointEmail: v.focalPointEmail,
      areaManagerEmail: v.areaManagerEmail, escalationEmails: list(v.escalationEmails),
    }, { version: selected.version, key, method: 'PUT' });
    refresh.now();
    return t('clients.done', { clientId: answer.clientId, version: answer.version });
  }, { result });

  onSubmit($('register-form'), async (v, key) => {
    const answer = await command('/api/clients', {
      clientId: v.clientId, name: v.name, language: v.language, timeZone: v.timeZone,
    }, { key });
    select(answer.clientId);
    return t('clients.registered', { clientId: answer.clientId });
  });
}
