// A client's contract as both the operators' clients page and the client portal show it: the period, the SLA
// policy with the version in force and its targets by priority, on-site support, and whether it is in force or suspended (and why).
import { h } from './app.js';
import { name, t } from './i18n.js';

export function contractView(contract) {
  if (!contract) return h('p', { class: 'contract empty' }, t('contract.none'));
  const state = contract.suspended ? t('contract.suspended', { reason: contract.suspensionReason })
    : contract.inForce ? t('contract.inForce') : t('contract.notInForce');
  return h('div', { class: 'contract' },
    h('dl', {},
      h('dt', {}, t('contract.period')), h('dd', {}, t('contract.fromTo', { from: contract.from, to: contract.to })),
      h('dt', {}, t('contract.policy')), h('dd', { class: 'policy' }, contract.slaPolicyVersion == null ? contract.slaPolicy
        : t('contract.version', { policy: contract.slaPolicy, version: contract.slaPolicyVersion })),
      h('dt', {}, t('contract.onSite')), h('dd', {}, contract.onSiteSupport ? t('contract.yes') : t('contract.no')),
      h('dt', {}, t('contract.state')), h('dd', { class: 'contract-state' }, state)),
    h('div', { class: 'table-scroll' }, h('table', { class: 'targets' },
      h('thead', {}, h('tr', {}, [t('column.priority'), t('contract.response'), t('contract.resolution'),
        t('contract.update')]
        .map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, contract.targets.map((target) => h('tr', { dataset: { priority: target.priority } },
        h('th', { scope: 'row' }, name('priority', target.priority)),
        h('td', {}, target.response), h('td', {}, target.resolution), h('td', {}, target.update ?? '—')))))));
}
