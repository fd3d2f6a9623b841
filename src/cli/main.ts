#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { checkManifests } from '../validation/_check';
import { Finding, Severity } from '../validation/finding';
import { ruleInfos } from '../validation/rules/_catalogue';
import { ValidationError } from '../validation/validation-error';

/**
 * What the command line tool reads and writes; the process by default, fakes in tests.
 */
export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Reads all of standard input. */
  readStdin(): string;
}

/** Exit codes. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

const USAGE = `usage: k8s-connectivity-check [--json] [--node-port-range 30000-32767] [--skip RULE,...] [--list-rules] <file|folder|-> ...

Checks Kubernetes manifests (YAML or JSON, several documents per file) for what a 1.28 API
server rejects in Services, Endpoints, EndpointSlices, Ingresses and IngressClasses, and for
cross-object mistakes that only show up as missing traffic.

  <file|folder|->        files, folders (searched for *.yaml, *.yml, *.json) or '-' for stdin
  --json                 print the findings as JSON (acknowledged ones included, marked)
  --node-port-range A-B  the cluster's --service-node-port-range (default 30000-32767)
  --skip RULE,...        rules not to apply (repeatable)
  --list-rules           print the rule catalogue and exit
  -h, --help             print this help

Exit code: 0 no errors (warnings alone are clean), 1 error findings, 2 unreadable input or bad usage.
Acknowledge a finding on one object with the annotation
  service-patterns.cdk8s.io/acknowledge: "XREF001: pods are created by an operator"
`;

/** One object read from the input, with where it came from. */
interface Located {
  readonly file: string;
  readonly line: number;
  readonly object: any;
}

class Unreadable extends Error {}

/**
 * Runs the command line tool: returns the exit code.
 *
 * @param argv the arguments after the program name
 * @param io where to read and write
 */
