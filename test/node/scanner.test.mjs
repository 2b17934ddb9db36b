// The scanner's pure parts, each against the cases a real site throws at it: robots.txt as
// RFC 9309 reads it, the command line, who owns a host or cookie, the draft configuration,
// Set-Cookie lines, the report's escaping. The browser side is in test/e2e/scanner.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allowed, parseRobots, robotsFromResponse } from '../../scanner/robots.mjs';
import { parseArgs } from '../../scanner/args.mjs';
import { classifier, siteOf } from '../../scanner/classify.mjs';
import { draftConfig, mapCategory } from '../../scanner/draft.mjs';
import { parseSetCookie } from '../../scanner/browser.mjs';
import { sameSite } from '../../scanner/crawl.mjs';
import { renderReport } from '../../scanner/report-html.mjs';
import * as catalogue from '../../catalogue/index.mjs';
import { validate } from '../../dist/validate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('robots.txt', () => {
  const rules = (text) => parseRobots(text);
  const ok = (text, path) => allowed(rules(text), 'https://shop.example' + path);

  it('disallows by prefix and allows everything else', () => {
    const t = 'User-agent: *\nDisallow: /private/\n';
    assert.equal(ok(t, '/private/'), false);
    assert.equal(ok(t, '/private/staff.html'), false);
    assert.equal(ok(t, '/privacy'), true);
    assert.equal(ok(t, '/'), true);
  });

  it('lets the longest matching rule win, and Allow win a tie', () => {
    const t = 'User-agent: *\nDisallow: /shop/\nAllow: /shop/public/\nDisallow: /a\nAllow: /a\n';
    assert.equal(ok(t, '/shop/cart'), false);
    assert.equal(ok(t, '/shop/public/list'), true);
    assert.equal(ok(t, '/a'), true);
  });

  it('reads * as any run of characters and $ as the end', () => {
    const t = 'User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n';
    assert.equal(ok(t, '/files/a.pdf'), false);
    assert.equal(ok(t, '/files/a.pdf?x=1'), true);
    assert.equal(ok(t, '/list?session=42'), false);
    assert.equal(ok(t, '/list?page=2'), true);
  });

  it('follows the group naming consentry over "*", whatever the case', () => {
    const t = 'User-agent: *\nDisallow: /\n\nUser-agent: Consentry\nDisallow: /admin\n';
    assert.equal(ok(t, '/pricing'), true);
    assert.equal(ok(t, '/admin/x'), false);
  });

  it('shares rules between consecutive user-agent lines and ignores other agents and comments', () => {
    const t = '# hi\nUser-agent: googlebot\nUser-agent: *  # everyone\nDisallow: /tmp\n\nUser-agent: bingbot\nDisallow: /\n';
    assert.equal(ok(t, '/tmp/x'), false);
    assert.equal(ok(t, '/home'), true);
  });

  it('treats an empty Disallow and a missing file as "everything allowed"', () => {
    assert.equal(ok('User-agent: *\nDisallow:\n', '/any'), true);
    assert.deepEqual(robotsFromResponse(404, '').rules, []);
  });

  it('stays out entirely while robots.txt answers with a server error or not at all (RFC 9309)', () => {
    for (const status of [500, 503, 0]) {
      const r = robotsFromResponse(status, '');
      assert.equal(allowed(r.rules, 'https://shop.example/'), false);
      assert.ok(r.note);
    }
  });

  it('matches percent-encoded and plain spellings alike', () => {
    assert.equal(ok('User-agent: *\nDisallow: /caf%C3%A9\n', '/café'), false);
    assert.equal(ok('User-agent: *\nDisallow: /café\n', '/caf%c3%a9'), false);
  });
});

