import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentSecurityPolicy, escapeHtml, renderMessageHtml, renderReportHtml } from '../../../client/src/report/render-html';
import type { ReportModel } from '../../../server/src/report/report-model';
import { sampleReport, XSS } from './sample';

const OPTIONS = { nonce: 'bm9uY2Vub25jZW5vbmNl', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

/** A report whose every code-derived string tries to break out of its place in the page. */
function hostileReport(): ReportModel {
  const report = sampleReport();
  const attr = `x" onmouseover="alert(2)`;
  const tag = '</code><img src=x onerror=alert(3)>';
  const f = report.contracts[0]!.findings[0]!;
  f.path = `${f.path}${attr}`;
  f.message = `${f.message} ${tag} \`${XSS}\``;
  // What the webview receives is JSON from another process: any string can arrive where a rule id is typed.
  f.rule = `${f.rule}${attr}` as typeof f.rule;
  f.docUrl = 'javascript:alert(4)';
  f.loc = { file: `src/${attr}.ts`, range: f.loc!.range };
  report.contracts[0]!.name = `${report.contracts[0]!.name}${tag}`;
  report.baseline.ref = `${XSS}${attr}`;
  report.workingTree.branch = tag;
  report.plan.headline = XSS;
  report.suppressed[0]!.suppressed!.reason = tag;
  return report;
}

/** Every element that could run code or load something, outside the page's own nonce-carrying style and script. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(script|style|img|iframe|object|embed|link|svg|math|base|form)\b[^>]*>/gi)) found.push(m[0]);
  // Attribute names, read the way a browser splits a tag (values are quoted; escaping keeps quotes out of them).
  for (const tag of html.matchAll(/<[a-z][^\s>]*((?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi)) {
    for (const attr of tag[1]!.matchAll(/\s+([^\s=>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      if (/^on/i.test(attr[1]!)) found.push(attr[1]!);
    }
  }
  for (const m of html.matchAll(/\s(?:href|src|action)\s*=\s*"(javascript:[^"]*)"/gi)) found.push(m[1]!);
  return found;
}

describe('report webview HTML', () => {
  const html = renderReportHtml(sampleReport(), OPTIONS);

  it('shows the baseline, working tree, summary, plan, findings and witnesses', () => {
    assert.match(html, /<code class="baseline-ref">deployed<\/code> @ <code class="baseline-commit" title="1234567890abcdef1234567890abcdef12345678">1234567<\/code>, <time datetime="2024-05-01T10:00:00\+02:00">2024-05-01<\/time>/);
    assert.match(html, /<dd id="working-tree" data-dirty="true">2 files with uncommitted changes on main @ abcdef0<\/dd>/);
    assert.match(html, /<p class="summary-line">2 contracts checked, 2 changed · <strong>3 findings<\/strong> in 2 contracts · 1 suppressed<\/p>/);
    assert.match(html, /<tr data-direction="both"><th scope="row">both directions<\/th><td>1<\/td><td>0<\/td><td>0<\/td><\/tr>/);
    assert.match(html, /<section id="rollout-plan" aria-labelledby="plan-title" data-verdict="two-releases">/);
    assert.match(html, /<span class="plan-headline">No safe order: these changes need two releases<\/span>/);
    assert.match(html, /<a href="#f1"><code>OrderCreated\.total<\/code><\/a> \(field-renamed\)/);
    assert.equal((html.match(/<article class="finding /g) ?? []).length, 3);
    assert.equal((html.match(/<div class="witness"/g) ?? []).length, 3);
    assert.match(html, /<pre><code class="witness-value">\{\n  &quot;id&quot;: &quot;x&quot;,\n  &quot;total&quot;: 0,\n  &quot;currency&quot;: &quot;x&quot;,\n  &quot;kind&quot;: &quot;&lt;script&gt;alert\(1\)&lt;\/script&gt;&quot;\n\}<\/code><\/pre>/);
    assert.match(html, /<button type="button" class="open-location" data-action="open" data-target="baseline" data-file="src\/messages\.ts" data-line="4" data-character="2" data-end-line="4" data-end-character="6">Baseline: <code>src\/messages\.ts:5:3<\/code><\/button>/);
    assert.match(html, /id="export-markdown" data-action="export"/);
    assert.match(html, /id="copy-markdown" data-action="copy"/);
  });

  it('has a strict Content-Security-Policy and loads nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, contentSecurityPolicy(OPTIONS));
    assert.match(csp, /^default-src 'none'; style-src 'nonce-bm9uY2Vub25jZW5vbmNl'; script-src 'nonce-bm9uY2Vub25jZW5vbmNl';/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.deepEqual(activeContent(html), ['<style nonce="bm9uY2Vub25jZW5vbmNl">', '<script nonce="bm9uY2Vub25jZW5vbmNl">']);
    assert.doesNotMatch(html, /\ssrc\s*=|<link|@import|url\(/i);
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.ok(links.every((l) => l.startsWith('#') || l.startsWith('https://github.com/skew-dev/skew/blob/main/docs/rules/')), links.join(' '));
  });

  it('escapes everything that comes from the code: no script, tag, handler or attribute gets out (XSS)', () => {
    assert.deepEqual(activeContent('<b class="a" onclick="x">'), ['onclick'], 'the probe itself sees a handler');
    const page = renderReportHtml(hostileReport(), OPTIONS);
    assert.deepEqual(activeContent(page), ['<style nonce="bm9uY2Vub25jZW5vbmNl">', '<script nonce="bm9uY2Vub25jZW5vbmNl">']);
    assert.ok(!page.includes(XSS));
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes('data-path="OrderCreated.totalx&quot; onmouseover=&quot;alert(2)"'));
    assert.ok(page.includes('&lt;/code&gt;&lt;img src=x onerror=alert(3)&gt;'));
    assert.ok(page.includes('class="rule" href="#"'), 'a non-http doc link is neutralised');
  });

  it('renders a message page with the same policy', () => {
    const page = renderMessageHtml(`no baseline ${XSS}`, OPTIONS);
    assert.match(page, /<p class="report-message" role="status">no baseline &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
    assert.deepEqual(activeContent(page), ['<style nonce="bm9uY2Vub25jZW5vbmNl">', '<script nonce="bm9uY2Vub25jZW5vbmNl">']);
  });

  it('escapes the five HTML-significant characters', () => {
    assert.equal(escapeHtml(`<a href='x'>"&"</a>`), '&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;');
  });
});

describe('report page: the release window', () => {
  it('lists the live versions and says which ones each finding breaks against', () => {
    const report = sampleReport();
    report.window = [
      { ...report.baseline, ref: 'deploy/eu', commit: 'e'.repeat(40) },
      { ...report.baseline, ref: 'deploy/us', commit: 'a'.repeat(40) },
    ];
    report.contracts[0]!.findings[0]!.againstWords = 'against deploy/eu (v1.4.0) and deploy/us <v1.3.2>';
    const html = renderReportHtml(report, OPTIONS);
    assert.match(html, /<dt>Live versions<\/dt>\s*<dd id="live-versions"><code>deploy\/eu<\/code> @ <code title="e{40}">eeeeeee<\/code>, <code>deploy\/us<\/code>/);
    assert.match(html, /<p class="against">Breaks against deploy\/eu \(v1\.4\.0\) and deploy\/us &lt;v1\.3\.2&gt;<\/p>/);
    assert.doesNotMatch(renderReportHtml(sampleReport(), OPTIONS), /Live versions|class="against"/);
  });
});
