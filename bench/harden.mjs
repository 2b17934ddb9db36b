#!/usr/bin/env node
// Issue 11's two performance findings, measured: how long `validate` takes for a configuration
// of 50,000 vendors (it must be linear: the ratio to 12,500 vendors should be about 4, not 16),
// and how long the cookie cleanup spends on the rule `^(a+)+$` and a cookie named 25–27 "a"s
// and a "!" (the old cleanup ran any pattern; the new one runs only the safe subset).
//   node bench/harden.mjs                      this build (dist/validate.mjs: validate and the cleanup's matches)
//   BASE=/path/to/old/dist node bench/harden.mjs  the same, side by side with another build's validate
// Run `npm run build` first. Takes a few seconds (a minute or more with a quadratic BASE).
import { pathToFileURL, fileURLToPath } from 'node:url';
import { join } from 'node:path';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const builds = [['this build', dist], ...(process.env.BASE ? [['BASE', process.env.BASE]] : [])];

const config = (n) => ({
  revision: 1,
  vendors: Array.from({ length: n }, (_, i) => ({ id: 'v' + i, name: 'Vendor ' + i, category: 'performance', hosts: [`cdn${i}.example.com`], privacyPolicyUrl: `https://example.com/${i}` })),
});
function best(fn, runs = 3) {
  let t = Infinity;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t = Math.min(t, performance.now() - s);
  }
  return t;
}

console.log('validate(): best of 3, ms');
for (const [name, dir] of builds) {
  const { validate } = await import(pathToFileURL(join(dir, 'validate.mjs')).href);
  const small = config(12500);
  const large = config(50000);
  const runs = name == 'BASE' ? 1 : 3;
  best(() => validate(small), 1);
  const a = best(() => validate(small), runs);
  const b = best(() => validate(large), runs);
  console.log(`  ${name.padEnd(10)} 12,500 vendors ${a.toFixed(0).padStart(7)}   50,000 vendors ${b.toFixed(0).padStart(7)}   ratio ${(b / a).toFixed(1)} (linear 4, quadratic 16)`);
}

// The cleanup's matching, as the old loader did it and as the cleanup chunk does it now.
const { matches } = await import(pathToFileURL(join(dist, 'validate.mjs')).href);
const rule = { name: '^(a+)+$', match: 'regex' };
const old = (name) => new RegExp(rule.name).test(name);
console.log('cookie rule ^(a+)+$ on one cookie name, ms');
for (const n of [25, 26, 27]) {
  const name = 'a'.repeat(n) + '!';
  const before = best(() => old(name), 1);
  const after = best(() => matches(rule, name), 3);
  console.log(`  ${n} a's + "!"   old cleanup ${before.toFixed(0).padStart(6)}   this build ${after.toFixed(2).padStart(6)}`);
}
