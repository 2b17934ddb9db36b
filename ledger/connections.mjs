// A cap on open connections that keeps serving real clients when someone holds many sockets
// open. Node's own `maxConnections` refuses the *new* connection once full, which is exactly the
// real visitor arriving while an attacker's idle sockets wait for their timeouts. Here a new
// connection over the cap closes another one instead: the connection idle the longest (no
// complete request yet, or keep-alive between requests), else the one that has been trickling
// a request body the longest. A request whose body has arrived (a record being committed, an
// export) is never cut; when every connection holds one, the new connection is refused.
// A socket costs a file descriptor, so the cap must stay below the process's open-file limit,
// or accept() fails for everyone (EMFILE): `defaultMaxConnections` derives it from that limit.

import { readFileSync } from 'node:fs';

const BUSY = Symbol('consentry.busy');

/** File descriptors kept free for the database, its threads, logs and accept() itself. */
const FD_RESERVE = 100;
export const MAX_CONNECTIONS = 1024;

/** The soft open-file limit of this process, or null where /proc is not available. */
export function openFileLimit() {
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m && m[1] !== 'unlimited' ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** 1024, or less when the open-file limit would not leave FD_RESERVE descriptors spare. */
export function defaultMaxConnections(limit = openFileLimit()) {
  return limit === null ? MAX_CONNECTIONS : Math.max(16, Math.min(MAX_CONNECTIONS, limit - FD_RESERVE));
}

/**
 * @param {import('node:http').Server} server
 * @param {{max: number, onEvict?: (why: 'idle' | 'upload' | 'refused') => void}} opts
 */
export function guardConnections(server, { max, onEvict = () => {} }) {
  // Sets and Maps iterate in insertion order, so the first entry is the oldest.
  /** Sockets with no request in progress, the longest idle first. */
  const idle = new Set();
  /** @type {Map<import('node:net').Socket, import('node:http').IncomingMessage>} requests still arriving */
  const uploading = new Map();
  let open = 0;

  function evict() {
    const oldest = idle.values().next().value;
    if (oldest) {
      idle.delete(oldest);
      oldest.destroy();
      onEvict('idle');
      return true;
    }
    for (const [socket, req] of uploading) {
      uploading.delete(socket);
      if (req.complete) continue;
      socket.destroy();
      onEvict('upload');
      return true;
    }
    return false;
  }

  server.on('connection', (/** @type {import('node:net').Socket} */ socket) => {
    open++;
    socket[BUSY] = 0;
    socket.once('close', () => {
      open--;
      idle.delete(socket);
      uploading.delete(socket);
    });
    if (open > max && !evict()) {
      onEvict('refused');
      socket.destroy();
      return;
    }
    idle.add(socket);
  });

  server.on('request', (/** @type {import('node:http').IncomingMessage} */ req, res) => {
    const socket = req.socket;
    socket[BUSY]++;
    idle.delete(socket);
    uploading.delete(socket);
    uploading.set(socket, req);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      uploading.delete(socket);
      if (--socket[BUSY] === 0 && !socket.destroyed) idle.add(socket);
    };
    res.once('finish', finish);
    res.once('close', finish);
  });

  return {
    get open() {
      return open;
    },
  };
}
