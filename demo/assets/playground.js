// The config playground: the JSON on the left is checked with the real validate() on every edit,
// and the right-hand iframe runs the real loader with it inline, as a first visit would, with the
// cookie declaration drawn from it. "Add vendor" searches the vendor catalogue (catalogue/).
import { validate } from '/validate.mjs';
import { lookups, toConfigVendor } from '/catalogue/lookup.mjs';

const editor = document.getElementById('editor');
const status = document.getElementById('status');
const problems = document.getElementById('problems');
const preview = document.getElementById('preview');
const preset = document.getElementById('preset');
const region = document.getElementById('region');
let current = null;

/** Mistakes a marketer makes: each shows a different message and path. */
const BROKEN = {
  revision: '2',
  mode: { default: 'opt-in', regions: { us: 'opt-out' } },
  categories: [{ id: 'required', required: true }, { id: 'Analytics' }],
  vendors: [
    { id: 'google-analytics', name: 'Google Analytics', category: 'performance', hosts: ['https://www.google-analytics.com'] },
    { id: 'hotjar', category: 'Analytics', cookies: [{ name: '_hj', match: 'starts-with' }] },
  ],
  cookie: { expiresDays: 0 },
  bannerColour: '#123456',
};

/**
 * Where each JSON path's value sits in the text, so a problem can point at it. A small
 * recursive-descent pass over text that JSON.parse accepted already.
 */
function locate(src) {
  const spans = new Map();
  let i = 0;
  const ws = () => {
    while (/\s/.test(src[i])) i++;
  };
  const str = () => {
    const start = i++;
    while (src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(src.slice(start, i));
  };
  function value(path) {
    ws();
    const start = i;
    if (src[i] === '{') {
      i++;
      ws();
      while (src[i] !== '}') {
        const key = str();
        ws();
        i++; // :
        value(path ? `${path}.${key}` : key);
        ws();
        if (src[i] === ',') i++;
        ws();
      }
      i++;
    } else if (src[i] === '[') {
      i++;
      ws();
      for (let n = 0; src[i] !== ']'; n++) {
        value(`${path}[${n}]`);
        ws();
        if (src[i] === ',') i++;
        ws();
      }
      i++;
    } else if (src[i] === '"') str();
    else while (i < src.length && !/[\s,\]}]/.test(src[i])) i++;
    spans.set(path || '(root)', [start, i]);
  }
  value('');
  return spans;
}

function select(path, spans) {
  // "is required" names a missing field: point at the object that lacks it.
  let p = path;
  while (p && !spans.has(p)) p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '') || '(root)';
  const span = spans.get(p);
  if (!span) return;
  editor.focus();
  editor.setSelectionRange(span[0], span[1]);
  // Scroll the selection into view: textareas do not do it for a programmatic selection.
  const line = editor.value.slice(0, span[0]).split('\n').length;
  editor.scrollTop = Math.max(0, (line - 4) * parseFloat(getComputedStyle(editor).lineHeight));
}

function check() {
  const text = editor.value;
  problems.replaceChildren();
  let config;
  try {
    config = JSON.parse(text);
  } catch (e) {
    status.className = 'status invalid';
    status.textContent = `Not valid JSON: ${e.message}. The preview shows the last configuration that parsed.`;
    return;
  }
  const errors = validate(config);
  const spans = locate(text);
  if (errors.length) {
    status.className = 'status invalid';
    status.textContent = `${errors.length} problem${errors.length > 1 ? 's' : ''}. Consentry fails closed on an invalid configuration: only required categories are allowed, and the loader logs the first problem.`;
  } else {
    status.className = 'status valid';
    status.textContent = 'Valid configuration.';
  }
  for (const e of errors) {
    const at = e.indexOf(': ');
    const path = e.slice(0, at);
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: path, title: 'Show in the editor' });
    button.addEventListener('click', () => select(path, spans));
    const li = document.createElement('li');
    li.append(button, e.slice(at));
    problems.append(li);
  }
  current = config;
  render();
}

