// Two URL paths the lead's review found open (review2): `new Audio(url)`, which gives the element
// its URL without the src setter, and the legacy `background` attribute of <body>, <table>, <td>
// and <th>, which still loads an image. Both requested the vendor's URL before any choice.
import { expect } from '@esm-bundle/chai';
import { clearState, openPage, ready, sleep, until } from './page';
import { config, fresh } from './fixtures/vendors';

describe('new Audio(url) and the background attribute', () => {
  beforeEach(clearState);

  it('are held until the vendor is allowed, then load', async () => {
    const { url, requested } = fresh();
    const { win, doc } = await openPage({ config });
    await ready(win);
    const W = win as any;
    const audio = new W.Audio(url('x.ads', 'sound.mp3'));
    expect(audio instanceof W.HTMLAudioElement).to.equal(true);
    expect(new W.Audio() instanceof W.Audio).to.equal(true);
    const td = doc.createElement('td');
    td.setAttribute('background', url('x.ads', 'cell.gif'));
    const table = doc.createElement('table');
    table.innerHTML = `<tr><th background="${url('x.ads', 'head.gif')}"></th></tr>`;
    table.querySelector('tr')!.appendChild(td);
    doc.body.appendChild(table);
    await sleep(600);
    expect(await requested()).to.deep.equal([]);
    expect(audio.getAttribute('src')).to.equal(null);
    win.consentry.acceptAll();
    // The audio gets its URL back (whether and when a media element then downloads is the
    // engine's choice: WebKit may wait); the images load.
    await until(() => audio.getAttribute('src') == url('x.ads', 'sound.mp3'), 4000, 'the audio released');
    await until(async () => (await requested()).filter((p) => /cell|head/.test(p)).length == 2, 4000, 'the two images after Accept all');
  });

  it('leave URLs of hosts no vendor declares alone', async () => {
    const { win, doc } = await openPage({ config });
    await ready(win);
    const own = location.origin + '/own.mp3';
    expect(new (win as any).Audio(own).src).to.equal(own);
    const td = doc.createElement('td');
    td.setAttribute('background', '/own.gif');
    expect(td.getAttribute('background')).to.equal('/own.gif');
  });
});
