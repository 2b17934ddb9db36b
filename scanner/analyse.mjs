// From what the browser saw to what the site owner needs to know: every request, cookie and
// storage key with its pass, page, party and owner, the vendors found, what nobody claims,
// and the leaks: anything non-required that ran before a choice or after "Reject all".
// The object returned is the `--json` output; docs/scanner.md documents its shape.

export const FORMAT = 1;
const PASSES = ['before', 'reject', 'accept'];
/** Passes where nothing non-required may happen. */
const GUARDED = ['before', 'reject'];

const hostOf = (url) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** Teaches the classifiers where each page's Consentry lives: its files beside the loader, its configuration and beacon. */
function learnConsentry(crawled, cls) {
  for (const p of crawled.pages)
    for (const r of Object.values(p.passes)) {
      const c = r && r.consentry;
      if (!c) continue;
      if (c.loader) cls.addOwnUrl(new URL('consentry', c.loader).href);
      if (c.config) cls.addOwnUrl(c.config);
      if (c.beacon) cls.addOwnUrl(c.beacon);
    }
}

/**
 * The scan's result.
 * @param {object} crawled what crawl() returned
 * @param {(page: object) => object} clsFor the classifier() for a crawled page (its configuration's);
 *   they share what they learn, and carry `configSource`, the configuration's file or URL
 * @param {object} meta { url, startedAt, durationMs, options, notes }
 */
