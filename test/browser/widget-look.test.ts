// The widget as a visitor sees it on a first visit: what shows under the preferences dialog,
// whether the dialog's actions stay in view, and how the banner's buttons sit on a phone.
import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import { clearState, openPage, ready, sleep } from './page';
import { active, control, fresh, press, shadowOf } from '../support/widget-ui.mjs';
import { vendors } from '../support/widget-fixtures.mjs';

const config = { revision: 1, policyUrl: 'https://example.com/cookie-notice', vendors };

async function firstVisit(extra: object = {}, width = 800) {
  const page = await openPage({ config: { ...config, ...extra } });
  page.frame.style.width = width + 'px';
  await ready(page.win);
  return { ...page, root: await shadowOf(page.doc) };
}

const centre = (el: Element) => {
  const r = el.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2] as const;
};
/** Drawn at all: a box of some size in the layout (display:none has none). */
const drawn = (el: Element) => el.getClientRects().length > 0 && el.getBoundingClientRect().height > 0;
/** A control of the dialog by its visible text (the banner's namesakes are hidden then). */
const inDialog = (root: ShadowRoot, name: string) => {
  const found = [...root.querySelectorAll('.dlg button')].find((b) => b.textContent!.trim() == name);
  if (!found) throw new Error(`no dialog button "${name}"`);
  return found;
};
const look = (el: Element) => {
  const s = getComputedStyle(el);
  return [s.backgroundColor, s.color, s.fontWeight, s.fontSize, s.borderTopWidth, s.borderTopColor].join(' ');
};

describe('widget: the banner under the preferences dialog', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const layout of ['bar', 'box', 'modal'])
    it(`${layout}: is out of sight and out of reach while the dialog is open, and back when it closes`, async () => {
      const { doc, frame, root } = await firstVisit({ ui: { layout } });
      const bn = root.querySelector('.bn')!;
      const buttons = ['Accept all', 'Reject all', 'Customise'].map((n) => control(root, n));
      const points = buttons.map(centre);
      // As a keyboard visitor opens it, so focus has somewhere to return to.
      (buttons[2] as HTMLElement).focus();
      buttons[2].click();
      const dlg = (await shadowOf(doc, '.dlg')).querySelector('.dlg')!;
      expect(drawn(bn), 'banner drawn under the dialog').to.equal(false);
      for (const b of buttons) expect(drawn(b), `"${b.textContent}" drawn`).to.equal(false);
      // Whatever is at the banner's buttons' places now, it is not one of them.
      for (const [x, y] of points) expect(buttons).not.to.include(root.elementFromPoint(x, y));
      // Only one dimmed backdrop, the dialog's.
      expect([...root.querySelectorAll('.back')].filter(drawn)).to.have.length(1);
      for (const b of buttons) {
        (b as HTMLElement).focus();
        expect(active(doc) === b, `"${b.textContent}" took focus`).to.equal(false);
      }
      expect(dlg.contains(active(doc))).to.equal(true);
      await press(frame, 'Escape');
      await sleep(50);
      expect(root.querySelector('.dlg')).to.equal(null);
      expect(drawn(bn), 'banner back after the dialog closed').to.equal(true);
      expect(root.elementFromPoint(...centre(buttons[0]))).to.equal(buttons[0]);
      expect(active(doc) === buttons[2], 'focus back on Customise').to.equal(true);
    });
});

describe('widget: the dialog with every vendor list open', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  for (const width of [800, 390])
    it(`keeps "Accept all", "Reject all" and "Save choices" in view wherever the body is scrolled, ${width} px wide`, async () => {
      const { win, doc } = await firstVisit({}, width);
      await win.consentry.show();
      const root = await shadowOf(doc, '.dlg');
      const dlg = root.querySelector('.dlg')!;
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      await sleep(50);
      expect(dlg.scrollHeight, 'the dialog has more than fits').to.be.above(dlg.clientHeight * 1.5);
      const actions = ['Accept all', 'Reject all', 'Save choices'].map((n) => inDialog(root, n));
      const box = dlg.getBoundingClientRect();
      for (const at of [0, 0.5, 1]) {
        dlg.scrollTop = at * (dlg.scrollHeight - dlg.clientHeight);
        await sleep(50);
        for (const b of actions) {
          const r = b.getBoundingClientRect();
          expect(r.top, `"${b.textContent}" top at ${at}`).to.be.at.least(box.top);
          expect(r.bottom, `"${b.textContent}" bottom at ${at}`).to.be.at.most(box.bottom);
          // Visible, not merely inside the box: nothing of the scrolling body is drawn over it.
          expect(root.elementFromPoint(...centre(b)), `"${b.textContent}" on top at ${at}`).to.equal(b);
        }
      }
      // The last vendor's facts can still be scrolled into view above the actions.
      const last = [...root.querySelectorAll('.v')].pop()!;
      dlg.scrollTop = dlg.scrollHeight;
      await sleep(50);
      expect(last.getBoundingClientRect().bottom).to.be.at.most(actions[0].getBoundingClientRect().top);
    });
});

