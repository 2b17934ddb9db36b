// `consentry scan` end to end, as a site owner runs it: the CLI against the fixture shop
// (test/scanner/fixture), whose vendors answer on their real host names through a local proxy.
// The shop leaks on purpose (an ungated Meta pixel, Hotjar injected late by the shop's own
// script, an unknown tracker); the scan must find exactly those, classify the rest, write a
// draft that fixes the undeclared vendors, and pass once the draft is live and the pixel gated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFixtureSite, SITE_DIR, TRUTH } from '../scanner/fixture/site.mjs';
import { validate } from '../../dist/validate.mjs';

const cli = fileURLToPath(new URL('../../bin/consentry.mjs', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'consentry-scan-'));
const siteConfig = join(SITE_DIR, 'consentry.json');

/** Runs `consentry scan …` through the fixture's proxy; resolves with its exit code and output. */
function scan(site, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'scan', ...args, '--proxy', site.proxy, '--ignore-https-errors'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, json: () => JSON.parse(stdout) });
    });
  });
}

/** Leaks as "pass kind name" strings, sorted. */
const leakSet = (result) => result.leaks.map((l) => `${l.pass} ${l.kind} ${l.name}`).sort();
const DELIBERATE = ['request www.facebook.com', 'cookie fr', 'request static.hotjar.com', 'request script.hotjar.com', 'cookie _hjSessionUser_4242', 'storage _hjSession_4242', 'request px.pixelwharf.example', 'cookie pw_uid'];

