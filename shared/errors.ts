/**
 * The base of every error a user can meet: a stable `code` the UI translates (each area's namespace,
 * key `errors.<code>`) and says what to do next about; `message` is for logs and tests only and never
 * carries secrets or personal data.
 */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string = code,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
