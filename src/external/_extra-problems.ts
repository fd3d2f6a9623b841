import { Problems } from '../validation/_problems';

/**
 * The key under which a subclass hands `ExternalService` a check of its own props, so that its
 * problems are reported in the same `ValidationError` as those of the Service. A symbol, so it
 * is not part of the public props.
 * @internal
 */
export const EXTRA_CHECK = Symbol.for('cdk8s-service-patterns.external.extra-check');

/**
 * A check of a subclass' own props that records into the Service's problems.
 * @internal
 */
export type ExtraCheck = (problems: Problems) => void;