describe('consentry scan of a shop that leaks', () => {
  let site;
  let run;
  let result;
  const draftFile = join(tmp, 'consentry.draft.json');
  const reportFile = join(tmp, 'scan.html');

  before(async () => {
    site = await startFixtureSite();
    run = await scan(site, [site.url, '--config', siteConfig, '--json', '--out', draftFile, '--report', reportFile, '--fail-on-leak']);
    assert.ok(run.stdout.startsWith('{'), `no JSON on stdout; stderr:\n${run.stderr}`);
    result = run.json();
  });
  after(() => site?.close());

  it('exits 1 with --fail-on-leak and names the leaks in its summary', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /leaks?: non-required things ran before a choice or after "Reject all"/);
    assert.match(run.stderr, /www\.facebook\.com/);
  });

  it('visits every page robots.txt allows, in three passes, and never the disallowed one', () => {
    const visited = result.pages.filter((p) => p.passes.length).map((p) => new URL(p.url).pathname).sort();
    assert.deepEqual(visited, ['/', '/about.html', '/blog/', '/blog/first-post.html', '/cookies.html', '/pricing.html']);
    for (const p of result.pages) assert.deepEqual(p.passes, ['before', 'reject', 'accept'], p.url);
    assert.deepEqual(result.skipped.filter((s) => s.reason == 'robots').map((s) => new URL(s.url).pathname), ['/private/']);
    assert.ok(!site.requests.some((r) => r.host == 'www.fixture-shop.test' && r.path.startsWith('/private')), 'the disallowed page was requested');
    assert.ok(site.requests.some((r) => r.path == '/robots.txt'), 'robots.txt was never read');
  });

  it('classifies at least 90% of the hosts and cookies as their owners', () => {
    // A host or cookie is right when everything of it the scan saw went to its owner(s), in every pass.
    const owners = (records, key) => {
      const m = new Map();
      for (const r of records) m.set(r[key], [...new Set([...(m.get(r[key]) || []), r.vendor])].sort());
      return m;
    };
    const wrong = [];
    const score = (truth, seen) => {
      for (const [name, owner] of Object.entries(truth)) {
        const want = [owner].flat().sort();
        if (JSON.stringify(seen.get(name)) !== JSON.stringify(want)) wrong.push(`${name}: ${seen.has(name) ? seen.get(name).map(String).join('+') : 'never seen'} (expected ${want.map(String).join('+')})`);
      }
    };
    score(TRUTH.hosts, owners(result.requests, 'host'));
    score(TRUTH.cookies, owners(result.cookies, 'name'));
    const total = Object.keys(TRUTH.hosts).length + Object.keys(TRUTH.cookies).length;
    const accuracy = (total - wrong.length) / total;
    console.log(`# classification: ${total - wrong.length}/${total} (${(accuracy * 100).toFixed(1)}%) hosts and cookies right${wrong.length ? '; wrong: ' + wrong.join(', ') : ''}`);
    assert.ok(accuracy >= 0.9, `only ${(accuracy * 100).toFixed(1)}% right: ${wrong.join(', ')}`);
  });

  it("lets the site's configuration win over the catalogue (Intercom is the site's support-chat)", () => {
    const chat = result.requests.find((r) => r.host == 'widget.intercom.io');
    assert.equal(chat.vendor, 'support-chat');
    assert.equal(chat.source, 'config');
    // Its WebSocket too: the catalogue's Intercom lists the host, the site's wildcard wins.
    const socket = result.requests.find((r) => r.host == 'nexus-websocket-a.intercom.io');
    assert.equal(socket.type, 'websocket');
    assert.equal(socket.pass, 'accept');
    assert.equal(socket.vendor, 'support-chat');
  });

  it('flags exactly the deliberate leaks, before a choice and after "Reject all"', () => {
    const expected = ['before', 'reject'].flatMap((p) => DELIBERATE.map((d) => `${p} ${d}`)).sort();
    assert.deepEqual(leakSet(result), expected);
    assert.deepEqual(result.leaks.find((l) => l.name == 'www.facebook.com').pages, [site.url + 'pricing.html']);
    assert.equal(result.leaks.find((l) => l.name == 'px.pixelwharf.example').vendor, null);
  });

  it('sees a script write the same storage value again on the next view after "Reject all"', () => {
    // The shop's script writes one constant basket value on every view, before the click too:
    // only the write itself, not a changed value, tells that the next view wrote it again.
    const pages = result.pages.map((p) => p.url).sort();
    const wrote = result.storage.filter((s) => s.pass == 'reject' && s.key == 'shop_cart').map((s) => s.page);
    assert.deepEqual([...new Set(wrote)].sort(), pages);
  });

  it('shows what a choice allows only after "Accept all"', () => {
    const hostsIn = (pass) => new Set(result.requests.filter((r) => r.pass == pass).map((r) => r.host));
    for (const host of ['www.googletagmanager.com', 'stats.fixture-shop.test', 'connect.facebook.net', 'widget.intercom.io', 'www.youtube-nocookie.com']) {
      assert.ok(hostsIn('accept').has(host), `${host} after "Accept all"`);
      assert.ok(!hostsIn('before').has(host) && !hostsIn('reject').has(host), `${host} ran without consent`);
    }
    assert.ok(result.cookies.some((c) => c.pass == 'accept' && c.name == '_ga'));
  });

  it('names the script that injected a late tag', () => {
    const hotjar = result.requests.find((r) => r.pass == 'before' && r.host == 'static.hotjar.com');
    assert.equal(hotjar.initiator, 'https://static.fixture-shop.test/js/app.js');
    assert.equal(hotjar.type, 'script');
  });

  it('records cookies with domain, path, expiry and party, and storage keys by origin', () => {
    const ga = result.cookies.find((c) => c.name == '_ga');
    assert.equal(ga.domain, 'www.fixture-shop.test');
    assert.equal(ga.path, '/');
    assert.equal(ga.session, false);
    assert.ok(Date.parse(ga.expires) > Date.now() + 360 * 86400e3);
    assert.equal(ga.party, 'first');
    const sid = result.cookies.find((c) => c.name == 'sid');
    assert.equal(sid.session, true);
    assert.equal(sid.httpOnly, true);
    const fr = result.cookies.find((c) => c.name == 'fr');
    assert.equal(fr.party, 'third');
    assert.equal(fr.domain, '.facebook.com');
    const hj = result.storage.find((s) => s.key == '_hjSession_4242');
    assert.equal(hj.kind, 'sessionStorage');
    assert.equal(hj.origin, 'https://www.fixture-shop.test');
    assert.equal(hj.vendor, 'hotjar');
  });

  it('prints JSON in the shape docs/scanner.md documents', () => {
    const keys = (o) => Object.keys(o).sort();
    assert.deepEqual(keys(result), ['cookies', 'durationMs', 'firstParty', 'format', 'leaks', 'notes', 'optOutDefaults', 'options', 'pages', 'passes', 'requests', 'robots', 'site', 'skipped', 'startedAt', 'storage', 'summary', 'tool', 'unclassified', 'url', 'vendors']);
    assert.equal(result.format, 1);
    const common = ['category', 'page', 'party', 'pass', 'required', 'source', 'vendor'];
    assert.deepEqual(keys(result.requests[0]), [...common, 'count', 'host', 'initiator', 'type', 'url'].sort());
    assert.deepEqual(keys(result.cookies[0]), [...common, 'blocked', 'domain', 'expires', 'httpOnly', 'name', 'path', 'sameSite', 'secure', 'session'].sort());
    assert.deepEqual(keys(result.storage[0]), [...common, 'key', 'kind', 'origin'].sort());
    assert.deepEqual(keys(result.vendors[0]), ['category', 'cookies', 'hosts', 'id', 'name', 'passes', 'required', 'source', 'storage']);
    assert.deepEqual(keys(result.leaks[0]), ['category', 'kind', 'name', 'pages', 'party', 'pass', 'vendor']);
    assert.deepEqual(keys(result.pages[0]), ['config', 'consentry', 'errors', 'finalUrl', 'mode', 'passes', 'status', 'url']);
    assert.deepEqual(keys(result.summary), ['cookies', 'hosts', 'leaks', 'pages', 'requests', 'storage', 'unclassifiedHosts', 'vendors']);
    assert.deepEqual(keys(result.unclassified), ['cookies', 'hosts', 'storage']);
  });

  it('writes a draft that validates, keeps the site configuration, adds the found vendors and lists the unknown host', () => {
    const draft = JSON.parse(readFileSync(draftFile, 'utf8'));
    assert.deepEqual(validate(draft), []);
    const original = JSON.parse(readFileSync(siteConfig, 'utf8'));
    assert.deepEqual(draft.vendors.slice(0, original.vendors.length), original.vendors);
    assert.equal(draft.beacon.url, original.beacon.url);
    const ids = draft.vendors.map((v) => v.id);
    assert.ok(ids.includes('hotjar') && ids.includes('meta-pixel'), ids.join());
    assert.ok(!ids.includes('intercom'), 'the catalogue Intercom duplicates the site support-chat');
    const unclassified = draft.vendors.find((v) => v.id == 'unclassified');
    assert.deepEqual(unclassified.hosts, ['px.pixelwharf.example']);
    assert.equal(unclassified.category, 'advertising');
  });

  it('writes a report that is one file with no external references, strings from the site escaped', () => {
    const html = readFileSync(reportFile, 'utf8');
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    // Every tag in the file: none loads anything or links anywhere (text may mention "src=": it is text).
    for (const [tag, name] of html.matchAll(/<([a-z][\w-]*)\b[^>]*>/gi)) {
      assert.ok(!/^(script|link|img|image|iframe|frame|object|embed|video|audio|source|use|a|base|form)$/i.test(name), tag);
      assert.doesNotMatch(tag, /\s(src|href|srcset|action|data|poster|xlink:href)\s*=/i, tag);
    }
    assert.doesNotMatch(html, /url\(|@import/i);
    // The key a script wrote with markup in it is there, as text.
    assert.ok(html.includes('&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;'));
    // What fired before consent is highlighted, in the pass tables and the leak list.
    assert.match(html, /<tr class="leak"><td>www\.facebook\.com<\/td>/);
  });

  describe('after the draft goes live and the pixel is gated', () => {
    let fixed;
    let rerun;
    before(async () => {
      const pricing = readFileSync(join(SITE_DIR, 'pricing.html'), 'utf8');
      // The site owner's fix: the pasted pixel waits for its vendor, as every other tag does.
      const gated = pricing.replace('<img src="https://www.facebook.com/tr', '<img data-consent="meta-pixel" data-src="https://www.facebook.com/tr');
      assert.notEqual(gated, pricing);
      const draft = JSON.parse(readFileSync(draftFile, 'utf8'));
      fixed = await startFixtureSite({ config: draft, pages: { '/pricing.html': gated } });
      rerun = await scan(fixed, [fixed.url, '--config', draftFile, '--json', '--fail-on-leak']);
    });
    after(() => fixed?.close());

    it('exits 0: nothing non-required runs before a choice or after "Reject all"', () => {
      assert.deepEqual(rerun.json().leaks, [], rerun.stderr);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.match(rerun.stderr, /No leaks/);
    });

    it('still sees every vendor once the visitor accepts', () => {
      const accepted = new Set(rerun.json().requests.filter((r) => r.pass == 'accept').map((r) => r.vendor));
      for (const v of ['hotjar', 'meta-pixel', 'unclassified', 'google-analytics']) assert.ok(accepted.has(v), v);
    });
  });
});

describe('consentry scan options', () => {
  let site;
  before(async () => (site = await startFixtureSite()));
  after(() => site?.close());

  it('--ignore-robots visits what robots.txt disallows', async () => {
    // The cookie notice links home and to the staff area: three pages.
    const run = await scan(site, [site.url + 'cookies.html', '--ignore-robots', '--pages', '3', '--wait', '0', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const result = run.json();
    assert.deepEqual(result.pages.map((p) => new URL(p.url).pathname), ['/cookies.html', '/', '/private/']);
    assert.deepEqual(result.skipped.filter((s) => s.reason != 'limit'), []);
    assert.ok(site.requests.some((r) => r.path == '/private/'));
  });

  it('on a page without Consentry, runs only the "before any choice" pass and says why', async () => {
    const run = await scan(site, [site.url + 'private/', '--ignore-robots', '--pages', '1', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const result = run.json();
    assert.deepEqual(result.passes, ['before']);
    assert.deepEqual(result.pages[0].passes, ['before']);
    assert.match(result.notes[0], /does not run Consentry/);
  });

  it('names a configuration that does not validate and does not scan', async () => {
    const run = await scan(site, [site.url, '--config', join(SITE_DIR, 'robots.txt')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not valid JSON/);
  });
});
