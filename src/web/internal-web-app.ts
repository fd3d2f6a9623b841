import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { WebWorkload, buildWebWorkload, planWebWorkload, targetPortCheck, webBackendConfigOf } from './_web-workload';
import { InternalWebAppProps } from './internal-web-app-props';
import { IWebBackend, WebBackendConfig } from './web-backend-config';
import { Problems } from '../core/problems';
import { ServiceDnsNames } from '../net/service-dns';
import { underSafetyNet } from '../validation/safety-net';

/**
 * A web workload that only other pods reach: a Deployment and a ClusterIP Service with a
 * named port (by default `http`, port 80 to container port 8080), found by its DNS names
 * from any namespace.
 *
 * It is an Ingress backend (`IWebBackend`) for `PublicWebApp` routes.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/
 */
export class InternalWebApp extends Construct implements IWebBackend {
  /**
   * The Deployment, for escape hatches such as `addJsonPatch`: a plain `ApiObject` whose JSON
   * holds plain values, so that `JsonPatch.replace('/spec/template/spec/containers/0/resources/limits/memory', '1Gi')`
   * lands as written. Its container is the one of `container`, rendered at synth.
   */
  public readonly deployment: ApiObject;

  /**
   * The Service, a plain `ApiObject` (see `deployment`).
   */
  public readonly service: ApiObject;

  /**
   * The app's container (a cdk8s-plus `Container`, named 'web'), rendered into the Deployment
   * at synth: add variables (`container.env.addVariable`), mounts (`container.mount`) or ports
   * later, or pass it to `ExternalDatabase.bindToContainer`.
   */
  public readonly container: kplus.Container;

  /**
   * The app's name: the value of its `app.kubernetes.io/name` and `app.kubernetes.io/instance`
   * labels, and the name of its objects when the app was named (`name` or `serviceName`);
   * otherwise the generated name of its Deployment.
   */
  public readonly appName: string;

  /**
   * The Service port clients connect to.
   */
  public readonly port: number;

  /**
   * The name of the Service port.
   */
  public readonly portName: string;

  /**
   * The port the container listens on.
   */
  public readonly containerPort: number;

  /**
   * The DNS names of the Service: `shortName` from the same namespace, `namespacedName` from
   * any namespace, `fqdn` fully qualified.
   */
  public readonly dnsNames: ServiceDnsNames;

  private readonly workload: WebWorkload;

  public constructor(scope: Construct, id: string, props: InternalWebAppProps) {
    super(scope, id);
    const problems = new Problems(this);
    const plan = planWebWorkload(this, props, problems);
    problems.throwIfAny();
    this.workload = buildWebWorkload(this, plan, { type: 'ClusterIP' });
    this.deployment = this.workload.deployment;
    this.service = this.workload.service;
    this.container = this.workload.container;
    this.appName = this.workload.name;
    this.port = this.workload.port;
    this.portName = this.workload.portName;
    this.containerPort = this.workload.containerPort;
    this.dnsNames = this.workload.dnsNames;
    // Only the additional ports can point at a port the container does not expose.
    underSafetyNet(this, targetPortCheck(this, this.workload));
  }

  /**
   * The labels that select the pods of the Deployment (its `spec.selector.matchLabels`, which the
   * Service selects with), for example for a NetworkPolicy. A copy: changing it changes nothing.
   */
  public get matchLabels(): { [key: string]: string } {
    return { ...this.workload.selector };
  }

  /**
   * The name of the Deployment.
   */
  public get deploymentName(): string {
    return this.deployment.name;
  }

  /**
   * The Service name.
   */
  public get serviceName(): string {
    return this.service.name;
  }

  /**
   * Routes to this app's Service, on its main port by name.
   */
  public toWebBackendConfig(): WebBackendConfig {
    return webBackendConfigOf(this.workload);
  }
}
