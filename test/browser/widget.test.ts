import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, openPage, ready, sleep, until, TestWindow } from './page';
import { active, axe, control, fresh, press, shadowOf, tabTo } from '../support/widget-ui.mjs';
import { vendors } from '../support/widget-fixtures.mjs';
import { encode } from '../../src/store';
import { resolve } from '../../src/config';

const config = { revision: 2, policyUrl: 'https://example.com/cookie-notice', vendors };
const decision = (win: TestWindow) => win.consentry.get();

/** A returning visitor's cookie, as an earlier page would have written it. */
function returning(categories: Record<string, boolean>, cfg: object = config) {
  const d = {
    id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    ts: new Date().toISOString(),
    revision: 2,
    categories: { required: true, functional: false, performance: false, advertising: false, ...categories },
    vendors: {},
    method: 'custom' as const,
    signals: { gpc: false, dnt: false },
  };
  document.cookie = `consentry=${encode(d, resolve(cfg).config)}; Path=/; SameSite=Lax`;
}

async function firstVisit(extra: object = {}, o: Parameters<typeof openPage>[0] = {}) {
  const page = await openPage({ config: { ...config, ...extra }, ...o });
  await ready(page.win);
  return { ...page, root: await shadowOf(page.doc) };
}

async function openPrefs(win: TestWindow, doc: Document) {
  await win.consentry.show();
  return shadowOf(doc, '.dlg');
}