describe('widget: the three buttons on narrow screens', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  /** The buttons' boxes, checked to be of one look. */
  const three = (root: ShadowRoot, names: string[], find = control) => {
    const buttons = names.map((n) => find(root, n));
    for (const b of buttons) expect(look(b), `"${b.textContent}" looks like the others`).to.equal(look(buttons[0]));
    return buttons.map((b) => b.getBoundingClientRect());
  };
  const stacked = (boxes: DOMRect[], across: number) => {
    for (const r of boxes) {
      expect(Math.round(r.left)).to.equal(Math.round(boxes[0].left));
      expect(Math.round(r.width)).to.equal(Math.round(boxes[0].width));
      expect(Math.round(r.height)).to.equal(Math.round(boxes[0].height));
    }
    expect(boxes[0].width, 'as wide as the row').to.be.at.least(across * 0.8);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i].top, 'one per row').to.be.at.least(boxes[i - 1].bottom);
  };

  for (const [layout, width] of [['bar', 390], ['bar', 320], ['box', 390], ['modal', 390]] as const)
    it(`${layout} at ${width} px: stacks Accept all, Reject all and Customise at full, equal width`, async () => {
      const { root } = await firstVisit({ ui: { layout } }, width);
      const bs = root.querySelector('.bn .bs')!.getBoundingClientRect();
      stacked(three(root, ['Accept all', 'Reject all', 'Customise']), bs.width);
      expect(bs.right).to.be.at.most(width);
    });

  it('the opt-out notice at 390 px stacks its three buttons the same way', async () => {
    const { root } = await firstVisit({ mode: { default: 'opt-out' } }, 390);
    stacked(three(root, ['Do not sell or share my personal information', 'Customise', 'Got it']), root.querySelector('.bn .bs')!.getBoundingClientRect().width);
  });

  it('the dialog at 390 px stacks Accept all, Reject all and Save choices the same way', async () => {
    const { win, doc } = await firstVisit({}, 390);
    await win.consentry.show();
    const root = await shadowOf(doc, '.dlg');
    stacked(three(root, ['Accept all', 'Reject all', 'Save choices'], inDialog), root.querySelector('.dlg .bs')!.getBoundingClientRect().width);
  });

  it('where there is room, keeps the three in one row of equal columns', async () => {
    const { root } = await firstVisit({}, 800);
    const boxes = three(root, ['Accept all', 'Reject all', 'Customise']);
    for (const r of boxes) {
      expect(Math.round(r.top)).to.equal(Math.round(boxes[0].top));
      expect(Math.round(r.width)).to.equal(Math.round(boxes[0].width));
    }
  });
});