describe('the command line', () => {
  it('takes a URL and the contract options, with defaults', () => {
    const o = parseArgs(['https://shop.example/', '--pages', '5', '--config=consentry.json', '--out', 'd.json', '--report', 'r.html', '--json', '--fail-on-leak']);
    assert.equal(o.url, 'https://shop.example/');
    assert.equal(o.pages, 5);
    assert.equal(o.config, 'consentry.json');
    assert.equal(o.out, 'd.json');
    assert.equal(o.report, 'r.html');
    assert.equal(o.json, true);
    assert.equal(o.failOnLeak, true);
    assert.equal(o.concurrency, 4);
    assert.equal(parseArgs(['shop.example']).url, 'https://shop.example/');
    assert.equal(parseArgs(['shop.example']).pages, 20);
  });

  it('names each mistake', () => {
    const bad = [
      [[], /which URL/],
      [['a', 'b'], /one URL/],
      [['ftp://x'], /http:\/\/ or https:\/\//],
      [['x', '--pages', '0'], /--pages must be a whole number from 1/],
      [['x', '--concurrency', 'many'], /--concurrency/],
      [['x', '--config'], /--config needs a value/],
      [['x', '--proxy', 'not a url'], /--proxy must be a URL/],
      [['x', '--proxy', 'ftp://p:1'], /--proxy must be an http/],
      [['x', '--frobnicate'], /unknown option --frobnicate/],
    ];
    for (const [argv, msg] of bad) assert.throws(() => parseArgs(argv), msg, argv.join(' '));
  });
});

describe('who owns a host or a cookie', () => {
  const config = {
    revision: 1,
    categories: [{ id: 'essential', required: true }, { id: 'analytics' }, { id: 'marketing' }],
    cookie: { name: 'my_consent' },
    beacon: { url: '/api/consent' },
    vendors: [
      { id: 'chat', name: 'Chat', category: 'analytics', hosts: ['widget.intercom.io'], cookies: [{ name: 'intercom-', match: 'prefix' }] },
      { id: 'own-stats', name: 'Stats', category: 'analytics', hosts: ['stats.shop.co.uk'] },
      { id: 'session', name: 'Session', category: 'essential', cookies: [{ name: '^sess_[0-9]+$', match: 'regex' }] },
    ],
  };
  const cls = classifier({ url: 'https://www.shop.co.uk/', config, catalogue });

  it('asks the site configuration first, then the catalogue', () => {
    assert.equal(cls.host('widget.intercom.io').vendor, 'chat');
    assert.equal(cls.host('widget.intercom.io').source, 'config');
    assert.equal(cls.host('js.intercomcdn.com').vendor, 'intercom');
    assert.equal(cls.host('js.intercomcdn.com').source, 'catalogue');
    assert.equal(cls.cookie('intercom-id-x', 'www.shop.co.uk').vendor, 'chat');
    assert.equal(cls.cookie('sess_42', 'www.shop.co.uk').vendor, 'session');
    assert.equal(cls.cookie('_ga', '.shop.co.uk').vendor, 'google-analytics');
  });

  it('draws the first/third-party line at the registrable domain, public suffixes included', () => {
    assert.equal(siteOf('a.b.shop.co.uk'), 'shop.co.uk');
    assert.equal(siteOf('myapp.herokuapp.com'), 'myapp.herokuapp.com');
    assert.equal(siteOf('127.0.0.1'), '127.0.0.1');
    assert.equal(cls.host('cdn.shop.co.uk').party, 'first');
    assert.equal(cls.host('cdn.shop.co.uk').source, 'first-party');
    assert.equal(cls.host('tracker.other.co.uk').party, 'third');
    assert.equal(cls.host('tracker.other.co.uk').vendor, null);
    assert.equal(cls.host('stats.shop.co.uk').vendor, 'own-stats'); // a first-party vendor
  });

  it("gives a third-party cookie no name matches to its domain's vendor", () => {
    const c = cls.cookie('xyz_unknown', '.hotjar.com');
    assert.equal(c.vendor, 'hotjar');
    assert.equal(c.party, 'third');
  });

  it("knows Consentry's own cookie, record queue and ledger, as required", () => {
    assert.equal(cls.cookie('my_consent', 'www.shop.co.uk').vendor, 'consentry');
    assert.equal(cls.storage('consentry:queue', 'https://www.shop.co.uk').vendor, 'consentry');
    assert.equal(cls.request('https://www.shop.co.uk/api/consent').vendor, 'consentry');
    assert.equal(cls.request('https://www.shop.co.uk/api/other').vendor, null);
    cls.addOwnUrl('https://cdn.jsdelivr.net/npm/consentry/dist/consentry');
    assert.equal(cls.request('https://cdn.jsdelivr.net/npm/consentry/dist/consentry-widget.js').vendor, 'consentry');
    assert.equal(cls.request('https://cdn.jsdelivr.net/npm/jquery/dist/jquery.js').vendor, null, 'a shared CDN is not all Consentry');
    assert.equal(cls.nonRequired(cls.cookie('my_consent', 'www.shop.co.uk')), false);
  });

  it('counts as non-required: vendors outside required categories and unknown third parties, not the unknown first party', () => {
    assert.equal(cls.nonRequired(cls.host('widget.intercom.io')), true);
    assert.equal(cls.nonRequired(cls.cookie('sess_1', 'www.shop.co.uk')), false);
    assert.equal(cls.nonRequired(cls.host('js.stripe.com')), false); // catalogue: required
    assert.equal(cls.nonRequired(cls.host('tracker.other.co.uk')), true);
    assert.equal(cls.nonRequired(cls.host('cdn.shop.co.uk')), false);
    assert.equal(cls.nonRequired(cls.cookie('mystery', 'www.shop.co.uk')), false);
    assert.equal(cls.nonRequired(cls.cookie('mystery', '.other.co.uk')), true);
  });

  it('reads storage keys by vendor cookie names, then by the frame origin', () => {
    assert.equal(cls.storage('_hjSession_1', 'https://www.shop.co.uk').vendor, 'hotjar');
    assert.equal(cls.storage('anything', 'https://www.youtube.com').vendor, 'youtube');
    assert.equal(cls.storage('cart', 'https://www.shop.co.uk').vendor, null);
  });
});

describe('the draft configuration', () => {
  const result = (vendors, hosts = []) => ({ vendors, unclassified: { hosts: hosts.map((host) => ({ host })) } });
  const found = (id, hosts = []) => ({ id, name: id, category: catalogue.byId(id).category, source: 'catalogue', hosts });

  it("maps the catalogue's categories onto the site's own", () => {
    const cats = [{ id: 'necessary', required: true }, { id: 'preferences' }, { id: 'statistics' }, { id: 'marketing' }];
    assert.equal(mapCategory('required', cats), 'necessary');
    assert.equal(mapCategory('functional', cats), 'preferences');
    assert.equal(mapCategory('performance', cats), 'statistics');
    assert.equal(mapCategory('advertising', cats), 'marketing');
    // Three categories, no statistics: the strictest non-required one holds it.
    assert.equal(mapCategory('performance', [{ id: 'required', required: true }, { id: 'functional' }, { id: 'advertising' }]), 'advertising');
  });

  it('keeps the configuration, adds found vendors and one unclassified vendor, and validates', () => {
    const config = { revision: 7, categories: [{ id: 'required', required: true }, { id: 'functional' }, { id: 'advertising' }], vendors: [{ id: 'chat', name: 'Chat', category: 'functional', hosts: ['widget.intercom.io'] }], ui: { theme: 'dark' } };
    const d = draftConfig(result([found('hotjar', ['static.hotjar.com']), found('intercom'), { id: 'chat', source: 'config', hosts: [] }, { id: 'consentry', source: 'consentry', hosts: [] }], ['px.tracker.example', 'Bad_Host!']), { config, catalogue, validate });
    assert.deepEqual(validate(d.config), []);
    assert.equal(d.config.revision, 7);
    assert.deepEqual(d.config.ui, { theme: 'dark' });
    assert.deepEqual(d.config.vendors[0], config.vendors[0]);
    assert.deepEqual(d.added, ['hotjar', 'intercom']);
    assert.equal(d.config.vendors.find((v) => v.id == 'hotjar').category, 'advertising');
    assert.deepEqual(d.config.vendors.find((v) => v.id == 'unclassified').hosts, ['px.tracker.example']);
    assert.equal(config.vendors.length, 1, 'the given configuration is not changed');
  });

  it('starts from nothing without a configuration, and adds to an earlier draft\'s unclassified vendor', () => {
    const first = draftConfig(result([found('meta-pixel')], ['a.tracker.example']), { config: null, catalogue, validate });
    assert.deepEqual(validate(first.config), []);
    assert.equal(first.config.vendors.find((v) => v.id == 'unclassified').category, 'advertising');
    const second = draftConfig(result([], ['a.tracker.example', 'b.tracker.example']), { config: first.config, catalogue, validate });
    assert.deepEqual(second.config.vendors.filter((v) => v.id.startsWith('unclassified')).map((v) => v.hosts), [['a.tracker.example', 'b.tracker.example']]);
  });

  it('never takes an id the site already uses for a category', () => {
    const config = { revision: 1, categories: [{ id: 'required', required: true }, { id: 'unclassified' }] };
    const d = draftConfig(result([], ['x.tracker.example']), { config, catalogue, validate });
    assert.ok(d.config.vendors.some((v) => v.id == 'unclassified-2'));
    assert.deepEqual(validate(d.config), []);
  });
});

describe('Set-Cookie lines', () => {
  it('read as the cookie they make', () => {
    const before = Date.now() / 1000;
    const c = parseSetCookie('fr=abc; Domain=facebook.com; Path=/x; Max-Age=3600; Secure; SameSite=None; HttpOnly', 'www.facebook.com');
    assert.equal(c.name, 'fr');
    assert.equal(c.domain, '.facebook.com');
    assert.equal(c.path, '/x');
    assert.ok(c.expires >= before + 3599 && c.expires <= before + 3700);
    assert.equal(c.secure, true);
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'None');
    const s = parseSetCookie('id=1', 'px.example');
    assert.equal(s.domain, 'px.example');
    assert.equal(s.expires, -1);
    assert.equal(parseSetCookie('a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT', 'h').expires, Date.parse('2037-10-21T07:28:00Z') / 1000);
  });
});

