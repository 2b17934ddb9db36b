// Group commit: records that arrive while the event loop is busy (or while a commit is in
// flight) are written in one transaction, and every request in it is answered after COMMIT.
// One fsync then acknowledges hundreds of records instead of one, and 204 still means durable.

/**
 * @template T
 * @param {(items: T[]) => unknown} write commits all items or throws; may be sync or async. It may
 *   return an array with an answer per item, which that item's add() then resolves with.
 * @param {{maxBatch?: number, parallel?: number}} [opts] parallel: commits allowed in flight at once
 */
export function createBatcher(write, { maxBatch = 1000, parallel = 1 } = {}) {
  /** @type {{item: T, resolve: (v?: unknown) => void, reject: (e: unknown) => void}[]} */
  let queue = [];
  let inflight = 0;
  let scheduled = false;
  let closed = false;
  /** @type {((v?: unknown) => void)[]} */
  let idle = [];

  function schedule() {
    if (scheduled || inflight >= parallel || queue.length === 0) return;
    scheduled = true;
    // setImmediate runs after the current I/O phase, so every request read in it joins this batch.
    setImmediate(flush);
  }

  async function flush() {
    scheduled = false;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = batch === queue ? [] : queue.slice(maxBatch);
    inflight++;
    try {
      const answers = await write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(Array.isArray(answers) ? answers[i] : undefined));
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      inflight--;
      schedule();
      if (inflight === 0 && queue.length === 0) {
        for (const f of idle) f();
        idle = [];
      }
    }
  }

  return {
    /** @param {T} item resolves once the item is committed, with write's answer for it */
    add(item) {
      if (closed) return Promise.reject(new Error('the store is closing'));
      return new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
    /** Stops taking items and resolves when everything queued has been committed or failed. */
    drain() {
      closed = true;
      if (inflight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
