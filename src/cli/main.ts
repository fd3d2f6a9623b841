#!/usr/bin/env node
import * as fs from 'fs';
import { locate, parseFieldPath, valueAt } from './_field-path';
import { FORMATS, Format, Placed, render } from './_formats';
import { Input, Located, Skipped, Unreadable, readInputs } from './_read';
import { renderValue } from '../core/problems';
import { ValidationError } from '../core/validation-error';
import { ConnectivityMap } from '../graph/connectivity-map';
import { checkManifests } from '../validation/check';
import { CheckOptions } from '../validation/check-options';
import { ManifestChecker } from '../validation/checker';
import { Finding, Severity } from '../validation/finding';

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

const USAGE = `usage: k8s-connectivity-check [options] <file|folder|-> ...

Checks Kubernetes manifests (YAML or JSON, several documents per file) for what the API
server rejects in Services, Endpoints, EndpointSlices, Ingresses and IngressClasses, and for
cross-object mistakes that only show up as missing traffic.

  <file|folder|->           files, folders or '-' for stdin; a file given is read as manifests
                            whatever its name, unless no document in it has apiVersion or kind;
                            folders are searched for *.yaml and *.yml files with at least one
                            document with apiVersion and kind, and for *.json files that hold
                            such an object or a List (other files are skipped)
  --format FORMAT           text (default), json (acknowledged findings included, marked),
                            github (workflow commands: annotations on the lines) or sarif (2.1.0)
  --json                    the same as --format json
  --graph FORMAT            print a map of the paths through the objects instead of the findings:
                            mermaid or dot; NetworkPolicies and the findings mark its edges (the
                            exit code is the same as without it)
  --fail-on SEVERITY        exit 1 on findings of this severity or worse: error (default) or warning
  --verbose                 list the files skipped, with the reason (on stderr)
  --node-port-range A-B     the cluster's --service-node-port-range (default 30000-32767)
  --complete                the manifests are the whole set: a referenced object that is not
                            among them is an error, not a warning
  --namespace NS            the namespace objects without metadata.namespace are applied to
                            (default 'default', as kubectl apply)
  --kubernetes-version V    the cluster's Kubernetes version, 1.28 to 1.34 (default 1.28)
  --ip-families F,...       the cluster's IP families, IPv4 and/or IPv6 (default: not checked)
  --security                apply the opt-in security profile rules
  --skip RULE,...           rules not to apply (repeatable)
  --list-rules              print the rule catalogue and exit
  -h, --help                print this help

Exit code: 0 no finding of the --fail-on severity or worse (by default warnings alone are
clean), 1 such findings, 2 unreadable input, no Kubernetes manifest found, or bad usage.
Acknowledge a finding on one object with the annotation
  service-patterns.cdk8s.io/acknowledge: "XREF008(legacy-svc): managed by the platform team"
`;

/** The facts about the cluster the checker reads, passed through as given (the checker validates them). */
interface ClusterFacts {
  complete?: boolean;
  namespace?: string;
  kubernetesVersion?: string;
  ipFamilies?: string[];
  security?: boolean;
}

/** The formats of the map that `--graph` prints. */
const GRAPH_FORMATS = ['mermaid', 'dot'];

const SEVERITY_RANK: Record<string, number> = { [Severity.WARNING]: 1, [Severity.ERROR]: 2 };
const FAIL_ON = [Severity.ERROR, Severity.WARNING] as string[];

