// The one clock of the server. Tests and demos pin it with APP_NOW (an ISO timestamp);
// otherwise it is the real time.
export function now(): Date {
  const pinned = process.env.APP_NOW
  return pinned ? new Date(pinned) : new Date()
}
export const nowISO = (): string => now().toISOString()
