import * as kplus from 'cdk8s-plus-28';
import { backendPortErrors } from './_backend';
import { IWebBackend, WebBackendConfig } from './web-backend-config';
import { Problems, renderValue } from '../core/problems';
import { KubeName } from '../net/names';

/**
 * The port of a backend Service, by number or by name.
 */
export interface WebBackendServiceOptions {
  /**
   * The Service port number.
   *
   * @default - `portName`, or the only port of a Service whose ports are known
   */
  readonly port?: number;

  /**
   * The Service port name.
   *
   * @default - `port`
   */
  readonly portName?: string;
}

/**
 * Factories for Ingress backends other than a web app of this library (which is a backend
 * itself).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#resource-backend
 */
export class WebBackend {
  /**
   * A cdk8s-plus Service and one of its ports; the port is checked against the Service's ports.
   *
   * @param service the Service
   * @param options the port; defaults to the Service's only port
   */
  public static service(service: kplus.Service, options: WebBackendServiceOptions = {}): IWebBackend {
    if (!(service instanceof kplus.Service)) {
      const problems = new Problems('WebBackend.service');
      problems.add('service', service, 'must be a cdk8s-plus `Service`',
        'pass a kplus.Service; for a Service managed outside this app use WebBackend.serviceName(\'name\', { port: 80 })');
      problems.throwIfAny();
    }
    const o: WebBackendServiceOptions = options !== null && typeof options === 'object' ? options : {};
    const ports = service.ports;
    let port = o.port;
    if (port === undefined && o.portName === undefined && ports.length === 1) {
      port = ports[0].port;
    }
    const exposedPortNames = ports.map((p) => p.name).filter((n): n is string => n !== undefined);
    return WebBackend.build(`WebBackend.service(${service.name})`, {
      serviceName: service.name,
      portNumber: port,
      portName: o.portName,
      exposedPortNumbers: ports.map((p) => p.port),
      exposedPortNames,
    });
  }

  /**
   * A Service managed outside this cdk8s app, by name and port. Its ports are not known, so
   * the port is not checked, and the checker run at synth does not require the Service among
   * the app's manifests.
   *
   * @param serviceName the Service's name (a DNS-1035 label)
   * @param options the port, by number or by name; one of them is required
   */
  public static serviceName(serviceName: string, options: WebBackendServiceOptions): IWebBackend {
    return WebBackend.build(`WebBackend.serviceName(${typeof serviceName === 'string' ? serviceName : renderValue(serviceName)})`, {
      serviceName,
      portNumber: options?.port,
      portName: options?.portName,
      outsideApp: true,
    });
  }

  private static build(where: string, config: WebBackendConfig): IWebBackend {
    const problems = new Problems(where);
    problems.addEach('serviceName', config.serviceName, KubeName.dns1035LabelErrors(config.serviceName));
    for (const p of backendPortErrors(config)) {
      problems.add(p.field, p.value, p.message);
    }
    problems.throwIfAny();
    return new FixedBackend(config);
  }

  private constructor() {}
}

class FixedBackend implements IWebBackend {
  public constructor(private readonly config: WebBackendConfig) {}

  public toWebBackendConfig(): WebBackendConfig {
    return { ...this.config };
  }
}
