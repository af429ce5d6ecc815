// Representatives sign in only through the portal (cms/endpoints/portal/auth.ts): any other way into
// Payload's login, forgot-password or refresh (the Local API without the portal's mark) is refused,
// before the password is looked at, with the answer Payload's own endpoints of the collection give.
import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * Set by the portal's sign-in on the login it asks Payload for. Any other login of a representative
 * is refused before the password is checked: it would skip the portal's throttling, first-password
 * rule and sessions.
 */
export const PORTAL_SIGN_IN = 'portalSignIn'

export const PORTAL_ONLY_MESSAGE = '居民代表请在门户网站（/portal/）登录'

export const onlyThroughPortal: CollectionBeforeOperationHook<'representatives'> = ({ args, operation, context }) => {
  if ((operation === 'login' || operation === 'forgotPassword' || operation === 'refresh') && context?.[PORTAL_SIGN_IN] !== true)
    throw new APIError(PORTAL_ONLY_MESSAGE, 404, undefined, true)
  return args
}
