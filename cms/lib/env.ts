// Settings read from the environment, in one place.
export const isProduction = process.env.NODE_ENV === 'production'

/** Secure cookies in production; a LAN install without TLS sets SECURE_COOKIES=false. */
export const secureCookies = process.env.SECURE_COOKIES ? process.env.SECURE_COOKIES === 'true' : isProduction

export const serverURL = process.env.SERVER_URL || `http://localhost:${process.env.PORT || 3000}`