describe('widget: the banner', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  it('shows on a first visit as a named region with equal Accept all, Reject all and Customise buttons', async () => {
    const { root } = await firstVisit();
    const bn = root.querySelector('.bn')!;
    expect(bn.getAttribute('role')).to.equal('region');
    expect(root.getElementById(bn.getAttribute('aria-labelledby')!)!.textContent).to.equal('We use cookies');
    const buttons = ['Accept all', 'Reject all', 'Customise'].map((n) => control(root, n));
    const boxes = buttons.map((b) => b.getBoundingClientRect());
    for (const b of boxes) {
      expect(Math.round(b.width)).to.equal(Math.round(boxes[0].width));
      expect(Math.round(b.height)).to.equal(Math.round(boxes[0].height));
    }
    const styles = buttons.map((b) => getComputedStyle(b));
    for (const s of styles) expect([s.backgroundColor, s.color, s.fontWeight]).to.deep.equal([styles[0].backgroundColor, styles[0].color, styles[0].fontWeight]);
    expect(control(root, 'Cookie notice').getAttribute('href')).to.equal(config.policyUrl);
  });

  it('is announced to screen readers through a polite live region', async () => {
    const { root } = await firstVisit();
    const live = root.querySelector('[role=status]')!;
    await until(() => live.textContent == 'We use cookies', 2000, 'the announcement');
  });

  it('announces a second save on the same page again (the live region empties, then speaks)', async () => {
    const { win, doc, root } = await firstVisit();
    const live = root.querySelector('[role=status]')!;
    control(root, 'Reject all').click();
    await until(() => live.textContent == 'Your choices are saved.', 2000, 'the first announcement');
    const seen: string[] = [];
    new win.MutationObserver(() => seen.push(live.textContent!)).observe(live, { childList: true, characterData: true, subtree: true });
    const dlg = await openPrefs(win, doc);
    control(dlg, 'Accept all').click();
    await until(() => seen.length && live.textContent == 'Your choices are saved.', 2000, 'the second announcement');
    expect(seen[0]).to.equal('');
  });

  it('after a choice in the dialog opened from Customise, focus goes to the page\'s own Cookie Preferences link (no reopen button)', async () => {
    const { win, doc, root } = await firstVisit({}, { body: '<p>text</p><footer><a href="#" data-consentry-open>Cookie Preferences</a></footer>' });
    control(root, 'Customise').focus();
    control(root, 'Customise').click();
    const dlg = await shadowOf(doc, '.dlg');
    control(dlg, 'Reject all').click();
    await until(() => !root.querySelector('.dlg') && !root.querySelector('.bn'), 2000, 'the UI to close');
    expect(decision(win).method).to.equal('reject-all');
    expect(active(doc) === doc.querySelector('[data-consentry-open]'), 'focus on the link, not ' + active(doc)?.nodeName).to.equal(true);
  });

  it('is fixed in place, so it shifts no layout', async () => {
    const { win, root } = await firstVisit({}, { body: '<p>text</p>'.repeat(20) });
    expect(getComputedStyle(root.querySelector('.bn')!).position).to.equal('fixed');
    const shifts = await new Promise<number>((r) => {
      let sum = 0;
      new win.PerformanceObserver((l) => l.getEntries().forEach((e: any) => (sum += e.value))).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => r(sum), 300);
    });
    expect(shifts).to.equal(0);
  });

  it('"Accept all" by mouse records the choice, hides the banner and shows the reopen button', async () => {
    const { win, doc, root } = await firstVisit();
    const events: string[] = [];
    win.consentry.on('hide', (v: string) => events.push('hide ' + v));
    control(root, 'Accept all').click();
    expect(decision(win).method).to.equal('accept-all');
    expect(root.querySelector('.bn')).to.equal(null);
    expect(events).to.deep.equal(['hide banner']);
    control(await shadowOf(doc, '.ro'), 'Cookie preferences');
  });

  it('"Reject all" by keyboard: Tab to it and press Enter', async () => {
    const { win, doc, frame, root } = await firstVisit();
    await tabTo(frame, doc, control(root, 'Reject all'));
    await press(frame, 'Enter');
    await until(() => decision(win), 2000, 'a decision');
    expect(decision(win).method).to.equal('reject-all');
    expect(decision(win).categories).to.deep.equal({ required: true, functional: false, performance: false, advertising: false });
  });

  it('"Customise" by keyboard opens the dialog; Escape brings focus back to it', async () => {
    const { win, doc, frame, root } = await firstVisit();
    const customise = control(root, 'Customise');
    await tabTo(frame, doc, customise);
    await press(frame, 'Space');
    await shadowOf(doc, '.dlg');
    expect(root.querySelector('.bn')!.hasAttribute('inert'), 'banner inert under the dialog').to.equal(true);
    await press(frame, 'Escape');
    await until(() => !root.querySelector('.dlg'), 2000, 'the dialog to close');
    expect(active(doc) === customise, 'focus on customise').to.equal(true);
    expect(decision(win)).to.equal(null);
    expect(root.querySelector('.bn')).not.to.equal(null);
  });

  it('sits where the configuration says: bar at the top, box bottom-left', async () => {
    let { root } = await firstVisit({ ui: { position: 'top' } });
    expect(root.querySelector('.bn')!.getBoundingClientRect().top).to.equal(0);
    await clearState();
    ({ root } = await firstVisit({ ui: { layout: 'box', position: 'bottom-left' } }));
    const r = root.querySelector('.bn')!.getBoundingClientRect();
    expect(r.left).to.be.within(8, 24);
    expect(r.width).to.be.below(500);
  });

  it('as a modal, takes focus, keeps Tab inside and is a dialog', async () => {
    const { doc, frame, root } = await firstVisit({ ui: { layout: 'modal' } });
    const bn = root.querySelector('.bn')!;
    expect(bn.getAttribute('role')).to.equal('dialog');
    expect(bn.getAttribute('aria-modal')).to.equal('true');
    // The banner itself, not one of its choices: all three look alike, none with a focus ring.
    expect(active(doc) === bn, 'focus on the banner').to.equal(true);
    expect(['Accept all', 'Reject all', 'Customise'].filter((n) => control(root, n).matches(':focus,:focus-visible'))).to.deep.equal([]);
    for (let i = 0; i < 6; i++) {
      await press(frame, 'Tab');
      expect(bn.contains(active(doc))).to.equal(true);
    }
  });

  it('as a modal, keeps Shift+Tab inside too, also where Tab skips links (Safari by default)', async () => {
    // WebKit runs with Safari's default: Tab does not stop at links, so the banner's policy link
    // (the first control in it) is not where the browser's own Shift+Tab would go.
    const { doc, frame, root } = await firstVisit({ ui: { layout: 'modal' } }, { body: '<button>page before</button><p>text</p><button>page after</button>' });
    const bn = root.querySelector('.bn')!;
    expect(active(doc) === bn, 'focus on the banner').to.equal(true);
    for (const key of ['Shift+Tab', 'Tab'])
      for (let i = 0; i < 6; i++) {
        await press(frame, key);
        expect(bn.contains(active(doc)), `${key} #${i}`).to.equal(true);
      }
  });

  it('fits a 320 px wide screen without scrolling sideways', async () => {
    const { frame, root } = await firstVisit();
    frame.style.width = '320px';
    await sleep(50);
    const bn = root.querySelector('.bn')!;
    expect(bn.scrollWidth).to.be.at.most(bn.clientWidth);
    for (const n of ['Accept all', 'Reject all', 'Customise']) expect(control(root, n).getBoundingClientRect().right).to.be.at.most(320);
  });

  it('in an opt-out region without GPC, is a notice with "Do not sell or share" and no honoured message', async () => {
    const { win, root } = await firstVisit({ mode: { default: 'opt-out' } });
    expect(decision(win).method).to.equal('opt-out-default');
    expect(root.querySelector('.bn')!.textContent).not.to.contain('Opt-out request honoured');
    control(root, 'Do not sell or share my personal information').click();
    expect(decision(win).method).to.equal('reject-all');
  });

  it('does not come back for a returning visitor, who never downloads the widget', async () => {
    returning({ performance: true });
    const { win } = await openPage({ config });
    await ready(win);
    await sleep(200);
    const urls = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(urls.some((u) => u.includes('consentry-widget'))).to.equal(false);
    expect(win.document.getElementById('consentry-ui')).to.equal(null);
  });
});

