// Internal: the resolution of Service ports shared by the constructs. Not exported by the
// folder's index, so not part of the package's API.
import { KubeName } from './names';
import { PortRules, Protocol } from './port';
import { ServicePortOptions } from './service-port';
import { Problems, renderValue } from '../core/problems';

/**
 * The problems with the name of a Service port, which is also the name of the matching port of
 * its EndpointSlices and Endpoints.
 *
 * The API server validates `ServicePort.name` and `EndpointPort.name` (core and discovery) as a
 * DNS-1123 label of at most 63 characters (kubernetes pkg/apis/core/validation
 * `validateServicePort` and `validateEndpointPort`, pkg/apis/discovery/validation: both call
 * `ValidateDNS1123Label`). Only a `ContainerPort.name`, a string `targetPort` and an Ingress
 * backend's `port.name` are IANA service names of at most 15 (`IsValidPortName`,
 * IANA_SVC_NAME): those use `KubeName.ianaSvcNameErrors`.
 */
export function servicePortNameErrors(name: string): string[] {
  return KubeName.dns1123LabelErrors(name);
}

/**
 * A Service port after validation, with its name resolved and exactly one of `targetPort` and
 * `targetPortName` set.
 */
export interface ResolvedServicePort {
  readonly name: string;
  readonly port: number;
  readonly targetPort?: number;
  readonly targetPortName?: string;
  readonly protocol: Protocol;
  readonly appProtocol?: string;
}

/** The target port as it is written in a manifest: a number or a container port name. */
export function targetPortValue(p: ResolvedServicePort): number | string {
  return p.targetPortName ?? (p.targetPort as number);
}

/**
 * The target port of one port, validated into `problems` (under `at`): at most one of
 * `targetPort` (a port number) and `targetPortName` (a container port name, which the API
 * server validates as an IANA service name); `port` when neither is set.
 */
function resolveTarget(p: ServicePortOptions, at: string, problems: Problems): { targetPort?: number; targetPortName?: string } {
  if (p.targetPort !== undefined && p.targetPortName !== undefined) {
    problems.add(`${at}.targetPort`, p.targetPort, `must not be set together with \`targetPortName\` (${renderValue(p.targetPortName)})`,
      'give the backend port either as a number in `targetPort` or as a container port name in `targetPortName`');
    return { targetPort: p.port };
  }
  if (p.targetPortName !== undefined) {
    problems.addEach(`${at}.targetPortName`, p.targetPortName, KubeName.ianaSvcNameErrors(p.targetPortName),
      'name a container port with an IANA service name such as \'http\'');
    return { targetPortName: p.targetPortName };
  }
  if (p.targetPort !== undefined) {
    const named = typeof p.targetPort === 'string';
    problems.addEach(`${at}.targetPort`, p.targetPort, PortRules.portNumberErrors(p.targetPort),
      named ? 'for a container port name use `targetPortName`' : 'use a port number from 1 to 65535');
    return { targetPort: p.targetPort };
  }
  return { targetPort: p.port };
}

/**
 * Validates a list of Service ports into `problems` (under `field[i]`): numbers in range,
 * names that are DNS-1123 labels (`servicePortNameErrors`), unique names, unique port+protocol
 * pairs, target ports, protocols and appProtocols Kubernetes accepts. Returns the ports with
 * names resolved: a port without a name gets `defaultName(port, index)`.
 */
export function resolveServicePorts(
  ports: readonly ServicePortOptions[],
  problems: Problems,
  field: string,
  defaultName: (port: ServicePortOptions, index: number) => string,
): ResolvedServicePort[] {
  const resolved: ResolvedServicePort[] = [];
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  ports.forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (p === null || typeof p !== 'object') {
      problems.add(at, p, 'must be a port object such as { port: 5432 }');
      return;
    }
    problems.addEach(`${at}.port`, p.port, PortRules.portNumberErrors(p.port), 'use a port number from 1 to 65535');
    const target = resolveTarget(p, at, problems);
    const protocol = p.protocol ?? Protocol.TCP;
    problems.addEach(`${at}.protocol`, protocol, PortRules.protocolErrors(protocol));
    if (p.appProtocol !== undefined) {
      problems.addEach(`${at}.appProtocol`, p.appProtocol, KubeName.qualifiedNameErrors(p.appProtocol));
    }
    const name = p.name ?? defaultName(p, i);
    problems.addEach(`${at}.name`, name, servicePortNameErrors(name));
    const previousName = names.get(name);
    if (previousName !== undefined) {
      problems.add(`${at}.name`, name, `must be unique, but ${field}[${previousName}] has the same name`, 'give each port its own name');
    } else {
      names.set(name, i);
    }
    const key = `${p.port}/${protocol}`;
    const previousNumber = numbers.get(key);
    if (previousNumber !== undefined) {
      problems.add(`${at}.port`, p.port, `must be unique per protocol, but ${field}[${previousNumber}] also listens on ${p.port}/${protocol}`, 'remove the duplicate or use another port');
    } else {
      numbers.set(key, i);
    }
    resolved.push({
      name,
      port: p.port,
      ...target,
      protocol,
      ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
    });
  });
  return resolved;
}
