import type { CheckedWithModels } from './check-result';
import { formatCheck, reportFor, type ReportFormat } from './formats';
import { toJsonReport } from './json';
import { printable } from './printable';
import { toSarif } from './sarif';

/** One project of a monorepo check: its name (its folder, as the user would type it) and what it found. */
export interface ProjectReport {
  name: string;
  checked: CheckedWithModels;
}

/**
 * The CLI's stdout for several projects: each project's report under its name, in the project order given.
 * JSON and SARIF stay one document (`{ "projects": [...] }`; one SARIF run per project); text, Markdown and
 * annotations follow one another.
 */
export async function formatProjects(format: ReportFormat, projects: readonly ProjectReport[], options: { color?: boolean } = {}): Promise<string> {
  switch (format) {
    case 'json':
      return JSON.stringify({ projects: projects.map((p) => ({ project: p.name, ...toJsonReport(p.checked.result) })) }, null, 2) + '\n';
    case 'sarif': {
      const logs = await Promise.all(projects.map(async (p) => ({ name: p.name, log: toSarif(await reportFor(p.checked)) })));
      const [first] = logs;
      if (!first) return '';
      // Code scanning tells runs of one tool apart by their category.
      const runs = logs.flatMap(({ name, log }) => log.runs.map((run) => ({ ...run, automationDetails: { id: `skew/${name}/` }, properties: { ...run.properties, project: name } })));
      return JSON.stringify({ ...first.log, runs }, null, 2) + '\n';
    }
    case 'github': {
      const parts = await Promise.all(projects.map((p) => formatCheck(format, p.checked, options)));
      return parts.join('');
    }
    case 'text':
    case 'markdown': {
      const parts = await Promise.all(projects.map((p) => formatCheck(format, p.checked, options)));
      const heading = (name: string) => (format === 'markdown' ? `# Project ${name}\n\n` : `━━ ${printable(name)} ━━\n`);
      return parts.map((out, i) => heading(projects[i]!.name) + out).join('\n');
    }
  }
}
