// Internal: the checks of an Ingress backend, shared by WebBackend and PublicWebApp. Not
// exported by the folder's index, so not part of the package's API.
import * as kplus from 'cdk8s-plus-28';
import type { IWebBackend, WebBackendConfig } from './web-backend-config';
import { Problems } from '../core/problems';
import { KubeName } from '../net/names';
import { PortRules } from '../net/port';

/** One problem with a backend's port. */
export interface BackendPortProblem {
  readonly field: 'port' | 'portName';
  readonly value: unknown;
  readonly message: string;
}

/**
 * The problems with the port of a backend: exactly one of number and name, valid, and exposed
 * by the Service when its ports are known. An Ingress backend's `port.name` is an IANA service
 * name of at most 15 characters (kubernetes pkg/apis/networking/validation
 * `validateIngressBackend` calls `IsValidPortName`), although a Service port name may have 63:
 * an Ingress reaches a Service port with a longer name only by number.
 */
export function backendPortErrors(config: WebBackendConfig): BackendPortProblem[] {
  const { portNumber, portName } = config;
  if (portNumber === undefined && portName === undefined) {
    return [{ field: 'port', value: undefined, message: 'must be set (or `portName`): an Ingress backend names one Service port' }];
  }
  if (portNumber !== undefined && portName !== undefined) {
    return [{ field: 'port', value: portNumber, message: `must not be set together with \`portName\` ('${portName}'): name the Service port once` }];
  }
  if (portNumber !== undefined) {
    const errors: BackendPortProblem[] = PortRules.portNumberErrors(portNumber).map((message) => ({ field: 'port', value: portNumber, message }));
    const exposed = config.exposedPortNumbers;
    if (errors.length === 0 && Array.isArray(exposed) && !exposed.includes(portNumber)) {
      errors.push({ field: 'port', value: portNumber, message: `must be a port that Service '${config.serviceName}' exposes (${describe(exposed)})` });
    }
    return errors;
  }
  const errors: BackendPortProblem[] = KubeName.ianaSvcNameErrors(portName as string).map((message) => ({ field: 'portName', value: portName, message }));
  const exposed = config.exposedPortNames;
  if (errors.length === 0 && Array.isArray(exposed) && !exposed.includes(portName as string)) {
    errors.push({ field: 'portName', value: portName, message: `must be the name of a port of Service '${config.serviceName}' (${describe(exposed.map((n) => `'${n}'`))})` });
  }
  return errors;
}

function describe(items: readonly (string | number)[]): string {
  return items.length === 0 ? 'it has no named ports' : items.join(', ');
}

/** What to pass instead of a value that is no `IWebBackend`. */
function backendFix(value: unknown): string {
  if (value instanceof kplus.Service) {
    return 'use WebBackend.service(service) for a cdk8s-plus Service';
  }
  return 'pass a web app of this library, WebBackend.service(service) or WebBackend.serviceName(\'name\', { port: 80 })';
}

/**
 * Reads a backend given as `field` (`defaultBackend`, `backend`): its config, or undefined
 * after recording in `problems` why it is not one. JavaScript callers can pass anything, such
 * as a cdk8s-plus Service (which has no `toWebBackendConfig`): that is a problem of the field,
 * never a TypeError.
 */
export function readBackend(problems: Problems, field: string, backend: IWebBackend): WebBackendConfig | undefined {
  const b: any = backend;
  if (b === null || typeof b !== 'object' || typeof b.toWebBackendConfig !== 'function') {
    problems.add(field, backend, 'must be an `IWebBackend`', backendFix(backend));
    return undefined;
  }
  const config: WebBackendConfig = b.toWebBackendConfig();
  if (config === null || typeof config !== 'object') {
    problems.add(field, config, 'must give a backend config from `toWebBackendConfig()`', backendFix(backend));
    return undefined;
  }
  const nameErrors = KubeName.dns1035LabelErrors(config.serviceName);
  problems.addEach(`${field}.serviceName`, config.serviceName, nameErrors);
  const portErrors = backendPortErrors(config);
  for (const bp of portErrors) {
    problems.add(`${field}.${bp.field}`, bp.value, bp.message);
  }
  return nameErrors.length === 0 && portErrors.length === 0 ? config : undefined;
}