/** A list option: `a,b` split on commas, blanks left out. */
function listOf(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Runs the command line tool: returns the exit code.
 *
 * @param argv the arguments after the program name
 * @param io where to read and write
 */
export function main(argv: string[], io: CliIo = processIo()): number {
  let format: Format = 'text';
  let formatGiven = false;
  let graph: string | undefined;
  let failOn = Severity.ERROR as string;
  let verbose = false;
  let listRules = false;
  let nodePortRange: string | undefined;
  const facts: ClusterFacts = {};
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
    const oneOf = (allowed: readonly string[]): string => {
      const v = value();
      if (!allowed.includes(v)) {
        throw new Unreadable(`option ${flag} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got '${v}'`);
      }
      return v;
    };
    try {
      switch (flag) {
        case '--json': format = 'json'; formatGiven = true; break;
        case '--format': format = oneOf(FORMATS) as Format; formatGiven = true; break;
        case '--graph': graph = oneOf(GRAPH_FORMATS); break;
        case '--fail-on': failOn = oneOf(FAIL_ON); break;
        case '--verbose': verbose = true; break;
        case '--list-rules': listRules = true; break;
        case '--node-port-range': nodePortRange = value(); break;
        case '--skip': skip.push(...listOf(value())); break;
        case '--complete': facts.complete = true; break;
        case '--namespace': facts.namespace = value(); break;
        case '--kubernetes-version': facts.kubernetesVersion = value(); break;
        case '--ip-families': facts.ipFamilies = listOf(value()); break;
        case '--security': facts.security = true; break;
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
    printRules(io, format === 'json');
    return EXIT_CLEAN;
  }
  if (graph !== undefined && formatGiven) {
    io.stderr('k8s-connectivity-check: option --graph prints a map, not findings: leave out --format and --json\n');
    return EXIT_UNREADABLE;
  }
  if (inputs.length === 0) {
    io.stderr(`k8s-connectivity-check: give at least one file, folder or '-'\n\n${USAGE}`);
    return EXIT_UNREADABLE;
  }

  let input: Input;
  try {
    input = readInputs(inputs, () => io.readStdin());
  } catch (e) {
    if (e instanceof Unreadable) {
      io.stderr(`k8s-connectivity-check: ${e.message}\n`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }
  // A file given that is skipped is always said; the files skipped in folders on demand.
  for (const s of input.skipped.filter((f) => verbose || f.given)) {
    io.stderr(`k8s-connectivity-check: skipped '${s.file}': ${s.reason}\n`);
  }
  if (input.located.length === 0) {
    io.stderr(`k8s-connectivity-check: ${nothingFound(inputs, input)}\n`);
    return EXIT_UNREADABLE;
  }

  let findings: Finding[];
  try {
    const options: CheckOptions = { nodePortRange, skipRules: skip, includeAcknowledged: true, ...facts };
    findings = checkManifests(input.located.map((l) => l.object), options);
  } catch (e) {
    if (ValidationError.isValidationError(e)) {
      const problems = (e as ValidationError).problems.map((p) => `  - ${ValidationError.formatProblem({ ...p, path: '' })}`);
      io.stderr(`k8s-connectivity-check: invalid options:\n${problems.join('\n')}\n`);
      return EXIT_UNREADABLE;
    }
    throw e;
  }

  const failing = findings.some((f) => !f.acknowledged && (SEVERITY_RANK[f.severity] ?? 0) >= SEVERITY_RANK[failOn]);
  if (graph !== undefined) {
    printGraph(io, graph, input.located.map((l) => l.object), findings, facts.namespace);
    return failing ? EXIT_FINDINGS : EXIT_CLEAN;
  }
  const placed = findings.map((f) => place(f, input.located[f.manifestIndex]));
  const skippedListed = verbose || input.skipped.every((f) => f.given);
  render(format, { files: input.files, objects: input.located.length, skipped: input.skipped, placed, skippedListed }, (t) => io.stdout(t));
  return failing ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * Prints the map of the manifests (stdout), with the findings marked on it; says on stderr how
 * many findings there are, since the map shows them but does not list them.
 */
function printGraph(io: CliIo, graph: string, manifests: any[], findings: Finding[], namespace: string | undefined): void {
  const map = ConnectivityMap.fromManifests(manifests, { findings, namespace });
  io.stdout(graph === 'dot' ? map.toDot() : map.toMermaid());
  const open = findings.filter((f) => !f.acknowledged);
  if (open.length > 0) {
    const errors = open.filter((f) => f.severity === Severity.ERROR).length;
    const counts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', open.length > errors ? `${open.length - errors} warning${open.length - errors === 1 ? '' : 's'}` : '']
      .filter((c) => c !== '').join(', ');
    io.stderr(`k8s-connectivity-check: ${counts} marked on the map; run without --graph to list them\n`);
  }
}

/** A finding with the line and column of its field, and the value found there as parsed. */
function place(f: Finding, l: Located): Placed {
  const steps = parseFieldPath(f.field);
  const { line, column } = locate(l.doc, l.node, steps, l.lineCounter, l.offset);
  let value: unknown = f.value;
  if (f.value !== undefined) {
    // The finding holds the value rendered as text ('htp' quoted): the value at the field, when
    // it renders the same, is the value the finding is about.
    const at = valueAt(l.object, steps);
    if (at.found && renderValue(at.value) === f.value) {
      value = at.value;
    }
  }
  return { finding: f, file: l.file, line, column, value };
}

/** Why there is nothing to check: what was read and what was skipped. */
function nothingFound(inputs: readonly string[], input: Input): string {
  const where = inputs.map((i) => `'${i === '-' ? '<stdin>' : i}'`).join(', ');
  const read = `${input.files} file${input.files === 1 ? '' : 's'} read`;
  let detail: string;
  if (input.files === 0 && input.skipped.length === 0) {
    detail = 'no *.yaml, *.yml or *.json file';
  } else if (input.skipped.length === 0) {
    detail = `${read}, none skipped`;
  } else {
    const shown = input.skipped.slice(0, 5).map((s: Skipped) => `${s.file} (${s.reason})`).join(', ');
    const more = input.skipped.length > 5 ? `, and ${input.skipped.length - 5} more` : '';
    detail = `${read}, ${input.skipped.length} skipped: ${shown}${more}`;
  }
  return `no Kubernetes manifest found in ${where} (${detail})`;
}

function printRules(io: CliIo, json: boolean): void {
  const rules = ManifestChecker.rules;
  if (json) {
    io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
    return;
  }
  for (const r of rules) {
    io.stdout(`${r.id.padEnd(8)} ${r.severity.padEnd(7)} ${r.kinds.join(',')}: ${r.summary}${r.acknowledgeable ? '' : ' (enforced by the API server)'}\n         ${r.docsUrl}\n`);
  }
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
