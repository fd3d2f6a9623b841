import { Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { containerPortsOf, createService, resolveHeadlessPorts, serviceNameErrors, serviceProblems } from './_headless';
import { HeadlessPortOptions } from './headless-port';
import { Problems } from '../core/problems';
import { appLabelsOf, checkPartOf } from '../net/labels';
import { KubeName } from '../net/names';
import { ResolvedServicePort } from '../net/resolve-ports';
import { ServiceDnsNames } from '../net/service-dns';
import { underSafetyNet } from '../validation/safety-net';

/**
 * Properties of a `HeadlessService`.
 */
export interface HeadlessServiceProps {
  /**
   * The workload whose pods the Service selects (a Deployment, a StatefulSet, a DaemonSet...).
   * The Service selects exactly the labels the workload selects its pods by (its
   * `matchLabels`), in the workload's namespace. For a cdk8s-plus workload those are
   * cdk8s-plus's own by default, `cdk8s.io/metadata.addr: <hash of the construct path>`, which
   * change when the workload's construct moves: give the workload `select: false`, pod labels
   * and `workload.select(kplus.LabelSelector.of({ labels }))` for a selector that lasts.
   */
  readonly workload: kplus.Workload;

  /**
   * The ports of the Service, each named and mapped to a container port of the workload. An
   * empty list makes a Service without ports, which only gives the pods DNS names.
   *
   * @default - one port per container port of the workload, with the container port's name
   * and number (every container port must then have a name)
   */
  readonly ports?: HeadlessPortOptions[];

  /**
   * The name of the Service: a DNS-1035 label (lower-case letters, digits and '-', starting
   * with a letter, at most 63 characters).
   *
   * @default - a name generated from the construct path
   */
  readonly serviceName?: string;

  /**
   * Whether the DNS name of the Service also resolves to pods that are not ready. Off by
   * default: clients of a Deployment want the pods that can serve.
   *
   * @default false
   * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * The larger application the Service belongs to: the label `app.kubernetes.io/part-of` on
   * the Service (which also carries `app.kubernetes.io/name` and `app.kubernetes.io/instance`,
   * the Service name, and `app.kubernetes.io/managed-by`).
   *
   * @default - no `app.kubernetes.io/part-of` label
   * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/
   */
  readonly partOf?: string;

  /**
   * The cluster's DNS domain, for the DNS names this construct returns.
   *
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * A headless Service (`clusterIP: None`) for the pods of a workload: the DNS name of the
 * Service resolves to the IP addresses of the pods themselves, with no proxy in between, so
 * clients can see every pod (client-side load balancing, peer discovery, SRV records per
 * named port).
 *
 * Every port is named and maps to a container port of the workload, by number or by name. At
 * synth, the emitted Service is checked again: headless (no type other than ClusterIP, no node
 * port), a selector equal to the workload's, target ports that a container exposes.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/service/#headless-services
 */
export class HeadlessService extends Construct {
  /**
   * The Service (a cdk8s-plus Service), for escape hatches.
   */
  public readonly service: kplus.Service;

  /**
   * The workload whose pods the Service selects.
   */
  public readonly workload: kplus.Workload;

  /**
   * The name of the Service.
   */
  public readonly serviceName: string;

  /**
   * The namespace of the Service (the workload's namespace).
   */
  public readonly namespace: string;

  /**
   * The DNS names of the Service; each resolves to the IPs of the ready pods (of all pods with
   * `publishNotReadyAddresses`).
   */
  public readonly dnsNames: ServiceDnsNames;

  private readonly resolvedPorts: ResolvedServicePort[];

  public constructor(scope: Construct, id: string, props: HeadlessServiceProps) {
    super(scope, id);
    const p: Partial<HeadlessServiceProps> = props ?? {};
    const problems = new Problems(this);

    const workload = p.workload;
    const isWorkload = workload instanceof kplus.Workload;
    if (!isWorkload) {
      problems.add('workload', workload, 'must be a cdk8s-plus workload (a Deployment, StatefulSet, DaemonSet or Job)',
        'pass the workload whose pods the Service selects');
    }
    const ports = resolveHeadlessPorts(p.ports, isWorkload ? containerPortsOf(workload.containers) : [], problems);

    const serviceName = p.serviceName ?? Names.toDnsLabel(this);
    serviceNameErrors(problems, 'serviceName', serviceName,
      p.serviceName === undefined ? 'set `serviceName` to a name that starts with a letter' : 'use a name such as \'web\' or \'web-headless\'');

    if (p.publishNotReadyAddresses !== undefined && typeof p.publishNotReadyAddresses !== 'boolean') {
      problems.add('publishNotReadyAddresses', p.publishNotReadyAddresses, 'must be true or false');
    }
    checkPartOf(problems, p.partOf);
    if (p.clusterDomain !== undefined) {
      problems.addEach('clusterDomain', p.clusterDomain, KubeName.dns1123SubdomainErrors(String(p.clusterDomain).replace(/\.$/, '')),
        'use the cluster\'s DNS domain, such as \'cluster.local\'');
    }
    problems.throwIfAny();

    this.workload = workload as kplus.Workload;
    this.serviceName = serviceName;
    this.namespace = this.workload.metadata.namespace ?? Chart.of(this).namespace ?? ServiceDnsNames.DEFAULT_NAMESPACE;
    this.dnsNames = ServiceDnsNames.of({ serviceName, namespace: this.namespace, clusterDomain: p.clusterDomain });
    this.resolvedPorts = ports;

    this.service = createService(this, 'Resource', {
      name: serviceName,
      namespace: this.workload.metadata.namespace,
      ports,
      headless: true,
      publishNotReadyAddresses: p.publishNotReadyAddresses ?? false,
      labels: appLabelsOf(serviceName, p.partOf),
    });
    this.service.select(this.workload);

    underSafetyNet(this, () => {
      if (this.workload.containers.length === 0) {
        // cdk8s-plus would fail to render the workload with a plain error
        return [{ path: this.node.path, field: 'workload', message: 'must have at least one container by the time the app is synthesized', fix: 'add a container to the workload' }];
      }
      return serviceProblems(this, 'service', this.service, this.workload, true);
    });
  }

  /**
   * The ports of the Service, with their names, target ports and protocols resolved.
   */
  public get ports(): HeadlessPortOptions[] {
    return this.resolvedPorts.map((port) => ({ ...port }));
  }
}
