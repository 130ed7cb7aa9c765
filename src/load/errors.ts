/** Errors the load stage names, so the CLI can tell the user what to fix. */

/**
 * The PostgreSQL server could not be connected to (refused, timed out, unknown host, rejected
 * login …). `endpoint` is "host:port/database"; the message never contains the password.
 */
export class DatabaseUnreachableError extends Error {
  /** "host:port/database" of the server that was tried. */
  readonly endpoint: string;

  constructor(endpoint: string, reason: string) {
    super(`cannot connect to PostgreSQL at ${endpoint}: ${reason}`);
    this.name = 'DatabaseUnreachableError';
    this.endpoint = endpoint;
  }
}