describe('widget: long words, short screens and the order of the actions', () => {
  beforeEach(async () => {
    await fresh(clearState);
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
  });

  /** A first visit in `lang` (a built-in language file), the frame `width` × `height`. */
  async function visit(extra: object, lang: string, width: number, height = 600) {
    const page = await openPage({ config: { ...config, ...extra }, attrs: `data-lang="${lang}"` });
    Object.assign(page.frame.style, { width: width + 'px', height: height + 'px' });
    await ready(page.win);
    return { ...page, root: await shadowOf(page.doc) };
  }

  for (const lang of ['en', 'de'])
    for (const width of [800, 1280])
      it(`the opt-out notice in ${lang} at ${width} px: each button one or two lines, every word inside it`, async () => {
        const { root } = await visit({ mode: { default: 'opt-out' } }, lang, width);
        const buttons = [...root.querySelectorAll('.bn .b')] as HTMLElement[];
        expect(buttons).to.have.length(3);
        for (const b of buttons) {
          expect(b.scrollWidth, `"${b.textContent}" spills out`).to.be.at.most(b.clientWidth);
          expect(b.getBoundingClientRect().height, `"${b.textContent}" height`).to.be.below(80);
        }
      });

  for (const width of [320, 390])
    it(`the German dialog at ${width} px, every vendor list open, never scrolls sideways`, async () => {
      const { win, doc } = await visit({}, 'de', width);
      await win.consentry.show();
      const root = await shadowOf(doc, '.dlg');
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      await sleep(50);
      const dlg = root.querySelector('.dlg')!;
      expect(dlg.scrollWidth).to.be.at.most(dlg.clientWidth);
      for (const sw of root.querySelectorAll('.dlg [role=switch]')) expect(sw.getBoundingClientRect().right, 'a switch cut off').to.be.at.most(dlg.getBoundingClientRect().right);
    });

  it('the modal draws no ring around itself when it takes focus', async () => {
    const { doc, root } = await visit({ ui: { layout: 'modal' } }, 'en', 800);
    const bn = root.querySelector('.bn')!;
    expect(active(doc) === bn, 'the modal has focus').to.equal(true);
    const s = getComputedStyle(bn);
    expect(s.outlineStyle == 'none' || s.outlineWidth == '0px', `outline ${s.outlineStyle} ${s.outlineWidth}`).to.equal(true);
  });

  for (const [what, width, height, keep] of [
    ['a desktop window (800 × 600)', 800, 600, ['.x', 'Accept all', 'Reject all', 'Save choices']],
    ['a phone held sideways (844 × 390)', 844, 390, ['Accept all', 'Reject all', 'Save choices']],
  ] as const)
    it(`on ${what}, with every vendor list open: ${keep.join(', ')} stay in view`, async () => {
      const { win, doc } = await visit({}, 'en', width, height);
      await win.consentry.show();
      const root = await shadowOf(doc, '.dlg');
      const dlg = root.querySelector('.dlg')!;
      root.querySelectorAll('details').forEach((d) => (d.open = true));
      await sleep(50);
      const els = keep.map((k) => (k[0] == '.' ? root.querySelector(k)! : inDialog(root, k)));
      const box = dlg.getBoundingClientRect();
      for (const at of [0.5, 1]) {
        dlg.scrollTop = at * (dlg.scrollHeight - dlg.clientHeight);
        await sleep(50);
        for (const el of els) {
          const r = el.getBoundingClientRect();
          const name = el.textContent || el.className;
          expect(r.top, `"${name}" top at ${at}`).to.be.at.least(box.top);
          expect(r.bottom, `"${name}" bottom at ${at}`).to.be.at.most(box.bottom);
          const hit = root.elementFromPoint(...centre(el));
          expect(!!hit && el.contains(hit), `"${name}" on top at ${at}`).to.equal(true);
        }
      }
    });

  it("the dialog's actions come in the banner's order, and the consent date stays on one line", async () => {
    const { win, doc, root } = await visit({}, 'en', 390);
    expect([...root.querySelectorAll('.bn .b')].map((b) => b.textContent)).to.deep.equal(['Accept all', 'Reject all', 'Customise']);
    win.consentry.rejectAll();
    await win.consentry.show();
    const dlg = await shadowOf(doc, '.dlg');
    expect([...dlg.querySelectorAll('.dlg > .bs .b')].map((b) => b.textContent)).to.deep.equal(['Accept all', 'Reject all', 'Save choices']);
    // From "Date:" to the end of its text.
    const meta = dlg.querySelector('.meta')!;
    const walker = doc.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
    let text: Node | null;
    while ((text = walker.nextNode()) && !text.textContent!.includes('Date:'));
    expect(!!text, 'the date is shown').to.equal(true);
    const range = doc.createRange();
    range.setStart(text!, text!.textContent!.indexOf('Date:'));
    range.setEnd(text!, text!.textContent!.length);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    expect(lines.size, 'lines the date takes').to.equal(1);
  });
});