export function analyse(crawled, clsFor, meta) {
  const any = clsFor(crawled.pages[0]);
  learnConsentry(crawled, any);
  const requests = [];
  const cookies = [];
  const storage = [];
  const pages = [];
  const opted = new Set(); // pages whose "before" view ran under an opt-out default decision
  let cls = any;
  const fields = (c) => ({ party: c.party, vendor: c.vendor, category: c.category, source: c.source, required: !cls.nonRequired(c) });

  for (const p of crawled.pages) {
    cls = clsFor(p);
    const before = p.passes.before || {};
    const c = before.consentry || {};
    const mode = c.present ? (c.method ? 'opt-out' : 'opt-in') : null;
    if (mode == 'opt-out') opted.add(p.url);
    pages.push({
      url: p.url,
      finalUrl: p.finalUrl,
      status: before.status ?? null,
      consentry: !!c.present,
      mode,
      config: cls.configSource || null,
      passes: PASSES.filter((x) => p.passes[x] && !p.passes[x].error),
      ...(p.duplicateOf ? { duplicateOf: p.duplicateOf } : {}),
      ...(p.skip ? { skipped: p.skip } : {}),
      errors: PASSES.filter((x) => p.passes[x] && p.passes[x].error).map((x) => ({ pass: x, message: p.passes[x].error })),
    });
    if (p.duplicateOf || p.skip) continue;
    for (const pass of PASSES) {
      const r = p.passes[pass];
      if (!r) continue;
      const seen = new Map();
      for (const q of r.requests) {
        const key = q.url + ' ' + q.type;
        if (seen.has(key)) {
          seen.get(key).count++;
          continue;
        }
        const rec = { pass, page: p.url, url: q.url.length > 500 ? q.url.slice(0, 500) + '…' : q.url, host: hostOf(q.url), type: q.type, initiator: q.initiator || null, count: 1, ...fields(cls.request(q.url)) };
        seen.set(key, rec);
        requests.push(rec);
      }
      for (const k of r.cookies) {
        const session = !(k.expires > 0);
        cookies.push({
          pass,
          page: p.url,
          name: k.name,
          domain: k.domain,
          path: k.path,
          session,
          expires: session ? null : new Date(k.expires * 1000).toISOString(),
          httpOnly: !!k.httpOnly,
          secure: !!k.secure,
          sameSite: k.sameSite || null,
          blocked: k.blocked || null,
          ...fields(cls.cookie(k.name, k.domain)),
        });
      }
      for (const s of r.storage) storage.push({ pass, page: p.url, kind: s.kind, origin: s.origin, key: s.key, ...fields(cls.storage(s.key, s.origin)) });
    }
  }

  // Vendors found, with what of theirs happened in each pass.
  const vendors = new Map();
  const vendorOf = (rec) => {
    if (!rec.vendor) return null;
    if (!vendors.has(rec.vendor))
      vendors.set(rec.vendor, { id: rec.vendor, name: any.nameOf(rec.vendor), category: rec.category, required: rec.required, source: rec.source, hosts: [], cookies: [], storage: [], passes: { before: 0, reject: 0, accept: 0 } });
    const v = vendors.get(rec.vendor);
    v.passes[rec.pass]++;
    return v;
  };
  const add = (list, x) => list.includes(x) || list.push(x);
  for (const r of requests) {
    const v = vendorOf(r);
    if (v) add(v.hosts, r.host);
  }
  for (const c of cookies) {
    const v = vendorOf(c);
    if (v) add(v.cookies, c.name);
  }
  for (const s of storage) {
    const v = vendorOf(s);
    if (v) add(v.storage, s.key);
  }

  // What nobody claims: third-party hosts, and cookies and storage keys of any party.
  const unclassified = { hosts: [], cookies: [], storage: [] };
  const uHost = new Map();
  for (const r of requests)
    if (!r.vendor && r.party == 'third') {
      if (!uHost.has(r.host)) unclassified.hosts.push(uHost.set(r.host, { host: r.host, passes: { before: 0, reject: 0, accept: 0 } }).get(r.host));
      uHost.get(r.host).passes[r.pass]++;
    }
  const uniq = (list, key, make) => {
    const m = new Map();
    for (const x of list) if (!x.vendor && !m.has(key(x))) m.set(key(x), make(x));
    return [...m.values()];
  };
  unclassified.cookies = uniq(cookies, (c) => c.name + ' ' + c.domain, (c) => ({ name: c.name, domain: c.domain, party: c.party }));
  unclassified.storage = uniq(storage, (s) => s.key + ' ' + s.origin, (s) => ({ key: s.key, kind: s.kind, origin: s.origin, party: s.party }));

  // Leaks, one per thing and pass, with the pages where it happened.
  const leaks = [];
  const optOut = [];
  const leakMap = new Map();
  const leak = (kind, rec, name) => {
    if (!GUARDED.includes(rec.pass) || rec.required) return;
    const byDefault = rec.pass == 'before' && opted.has(rec.page);
    const key = [byDefault, rec.pass, kind, name, rec.vendor].join(' ');
    if (!leakMap.has(key)) {
      const l = { pass: rec.pass, kind, name, vendor: rec.vendor, category: rec.category, party: rec.party, pages: [] };
      leakMap.set(key, l);
      (byDefault ? optOut : leaks).push(l);
    }
    add(leakMap.get(key).pages, rec.page);
  };
  for (const r of requests) leak('request', r, r.host);
  for (const c of cookies) leak('cookie', c, c.name);
  for (const s of storage) leak('storage', s, s.key);
  // A stable order, so two scans' outputs can be compared line by line.
  const KINDS = ['request', 'cookie', 'storage'];
  const order = (a, b) => PASSES.indexOf(a.pass) - PASSES.indexOf(b.pass) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.name.localeCompare(b.name);
  leaks.sort(order);
  optOut.sort(order);

  const distinct = (list, key) => new Set(list.map(key)).size;
  const choices = pages.some((p) => p.consentry);
  return {
    format: FORMAT,
    tool: 'consentry scan',
    url: meta.url,
    site: crawled.site,
    firstParty: any.firstParty,
    startedAt: meta.startedAt,
    durationMs: meta.durationMs,
    options: meta.options,
    passes: choices ? PASSES : ['before'],
    notes: [
      ...(choices ? [] : ['The site does not run Consentry (no window.consentry), so only the "before any choice" pass ran: the scanner cannot click another banner.']),
      ...(meta.notes || []),
    ],
    pages,
    skipped: crawled.skipped,
    robots: crawled.robots,
    requests,
    cookies,
    storage,
    vendors: [...vendors.values()].sort((a, b) => a.id.localeCompare(b.id)),
    unclassified,
    leaks,
    optOutDefaults: optOut,
    summary: {
      pages: pages.filter((p) => !p.duplicateOf && !p.skipped && p.passes.length).length,
      requests: requests.reduce((n, r) => n + r.count, 0),
      hosts: distinct(requests, (r) => r.host),
      cookies: distinct(cookies, (c) => c.name + ' ' + c.domain),
      storage: distinct(storage, (s) => s.key + ' ' + s.origin),
      vendors: vendors.size,
      unclassifiedHosts: unclassified.hosts.length,
      leaks: leaks.length,
    },
  };
}
