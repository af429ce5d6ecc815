// Refusing a change: a 400 whose message is the zh-CN reason itself (shown to staff as is),
// with the field it concerns, so the REST API gives a structured error and nothing is saved.
import { APIError } from 'payload'

export class RuleError extends APIError {
  constructor(message: string, path?: string) {
    super(message, 400, path ? { errors: [{ message, path }] } : undefined, true)
    this.name = 'RuleError'
  }
}

export const refuse = (message: string, path?: string): never => {
  throw new RuleError(message, path)
}
