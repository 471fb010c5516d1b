import type { ReportFinding, ReportLocation, ReportModel, RolloutPlan } from '../../../server/src/shared/protocol';

/**
 * The compatibility report as one HTML page for a VS Code webview. Pure (no VS Code API) so it can be tested
 * directly. Every string from the report passes through `escapeHtml`: names, messages and witness values come
 * from the user's code, and a string-literal type may well be `"<script>…"`. The page loads nothing remote; its
 * only style and script carry the nonce the Content-Security-Policy allows.
 */
export interface PageOptions {
  /** A fresh random value per page; the CSP allows only the style and script that carry it. */
  nonce: string;
  /** The webview's `cspSource` (its own resource origin). */
  cspSource: string;
  /**
   * `<finding id>:<token>`: the finding to open the page at (its entry in the rollout plan when it has one, else
   * the finding); a new token scrolls to it again.
   */
  focus?: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const e = escapeHtml;

export function contentSecurityPolicy({ nonce, cspSource }: PageOptions): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function renderReportHtml(report: ReportModel, options: PageOptions): string {
  const s = report.summary;
  const body = `
<main id="skew-report" aria-labelledby="report-title"${options.focus ? ` data-focus="${e(options.focus)}"` : ''}>
  <header>
    <h1 id="report-title">Compatibility report</h1>
    <div class="toolbar" role="toolbar" aria-label="Report actions">
      <button type="button" id="export-markdown" data-action="export">Export as Markdown…</button>
      <button type="button" id="copy-markdown" data-action="copy">Copy to clipboard</button>
      <button type="button" id="refresh-report" data-action="refresh">Refresh</button>
    </div>
    <dl id="baseline" class="facts">
      <dt>Baseline</dt>
      <dd><code class="baseline-ref">${e(report.baseline.ref)}</code> @ <code class="baseline-commit" title="${e(report.baseline.commit)}">${e(report.baseline.commit.slice(0, 7))}</code>${report.baseline.date ? `, <time datetime="${e(report.baseline.date)}">${e(report.baseline.date.slice(0, 10))}</time>` : ''} <span class="muted">(${inlineCode(report.baseline.how)})</span></dd>
      ${report.window && report.window.length > 1 ? `<dt>Live versions</dt>
      <dd id="live-versions">${report.window.map((b) => `<code>${e(b.ref)}</code> @ <code title="${e(b.commit)}">${e(b.commit.slice(0, 7))}</code>`).join(', ')}</dd>` : ''}
      <dt>Working tree</dt>
      <dd id="working-tree" data-dirty="${workingDirty(report)}">${e(workingTreeText(report))}</dd>
    </dl>
  </header>
  <nav aria-label="Sections"><a href="#summary">Summary</a> · <a href="#rollout-plan">Rollout plan</a> · <a href="#findings">Findings</a>${report.suppressed.length ? ' · <a href="#suppressed">Suppressed</a>' : ''}</nav>
  <section id="summary" aria-labelledby="summary-title">
    <h2 id="summary-title">Summary</h2>
    <p class="summary-line">${s.contractsChecked} contract${s.contractsChecked === 1 ? '' : 's'} checked, ${s.contractsChanged} changed · <strong>${s.findings} finding${s.findings === 1 ? '' : 's'}</strong> in ${s.contractsWithFindings} contract${s.contractsWithFindings === 1 ? '' : 's'} · ${s.suppressed} suppressed</p>
    ${summaryTable(report)}
  </section>
  ${planHtml(report.plan)}
  <section id="findings" aria-labelledby="findings-title">
    <h2 id="findings-title">Findings</h2>
    ${report.contracts.length ? report.contracts.map(contractHtml).join('\n') : '<p class="empty">No breaking changes against the baseline.</p>'}
  </section>
  ${suppressedHtml(report.suppressed)}
  <p class="muted keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous finding, <kbd>Enter</kbd> on a location opens it.</p>
</main>`;
  return page('Skew: Compatibility Report', body, options);
}

/** The page shown instead of a report (no folder, no baseline yet…). */
export function renderMessageHtml(message: string, options: PageOptions): string {
  return page(
    'Skew: Compatibility Report',
    `<main id="skew-report"><h1>Compatibility report</h1><p class="report-message" role="status">${e(message)}</p><button type="button" id="refresh-report" data-action="refresh">Try again</button></main>`,
    options,
  );
}

function page(title: string, body: string, options: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(options)).replace(/&#39;/g, "'")}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${e(title)}</title>
<style nonce="${e(options.nonce)}">${STYLE}</style>
</head>
<body>${body}
<script nonce="${e(options.nonce)}">${SCRIPT}</script>
</body>
</html>
`;
}

function workingDirty(report: ReportModel): string {
  const w = report.workingTree;
  if (w.uncommitted === undefined) return 'unknown';
  return w.uncommitted > 0 || (w.unsaved ?? 0) > 0 ? 'true' : 'false';
}

function workingTreeText(report: ReportModel): string {
  const w = report.workingTree;
  if (w.uncommitted === undefined) return 'unknown (git could not tell)';
  const at = [w.branch, w.head?.slice(0, 7)].filter(Boolean).join(' @ ');
  const changes = w.uncommitted === 0 ? 'no uncommitted changes' : `${w.uncommitted} file${w.uncommitted === 1 ? '' : 's'} with uncommitted changes`;
  const unsaved = w.unsaved ? `; ${w.unsaved} unsaved file${w.unsaved === 1 ? '' : 's'} (included in the check)` : '';
  return `${changes}${at ? ` on ${at}` : ''}${unsaved}`;
}

function summaryTable(report: ReportModel): string {
  if (report.summary.findings === 0) return '';
  const rows = (
    [
      ['old-to-new', 'old-to-new only'],
      ['new-to-old', 'new-to-old only'],
      ['both', 'both directions'],
    ] as const
  )
    .map(([group, label]) => {
      const r = report.summary.byDirection[group];
      return `<tr data-direction="${group}"><th scope="row">${label}</th><td>${r.error}</td><td>${r.warning}</td><td>${r.info}</td></tr>`;
    })
    .join('');
  return `<table class="by-direction"><caption>Findings by direction and severity</caption><thead><tr><th scope="col">breaks</th><th scope="col">error</th><th scope="col">warning</th><th scope="col">info</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function planHtml(plan: RolloutPlan): string {
  const releases = plan.releases
    .map(
      (r) =>
        `<div class="release"><h3>${e(r.title)}</h3><ol>${r.steps.map((step) => `<li>${e(step)}</li>`).join('')}</ol></div>`,
    )
    .join('');
  const two = plan.needTwoReleases.length
    ? `<h3>Changes that need two releases</h3><ul class="two-releases">${plan.needTwoReleases
        .map(
          (item) =>
            `<li${item.change.id ? ` id="plan-${e(item.change.id)}"` : ''}>${item.change.id ? `<a href="#${e(item.change.id)}"><code>${e(item.change.path)}</code></a>` : `<code>${e(item.change.path)}</code>`} (${e(item.change.rule)}): ${e(item.why)}.<dl><dt>Expand</dt><dd>${e(item.expand)}</dd><dt>Contract</dt><dd>${e(item.contract)}</dd></dl></li>`,
        )
        .join('')}</ul>`
    : '';
  return `<section id="rollout-plan" aria-labelledby="plan-title" data-verdict="${e(plan.verdict)}">
    <h2 id="plan-title">Rollout plan: <span class="plan-headline">${e(plan.headline)}</span></h2>
    <p class="plan-reason">${e(plan.reason)}</p>${releases}${two}
  </section>`;
}

function contractHtml(c: ReportModel['contracts'][number]): string {
  return `<section class="contract" aria-labelledby="contract-${e(c.findings[0]!.id)}">
    <h3 id="contract-${e(c.findings[0]!.id)}"><code>${e(c.name)}</code> <span class="kind">${c.kind === 'service' ? 'RPC service' : 'message'}</span></h3>
    ${c.findings.map(findingHtml).join('\n')}
  </section>`;
}

function findingHtml(f: ReportFinding): string {
  const directions = f.directions.map((d) => `<li><code>${e(d.direction)}</code>: ${e(d.words)}</li>`).join('');
  const locations = [
    f.loc ? locationButton('source', 'Source', f.loc) : '',
    f.baselineLoc ? locationButton('baseline', 'Baseline', f.baselineLoc) : '',
  ].join(' ');
  return `<article class="finding severity-${e(f.severity)}" id="${e(f.id)}" tabindex="-1" aria-labelledby="${e(f.id)}-title" data-rule="${e(f.rule)}" data-path="${e(f.path)}">
      <h4 id="${e(f.id)}-title"><span class="severity" title="${e(f.severity)}">${f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'}</span> <code class="path">${e(f.path)}</code> <a class="rule" href="${e(safeHref(f.docUrl))}" title="${e(f.ruleDescription)}">${e(f.rule)}</a></h4>
      <p class="message">${inlineCode(f.message)}</p>
      <ul class="directions" aria-label="Directions it breaks">${directions}</ul>
      ${f.againstWords ? `<p class="against">Breaks ${e(f.againstWords)}</p>` : ''}
      <p class="order">Safe order: ${e(f.orderWords)}</p>
      ${locations.trim() ? `<p class="locations">${locations}</p>` : ''}
      ${f.affects?.length ? `<p class="affects muted">Also affects ${f.affects.map((a) => `<code>${e(a)}</code>`).join(', ')}</p>` : ''}
      ${witnessHtml(f)}
    </article>`;
}

function witnessHtml(f: ReportFinding): string {
  if ('none' in f.witness) return `<p class="no-witness"><span class="label">No witness:</span> ${e(f.witness.none)}</p>`;
  const w = f.witness;
  return `<div class="witness" data-kind="${e(w.kind)}" data-direction="${e(w.direction)}">
        <h5>Witness <span class="muted">(${w.kind === 'misread' ? 'read differently' : 'rejected'}; written by ${e(w.writer)}, ${e(w.direction)})</span></h5>
        <p class="witness-explanation">${e(w.explanation)}</p>
        <pre><code class="witness-value">${e(w.json)}</code></pre>
      </div>`;
}

function locationButton(target: 'source' | 'baseline', label: string, loc: ReportLocation): string {
  const at = `${loc.file}:${loc.range.start.line + 1}:${loc.range.start.character + 1}`;
  return `<button type="button" class="open-location" data-action="open" data-target="${target}" data-file="${e(loc.file)}" data-line="${loc.range.start.line}" data-character="${loc.range.start.character}" data-end-line="${loc.range.end.line}" data-end-character="${loc.range.end.character}">${label}: <code>${e(at)}</code></button>`;
}

function suppressedHtml(suppressed: ReportFinding[]): string {
  if (!suppressed.length) return '';
  const items = suppressed
    .map((f) => `<li id="${e(f.id)}"><code>${e(f.path)}</code> ${e(f.rule)}: ${e(f.suppressed?.reason ?? '')} <span class="muted">(${f.suppressed?.by === 'config' ? 'skew.json' : 'skew-ignore comment'})</span></li>`)
    .join('');
  return `<section id="suppressed" aria-labelledby="suppressed-title"><h2 id="suppressed-title">Suppressed</h2><ul>${items}</ul></section>`;
}

/** Text whose `backticked` parts are code; both parts escaped. */
function inlineCode(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part) => (part.length > 1 && part.startsWith('`') && part.endsWith('`') ? `<code>${e(part.slice(1, -1))}</code>` : e(part)))
    .join('');
}

