// The widget's renderer (widget/dom.ts) on its own: what the banner and dialog rely on when they
// re-render on every change (focus, open <details>, listeners, text never parsed as HTML).
import { expect } from '@esm-bundle/chai';
import { h, render } from '../../widget/dom';

let root: HTMLElement;
beforeEach(() => {
  root?.remove();
  root = document.body.appendChild(document.createElement('div'));
});

describe('widget renderer', () => {
  it('keeps the focused element and its node when siblings before it appear and go', () => {
    const view = (note: boolean, extra: boolean) =>
      h('div', { class: 'bn' }, note && h('p', null, 'note'), extra && [h('span', null, 'a'), h('span', null, 'b')], h('button', { id: 'go' }, 'Go'));
    render(view(false, false), root);
    const button = root.querySelector('#go') as HTMLButtonElement;
    button.focus();
    render(view(true, true), root);
    expect(root.querySelector('#go')).to.equal(button);
    expect(document.activeElement).to.equal(button);
    expect(root.firstElementChild!.innerHTML).to.equal('<p>note</p><span>a</span><span>b</span><button id="go">Go</button>');
    render(view(false, true), root);
    render(view(true, false), root);
    expect(document.activeElement).to.equal(button);
    expect(root.firstElementChild!.innerHTML).to.equal('<p>note</p><button id="go">Go</button>');
  });

  it('leaves a <details> the visitor opened open, and its contents in place', () => {
    const view = (n: number) => h('div', null, h('details', null, h('summary', null, `${n} vendors`), h('ul', null, ...Array.from({ length: n }, (_, i) => h('li', null, 'v' + i)))));
    render(view(2), root);
    const details = root.querySelector('details')!;
    details.open = true;
    render(view(3), root);
    expect(root.querySelector('details')).to.equal(details);
    expect(details.open).to.equal(true);
    expect(details.querySelectorAll('li').length).to.equal(3);
    expect(root.querySelector('summary')!.textContent).to.equal('3 vendors');
  });

  it('calls the handler of the latest render, once per event, with the element as currentTarget', () => {
    const calls: string[] = [];
    const view = (name: string) => h('button', { onClick: (e: Event) => calls.push(name + ':' + (e.currentTarget as Element).localName) }, name);
    render(view('first'), root);
    render(view('second'), root);
    (root.querySelector('button') as HTMLButtonElement).click();
    expect(calls).to.deep.equal(['second:button']);
    render(h('button', { onClick: null }, 'off'), root);
    root.querySelector('button')!.click();
    expect(calls).to.have.length(1);
  });

  it('writes attributes as the widget means them: booleans present or absent, aria-* as "true"/"false"', () => {
    const view = (on: boolean) => h('div', { hidden: on, inert: on, 'aria-modal': on ? 'true' : undefined, 'aria-busy': on, tabIndex: -1 });
    render(view(true), root);
    const el = root.firstElementChild as HTMLElement;
    expect([el.hidden, el.hasAttribute('inert'), el.getAttribute('aria-modal'), el.getAttribute('aria-busy'), el.tabIndex]).to.deep.equal([true, true, 'true', 'true', -1]);
    render(view(false), root);
    expect([el.hidden, el.hasAttribute('inert'), el.hasAttribute('aria-modal'), el.getAttribute('aria-busy')]).to.deep.equal([false, false, false, 'false']);
  });

  it('puts text in text nodes, never parsed as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    render(h('p', { title: evil }, evil, 7), root);
    expect(root.querySelector('img')).to.equal(null);
    expect(root.textContent).to.equal(evil + '7');
    expect(root.querySelector('p')!.title).to.equal(evil);
  });

  it('makes <svg> and what it holds in the SVG namespace', () => {
    render(h('button', null, h('svg', { viewBox: '0 0 24 24' }, h('path', { d: 'M6 6l12 12' }))), root);
    const path = root.querySelector('path')!;
    expect(path.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    expect(root.querySelector('svg')!.getAttribute('viewBox')).to.equal('0 0 24 24');
    expect((path as SVGPathElement).getTotalLength()).to.be.above(16);
  });

  it('replaces an element whose tag changed at the same place, and runs function components with their props', () => {
    const Item = (p: { label: string; strong: boolean }) => (p.strong ? h('strong', null, p.label) : h('em', null, p.label));
    render(h('p', null, h(Item, { label: 'x', strong: false })), root);
    render(h('p', null, h(Item, { label: 'y', strong: true })), root);
    expect(root.querySelector('p')!.innerHTML).to.equal('<strong>y</strong>');
  });
});
