export class SiteBuildError extends Error {
  override name = 'SiteBuildError'
  constructor(
    message: string,
    /** The tail of the failed step's output, for the server log. */
    readonly log: string,
  ) {
    super(message)
  }
}