/** Only http(s) links: a doc URL is ours, but nothing in the page should ever carry `javascript:`. */
function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

const STYLE = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); margin: 0; padding: 0 20px 24px; line-height: 1.45; }
main { max-width: 980px; }
h1 { font-size: 1.6em; margin: 16px 0 8px; }
h2 { font-size: 1.25em; border-bottom: 1px solid var(--vscode-panel-border, transparent); padding-bottom: 4px; margin-top: 24px; }
h3 { font-size: 1.1em; margin: 16px 0 8px; }
h4 { font-size: 1em; margin: 0 0 6px; }
h5 { font-size: 0.95em; margin: 8px 0 4px; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
code { background: var(--vscode-textCodeBlock-background); padding: 0 3px; border-radius: 3px; }
pre { background: var(--vscode-textCodeBlock-background); padding: 8px 10px; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
.muted { color: var(--vscode-descriptionForeground); }
.toolbar { display: flex; gap: 8px; flex-wrap: wrap; margin: 8px 0 12px; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 4px 10px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.open-location { color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0 4px 0 0; }
button.open-location:hover { text-decoration: underline; }
:focus-visible, .finding:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
nav { margin: 8px 0; }
table { border-collapse: collapse; margin: 8px 0; }
caption { text-align: left; color: var(--vscode-descriptionForeground); padding-bottom: 4px; }
th, td { border: 1px solid var(--vscode-panel-border, var(--vscode-foreground)); padding: 2px 10px; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
.finding { border-left: 3px solid var(--vscode-editorInfo-foreground); padding: 6px 12px; margin: 10px 0; background: var(--vscode-editorWidget-background, transparent); }
.finding.severity-error { border-left-color: var(--vscode-editorError-foreground); }
.finding.severity-warning { border-left-color: var(--vscode-editorWarning-foreground); }
.severity-error .severity { color: var(--vscode-editorError-foreground); }
.severity-warning .severity { color: var(--vscode-editorWarning-foreground); }
.finding p, .finding ul { margin: 4px 0; }
.kind { font-weight: normal; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.rule { font-weight: normal; font-size: 0.9em; margin-left: 6px; }
#rollout-plan { border: 1px solid var(--vscode-panel-border, var(--vscode-foreground)); border-radius: 4px; padding: 0 14px 8px; margin-top: 20px; }
#rollout-plan h2 { border: none; }
#rollout-plan[data-verdict=two-releases] { border-color: var(--vscode-editorError-foreground); }
.two-releases dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 4px 0 8px; }
.two-releases dd { margin: 0; }
.focused { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
body.vscode-high-contrast .finding, body.vscode-high-contrast-light .finding { border: 1px solid var(--vscode-contrastBorder); }
`;

// Runs in the webview: turns clicks and keys into messages for the extension. It reads only data-* attributes.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  // A live refresh replaces the page: keep the reader's place. A page opened at a finding scrolls to it the
  // first time only; refreshes after that keep it marked and leave the scrolling to the reader.
  const main = document.getElementById('skew-report');
  const focus = (main && main.dataset.focus) || '';
  const id = focus.replace(/:[0-9]+$/, '');
  const target = id && (document.getElementById('plan-' + id) || document.getElementById(id));
  const saved = vscode.getState() || {};
  if (target) target.classList.add('focused');
  if (target && saved.focus !== focus) {
    target.scrollIntoView({ block: 'center' });
    if (target.hasAttribute('tabindex')) target.focus();
  } else if (typeof saved.scrollY === 'number') {
    window.scrollTo(0, saved.scrollY);
  }
  const remember = () => vscode.setState({ scrollY: window.scrollY, focus: focus });
  remember();
  window.addEventListener('scroll', remember, { passive: true });
  document.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!el) return;
    event.preventDefault();
    const d = el.dataset;
    if (d.action === 'open') {
      vscode.postMessage({ type: 'open', target: d.target, file: d.file, line: Number(d.line), character: Number(d.character), endLine: Number(d.endLine), endCharacter: Number(d.endCharacter) });
    } else {
      vscode.postMessage({ type: d.action });
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
    if (event.key !== 'j' && event.key !== 'k') return;
    const all = Array.from(document.querySelectorAll('.finding'));
    if (!all.length) return;
    const current = all.indexOf(document.activeElement && document.activeElement.closest ? document.activeElement.closest('.finding') : null);
    const next = event.key === 'j' ? Math.min(current + 1, all.length - 1) : Math.max(current - 1, 0);
    all[next].focus();
    all[next].scrollIntoView({ block: 'nearest' });
    event.preventDefault();
  });
})();
`;
