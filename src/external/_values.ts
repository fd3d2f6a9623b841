// Internal: the checks of the value types of the external constructs (backends, session
// affinity, database engines), as functions of their public fields, so that the classes carry
// no @internal members into the published API. Not exported by the folder's index.
import { Duration } from 'cdk8s';
import type { DatabaseEngine } from './database-engine';
import type { ExternalBackend } from './external-backend';
import { SessionAffinity } from './session-affinity';
import { Problems, renderValue } from '../core/problems';
import { IpAddress } from '../net/ip';
import { KubeName } from '../net/names';
import { PortRules } from '../net/port';
import { servicePortNameErrors } from '../net/resolve-ports';

/**
 * Validates the addresses of `backend` into `problems` under `field[i]` and returns them parsed,
 * in the order given (invalid ones left out).
 */
export function resolveAddresses(backend: ExternalBackend, problems: Problems, field: string): IpAddress[] {
  const list: unknown = backend.ipAddresses;
  if (!Array.isArray(list)) {
    problems.add(field, list, 'must be a list of IP addresses', 'pass e.g. ExternalBackend.addresses([\'10.0.4.17\'])');
    return [];
  }
  if (list.length === 0) {
    problems.add(field, list, 'must contain at least one IP address', 'give the backend\'s addresses, or use ExternalBackend.hostname() for a DNS name');
    return [];
  }
  const parsed: IpAddress[] = [];
  const seen = new Map<string, number>();
  list.forEach((address: unknown, i: number) => {
    const at = `${field}[${i}]`;
    // (one reading of the address: parsed, or the problem with it; private to the API)
    const ip: IpAddress | string = (IpAddress as any).readOrProblem(address as string);
    if (typeof ip === 'string') {
      const fix = typeof address === 'string' && looksLikeHostname(address)
        ? 'this looks like a host name: use ExternalBackend.hostname() for a DNS name'
        : undefined;
      problems.add(at, address, ip, fix);
      return;
    }
    const endpointErrors = ip.endpointErrors();
    if (endpointErrors.length > 0) {
      problems.addEach(at, address, endpointErrors, 'give an address the backend can be reached at from every node');
      return;
    }
    const canonical = ip.toString();
    const previous = seen.get(canonical);
    if (previous !== undefined) {
      problems.add(at, address, `must be unique, but ${field}[${previous}] is the same address`, 'remove the duplicate');
      return;
    }
    seen.set(canonical, i);
    parsed.push(ip);
  });
  return parsed;
}

/**
 * Validates the host name of `backend` into `problems` under `field` and returns it without a
 * trailing dot.
 */
export function resolveHostname(backend: ExternalBackend, problems: Problems, field: string): string {
  const name = backend.externalName;
  for (const e of hostnameErrors(name)) {
    problems.add(field, name, e.message, e.fix);
  }
  return typeof name === 'string' ? name.replace(/\.$/, '') : '';
}

interface HostnameProblem {
  readonly message: string;
  readonly fix?: string;
}

/**
 * Why `value` cannot be the target of a DNS CNAME (an ExternalName Service); empty when it can.
 */
