// `consentry declaration`: the cookie declaration as HTML or Markdown for static pages, from the
// same renderer as the browser chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'bin/consentry.mjs');
const flockbird = join(root, 'demo/configs/flockbird.json');
const tmp = mkdtempSync(join(tmpdir(), 'consentry-declaration-'));
const run = (...args) => {
  const r = spawnSync(process.execPath, [cli, 'declaration', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name, value) => {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
const count = (s, re) => (s.match(re) || []).length;

test('html: a captioned table per category with column and row headers, and its style', () => {
  const r = run(flockbird, '--format', 'html');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^<style>\.consentry-declaration\{/);
  assert.equal(count(r.out, /<table class="cd-t">/g), 4);
  assert.equal(count(r.out, /<caption>/g), 4);
  assert.equal(count(r.out, /<th scope="col">/g), 24);
  assert.match(r.out, /<th scope="row">Google Analytics<\/th>/);
  assert.match(r.out, /<th scope="row">This website<\/th><td data-label="Purpose">Remembers your cookie choices/);
  assert.match(r.out, /<code>flockbird_consent<\/code> \(365 days\)/);
  assert.match(r.out, /<a href="https:\/\/mixpanel.com\/optout\/" target="_blank" rel="noopener noreferrer">Opt out<span class="cd-sr"> \(Mixpanel\)<\/span><\/a>/);
  assert.match(r.out, /<div class="consentry-declaration cd-auto" lang="en" dir="ltr">/);
  // Without --format, html is the default; --no-style leaves the styling to the page.
  const plain = run(flockbird, '--no-style');
  assert.equal(plain.code, 0);
  assert.match(plain.out, /^<div class="consentry-declaration/);
});

test('md: a heading, description and GitHub table per category', () => {
  const r = run(flockbird, '--format', 'md');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^### Required \(Always on\)\n\nKeep sign-in secure/);
  assert.match(r.out, /\| Service \| Purpose \| Cookies \| Data collected \| Retention \| Links \|\n\| --- \| --- \| --- \| --- \| --- \| --- \|/);
  assert.match(r.out, /\| Mixpanel \| .* \| `mp_\*` \(1 year\) \| .* \| 1 year \| \[Opt out\]\(<https:\/\/mixpanel.com\/optout\/>\) \|/);
  assert.equal(count(r.out, /^### /gm), 4);
});

test('writes a file with -o, in the language of --lang', () => {
  const out = join(tmp, 'notice.de.html');
  const r = run(flockbird, '--lang', 'de', '-o', out);
  assert.equal(r.code, 0, r.err);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<th scope="col">Dienst<\/th><th scope="col">Zweck<\/th>/);
  assert.match(html, /lang="de"/);
  assert.match(html, /\(365 Tage\)/);
  assert.match(r.err, /wrote .*notice\.de\.html/);
});

test('escapes markup and table syntax from the configuration', () => {
  const p = file('odd.json', {
    revision: 1,
    vendors: [
      { id: 'a', name: '<img src=x onerror=alert(1)>', category: 'performance', purpose: 'Pipes | and *stars*' },
      { id: 'b', name: 'B', category: 'performance', cookies: [{ name: '^_pk_(id|ses)\\.', match: 'regex' }], optOutUrl: 'https://b.example/opt%20out' },
    ],
  });
  const html = run(p, '--no-style');
  assert.equal(html.code, 0, html.err);
  assert.ok(!html.out.includes('<img'));
  assert.match(html.out, /&#60;img src=x onerror=alert\(1\)&#62;/);
  const md = run(p, '--format', 'md');
  assert.match(md.out, /\| \\<img src=x onerror=alert\(1\)\\> \| Pipes \\\| and \\\*stars\\\* \|/);
  assert.match(md.out, /`\^_pk_\(id\\\|ses\)\\\.`/);
  assert.match(md.out, /\[Opt out\]\(<https:\/\/b.example\/opt%20out>\)/);
});

test('Markdown links, as a real renderer (marked) reads them, are the configuration\'s own: no entity or escape makes one javascript:', async () => {
  const { marked } = await import('marked');
  // Each is a relative URL as written (it passes the check), and a javascript: one once Markdown decodes it.
  const tricks = ['javascript&#58;alert(1)', 'javascript\\:alert(1)', 'javascript&colon;alert(1)', 'JaVaScRiPt&#x3A;alert(1)'];
  const plain = ['https://a.example/p?a=1&b=2', 'https://a.example/x|y\\z', '/opt-out?x=1&amp;y'];
  const vendors = [...tricks, ...plain].map((u, i) => ({ id: 'v' + i, name: 'V' + i, category: 'performance', privacyPolicyUrl: u }));
  const md = run(file('tricks.json', { revision: 1, vendors }), '--format', 'md');
  assert.equal(md.code, 0, md.err);
  const html = marked.parse(md.out);
  // The attribute as the browser reads it: its character references decoded, once.
  const attr = (v) => v.replace(/&(amp|quot|lt|gt|#\d+|#x[\da-f]+);/gi, (_, e) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[e] ?? String.fromCodePoint(+('0' + e.slice(1))));
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => attr(m[1]));
  assert.equal(hrefs.length, vendors.length);
  for (const h of hrefs) assert.match(new URL(h, 'https://site.example/').protocol, /^https?:$/, h);
  // Decoded, each is exactly what the configuration says (a pipe percent-encoded).
  assert.deepEqual(hrefs.map(decodeURI), [...tricks, ...plain].map((u) => decodeURI(u.replace('|', '%7C'))));
});

test('renders nothing from a configuration with an unsafe link: the field is named', () => {
  const out = join(tmp, 'unsafe.html');
  const r = run(file('unsafe.json', { revision: 1, vendors: [{ id: 'a', name: 'A', category: 'performance', privacyPolicyUrl: 'javascript:alert(1)' }] }), '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /vendors\[0\]\.privacyPolicyUrl: must be an https:, http: or relative URL/);
  assert.ok(!existsSync(out));
});

test('an invalid configuration, a bad format or no file fail without writing anything', () => {
  const out = join(tmp, 'never.html');
  let r = run(file('bad.json', { revision: '1' }), '-o', out);
  assert.equal(r.code, 1);
  assert.match(r.err, /revision: must be a whole number/);
  r = run(flockbird, '--format', 'pdf', '-o', out);
  assert.equal(r.code, 2);
  assert.match(r.err, /--format must be html or md/);
  r = run();
  assert.equal(r.code, 2);
  assert.ok(!existsSync(out));
});
