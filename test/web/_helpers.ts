import { Testing } from 'cdk8s';
import { Construct } from 'constructs';

/** The manifests of `chart` of one kind. */
export function synthKind(chart: Construct, kind: string): any[] {
  return Testing.synth(chart as any).filter((m: any) => m.kind === kind);
}

/** The only Ingress of `chart`. */
export function ingressOf(chart: Construct): any {
  const ingresses = synthKind(chart, 'Ingress');
  expect(ingresses).toHaveLength(1);
  return ingresses[0];
}