function render() {
  if (!current) return;
  const config = JSON.parse(JSON.stringify(current));
  if (config && typeof config === 'object' && !Array.isArray(config)) {
    // The preview shares this origin with the company pages: its own cookie name keeps it from
    // touching their choices, and forgetting it makes every preview a first visit.
    const cookie = config.cookie && typeof config.cookie === 'object' ? config.cookie : {};
    config.cookie = { ...cookie, name: 'consentry_playground' };
    delete config.beacon;
  }
  document.cookie = 'consentry_playground=; Max-Age=0; Path=/';
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  preview.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="application/json" id="consentry-config">${json}<\/script>
<script src="${location.origin}/consentry.js" data-region="${region.value}"><\/script>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;padding:28px;font:15px/1.5 system-ui,sans-serif;color:#2b3240;background:#f6f7f9}
.line{height:12px;border-radius:6px;background:#dde2ea;margin:10px 0}.line.s{width:60%}h1{font-size:1.3rem}</style></head>
<body><h1>Your site</h1><div class="line"></div><div class="line"></div><div class="line s"></div>
<p><a href="#" data-consentry-open>Cookie Preferences</a></p>
<h2>Cookie notice</h2><div data-consentry-declaration></div></body></html>`;
}

const search = document.getElementById('vendor-search');
const results = document.getElementById('vendor-results');
let catalogue = null;

/** The vendor ids the editor's JSON declares now (none while it does not parse). */
function declared() {
  try {
    const c = JSON.parse(editor.value);
    return new Set((Array.isArray(c.vendors) ? c.vendors : []).map((v) => v && v.id));
  } catch {
    return new Set();
  }
}

function showResults() {
  results.replaceChildren();
  const q = search.value.trim();
  if (!catalogue || !q) return;
  const found = catalogue.search(q);
  const have = declared();
  for (const v of found.slice(0, 8)) {
    const added = have.has(v.id);
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'button subtle', textContent: added ? 'Added' : 'Add', disabled: added });
    button.setAttribute('aria-label', `${added ? 'Added' : 'Add'} ${v.name}`);
    button.addEventListener('click', () => addVendor(v));
    const what = Object.assign(document.createElement('span'), { textContent: `${v.kind} · ${v.category} · ${v.id}` });
    what.className = 'small muted';
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('strong'), { textContent: v.name }), ' ', what, button);
    results.append(li);
  }
  if (!found.length) results.append(Object.assign(document.createElement('li'), { textContent: `No vendor in the catalogue matches "${q}".` }));
  else if (found.length > 8) results.append(Object.assign(document.createElement('li'), { className: 'small muted', textContent: `${found.length - 8} more: type more of the name.` }));
}

function addVendor(entry) {
  let config;
  try {
    config = JSON.parse(editor.value);
  } catch {
    status.className = 'status invalid';
    status.textContent = `Fix the JSON first: ${entry.name} was not added.`;
    return;
  }
  if (!config || typeof config !== 'object' || Array.isArray(config)) config = { revision: 1 };
  if (!Array.isArray(config.vendors)) config.vendors = [];
  if (!config.vendors.some((v) => v && v.id === entry.id)) config.vendors.push(toConfigVendor(entry));
  editor.value = JSON.stringify(config, null, 2);
  check();
  // check() rewrote the status; say what happened, after what the validator found.
  status.textContent = `Added ${entry.name} (${entry.category}). ` + status.textContent;
  showResults();
}

fetch('/catalogue/vendors.json')
  .then((r) => r.json())
  .then((list) => {
    catalogue = lookups(list);
    search.placeholder = `Search ${list.length} vendors: analytics, hotjar, doubleclick.net`;
    showResults();
  });
search.addEventListener('input', showResults);

let timer = 0;
editor.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(check, 300);
});
region.addEventListener('change', render);
document.getElementById('replay').addEventListener('click', render);

async function load(name) {
  const config = name === 'broken' ? BROKEN : await (await fetch(`/configs/${name}.json`)).json();
  if (name !== 'broken') delete config.$schema;
  editor.value = JSON.stringify(config, null, 2);
  check();
}
preset.addEventListener('change', () => load(preset.value));
const asked = new URLSearchParams(location.search).get('preset');
if (asked && preset.querySelector(`option[value="${CSS.escape(asked)}"]`)) preset.value = asked;
load(preset.value);