describe('widget: the preferences dialog', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  it('is a labelled modal dialog that takes focus and keeps Tab and Shift+Tab inside', async () => {
    const { win, doc, frame } = await firstVisit({}, { body: '<button>page before</button><p>text</p><button>page after</button>' });
    const root = await openPrefs(win, doc);
    const dlg = root.querySelector('.dlg')!;
    expect(dlg.getAttribute('role')).to.equal('dialog');
    expect(dlg.getAttribute('aria-modal')).to.equal('true');
    expect(root.getElementById(dlg.getAttribute('aria-labelledby')!)!.textContent).to.equal('Privacy preferences');
    expect(dlg.contains(active(doc))).to.equal(true);
    for (const key of ['Tab', 'Shift+Tab'])
      for (let i = 0; i < 20; i++) {
        await press(frame, key);
        expect(dlg.contains(active(doc)), `${key} #${i}`).to.equal(true);
      }
  });

  it('gives every category a switch named by its heading; required is on and disabled', async () => {
    const { win, doc } = await firstVisit();
    const root = await openPrefs(win, doc);
    const names = ['Strictly necessary', 'Functional', 'Performance', 'Advertising'];
    const switches = names.map((n) => control(root, n));
    for (const s of switches) expect(s.getAttribute('role')).to.equal('switch');
    expect(switches.map((s) => s.getAttribute('aria-checked'))).to.deep.equal(['true', 'false', 'false', 'false']);
    expect((switches[0] as HTMLButtonElement).disabled).to.equal(true);
  });

  it('saves what the switches say, driven by keyboard', async () => {
    const { win, doc, frame } = await firstVisit();
    const root = await openPrefs(win, doc);
    const perf = control(root, 'Performance');
    await tabTo(frame, doc, perf);
    await press(frame, 'Space');
    expect(perf.getAttribute('aria-checked')).to.equal('true');
    await tabTo(frame, doc, control(root, 'Save choices'));
    await press(frame, 'Enter');
    await until(() => decision(win), 2000, 'a decision');
    expect(decision(win).method).to.equal('custom');
    expect(decision(win).categories).to.deep.equal({ required: true, functional: false, performance: true, advertising: false });
    expect(decision(win).vendors).to.include({ 'google-analytics': true, mixpanel: true, intercom: false });
    await until(() => !root.querySelector('.dlg') && !root.querySelector('.bn'), 2000, 'the UI to close');
    expect(active(doc) === root.querySelector('.ro'), 'focus on the reopen button').to.equal(true);
  });

  it('"Accept all" and "Reject all" in the dialog work by mouse', async () => {
    const { win, doc } = await firstVisit();
    let root = await openPrefs(win, doc);
    control(root, 'Accept all').click();
    expect(decision(win).method).to.equal('accept-all');
    root = await openPrefs(win, doc);
    expect(control(root, 'Advertising').getAttribute('aria-checked')).to.equal('true');
    control(root, 'Reject all').click();
    expect(decision(win).method).to.equal('reject-all');
  });

  it('lists each category\'s vendors with their facts, and per-vendor switches', async () => {
    const { win, doc } = await firstVisit();
    const root = await openPrefs(win, doc);
    const summary = control(root, 'Vendors (2)');
    summary.click();
    const list = summary.parentElement!;
    const text = list.textContent!;
    for (const fact of ['Google Analytics', 'Counts visits and page views', '14 months', '_ga* (2 years)', 'IP address (pseudonymous)', 'Mixpanel'])
      expect(text).to.contain(fact);
    expect(control(root, 'Opt out (Mixpanel)').getAttribute('href')).to.equal('https://mixpanel.com/optout/');
    expect(control(root, 'Privacy policy (Google Analytics)').getAttribute('href')).to.equal('https://policies.google.com/privacy');
    control(root, 'Mixpanel').click();
    control(root, 'Save choices').click();
    expect(decision(win).vendors).to.include({ mixpanel: true, 'google-analytics': false });
    expect(decision(win).categories.performance).to.equal(false);
  });

  it('hides per-vendor switches when ui.vendorSwitches is false', async () => {
    const { win, doc } = await firstVisit({ ui: { vendorSwitches: false } });
    const root = await openPrefs(win, doc);
    expect(root.querySelectorAll('.v .sw').length).to.equal(0);
  });

  it('shows the consent id and date for support requests', async () => {
    const { win, doc } = await firstVisit();
    let root = await openPrefs(win, doc);
    expect(root.querySelector('.meta')!.textContent).to.equal('No choice saved yet.');
    control(root, 'Reject all').click();
    root = await openPrefs(win, doc);
    const meta = root.querySelector('.meta')!.textContent!;
    expect(meta).to.contain(`Consent ID: ${decision(win).id}`);
    expect(meta).to.contain(new Date(decision(win).ts).getFullYear().toString());
  });

  it('says why a category is off when Do Not Track denies it, and still lets the visitor switch it on', async () => {
    const dnt = `<script>Object.defineProperty(Navigator.prototype,'doNotTrack',{get:()=>'1',configurable:true})</script>`;
    const { win, doc } = await firstVisit({}, { head: dnt });
    const root = await openPrefs(win, doc);
    const ad = control(root, 'Advertising');
    expect(ad.closest('.cat')!.textContent).to.contain('Off because your browser sends Do Not Track');
    ad.click();
    expect(ad.closest('.cat')!.textContent).not.to.contain('Off because');
    control(root, 'Save choices').click();
    expect(decision(win).categories.advertising).to.equal(true);
  });

  it('offers a reload when a withdrawn tag already ran on the page', async () => {
    returning({ performance: true });
    const { win, doc } = await openPage({ config, body: '<script type="text/plain" data-consent="performance">window.ran = ["perf"]</script>' });
    await ready(win);
    await until(() => win.ran, 2000, 'the performance tag to run');
    const root = await openPrefs(win, doc);
    control(root, 'Performance').click();
    control(root, 'Save choices').click();
    const reload = await until(() => root.querySelector('.rl'), 2000, 'the reload offer');
    expect(reload.textContent).to.equal('Reload page');
    expect(active(doc) === reload, 'focus on reload').to.equal(true);
  });

  it('opens from the reopen button and from a data-consentry-open link, and emits show and hide', async () => {
    const { win, doc, root } = await firstVisit();
    const events: string[] = [];
    win.consentry.on('show', (v: string) => events.push('show ' + v));
    win.consentry.on('hide', (v: string) => events.push('hide ' + v));
    control(root, 'Reject all').click();
    const reopen = control(await shadowOf(doc, '.ro'), 'Cookie preferences');
    reopen.focus();
    reopen.click();
    await shadowOf(doc, '.dlg');
    control(root, 'Close').click();
    expect(active(doc) === reopen, 'focus on reopen').to.equal(true);
    expect(events).to.deep.equal(['hide banner', 'show prefs', 'hide prefs']);
  });

  it('leaves out the floating button when the site has its own data-consentry-open link', async () => {
    const { win, doc, root } = await firstVisit({}, { body: '<a href="#" data-consentry-open>Cookie Preferences</a>' });
    control(root, 'Accept all').click();
    await sleep(50);
    expect(root.querySelector('.ro')).to.equal(null);
    (doc.querySelector('[data-consentry-open]') as HTMLElement).click();
    await shadowOf(doc, '.dlg');
    expect(decision(win).method).to.equal('accept-all');
  });

  it('a data-consentry-open link opens the dialog from inside a shadow root, and under an element that stops the click', async () => {
    const { win, doc, root } = await firstVisit({}, { body: '<div id="stop"><a href="#" data-consentry-open>Cookie Preferences</a></div><site-footer></site-footer>' });
    control(root, 'Accept all').click();
    await sleep(50);
    // The page's own handler stops the click on its way up.
    doc.getElementById('stop')!.addEventListener('click', (e) => e.stopPropagation());
    const hash = win.location.hash;
    (doc.querySelector('#stop a') as HTMLElement).click();
    await shadowOf(doc, '.dlg');
    control(root, 'Close').click();
    await until(() => !root.querySelector('.dlg'), 2000, 'the dialog to close');
    // A footer component with the link in its own (open) shadow root.
    const host = doc.querySelector('site-footer')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<a href="#x"><span>Cookie Preferences</span></a>';
    host.shadowRoot!.querySelector('a')!.setAttribute('data-consentry-open', '');
    (host.shadowRoot!.querySelector('span') as HTMLElement).click();
    await shadowOf(doc, '.dlg');
    // Neither link followed its href.
    expect(win.location.hash).to.equal(hash);
  });

  it('leaves out the floating button when ui.reopenButton is false', async () => {
    const { doc, root } = await firstVisit({ ui: { reopenButton: false } });
    control(root, 'Accept all').click();
    await sleep(50);
    expect(doc.getElementById('consentry-ui')!.shadowRoot!.querySelector('.ro')).to.equal(null);
  });
});

