import * as path from 'path';
import * as util from 'util';
import { Chart, Testing } from 'cdk8s';
import { ExternalBackend, ExternalService, ValidationError } from '../../src';
import { Problems, renderValue } from '../../src/core/problems';

test('is an Error with a stack, and lists every problem', () => {
  // WHEN
  const error = new ValidationError([
    { path: 'Chart/Db', field: 'port', value: '70000', message: 'must be between 1 and 65535' },
    { path: 'Chart/Db', field: 'addresses[1]', value: "'127.0.0.1'", message: 'must not be a loopback address', fix: 'use the backend\'s own address' },
  ]);
  // THEN
  expect(error).toBeInstanceOf(Error);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error.name).toBe('ValidationError');
  expect(error.stack).toMatch(/^ValidationError: validation failed with 2 problems/);
  expect(error.message).toBe([
    'validation failed with 2 problems:',
    '  - [Chart/Db] `port` must be between 1 and 65535, got 70000',
    "  - [Chart/Db] `addresses[1]` must not be a loopback address, got '127.0.0.1': use the backend's own address",
  ].join('\n'));
  expect(error.problems).toHaveLength(2);
});

test('is thrown and caught like any error', () => {
  expect(() => {
    throw new ValidationError([{ path: '', field: 'name', message: 'must not be empty' }]);
  }).toThrow(/validation failed with 1 problem:\n {2}- `name` must not be empty$/);
});

test('isValidationError', () => {
  expect(ValidationError.isValidationError(new ValidationError([]))).toBe(true);
  expect(ValidationError.isValidationError(new Error('x'))).toBe(false);
  expect(ValidationError.isValidationError(undefined)).toBe(false);
});

test('Problems collects and throws all at once', () => {
  const problems = new Problems('Chart/Web');
  expect(problems.empty).toBe(true);
  problems.add('replicas', -1, 'must not be negative');
  problems.addEach('name', 'A_b', ['first', 'second']);
  problems.addNested('ports[0]', [{ path: '', field: 'port', value: '0', message: 'must be between 1 and 65535' }]);
  expect(problems.items.map((p) => `${p.path} ${p.field} ${p.value}`)).toEqual([
    'Chart/Web replicas -1',
    "Chart/Web name 'A_b'",
    "Chart/Web name 'A_b'",
    'Chart/Web ports[0].port 0',
  ]);
  expect(problems.toMessages()[0]).toBe('`replicas` must not be negative, got -1');
  expect(() => problems.throwIfAny()).toThrow(/4 problems/);
});

test('renderValue', () => {
  expect(renderValue('x')).toBe("'x'");
  expect(renderValue(3)).toBe('3');
  expect(renderValue(undefined)).toBe('nothing');
  expect(renderValue({ a: 1 })).toBe('{"a":1}');
  expect(renderValue('y'.repeat(500))).toHaveLength(120);
});

test('the value received comes before a suggestion at the end of the message', () => {
  expect(ValidationError.formatProblem({
    path: 'Chart/Db',
    field: 'backend.hostname',
    value: "'DB.Example.com'",
    message: "must be a DNS-1123 subdomain; did you mean 'db.example.com'?",
  })).toBe("[Chart/Db] `backend.hostname` must be a DNS-1123 subdomain, got 'DB.Example.com'; did you mean 'db.example.com'?");
});

describe('printed once', () => {
  const problems = [
    { path: 'Chart/Db', field: 'backend.addresses[0]', value: "'127.0.0.1'", message: 'must not be a loopback address', fix: 'give a reachable address' },
    { path: 'Chart/Db', field: 'ports[0].port', value: '70000', message: 'must be between 1 and 65535' },
  ];
  const count = (text: string, part: string) => text.split(part).length - 1;

  test('util.inspect (console.log, an uncaught error) shows each problem exactly once and no field dump', () => {
    // GIVEN
    let error: ValidationError | undefined;
    try {
      throw new ValidationError(problems);
    } catch (e) {
      error = e as ValidationError;
    }
    // WHEN
    const printed = [util.inspect(error), util.inspect({ cause: error }), util.format('%o', error)];
    // THEN
    for (const text of printed) {
      for (const p of problems) {
        expect(count(text, ValidationError.formatProblem(p))).toBe(1);
        expect(count(text, p.message)).toBe(1);
      }
      expect(text).not.toMatch(/problems: \[/);
      expect(text).not.toContain("field: '");
      expect(text).toContain('ValidationError: validation failed with 2 problems');
    }
  });

  test('problems stays a public property, but not an own enumerable field', () => {
    const error = new ValidationError(problems);
    expect(error.problems).toEqual(problems);
    expect(Object.keys(error)).not.toContain('problems');
    // A copy: changing it does not change the error.
    error.problems.pop();
    expect(error.problems).toHaveLength(2);
  });

  test('the stack has no frames inside the library, only the caller\'s', () => {
    // WHEN
    const error = (() => {
      try {
        new ExternalService(new Chart(Testing.app(), 'Chart'), 'Db', {
          backend: ExternalBackend.addresses(['127.0.0.1']),
          ports: [{ port: 5432 }],
        });
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    })();
    // THEN
    expect(ValidationError.isValidationError(error)).toBe(true);
    const frames = error!.stack.split('\n').filter((l) => /^\s+at /.test(l));
    const src = path.resolve(__dirname, '..', '..', 'src');
    expect(frames.filter((f) => f.includes(src + path.sep))).toEqual([]);
    expect(frames.filter((f) => /node_modules|node:internal/.test(f))).toEqual([]);
    // the caller's own frame (this test file) is kept
    expect(frames.some((f) => f.includes(__filename))).toBe(true);
    expect(error!.stack.startsWith(`${error!.toString()}\n`)).toBe(true);
  });
});
