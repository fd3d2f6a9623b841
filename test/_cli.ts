import { CliIo, main } from '../src/cli/main';

/** Runs the command-line tool over one file with JSON output: its exit code, its findings and what it wrote to stderr. */
export function checkFileWithCli(file: string): { code: number; findings: any[]; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readStdin: () => '' };
  const code = main(['--format', 'json', file], io);
  return { code, findings: out ? JSON.parse(out).findings : [], err };
}
