// The command line of `consentry scan`. Every mistake is named, with the usage, before a
// browser starts: a scan that runs for a minute and then fails on a typo wastes the minute.

export const USAGE = `usage: consentry scan <url> [options]
  --pages N              pages to visit, the start page included (default 20)
  --concurrency N        browser pages open at once (default 4)
  --config FILE          the site's consentry.json: its vendors classify first
  --out FILE             write a draft configuration (found vendors, unclassified hosts)
  --report FILE          write a self-contained HTML report
  --json                 print the result as JSON on stdout
  --fail-on-leak         exit 1 when anything non-required ran before consent or after "Reject all"
  --ignore-robots        visit pages that robots.txt disallows
  --proxy URL            send the browser's traffic through this proxy (http://host:port)
  --ignore-https-errors  accept invalid TLS certificates (self-signed staging sites, TLS-inspecting proxies)
  --wait MS              how long each page is watched after it loads (default 1000)
  --timeout MS           longest wait for a page to load (default 30000)`;

/** Options with a value, and how to read it. */
const VALUED = {
  '--pages': ['pages', int(1, 1000)],
  '--concurrency': ['concurrency', int(1, 16)],
  '--config': ['config', text],
  '--out': ['out', text],
  '--report': ['report', text],
  '--proxy': ['proxy', proxyUrl],
  '--wait': ['wait', int(0, 60000)],
  '--timeout': ['timeout', int(1000, 300000)],
};
const FLAGS = {
  '--json': 'json',
  '--fail-on-leak': 'failOnLeak',
  '--ignore-robots': 'ignoreRobots',
  '--ignore-https-errors': 'ignoreHttpsErrors',
};

function int(min, max) {
  return (v, name) => {
    if (!/^\d+$/.test(v) || +v < min || +v > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${v}"`);
    return +v;
  };
}
function text(v, name) {
  if (!v) throw new Error(`${name} needs a value`);
  return v;
}
function proxyUrl(v, name) {
  let u;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name} must be a URL like http://proxy.example:3128, not "${v}"`);
  }
  if (!/^(https?|socks5?):$/.test(u.protocol)) throw new Error(`${name} must be an http://, https:// or socks5:// URL, not "${v}"`);
  return v;
}

/** The start URL: http(s) only, since the scan follows links and reads cookies as a browser would. */
function startUrl(v) {
  let u;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : 'https://' + v);
  } catch {
    throw new Error(`"${v}" is not a URL`);
  }
  if (u.protocol != 'http:' && u.protocol != 'https:') throw new Error(`the URL must be http:// or https://, not ${u.protocol}`);
  u.hash = '';
  return u.href;
}

/**
 * Reads `consentry scan` arguments (those after "scan").
 * Throws an Error whose message names the problem; the caller prints it with USAGE.
 */
export function parseArgs(argv) {
  const opts = { pages: 20, concurrency: 4, wait: 1000, timeout: 30000, json: false, failOnLeak: false, ignoreRobots: false, ignoreHttpsErrors: false };
  const urls = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUED[name]) {
      const value = eq > 0 && name != a ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      const [key, read] = VALUED[name];
      opts[key] = read(value, name);
    } else if (FLAGS[a]) opts[FLAGS[a]] = true;
    else if (a == '-h' || a == '--help') opts.help = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else urls.push(a);
  }
  if (opts.help) return opts;
  if (urls.length != 1) throw new Error(urls.length ? `one URL to scan, not ${urls.length}` : 'which URL? e.g. consentry scan https://example.com/');
  opts.url = startUrl(urls[0]);
  return opts;
}