describe('same-site links', () => {
  it('follow the registrable domain, and the port on an IP address or localhost', () => {
    assert.equal(sameSite('https://blog.shop.example/a', 'https://www.shop.example/'), true);
    assert.equal(sameSite('http://www.shop.example/a', 'https://www.shop.example/'), true);
    assert.equal(sameSite('https://www.other.example/', 'https://www.shop.example/'), false);
    assert.equal(sameSite('mailto:hi@shop.example', 'https://www.shop.example/'), false);
    assert.equal(sameSite('http://127.0.0.1:8080/x', 'http://127.0.0.1:8080/'), true);
    assert.equal(sameSite('http://127.0.0.1:8787/x', 'http://127.0.0.1:8080/'), false);
  });
});

describe('the report', () => {
  it('escapes every string that came from the site', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const rec = { pass: 'before', page: 'https://shop.example/' + evil, party: 'third', vendor: null, category: null, source: null, required: false };
    const html = renderReport({
      url: 'https://shop.example/',
      site: 'https://shop.example/',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 1000,
      options: { robots: true, config: null },
      passes: ['before'],
      notes: [],
      pages: [{ url: rec.page, status: 200, consentry: false, mode: null, passes: ['before'], errors: [{ pass: 'before', message: evil }] }],
      skipped: [{ url: evil, reason: 'robots', from: evil }],
      requests: [{ ...rec, url: 'https://x.example/' + evil, host: 'x.example', type: 'script', initiator: evil, count: 1 }],
      cookies: [{ ...rec, name: evil, domain: evil, path: '/', session: true, expires: null, blocked: evil }],
      storage: [{ ...rec, key: evil, kind: 'localStorage', origin: evil }],
      vendors: [{ id: 'v', name: evil, category: evil, required: false, source: 'catalogue', hosts: [evil], cookies: [evil], storage: [], passes: { before: 1, reject: 0, accept: 0 } }],
      unclassified: { hosts: [{ host: evil, passes: { before: 1 } }], cookies: [{ name: evil, domain: evil, party: 'third' }], storage: [] },
      leaks: [{ pass: 'before', kind: 'cookie', name: evil, vendor: null, category: null, party: 'third', pages: [evil] }],
      optOutDefaults: [],
      summary: { pages: 1, requests: 1, hosts: 1, cookies: 1, storage: 1, vendors: 1, unclassifiedHosts: 1, leaks: 1 },
    });
    for (const [tag, name, attrs] of html.matchAll(/<([a-z][\w-]*)\b([^>]*)>/gi)) {
      assert.ok(!/^(script|img)$/i.test(name), `a tag from the site got through: ${tag}`);
      assert.doesNotMatch(attrs, /\son\w+\s*=|\ssrc\s*=/i, `an attribute was broken out of: ${tag}`);
    }
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  });
});

describe('the built scanner', () => {
  it('needs nothing installed but playwright-core, and says how to install it when it is missing', () => {
    // dist/scanner.mjs beside the catalogue and the validator, where no node_modules can be found.
    const dir = mkdtempSync(join(tmpdir(), 'consentry-noplaywright-'));
    mkdirSync(join(dir, 'dist'));
    cpSync(join(root, 'dist/scanner.mjs'), join(dir, 'dist/scanner.mjs'));
    cpSync(join(root, 'dist/validate.mjs'), join(dir, 'dist/validate.mjs'));
    cpSync(join(root, 'catalogue'), join(dir, 'catalogue'), { recursive: true });
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `process.exitCode = await (await import(${JSON.stringify(join(dir, 'dist/scanner.mjs'))})).scanCli(['https://shop.example/'])`], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /playwright-core, which is not installed/);
    assert.match(run.stderr, /npm install --save-dev playwright-core/);
  });
});
