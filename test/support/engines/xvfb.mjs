// A virtual X display for WebKit (its MiniBrowser needs one even when nobody looks).
// Xvfb picks a free display number itself (-displayfd), so parallel runs never collide.
import { spawn } from 'node:child_process';

/** Starts Xvfb; resolves with { display: ':N', stop() } once it accepts connections. */
export function startXvfb({ size = '1280x1024x24' } = {}) {
  return new Promise((resolve, reject) => {
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    x.stderr.on('data', (d) => (err += d));
    x.on('error', (e) => reject(new Error(`Xvfb could not start: ${e.message}`)));
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready: ${err.trim().split('\n').pop()}`)));
    x.stdio[3].on('data', (d) => {
      out += d;
      if (!out.includes('\n')) return;
      const stopped = new Promise((r) => x.once('exit', r));
      resolve({
        display: ':' + out.trim(),
        async stop() {
          if (x.exitCode === null) x.kill('SIGTERM');
          await stopped;
        },
      });
    });
  });
}