export function main(argv: string[], io: CliIo = processIo()): number {
  let json = false;
  let listRules = false;
  let nodePortRange: string | undefined;
  const skip: string[] = [];
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new Unreadable(`option ${flag} needs a value`);
      }
      return v;
    };
    try {
      switch (flag) {
        case '--json': json = true; break;
        case '--list-rules': listRules = true; break;
        case '--node-port-range': nodePortRange = value(); break;
        case '--skip': skip.push(...value().split(',').map((s) => s.trim()).filter((s) => s.length > 0)); break;
        case '-h':
        case '--help':
          io.stdout(USAGE);
          return EXIT_CLEAN;
        default:
          if (flag.startsWith('-') && flag !== '-') {
            io.stderr(`k8s-connectivity-check: unknown option '${flag}'\n\n${USAGE}`);
            return EXIT_UNREADABLE;
          }
          inputs.push(arg);
      }
    } catch (e) {
      io.stderr(`k8s-connectivity-check: ${(e as Error).message}\n`);
      return EXIT_UNREADABLE;
    }
  }

  if (listRules) {
    printRules(io, json);
    return EXIT_CLEAN;
  }
  if (inputs.length === 0) {
    io.stderr(`k8s-connectivity-check: give at least one file, folder or '-'\n\n${USAGE}`);
    return EXIT_UNREADABLE;
  }

  let located: Located[];
  let fileCount = 0;
  try {
    const files = inputs.flatMap((input) => expand(input));
    fileCount = files.length;
    located = files.flatMap((file) => read(file, io));
  } catch (e) {
    if (e instanceof Unreadable) {
      io.stderr(`k8s-connectivity-check: ${e.message}\n`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }

  let findings: Finding[];
  try {
    findings = checkManifests(located.map((l) => l.object), { nodePortRange, skipRules: skip, includeAcknowledged: true });
  } catch (e) {
    if (ValidationError.isValidationError(e)) {
      const problems = (e as ValidationError).problems.map((p) => `  - ${ValidationError.formatProblem({ ...p, path: '' })}`);
      io.stderr(`k8s-connectivity-check: invalid options:\n${problems.join('\n')}\n`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }

  const active = findings.filter((f) => !f.acknowledged);
  const errors = active.filter((f) => f.severity === Severity.ERROR).length;
  const warnings = active.length - errors;
  const acknowledged = findings.length - active.length;
  if (json) {
    io.stdout(`${JSON.stringify({
      summary: { files: fileCount, objects: located.length, errors, warnings, acknowledged },
      findings: findings.map((f) => ({ file: located[f.manifestIndex].file, line: located[f.manifestIndex].line, ...f })),
    }, null, 2)}\n`);
  } else {
    for (const f of active) {
      const l = located[f.manifestIndex];
      const what = `${f.kind ?? 'object'} ${f.namespace ? `${f.namespace}/` : ''}${f.name ?? `#${f.manifestIndex}`}`;
      const problem = ValidationError.formatProblem({ path: '', field: f.field, value: f.value, message: f.message, fix: f.fix });
      io.stdout(`${l.file}:${l.line}: ${f.severity} ${f.ruleId} ${what}: ${problem}\n    see ${f.docsUrl}\n`);
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = errors + warnings === 0 ? 'no findings' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    io.stdout(`${counts}${acknowledged > 0 ? ` (${acknowledged} acknowledged)` : ''} in ${plural(located.length, 'object')} from ${plural(fileCount, 'file')}\n`);
  }
  return errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

function printRules(io: CliIo, json: boolean): void {
  const rules = ruleInfos();
  if (json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return;
  }
  for (const r of rules) {
    io.stdout(`${r.id.padEnd(8)} ${r.severity.padEnd(7)} ${r.kinds.join(',')}: ${r.summary}${r.acknowledgeable ? '' : ' (enforced by the API server)'}\n         ${r.docsUrl}\n`);
  }
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The files an input names: itself, '-' for stdin, or the manifest files below a folder. */
function expand(input: string): string[] {
  if (input === '-') {
    return ['-'];
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new Unreadable(`cannot read '${input}': no such file or folder`);
  }
  if (!stat.isDirectory()) {
    return [input];
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') {
          walk(full);
        }
      } else if (EXTENSIONS.some((ext) => entry.name.endsWith(ext))) {
        out.push(full);
      }
    }
  };
  walk(input);
  return out;
}

/** The objects of one file (or stdin), each with the line its document starts on. */
function read(file: string, io: CliIo): Located[] {
  let text: string;
  const name = file === '-' ? '<stdin>' : file;
  try {
    text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw new Unreadable(`cannot read '${name}': ${(e as Error).message}`);
  }
  const lineCounter = new YAML.LineCounter();
  const docs = YAML.parseAllDocuments(text, { lineCounter });
  const out: Located[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const line = err.linePos ? err.linePos[0].line : lineCounter.linePos(doc.range[0]).line;
      throw new Unreadable(`cannot parse '${name}' at line ${line}: ${err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    let object: unknown;
    try {
      object = doc.toJS();
    } catch (e) {
      throw new Unreadable(`cannot read '${name}' at line ${lineCounter.linePos(doc.range[0]).line}: ${(e as Error).message}`);
    }
    if (object === null || object === undefined) {
      continue; // an empty document
    }
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    const items = isList(object) ? (object as any).items : [object];
    for (const item of items) {
      out.push({ file: name, line, object: item });
    }
  }
  return out;
}

/** Whether an object is a `kind: List` of objects (as `kubectl get -o yaml` writes). */
function isList(object: any): boolean {
  return typeof object === 'object' && object !== null && typeof object.kind === 'string'
    && object.kind.endsWith('List') && Array.isArray(object.items);
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => fs.readFileSync(0, 'utf-8'),
  };
}

if (require.main === module) {
  // A reader that stops early (`... | head`) closes the pipe: that is not a finding, and not
  // a crash either.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
  process.exitCode = main(process.argv.slice(2));
}
