// 重点督办: whoever may change the mark (a leader, on an open item: the field's access, core
// canMarkKeyItem) changes it; the system stamps who and when, and records the change on the
// proposal's timeline, public as the mark is.
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { KeyClearedAction, KeyMarkedAction } from '../../../../core/supervision'
import { actorOfReq, docId } from '../../../access/actor'
import { nowISO } from '../../../lib/clock'
import { keyItemOf } from '../../../lib/supervision'
import type { Proposal } from '../../../payload-types'
import { appendEvent } from './recordEvent'

/** Stamps who changed the mark and when: beforeChange runs after the field's access has dropped a change by anyone else. */
export const stampKeyItem: CollectionBeforeChangeHook<Proposal> = ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || data.keyItem == null || keyItemOf(data) === keyItemOf(originalDoc ?? {})) return data
  data.keyItem = keyItemOf(data)
  data.keyItemBy = docId(actorOfReq(req).id ?? null)
  data.keyItemAt = nowISO()
  return data
}

/** The mark set or cleared, on the timeline. */
export const recordKeyItem: CollectionAfterChangeHook<Proposal> = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && keyItemOf(doc) !== keyItemOf(previousDoc ?? {})) await appendEvent(req, doc.id, { action: keyItemOf(doc) ? KeyMarkedAction : KeyClearedAction })
  return doc
}
