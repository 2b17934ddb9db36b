// A stand-in consent ledger for browser tests, served by the test runner itself:
//   POST /test-beacon/<bucket>            stores a record (answers with the bucket's status)
//   GET  /test-beacon/<bucket>            the records stored so far, as JSON
//   PUT  /test-beacon/<bucket>?status=503 makes the endpoint answer 503 (or delay with &delay=ms)
// Buckets keep parallel test files apart.
const buckets = new Map();
const bucket = (name) => {
  if (!buckets.has(name)) buckets.set(name, { records: [], attempts: 0, status: 204, delay: 0 });
  return buckets.get(name);
};

const body = (req) =>
  new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

export async function beaconEndpoint(ctx, next) {
  const m = /^\/test-beacon\/([\w-]+)/.exec(ctx.path);
  if (!m) return next();
  const b = bucket(m[1]);
  ctx.set('Access-Control-Allow-Origin', '*');
  if (ctx.method === 'PUT') {
    b.status = Number(ctx.query.status || 204);
    b.delay = Number(ctx.query.delay || 0);
    ctx.status = 204;
  } else if (ctx.method === 'POST') {
    const text = await body(ctx.req);
    b.attempts++;
    if (b.delay) await new Promise((r) => setTimeout(r, b.delay));
    if (b.status < 300) b.records.push({ contentType: ctx.get('content-type'), record: JSON.parse(text) });
    ctx.status = b.status;
  } else {
    ctx.body = { records: b.records, attempts: b.attempts };
  }
}
