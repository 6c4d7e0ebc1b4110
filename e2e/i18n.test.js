// The pages' dictionaries, without a browser: Spanish and English have the same keys with the same {arguments},
// and every key the pages name (data-i18n… in the HTML, t('…') in the scripts) is in them.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const STATIC = fileURLToPath(new URL('../query-side/src/main/resources/static/', import.meta.url));

let DICTIONARIES;

before(async () => {
  // i18n.js fills the page it is loaded in: an empty one will do.
  globalThis.localStorage = { getItem: () => null, setItem: () => {} };
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en'] }, configurable: true });
  globalThis.document = { documentElement: {}, querySelectorAll: () => [] };
  ({ DICTIONARIES } = await import(`${STATIC}ui/i18n.js`));
});

const argumentsOf = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function namedKeys() {
  const keys = new Set();
  for (const file of await readdir(STATIC)) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(STATIC + file, 'utf8');
    for (const m of html.matchAll(/data-i18n(?:-[a-z-]+)?="([^"]+)"/g)) keys.add(m[1]);
  }
  for (const file of await readdir(`${STATIC}ui`)) {
    if (!file.endsWith('.js')) continue;
    const script = await readFile(`${STATIC}ui/${file}`, 'utf8');
    for (const m of script.matchAll(/\bt\('([^']+)'/g)) keys.add(m[1]);
  }
  return keys;
}

describe('the pages\' dictionaries', () => {
  it('have the same keys in Spanish and English, with the same arguments', () => {
    const { en, es } = DICTIONARIES;
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.deepEqual(argumentsOf(es[key]), argumentsOf(en[key]), key);
      assert.ok(es[key].trim(), key);
    }
  });

  it('hold every key the pages name', async () => {
    const missing = [...await namedKeys()].filter((key) => !(key in DICTIONARIES.en));
    assert.deepEqual(missing, []);
  });
});
