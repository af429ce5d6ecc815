// An empty installation still needs the working-day calendar and a current session.
import type { Payload } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { nowISO } from '../lib/clock'
import { createCalendar, createSession } from './reference'

export async function createInitialSetup(payload: Payload): Promise<void> {
  await createCalendar(payload)
  await createSession(payload, Number(toLocalDate(nowISO()).slice(0, 4)), true)
}
