import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import '../src/elements/pulse/define.js';
import '../src/elements/report/define.js';
import type { KringReportDownloadEvent as ReportDownloadEvent } from '../src/events/metrics.js';
import { reportSummary } from '../src/elements/report/summary.js';
import { BackendError } from '../src/errors.js';
import { never, registerTestBackend } from './helpers/backends.js';
import { DEMO_DEPARTMENTS, emptyMetrics, octoberMetrics } from './helpers/metrics-fixtures.js';
import type { CommunityMetrics } from '../src/model.js';

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const part = (el: Element, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

async function renderReport(backendName: string, attributes: { month?: string; lang?: string } = {}) {
  const community = await fixture(
    html`<kring-community backend=${backendName} lang=${attributes.lang ?? 'en'}>
      <kring-report month=${attributes.month ?? '2026-10'}></kring-report>
    </kring-community>`,
  );
  return community.querySelector('kring-report')!;
}

function backendWith(metrics: () => Promise<CommunityMetrics>) {
  return registerTestBackend({ metrics });
}

describe('report summary', () => {
  it('writes the kudos sentence in Dutch as the article asks', () => {
    // 128 givers against 112 in September: +14.3% → "14%"; 41% across departments.
    expect(reportSummary(octoberMetrics(), 'nl')[0]).to.equal(
      'Deze maand gaven 128 collega’s elkaar kudos, 14% meer dan in september; 41% ging over afdelingsgrenzen heen.',
    );
  });

  it('writes it in English, and says "fewer" when fewer gave', () => {
    expect(reportSummary(octoberMetrics(), 'en')[0]).to.equal(
      'This month 128 colleagues gave each other kudos, 14% more than in September; 41% crossed department boundaries.',
    );
    const fewer = octoberMetrics();
    fewer.kudosGivers = { value: 90, previous: 120, change: -0.25 };
    fewer.crossDepartmentShare = { value: null, previous: 0.4, change: null, suppressed: true };
    expect(reportSummary(fewer, 'en')[0]).to.equal(
      'This month 90 colleagues gave each other kudos, 25% fewer than in September.',
    );
  });

  it('never names withheld figures', () => {
    const metrics = octoberMetrics();
    metrics.kudosGivers = { value: null, previous: 7, change: null, suppressed: true };
    const sentences = reportSummary(metrics, 'en');
    expect(sentences[0]).to.equal('This month fewer than 5 colleagues gave kudos.');
    // Management participation is withheld in the fixture: no sentence about it.
    expect(sentences.join(' ')).to.not.contain('management');
    expect(sentences).to.include('The community has 420 members; 35% of them joined through an invitation.');
    expect(sentences).to.include(
      '50 invitations were sent and 30 accepted; 15 of those new members were active within 30 days.',
    );
  });

  it('ends a sentence before a withheld figure instead of writing "not shown of those…"', () => {
    const metrics = octoberMetrics();
    metrics.invitedShare = {
      value: null,
      previous: 0.3,
      change: null,
      suppressed: true,
      complementary: true,
    };
    metrics.creators = { value: null, previous: 12, change: null, suppressed: true };
    metrics.inviteFunnel = { ...metrics.inviteFunnel, activeWithin30Days: null };
    const english = reportSummary(metrics, 'en');
    expect(english).to.include('The community has 420 members.');
    expect(english.find((sentence) => sentence.includes('visited'))).to.match(/^\d+ colleagues visited\.$/);
    expect(english).to.include('50 invitations were sent and 30 accepted.');
    expect(english.join(' ')).not.to.match(/not shown|fewer than 5/);
    const dutch = reportSummary(metrics, 'nl');
    expect(dutch).to.include('Er werden 50 uitnodigingen verstuurd en 30 geaccepteerd.');
    expect(dutch).to.include('De community telt 420 leden.');
    expect(dutch.join(' ')).not.to.match(/niet getoond|minder dan 5/);
    metrics.inviteFunnel = { ...metrics.inviteFunnel, accepted: null };
    expect(reportSummary(metrics, 'en')).to.include('50 invitations were sent.');
    metrics.inviteFunnel = { ...metrics.inviteFunnel, sent: null };
    expect(reportSummary(metrics, 'en').join(' ')).not.to.contain('invitations');
  });
});

describe('<kring-report>', () => {
  it('shows loading, then the summary, key figures and what changed', async () => {
    let release!: (metrics: CommunityMetrics) => void;
    const { name } = backendWith(() => new Promise((resolve) => (release = resolve)));
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'status'), 'loading');
    expect(text(report)).to.contain('Loading the figures');
    await expect(report).to.be.accessible();
    release(octoberMetrics());
    await waitUntil(() => part(report, 'summary'), 'report shown');
    expect(part(report, 'summary')!.textContent).to.contain('128 colleagues gave each other kudos');
    const members = report.shadowRoot!.querySelector('[data-table="figures"] tr[data-metric="members"]')!;
    expect([...members.children].map((cell) => cell.textContent!.trim())).to.deep.equal([
      'Members',
      '420',
      '400',
      '+5%',
    ]);
    // Counts that moved 10% or more and shares that moved 5 points or more, largest first:
    // creators doubled (+100%), visitors +20%, stickiness −5 points, invited share +5 points…
    const changes = [...part(report, 'changes')!.querySelectorAll('li')].map((item) =>
      item.textContent!.trim(),
    );
    expect(changes[0]).to.equal('Creators rose by 100%: from 10 to 20.');
    expect(changes).to.include('Stickiness fell by 5 pt: from 25% to 20%.');
    expect(changes).to.include('Joined by invitation rose by 5 pt: from 30% to 35%.');
    // Members +5% and the cross-department share +3 points are not notable.
    expect(changes.some((line) => line.startsWith('Members'))).to.equal(false);
    expect(changes.some((line) => line.startsWith('Kudos across'))).to.equal(false);
    await expect(report).to.be.accessible();
  });

  it('has the same numbers as <kring-pulse> for the same month of demo data', async () => {
    const { name } = registerTestBackend();
    const community = await fixture(
      html`<kring-community backend=${name} lang="en">
        <kring-pulse month="2026-10"></kring-pulse>
        <kring-report month="2026-10"></kring-report>
      </kring-community>`,
    );
    const pulse = community.querySelector('kring-pulse')!;
    const report = community.querySelector('kring-report')!;
    await waitUntil(() => part(pulse, 'headlines') && part(report, 'summary'), 'both shown', {
      timeout: 8000,
    });
    const headlines = [...pulse.shadowRoot!.querySelectorAll('[part~="headline"]')];
    expect(headlines.length).to.equal(8);
    for (const headline of headlines) {
      const metric = headline.getAttribute('data-metric');
      const pulseValue = headline.querySelector('[part~="headline-value"]')!.textContent!.trim();
      const reportRow = report.shadowRoot!.querySelector(
        `[data-table="figures"] tr[data-metric="${metric}"]`,
      )!;
      expect(reportRow.children[1].textContent!.trim(), metric!).to.equal(pulseValue);
    }
    // And the funnel: pulse's table and the report's table agree.
    const pulseFunnel = [...pulse.shadowRoot!.querySelectorAll('#chart-funnel tbody td')].map((cell) =>
      cell.textContent!.trim().replace(/ \(.*\)$/, ''),
    );
    const reportFunnel = [
      ...report.shadowRoot!.querySelectorAll('[data-table="funnel"] tbody td:nth-of-type(1)'),
    ].map((cell) => cell.textContent!.trim());
    expect(reportFunnel).to.deep.equal(pulseFunnel);
    // One dashboard page holds both: their sections are landmarks with names of their own.
    await expect(community).to.be.accessible();
  });

  it('speaks Dutch', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name, { lang: 'nl' });
    await waitUntil(() => part(report, 'summary'), 'report shown');
    expect(text(report)).to.contain('Communityrapport, oktober 2026');
    expect(part(report, 'summary')!.textContent).to.contain('ging over afdelingsgrenzen heen');
    // Plural figures ("Makers", "Bezoekers") and singular ones ("Terugkeer") read correctly: no verb
    // that would have to agree with the figure's name ("Makers steeg").
    const changes = [...part(report, 'changes')!.querySelectorAll('li')].map((item) =>
      item.textContent!.trim(),
    );
    expect(changes[0]).to.equal('Makers: gestegen met 100%, van 10 naar 20.');
    expect(changes).to.include('Terugkeer: gedaald met 5 %-punt, van 25% naar 20%.');
    await expect(report).to.be.accessible();
    try {
      await emulateMedia({ colorScheme: 'dark' });
      await expect(report).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('downloads CSV and JSON of the same figures', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    const downloads: ReportDownloadEvent['detail'][] = [];
    report.addEventListener('kring-report-download', (event) => {
      event.preventDefault();
      downloads.push((event as ReportDownloadEvent).detail);
    });
    (report.shadowRoot!.querySelector('[data-format="csv"]') as HTMLButtonElement).click();
    (report.shadowRoot!.querySelector('[data-format="json"]') as HTMLButtonElement).click();
    expect(downloads.map((download) => download.filename)).to.deep.equal([
      'kring-report-2026-10.csv',
      'kring-report-2026-10.json',
    ]);
    const bytes = new Uint8Array(await downloads[0].blob.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'UTF-8 byte order mark for Excel').to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).to.equal('Month,Section,Item,Value,Previous month,Change,Note');
    expect(lines).to.include('2026-10,Key figures,Members,420,400,+5%,');
    expect(lines).to.include('2026-10,Key figures,Stickiness,20%,25%,-5 pt,');
    expect(lines).to.include('2026-10,Key figures,Management taking part,,,,fewer than 5');
    expect(lines).to.include('2026-10,Invitation funnel,Sent,50,,,');
    expect(lines).to.include('2026-10,Kudos between departments,Finance → Sales,,,,not shown');
    expect(csv, 'no raw ratios').not.to.match(/\d\.\d{3,}/);
    expect(JSON.parse(await downloads[1].blob.text())).to.deep.equal(octoberMetrics());
  });

  it('writes Dutch CSV with semicolons, Dutch headers and Dutch percentages', async () => {
    const metrics = octoberMetrics();
    metrics.crossDepartmentShare = { value: 0.17123287671232876, previous: 0.15, change: 0.1415525114155251 };
    // 23.4% and 25.9% are shown as 23% and 26%: the change is their difference, −3 points (not −2.5 → −2).
    metrics.stickiness = { value: 0.234, previous: 0.259, change: -0.0965 };
    const { name } = backendWith(async () => metrics);
    const report = await renderReport(name, { lang: 'nl' });
    await waitUntil(() => part(report, 'summary'), 'report shown');
    let blob: Blob | undefined;
    report.addEventListener('kring-report-download', (event) => {
      event.preventDefault();
      blob = (event as ReportDownloadEvent).detail.blob;
    });
    report.download('csv');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).to.equal('Maand;Onderdeel;Onderwerp;Waarde;Vorige maand;Verandering;Opmerking');
    expect(lines).to.include('2026-10;Kerncijfers;Leden;420;400;+5%;');
    expect(lines).to.include('2026-10;Kerncijfers;Kudos over afdelingen heen;17%;15%;+2 %-punt;');
    expect(lines).to.include('2026-10;Kerncijfers;Terugkeer;23%;26%;-3 %-punt;');
    expect(lines).to.include('2026-10;Kerncijfers;Deelname management;;;;minder dan 5');
    expect(lines.join('\n')).not.to.contain('0.171');
  });

  it('starts a real download through an object URL when nobody cancels', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    const created: Blob[] = [];
    const originalCreate = URL.createObjectURL;
    const clicked: string[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob | MediaSource) => (created.push(blob as Blob), 'blob:test');
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href}`);
    };
    try {
      report.download('json');
    } finally {
      URL.createObjectURL = originalCreate;
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(clicked).to.deep.equal(['kring-report-2026-10.json blob:test']);
    expect(created[0].type).to.equal('application/json');
  });

  it('keeps every value and department name whole on screen; the wide matrix scrolls in its region', async () => {
    const departments = [...DEMO_DEPARTMENTS];
    const metrics = octoberMetrics();
    metrics.departmentMatrix = {
      departments,
      counts: departments.map((_, row) => departments.map((__, column) => ((row + column) % 3 ? null : 12))),
    };
    const { name } = backendWith(async () => metrics);
    const report = await renderReport(name, { lang: 'nl' });
    report.style.width = '800px';
    await waitUntil(() => report.shadowRoot!.querySelector('table[data-table="matrix"] td'), 'matrix shown');
    // Lines a cell's text takes: distinct line boxes (rows across, columns for upward-written headers).
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const vertical = getComputedStyle(cell).writingMode.startsWith('vertical');
      const rects = [...range.getClientRects()].filter((rect) => rect.width && rect.height);
      return new Set(rects.map((rect) => Math.round(vertical ? rect.left : rect.top))).size;
    };
    const matrix = report.shadowRoot!.querySelector('table[data-table="matrix"]')!;
    const split = [...report.shadowRoot!.querySelectorAll('td'), ...matrix.querySelectorAll('thead th')]
      .filter((cell) => lines(cell) > 1)
      .map((cell) => cell.textContent!.trim());
    expect(split, 'cells whose text breaks over lines').to.deep.equal([]);
    const region = matrix.closest('[role="region"]') as HTMLElement;
    expect(region.scrollWidth, 'the matrix is wider than the report').to.be.greaterThan(region.clientWidth);
    expect(report.scrollWidth, 'the report itself does not widen').to.be.at.most(report.clientWidth);
    await expect(report).to.be.accessible();
  });

  it('neutralises spreadsheet formulas in department names', async () => {
    const metrics = octoberMetrics();
    metrics.departmentMatrix = {
      departments: ['=HYPERLINK("x")', 'IT'],
      counts: [
        [5, 6],
        [7, 8],
      ],
    };
    const { name } = backendWith(async () => metrics);
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    let csv = '';
    report.addEventListener('kring-report-download', (event) => {
      event.preventDefault();
      void (event as ReportDownloadEvent).detail.blob.text().then((value) => (csv = value));
    });
    report.download('csv');
    await waitUntil(() => csv, 'csv read');
    expect(csv).to.contain(`"'=HYPERLINK(""x"") → IT",6,`);
  });

  it('prints as an A4 document without the buttons', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    const pageRule = document.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules])
      .find((rule) => rule instanceof CSSPageRule) as CSSPageRule | undefined;
    expect(pageRule?.style.getPropertyValue('size').toUpperCase()).to.equal('A4');
    const toolbar = part(report, 'toolbar') as HTMLElement;
    expect(getComputedStyle(toolbar).display).to.not.equal('none');
    try {
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(toolbar).display).to.equal('none');
      // Print colours are black on white whatever the screen scheme.
      expect(getComputedStyle(part(report, 'summary')!).color).to.equal('rgb(0, 0, 0)');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('hides the rest of the page while it prints itself', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    const originalPrint = window.print;
    let printing = false;
    window.print = () => {
      printing =
        document.documentElement.classList.contains('kring-printing-report') &&
        report.hasAttribute('data-kring-printing');
      window.dispatchEvent(new Event('afterprint'));
    };
    try {
      (part(report, 'print') as HTMLButtonElement).click();
    } finally {
      window.print = originalPrint;
    }
    expect(printing).to.equal(true);
    expect(document.documentElement.classList.contains('kring-printing-report')).to.equal(false);
  });

  it('lets the keyboard reach the key figures table, which scrolls sideways on a narrow screen', async () => {
    const { name } = registerTestBackend();
    const report = await renderReport(name);
    await waitUntil(() => report.shadowRoot!.querySelector('[data-table="figures"]'), 'figures shown', {
      timeout: 8000,
    });
    const wrapper = report.shadowRoot!.querySelector('[data-table="figures"]')!.parentElement!;
    expect(wrapper.getAttribute('tabindex')).to.equal('0');
    expect(wrapper.getAttribute('role')).to.equal('region');
    expect(wrapper.getAttribute('aria-label')).to.equal('Table of key figures');
    await expect(report).to.be.accessible();
  });

  it('reaches every button with the keyboard', async () => {
    const { name } = backendWith(async () => octoberMetrics());
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'summary'), 'report shown');
    const focused: string[] = [];
    document.body.focus();
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      focused.push(report.shadowRoot!.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused.slice(0, 3)).to.deep.equal(['Download CSV', 'Download JSON', 'Print or save as PDF']);
  });

  it('shows an error with retry, and an empty month', async () => {
    const { name } = backendWith(async () => {
      throw new BackendError('forbidden', 'Only community managers may see the report.');
    });
    const report = await renderReport(name);
    await waitUntil(() => part(report, 'retry'), 'error shown');
    expect(text(report)).to.contain('Only community managers may see the report.');
    await expect(report).to.be.accessible();
    const empty = await renderReport(backendWith(async () => emptyMetrics()).name);
    await waitUntil(() => text(empty).includes('No community activity'), 'empty shown');
    expect(part(empty, 'toolbar')).to.equal(null);
    await expect(empty).to.be.accessible();
  });

  it('keeps loading while the backend is silent', async () => {
    const report = await renderReport(backendWith(() => never()).name);
    await waitUntil(() => part(report, 'status'), 'loading');
    expect(part(report, 'summary')).to.equal(null);
  });
});
