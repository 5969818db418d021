/** A configuration problem: main prints its message as one line and exits, with no stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
