import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, until, TestWindow } from './page';
import { config } from './fixtures/vendors';

const gcm = { ...config, googleConsentMode: true };
/** dataLayer entries as plain arrays; `args:` marks Arguments objects (what gtag.js reads as commands). */
const entries = (win: TestWindow) =>
  (win.dataLayer || []).map((e: any) => (Object.prototype.toString.call(e) == '[object Arguments]' ? ['args:' + e[0], ...Array.from(e).slice(1)] : e));
const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted' };
/** A gated tag that records where in dataLayer it ran. */
const tag = `<script type="text/plain" data-consent="performance">dataLayer.push({tag: dataLayer.length})</script>`;

describe('Google Consent Mode v2', () => {
  beforeEach(clearState);

  it('pushes consent default (all denied but security) as an Arguments object before any gated tag runs', async () => {
    const { win } = await openPage({ config: gcm, body: tag });
    await ready(win);
    expect(entries(win)).to.deep.equal([['args:consent', 'default', { ...denied, wait_for_update: 500 }]]);
  });

  it('after a decision pushes consent update, then the consentry_update event, then releases the tag', async () => {
    const { win } = await openPage({ config: gcm, body: tag });
    await ready(win);
    win.consentry.set({ categories: { performance: true } });
    await until(() => win.dataLayer!.some((e: any) => 'tag' in e), 3000, 'the tag');
    const e = entries(win);
    expect(e[1]).to.deep.equal(['args:consent', 'update', { ...denied, analytics_storage: 'granted' }]);
    expect(e[2].event).to.equal('consentry_update');
    expect(e[2].consentry.categories).to.deep.equal({ required: true, functional: false, performance: true, advertising: false });
    expect(e[2].consentry.vendors.ga).to.equal(true);
    expect(e[3]).to.deep.equal({ tag: 3 });
  });

  it('maps functional, performance and advertising to Google\'s seven types', async () => {
    const { win } = await openPage({ config: gcm });
    await ready(win);
    win.consentry.set({ categories: { functional: true, advertising: true } });
    expect(entries(win)[1][2]).to.deep.equal({
      ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'denied',
      functionality_storage: 'granted', personalization_storage: 'granted', security_storage: 'granted',
    });
  });

  it('a returning visitor gets default and then update on load, before the tag runs', async () => {
    const first = await openPage({ config: gcm });
    await ready(first.win);
    first.win.consentry.set({ categories: { performance: true } });
    const { win } = await openPage({ config: gcm, body: tag });
    await until(() => win.dataLayer && win.dataLayer.some((e: any) => 'tag' in e), 3000, 'the tag');
    const e = entries(win);
    expect(e.map((x: any) => x[1] || x.event || 'tag')).to.deep.equal(['default', 'update', 'consentry_update', 'tag']);
    expect(e[0][2].analytics_storage).to.equal('granted');
    expect(e[1][2].analytics_storage).to.equal('granted');
  });

  it('puts its default before the page\'s own gtag commands queued while the chunk downloaded', async () => {
    // Google's snippet as published, right after the loader: it queues js and config at once.
    const snippet = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-TEST')</script>`;
    const { win } = await openPage({ config: gcm, head: '', body: snippet });
    await ready(win);
    expect(entries(win).map((e: any) => e[0] + (e[0] == 'args:consent' ? ' ' + e[1] : ''))).to.deep.equal(['args:consent default', 'args:js', 'args:config']);
  });

  // What an ungated Google tag right after the loader would read from the queue when it runs.
  const early = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' };
  const seen = `<script>window.seen=(window.dataLayer||[]).map(function(e){return Array.prototype.slice.call(e)})</script>`;

  it('an ungated tag right after the loader already meets a default, all denied, with an inline configuration', async () => {
    const { win } = await openPage({ config: { ...gcm, googleConsentMode: { waitForUpdate: 900 } }, body: seen });
    expect((win as any).seen).to.deep.equal([['consent', 'default', { ...early, wait_for_update: 500 }]]);
    await ready(win);
    // The precise default (with the configuration's wait) took its place: one default in the queue.
    expect(entries(win)).to.deep.equal([['args:consent', 'default', { ...denied, wait_for_update: 900 }]]);
  });

  it('with data-config, a returning visitor\'s ungated tag meets a default too, and the precise one replaces it', async () => {
    const first = await openPage({ config: gcm, fetch: true });
    await ready(first.win);
    first.win.consentry.set({ categories: { performance: true } });
    const { win } = await openPage({ config: gcm, fetch: true, body: seen });
    expect((win as any).seen).to.deep.equal([['consent', 'default', { ...early, wait_for_update: 500 }]]);
    await ready(win);
    const e = entries(win);
    expect(e.map((x: any) => x[1] || x.event)).to.deep.equal(['default', 'update', 'consentry_update']);
    expect(e[0][2].analytics_storage).to.equal('granted');
  });

  it('honours wait_for_update, ads_data_redaction and url_passthrough', async () => {
    const { win } = await openPage({ config: { ...config, googleConsentMode: { waitForUpdate: 1200, adsDataRedaction: true, urlPassthrough: true } } });
    await ready(win);
    expect(entries(win)).to.deep.equal([
      ['args:consent', 'default', { ...denied, wait_for_update: 1200 }],
      ['args:set', 'ads_data_redaction', true],
      ['args:set', 'url_passthrough', true],
    ]);
  });

  it('categories with other names leave every type denied, and without the option there is no dataLayer', async () => {
    const own = { revision: 1, googleConsentMode: true, categories: [{ id: 'required', required: true }, { id: 'stats' }] };
    const { win } = await openPage({ config: own });
    await ready(win);
    win.consentry.acceptAll();
    expect(entries(win)[1]).to.deep.equal(['args:consent', 'update', denied]);
    const off = await openPage({ config });
    await ready(off.win);
    off.win.consentry.acceptAll();
    expect(off.win.dataLayer).to.equal(undefined);
  });

  it('without data-region, region rules become region-scoped defaults (one per mode), before the global default', async () => {
    const regional = { ...gcm, mode: { default: 'opt-in', regions: { US: 'opt-out', 'US-CA': 'opt-in', CH: 'opt-out' } } };
    const { win } = await openPage({ config: regional });
    await ready(win);
    const granted = { ...denied, ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' };
    expect(entries(win)).to.deep.equal([
      ['args:consent', 'default', { ...denied, wait_for_update: 500, region: ['US-CA'] }],
      ['args:consent', 'default', { ...granted, wait_for_update: 500, region: ['US', 'CH'] }],
      ['args:consent', 'default', { ...denied, wait_for_update: 500 }],
    ]);
    // A stored choice outranks every region's default: its update follows even when it denies all.
    win.consentry.rejectAll();
    const back = await openPage({ config: regional });
    await ready(back.win);
    expect(entries(back.win).map((e: any) => e[1] || e.event)).to.deep.equal(['default', 'default', 'default', 'update', 'consentry_update']);
    expect(entries(back.win)[3][2]).to.deep.equal(denied);
  });

  it('with data-region the page knows the region: no region-scoped defaults', async () => {
    const regional = { ...gcm, mode: { default: 'opt-in', regions: { US: 'opt-out' } } };
    const { win } = await openPage({ config: regional, attrs: 'data-region="DE"' });
    await ready(win);
    expect(entries(win)).to.deep.equal([['args:consent', 'default', { ...denied, wait_for_update: 500 }]]);
  });
});
