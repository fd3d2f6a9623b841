import { ValidationError } from '../../src';
import { Problems, renderValue } from '../../src/validation/_problems';

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
