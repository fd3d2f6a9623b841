
/**
 * Options of a custom database engine.
 */
export interface DatabaseEngineOptions {
  /**
   * The engine's name, also the name of the Service port: a DNS-1123 label (at most 63
   * lower-case letters, digits and '-', starting and ending with a letter or digit, e.g.
   * 'cockroachdb' or 'postgres-replica').
   */
  readonly name: string;

  /**
   * The port the engine listens on by default.
   */
  readonly defaultPort: number;

  /**
   * The application protocol of the port: an IANA service name, or a domain-prefixed name
   * such as 'example.com/wire'.
   *
   * @default - none
   * @see https://kubernetes.io/docs/concepts/services-networking/service/#application-protocol
   */
  readonly appProtocol?: string;
}

/**
 * A database engine: its name (also the Service port's name), default port and application
 * protocol.
 */
export class DatabaseEngine {
  /** PostgreSQL: port 5432, appProtocol 'postgresql'. */
  public static readonly POSTGRESQL = new DatabaseEngine('postgresql', 5432, 'postgresql');

  /** MySQL: port 3306, appProtocol 'mysql'. */
  public static readonly MYSQL = new DatabaseEngine('mysql', 3306, 'mysql');

  /** MariaDB: port 3306, appProtocol 'mysql' (it speaks the MySQL protocol). */
  public static readonly MARIADB = new DatabaseEngine('mariadb', 3306, 'mysql');

  /** Redis: port 6379, appProtocol 'redis'. */
  public static readonly REDIS = new DatabaseEngine('redis', 6379, 'redis');

  /** MongoDB: port 27017, appProtocol 'mongodb'. */
  public static readonly MONGODB = new DatabaseEngine('mongodb', 27017, 'mongodb');

  /** Microsoft SQL Server: port 1433, appProtocol 'ms-sql-s' (its IANA service name, TDS). */
  public static readonly SQL_SERVER = new DatabaseEngine('ms-sql-s', 1433, 'ms-sql-s');

  /**
   * Oracle Database: port 1521 (the listener), appProtocol 'oracle.com/tns' (Oracle Net has no
   * IANA service name on 1521, so the name is domain-prefixed as Kubernetes asks).
   */
  public static readonly ORACLE = new DatabaseEngine('oracle', 1521, 'oracle.com/tns');

  /**
   * Any other engine.
   */
  public static custom(options: DatabaseEngineOptions): DatabaseEngine {
    const o: Partial<DatabaseEngineOptions> = options !== null && typeof options === 'object' ? options : {};
    return new DatabaseEngine(o.name as string, o.defaultPort as number, o.appProtocol);
  }

  /** The engine's name; also the name of the Service port. */
  public readonly name: string;

  /** The port the engine listens on by default. */
  public readonly defaultPort: number;

  /**
   * The application protocol of the Service port.
   *
   * @default - none
   */
  public readonly appProtocol?: string;

  private constructor(name: string, defaultPort: number, appProtocol: string | undefined) {
    this.name = name;
    this.defaultPort = defaultPort;
    this.appProtocol = appProtocol;
  }
}
