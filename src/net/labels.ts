// Internal: the recommended labels every object of this library carries, and the ones workloads
// select their pods by. Not exported by the folder's index, so not part of the package's API.
import { KubeName } from './names';
import { Problems } from '../core/problems';

/** `app.kubernetes.io/name`: the name of the app. */
export const NAME_LABEL = 'app.kubernetes.io/name';
/** `app.kubernetes.io/instance`: the instance of the app (unique in its namespace). */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
/** `app.kubernetes.io/managed-by`: the tool that wrote the object. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/** `app.kubernetes.io/part-of`: the larger application the app belongs to. */
export const PART_OF_LABEL = 'app.kubernetes.io/part-of';

/** The value of `app.kubernetes.io/managed-by` on every object of this library. */
export const MANAGED_BY_VALUE = 'cdk8s-service-patterns';

/**
 * The labels pods are selected by: `app.kubernetes.io/name` and `app.kubernetes.io/instance`,
 * both the app's name. They depend on the name only, never on the construct path, so moving the
 * construct changes no selector (a workload's `spec.selector` is immutable).
 */
export function selectorLabelsOf(appName: string): { [key: string]: string } {
  return { [NAME_LABEL]: appName, [INSTANCE_LABEL]: appName };
}

/**
 * The labels of every object of an app: the selector labels, `app.kubernetes.io/managed-by`
 * and, when given, `app.kubernetes.io/part-of`.
 */
export function appLabelsOf(appName: string, partOf?: string): { [key: string]: string } {
  return {
    ...selectorLabelsOf(appName),
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    ...(partOf !== undefined ? { [PART_OF_LABEL]: partOf } : {}),
  };
}

/** Validates a `partOf` prop (a label value) into `problems`. */
export function checkPartOf(problems: Problems, partOf: unknown): void {
  if (partOf === undefined) {
    return;
  }
  const errors = typeof partOf === 'string' && partOf.length === 0 ? ['must not be empty'] : KubeName.labelValueErrors(partOf as string);
  problems.addEach('partOf', partOf, errors, 'use the name of the larger application, such as \'shop\'');
}

/**
 * Validates a map of labels (`field`) into `problems`: keys are qualified names, values label
 * values, and none of `reserved` may be set (the construct writes those).
 */
export function checkLabels(problems: Problems, field: string, labels: unknown, reserved: readonly string[]): { [key: string]: string } {
  if (labels === undefined) {
    return {};
  }
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
    problems.add(field, labels, 'must be a map of label keys to values');
    return {};
  }
  const out: { [key: string]: string } = {};
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    problems.addEach(`${field}.${key}`, key, KubeName.qualifiedNameErrors(key));
    problems.addEach(`${field}.${key}`, value, KubeName.labelValueErrors(value as string));
    if (reserved.includes(key)) {
      problems.add(`${field}.${key}`, value, 'must not be set: the construct writes this label', `remove it${key === PART_OF_LABEL ? ', and use `partOf`' : ''}`);
    }
    out[key] = value as string;
  }
  return out;
}
