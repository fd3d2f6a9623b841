/**
 * The syntax rules Kubernetes applies to names, label keys and values, as pure functions.
 *
 * Each function returns the list of problems found (empty when the value is valid), worded
 * without the field name, in lower case: `must be no more than 63 characters`. The rules are
 * those of the API server (apimachinery's `util/validation`).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 */
export class KubeName {
  /** The longest DNS-1123 label (and DNS-1035 label, label value, name part of a label key). */
  public static readonly LABEL_MAX_LENGTH = 63;

  /** The longest DNS-1123 subdomain. */
  public static readonly SUBDOMAIN_MAX_LENGTH = 253;

  /** The longest IANA service name (the name of a port). */
  public static readonly IANA_SVC_NAME_MAX_LENGTH = 15;

  /**
   * A DNS-1123 label (RFC 1123): at most 63 lower-case alphanumeric characters or '-',
   * starting and ending with an alphanumeric character. Namespaces and pod host names.
   */
  public static dns1123LabelErrors(value: string): string[] {
    const errors: string[] = [];
    if (typeof value !== 'string' || value.length === 0) {
      return ['must not be empty: use lower-case letters, digits and \'-\''];
    }
    if (value.length > KubeName.LABEL_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.LABEL_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (!DNS1123_LABEL.test(value)) {
      errors.push(`must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name' or '123-abc')${hint(value, DNS1123_LABEL)}`);
    }
    return errors;
  }

  /**
   * A DNS-1123 subdomain: at most 253 characters, one or more DNS-1123 labels joined by '.'.
   * The names of most objects (EndpointSlice, Ingress, Secret, ...).
   */
  public static dns1123SubdomainErrors(value: string): string[] {
    const errors: string[] = [];
    if (typeof value !== 'string' || value.length === 0) {
      return ['must not be empty: use lower-case letters, digits, \'-\' and \'.\''];
    }
    if (value.length > KubeName.SUBDOMAIN_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.SUBDOMAIN_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (!DNS1123_SUBDOMAIN.test(value)) {
      errors.push(`must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', each '.'-separated part starting and ending with a letter or digit (e.g. 'example.com')${hint(value, DNS1123_SUBDOMAIN)}`);
    }
    return errors;
  }

  /**
   * A wildcard DNS-1123 subdomain: `*.` followed by a DNS-1123 subdomain (`*.example.com`).
   */
  public static wildcardDns1123SubdomainErrors(value: string): string[] {
    if (typeof value !== 'string' || !value.startsWith('*.')) {
      return ['must be a wildcard DNS-1123 subdomain: \'*.\' followed by a DNS-1123 subdomain (e.g. \'*.example.com\')'];
    }
    const errors: string[] = [];
    if (value.length > KubeName.SUBDOMAIN_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.SUBDOMAIN_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (!DNS1123_SUBDOMAIN.test(value.slice(2))) {
      errors.push('must be a wildcard DNS-1123 subdomain: \'*.\' followed by lower-case letters, digits, \'-\' and \'.\' (e.g. \'*.example.com\')');
    }
    return errors;
  }

  /**
   * A DNS-1035 label (RFC 1035): like a DNS-1123 label but starting with a letter.
   * The names of Services.
   */
  public static dns1035LabelErrors(value: string): string[] {
    const errors: string[] = [];
    if (typeof value !== 'string' || value.length === 0) {
      return ['must not be empty: use lower-case letters, digits and \'-\', starting with a letter'];
    }
    if (value.length > KubeName.LABEL_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.LABEL_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (!DNS1035_LABEL.test(value)) {
      errors.push(`must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. 'my-name' or 'abc-123')${hint(value, DNS1035_LABEL)}`);
    }
    return errors;
  }

  /**
   * An IANA service name (RFC 6335): at most 15 lower-case letters, digits and '-', at least
   * one letter, no '-' at either end and no '--'. The names of ports.
   */
  public static ianaSvcNameErrors(value: string): string[] {
    const errors: string[] = [];
    if (typeof value !== 'string' || value.length === 0) {
      return ['must not be empty: use up to 15 lower-case letters, digits and \'-\' (e.g. \'http\')'];
    }
    if (value.length > KubeName.IANA_SVC_NAME_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.IANA_SVC_NAME_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (!IANA_CHARS.test(value)) {
      errors.push(`must contain only lower-case letters, digits and '-' (e.g. 'http' or 'mysql-admin')${hint(value, IANA_NAME)}`);
    }
    if (value.includes('--')) {
      errors.push('must not contain consecutive hyphens');
    }
    if (/[a-z]/.test(value) === false) {
      errors.push('must contain at least one letter');
    }
    if (value.startsWith('-') || value.endsWith('-')) {
      errors.push('must not begin or end with a hyphen');
    }
    return errors;
  }

  /**
   * A qualified name, the syntax of label and annotation keys: an optional DNS-1123
   * subdomain prefix of at most 253 characters and a '/', then a name of at most 63
   * alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric one.
   */
  public static qualifiedNameErrors(value: string): string[] {
    if (typeof value !== 'string' || value.length === 0) {
      return ['must not be empty: use a name such as \'app\' or \'example.com/tier\''];
    }
    const parts = value.split('/');
    let name: string;
    const errors: string[] = [];
    if (parts.length === 1) {
      name = parts[0];
    } else if (parts.length === 2) {
      const prefix = parts[0];
      name = parts[1];
      if (prefix.length === 0) {
        errors.push('must not have an empty prefix before \'/\'');
      } else {
        errors.push(...KubeName.dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
      }
    } else {
      return ['must be a name with at most one \'/\' (e.g. \'example.com/tier\')'];
    }
    if (name.length === 0) {
      errors.push('must not have an empty name part');
    } else {
      if (name.length > KubeName.LABEL_MAX_LENGTH) {
        errors.push(`name part must be no more than ${KubeName.LABEL_MAX_LENGTH} characters (it has ${name.length})`);
      }
      if (!QUALIFIED_NAME.test(name)) {
        errors.push('name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\', \'my.name\' or \'123-abc\')');
      }
    }
    return errors;
  }

  /**
   * A label value: empty, or at most 63 alphanumeric characters, '-', '_' or '.', starting and
   * ending with an alphanumeric one.
   */
  public static labelValueErrors(value: string): string[] {
    if (typeof value !== 'string') {
      return ['must be a string'];
    }
    const errors: string[] = [];
    if (value.length > KubeName.LABEL_MAX_LENGTH) {
      errors.push(`must be no more than ${KubeName.LABEL_MAX_LENGTH} characters (it has ${value.length})`);
    }
    if (value.length > 0 && !QUALIFIED_NAME.test(value)) {
      errors.push('must be empty or consist of alphanumeric characters, \'-\', \'_\' or \'.\', starting and ending with an alphanumeric character (e.g. \'MyValue\' or \'my_value\')');
    }
    return errors;
  }

  private constructor() {}
}

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${LABEL}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const IANA_CHARS = /^[-a-z0-9]+$/;
/** The whole form of an IANA service name but its length: a letter, no '-' at either end, no '--'. */
const IANA_NAME = /^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A short suggestion for the common mistakes, upper case and underscores, when fixing them gives
 * a value of the form `rule` (no suggestion for `foo.${DOMAIN}.com`: lower case is not enough).
 */
function hint(value: string, rule: RegExp): string {
  if (/[A-Z_]/.test(value)) {
    const suggestion = value.toLowerCase().replace(/_/g, '-');
    if (rule.test(suggestion)) {
      return `; did you mean '${suggestion}'?`;
    }
  }
  return '';
}