describe("widget: the preferences dialog's own chunk", () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  const fetched = (win: TestWindow, name: string) => win.performance.getEntriesByType('resource').filter((e) => e.name.includes(`/consentry-${name}.`));

  it('is not in the widget a first visit downloads; focus on "Customise" fetches it before the key press', async () => {
    const { win, doc, frame, root } = await firstVisit();
    await sleep(100);
    expect(fetched(win, 'prefs').length, 'no dialog chunk yet').to.equal(0);
    // The widget the visitor downloaded has the banner's words, not the dialog's.
    const widget = await (await fetch(fetched(win, 'widget')[0].name)).text();
    expect([widget.includes('Reject all'), widget.includes('Privacy preferences')], "the banner's text, the dialog's").to.deep.equal([true, false]);
    const customise = control(root, 'Customise');
    await tabTo(frame, doc, customise);
    await until(() => fetched(win, 'prefs').length, 3000, 'the dialog chunk to be fetched on focus');
    await press(frame, 'Enter');
    expect((await shadowOf(doc, '.dlg')).textContent).to.include('Privacy preferences');
    expect(fetched(win, 'prefs').length, 'fetched once').to.equal(1);
  });

  it('the pointer over "Customise" or the reopen button fetches it; a click on Accept all fetches nothing', async () => {
    let { win, root } = await firstVisit();
    control(root, 'Accept all').click();
    await sleep(200);
    expect(fetched(win, 'prefs').length, 'Accept all').to.equal(0);
    const reopen = root.querySelector<HTMLElement>('.ro')!;
    reopen.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await until(() => fetched(win, 'prefs').length, 3000, 'the dialog chunk, pointer over the reopen button');
    await fresh(clearState);
    ({ win, root } = await firstVisit());
    control(root, 'Customise').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await until(() => fetched(win, 'prefs').length, 3000, 'the dialog chunk, pointer over Customise');
  });

  it('a choice made while it downloads wins: the dialog does not open over it', async () => {
    const { win, doc, root } = await firstVisit({}, { src: '/held/prefs/800/dist/consentry.js' });
    const shown: string[] = [];
    win.consentry.on('show', (view: string) => shown.push(view));
    control(root, 'Customise').click();
    await sleep(50);
    control(root, 'Accept all').click();
    expect(decision(win).method).to.equal('accept-all');
    await until(() => fetched(win, 'prefs').some((e) => e.responseEnd > 0), 5000, 'the dialog chunk');
    await sleep(300);
    const ui = doc.getElementById('consentry-ui')!.shadowRoot!;
    expect(!!ui.querySelector('.dlg'), 'a dialog over the choice').to.equal(false);
    expect(shown).to.deep.equal([]);
    // Asked for afterwards, it opens.
    await openPrefs(win, doc);
    expect(shown).to.deep.equal(['prefs']);
  });

  it('when it cannot be fetched, "Customise" says why in the console and the banner still decides', async () => {
    const { win, root } = await firstVisit({}, { src: '/held/prefs/missing/dist/consentry.js' });
    const errors: string[] = [];
    win.console.error = (...a: unknown[]) => errors.push(a.join(' '));
    control(root, 'Customise').click();
    await until(() => errors.length, 3000, 'a console error');
    expect(errors[0]).to.match(/^\[consentry\] failed to load \S*consentry-prefs\.[0-9a-f]{8}\.js/);
    expect(root.querySelector('.bn')!.hasAttribute('hidden')).to.equal(false);
    control(root, 'Reject all').click();
    expect(decision(win).method).to.equal('reject-all');
    await until(() => !root.querySelector('.bn'), 2000, 'the banner to close');
  });

  it('a failed download is asked for again: the next click on "Customise" opens the dialog', async () => {
    const { win, doc, root } = await firstVisit({}, { src: `/held/prefs/once-${Date.now()}/dist/consentry.js` });
    const errors: string[] = [];
    win.console.error = (...a: unknown[]) => errors.push(a.join(' '));
    // A blip: the first fetch fails (a 503 that no cache keeps).
    control(root, 'Customise').click();
    await until(() => errors.length, 3000, 'the console error');
    control(root, 'Customise').click();
    expect((await shadowOf(doc, '.dlg')).textContent).to.include('Privacy preferences');
    expect([errors.length, fetched(win, 'prefs').length], 'one error, two requests').to.deep.equal([1, 2]);
  });

  it('a failed download while the pointer passed over "Customise" does not stop the click from opening the dialog', async () => {
    const { win, doc, root } = await firstVisit({}, { src: `/held/prefs/once-${Date.now()}/dist/consentry.js` });
    control(root, 'Customise').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
    await until(() => fetched(win, 'prefs').some((e) => e.responseEnd > 0), 3000, 'the first request to fail');
    await sleep(50);
    control(root, 'Customise').click();
    expect((await shadowOf(doc, '.dlg')).textContent).to.include('Privacy preferences');
  });
});
