/** An expected failure whose message (Chinese) is fit to show the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Per-field problems, shown by forms at the field they name. */
    readonly issues?: { path: (string | number)[]; message: string }[],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
