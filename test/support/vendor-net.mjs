// A stand-in internet for browser tests, usable by any engine: a local HTTP proxy that answers
// plain http and CONNECT (terminating TLS with one throwaway self-signed certificate for every
// host, made with the openssl CLI; run the browser with certificate errors ignored). Every
// request is routed by host name to a handler and recorded; anything no handler answers gets a
// 404 and is recorded too, so a test can prove that a host was never asked for anything.
//
//   const net = await startVendorNet({ handlers: { 'www.example.com': (req) => ({ body: 'hi' }) } });
//   net.proxy      // 'http://127.0.0.1:PORT': give it to the browser as its proxy
//   net.requests   // [{ host, path, method, time, status, secure, body }] in arrival order
//                  // (body: the request body as text, its first 4 KB)
//   net.connects   // [{ host, time }]: CONNECT tunnels opened (a TLS handshake, no request yet)
//   net.handlers = { … }  // replaces the routing (a proxy reused for the next run)
//   net.clear(); await net.close();
//
// A handler is `(req) => answer`, sync or async. `req` is { method, host, path, url, query,
// headers, body (Buffer), secure }. The answer is a string (HTML), or { status, type, headers,
// body } (body: string, Buffer, or a plain object sent as JSON), or undefined for a 404.
// Handler keys are host names, or `*.example.com` for example.com and every subdomain.
// Answers are never cached, and carry CORS headers so that pages may fetch them.
import { createServer } from 'node:http';
import { createSecureContext, TLSSocket } from 'node:tls';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

let certificate;

/** One key pair per process, made on first use: nothing secret, nothing written to the repository. */
function tlsContext() {
  certificate ||= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vendor-net-'));
    try {
      const key = join(dir, 'key.pem');
      const cert = join(dir, 'cert.pem');
      await promisify(execFile)('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=vendor-net.invalid',
        '-addext', 'subjectAltName=DNS:vendor-net.invalid',
      ]);
      return createSecureContext({ key: await readFile(key), cert: await readFile(cert) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return certificate;
}

/** The handler for `host`: an exact key first, then the closest `*.parent` key. */
function route(handlers, host) {
  if (handlers[host]) return handlers[host];
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (handlers['*.' + h]) return handlers['*.' + h];
  return null;
}

function answer(res, reply, origin) {
  const cors = origin
    ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
    : { 'Access-Control-Allow-Origin': '*' };
  if (reply == null) {
    res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store', ...cors });
    return res.end('no stand-in for this request'), 404;
  }
  if (typeof reply == 'string') reply = { body: reply };
  let { status = 200, type, headers = {}, body = '' } = reply;
  if (body && typeof body == 'object' && !Buffer.isBuffer(body)) {
    body = JSON.stringify(body);
    type ||= 'application/json';
  }
  res.writeHead(status, { 'Content-Type': type || 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...cors, ...headers });
  res.end(body);
  return status;
}

export async function startVendorNet({ handlers = {} } = {}) {
  const secureContext = await tlsContext();
  const requests = [];
  const connects = [];
  const sockets = new Set();

  const server = createServer(async (req, res) => {
    const tunnel = req.socket._vendorHost;
    // A proxied plain-http request carries an absolute URL; a request inside a tunnel does not.
    const url = new URL(/^https?:\/\//i.test(req.url) ? req.url : `${tunnel ? 'https' : 'http'}://${req.headers.host || tunnel}${req.url}`);
    const host = url.hostname.toLowerCase();
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    const record = { host, path: url.pathname + url.search, method: req.method, time: Date.now(), status: 0, secure: url.protocol == 'https:', body: body.toString('utf8', 0, 4096) };
    requests.push(record);
    const origin = req.headers.origin;
    if (req.method == 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': origin || '*',
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': req.headers['access-control-request-method'],
        'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || '*',
      });
      record.status = 204;
      return res.end();
    }
    const handler = route(net.handlers, host);
    let reply;
    try {
      reply = handler && (await handler({ method: req.method, host, path: url.pathname, url: url.href, query: url.searchParams, headers: req.headers, body, secure: record.secure }));
    } catch (e) {
      reply = { status: 500, type: 'text/plain', body: String(e && e.stack) };
    }
    record.status = answer(res, reply, origin);
  });
  server.keepAliveTimeout = 30000;
  server.on('clientError', (_e, socket) => socket.destroy());
  server.on('connect', (req, socket, head) => {
    const host = req.url.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    connects.push({ host, time: Date.now() });
    socket.on('error', () => {});
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head && head.length) socket.unshift(head);
    // The tunnel's TLS ends here, with one certificate for every host.
    const tls = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tls._vendorHost = host;
    tls.on('error', () => socket.destroy());
    server.emit('connection', tls);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));

  const net = {
    handlers,
    proxy: `http://127.0.0.1:${server.address().port}`,
    requests,
    connects,
    clear() {
      requests.length = 0;
      connects.length = 0;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
  return net;
}