function hostnameErrors(value: unknown): HostnameProblem[] {
  if (typeof value !== 'string' || value.length === 0) {
    return [{ message: 'must be a DNS host name such as \'api.partner.example\'' }];
  }
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/:?#]*)/.exec(value);
  if (scheme) {
    return [{
      message: 'must be a host name, not a URL: an ExternalName is a DNS CNAME and carries no scheme, port or path',
      fix: `use '${scheme[2].toLowerCase()}' and give the port in \`ports\``,
    }];
  }
  const bare = value.replace(/\.$/, '');
  if (IpAddress.isValid(bare) || IpAddress.isValid(value.replace(/^\[|\]$/g, ''))) {
    return [{
      message: 'must be a host name, not an IP address: a CNAME cannot point at an IP literal',
      fix: `use ExternalBackend.addresses(['${value.replace(/^\[|\]$/g, '')}']) for a backend at a fixed address`,
    }];
  }
  const hostPort = /^([^:/]+):(\d+)$/.exec(value) ?? /^\[([^\]]+)\]:(\d+)$/.exec(value);
  if (hostPort) {
    return [{
      message: 'must be a host name without a port: an ExternalName is a DNS CNAME and cannot carry one',
      fix: `use '${hostPort[1].toLowerCase()}' and give port ${hostPort[2]} in \`ports\``,
    }];
  }
  const slash = value.indexOf('/');
  if (slash >= 0) {
    return [{
      message: 'must be a host name without a path: an ExternalName is a DNS CNAME and cannot carry one',
      fix: `use '${value.slice(0, slash).toLowerCase()}'`,
    }];
  }
  if (value.endsWith('..')) {
    return [{ message: 'must end with at most one \'.\'', fix: `use '${value.replace(/\.+$/, '')}'` }];
  }
  return KubeName.dns1123SubdomainErrors(bare).map((message) => ({ message }));
}

/** Whether a value that is not an IP address was probably meant as a host name. */
function looksLikeHostname(value: string): boolean {
  return /[a-zA-Z]/.test(value) && !value.includes(':') && /^[a-zA-Z0-9.-]+$/.test(value);
}

/** Records the problems of a session affinity under `field`. */
export function checkSessionAffinity(affinity: SessionAffinity, problems: Problems, field: string): void {
  if (affinity.timeout === undefined) {
    return;
  }
  const ms = timeoutMilliseconds(affinity.timeout);
  const fix = `give a whole number of seconds from 1 to ${SessionAffinity.MAX_TIMEOUT_SECONDS} (one day), e.g. Duration.hours(3)`;
  if (ms === undefined) {
    problems.add(`${field}.timeout`, affinity.timeout, 'must be a cdk8s `Duration`', fix);
  } else if (!Number.isFinite(ms) || ms % 1000 !== 0) {
    problems.add(`${field}.timeout`, `${ms}ms`, 'must be a whole number of seconds', fix);
  } else if (ms < 1000 || ms > SessionAffinity.MAX_TIMEOUT_SECONDS * 1000) {
    problems.add(`${field}.timeout`, `${renderValue(ms / 1000)}s`, `must be between 1 and ${SessionAffinity.MAX_TIMEOUT_SECONDS} seconds`, fix);
  }
}

/** The Service spec fields of a session affinity. */
interface AffinityFields {
  readonly sessionAffinity: string;
  readonly sessionAffinityConfig?: { clientIp: { timeoutSeconds: number } };
}

/** The Service spec fields of a session affinity (only call once validated). */
export function sessionAffinityFields(affinity: SessionAffinity): AffinityFields {
  if (affinity.type === 'ClientIP' && affinity.timeout !== undefined) {
    return {
      sessionAffinity: affinity.type,
      sessionAffinityConfig: { clientIp: { timeoutSeconds: (timeoutMilliseconds(affinity.timeout) as number) / 1000 } },
    };
  }
  return { sessionAffinity: affinity.type };
}

function timeoutMilliseconds(timeout: Duration): number | undefined {
  if (timeout === null || typeof timeout !== 'object' || typeof (timeout as any).toMilliseconds !== 'function') {
    return undefined;
  }
  try {
    return timeout.toMilliseconds({ integral: false });
  } catch {
    return NaN;
  }
}

/** Records the problems of a (custom) database engine under `field`. */
export function checkDatabaseEngine(engine: DatabaseEngine, problems: Problems, field: string): void {
  // the engine's name is also the Service port's name: a DNS-1123 label
  problems.addEach(`${field}.name`, engine.name, servicePortNameErrors(engine.name), 'the engine name is also the Service port\'s name');
  problems.addEach(`${field}.defaultPort`, engine.defaultPort, PortRules.portNumberErrors(engine.defaultPort));
  if (engine.appProtocol !== undefined) {
    problems.addEach(`${field}.appProtocol`, engine.appProtocol, KubeName.qualifiedNameErrors(engine.appProtocol));
  }
}
