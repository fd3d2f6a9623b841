import * as fs from 'fs';
import * as path from 'path';
import * as url from 'url';
import { Skipped } from './_read';
import { ValidationError } from '../core/validation-error';
import { ManifestChecker } from '../validation/checker';
import { Finding, Severity } from '../validation/finding';

/** The output formats. */
export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type Format = typeof FORMATS[number];

/** A finding with the place of its field. */
export interface Placed {
  readonly finding: Finding;
  /** The file as shown (`<stdin>` for stdin). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The value of the field as parsed when it can be recovered, else the rendered text. */
  readonly value?: unknown;
}

/** What a check found, to print. */
export interface Report {
  /** Files read as manifests. */
  readonly files: number;
  readonly objects: number;
  readonly skipped: readonly Skipped[];
  /** Every finding, acknowledged ones included. */
  readonly placed: readonly Placed[];
  /** Whether every skipped file was listed (on stderr). */
  readonly skippedListed: boolean;
}

const STDIN = '<stdin>';

/** Prints a report in a format. */
export function render(format: Format, report: Report, write: (text: string) => void): void {
  switch (format) {
    case 'json': return write(json(report));
    case 'github': return write(github(report));
    case 'sarif': return write(sarif(report));
    default: return write(text(report));
  }
}

function counts(report: Report): { errors: number; warnings: number; acknowledged: number } {
  let errors = 0;
  let warnings = 0;
  let acknowledged = 0;
  for (const { finding } of report.placed) {
    if (finding.acknowledged) {
      acknowledged++;
    } else if (finding.severity === Severity.ERROR) {
      errors++;
    } else {
      warnings++;
    }
  }
  return { errors, warnings, acknowledged };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The last line of the text and github formats. */
function summaryLine(report: Report): string {
  const { errors, warnings, acknowledged } = counts(report);
  const found = errors + warnings === 0 ? 'no findings' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const skipped = report.skipped.length === 0 ? ''
    : ` (${report.skipped.length} skipped${report.skippedListed ? '' : ', --verbose lists them'})`;
  return `${found}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''} in ${plural(report.objects, 'object')} from ${plural(report.files, 'file')}${skipped}\n`;
}

/** `Service shop/web`: the object a finding is about. */
function what(f: Finding): string {
  return `${f.kind ?? 'object'} ${f.namespace ? `${f.namespace}/` : ''}${f.name ?? `#${f.manifestIndex}`}`;
}

/** The problem in one line: field, value, message and fix. */
function problem(f: Finding): string {
  return ValidationError.formatProblem({ path: '', field: f.field, value: f.value, message: f.message, fix: f.fix });
}

function text(report: Report): string {
  let out = '';
  for (const p of report.placed) {
    const f = p.finding;
    if (!f.acknowledged) {
      out += `${p.file}:${p.line}:${p.column}: ${f.severity} ${f.ruleId} ${what(f)}: ${problem(f)}\n    see ${f.docsUrl}\n`;
    }
  }
  return out + summaryLine(report);
}

function json(report: Report): string {
  const { errors, warnings, acknowledged } = counts(report);
  return `${JSON.stringify({
    summary: { files: report.files, objects: report.objects, skipped: report.skipped.length, errors, warnings, acknowledged },
    findings: report.placed.map((p) => ({ file: p.file, line: p.line, column: p.column, ...p.finding, value: p.value })),
    skipped: report.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  }, null, 2)}\n`;
}

/** A file name relative to the working folder, with forward slashes, if it is inside it. */
function relative(file: string): string | undefined {
  const rel = path.relative(process.cwd(), path.resolve(file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    return undefined;
  }
  return rel.split(path.sep).join('/');
}

/** Escapes the message of a workflow command. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` per finding, which GitHub
 * shows as an annotation on the line of the field.
 *
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
function github(report: Report): string {
  let out = '';
  for (const p of report.placed) {
    const f = p.finding;
    if (f.acknowledged) {
      continue;
    }
    const command = f.severity === Severity.ERROR ? 'error' : 'warning';
    const message = `${what(f)}: ${problem(f)}\nsee ${f.docsUrl}`;
    if (p.file === STDIN) {
      out += `::${command} title=${escapeProperty(f.ruleId)}::${escapeData(`${STDIN}:${p.line}:${p.column}: ${message}`)}\n`;
    } else {
      const file = relative(p.file) ?? p.file.split(path.sep).join('/');
      out += `::${command} file=${escapeProperty(file)},line=${p.line},col=${p.column},title=${escapeProperty(f.ruleId)}::${escapeData(message)}\n`;
    }
  }
  return out + summaryLine(report);
}

/** The package's version and home page, for the SARIF tool description. */
function packageInfo(): { version?: string; informationUri: string } {
  const fallback = 'https://www.npmjs.com/package/cdk8s-service-patterns';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf-8'));
    const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const home = typeof pkg.homepage === 'string' ? pkg.homepage
      : typeof repo === 'string' ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : fallback;
    return { version: typeof pkg.version === 'string' ? pkg.version : undefined, informationUri: /^https?:\/\//.test(home) ? home : fallback };
  } catch {
    return { informationUri: fallback };
  }
}

/**
 * SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps): the whole rule catalogue as
 * the driver's rules, one result per finding, acknowledged findings as results suppressed in
 * source.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
function sarif(report: Report): string {
  const rules = ManifestChecker.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const { version, informationUri } = packageInfo();
  const results = report.placed.map((p) => {
    const f = p.finding;
    const uri = p.file === STDIN ? undefined
      : relative(p.file)?.split('/').map(encodeURIComponent).join('/') ?? url.pathToFileURL(path.resolve(p.file)).href;
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? -1,
      level: f.severity === Severity.ERROR ? 'error' : 'warning',
      message: { text: `${what(f)}: ${problem(f)}` },
      ...(uri === undefined ? {} : {
        locations: [{
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: p.line, startColumn: p.column },
          },
        }],
      }),
      ...(f.acknowledged ? { suppressions: [{ kind: 'inSource', justification: f.acknowledgedReason ?? '' }] } : {}),
    };
  });
  return `${JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'k8s-connectivity-check',
          ...(version === undefined ? {} : { version }),
          informationUri,
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: r.summary },
            helpUri: r.docsUrl,
            defaultConfiguration: { level: r.severity === Severity.ERROR ? 'error' : 'warning' },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2)}\n`;
}
