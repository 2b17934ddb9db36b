// @builder.io/partytown as its README sets it up: its configuration (Google's dataLayer.push
// forwarded to the worker) and its snippet inlined in <head>, its lib files served by the site.
import { readFileSync } from 'node:fs';

const snippet = readFileSync(new URL('../../../node_modules/@builder.io/partytown/lib/partytown.js', import.meta.url), 'utf8');

export const partytownHead = `<script>
  partytown = {
    lib: '/node_modules/@builder.io/partytown/lib/',
    forward: ['dataLayer.push'],
  };
</script>
<script>${snippet}</script>
`;
