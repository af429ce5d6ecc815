// A new co-opinion is the writer's and their section's, whatever the client sent.
import type { CollectionBeforeChangeHook } from 'payload'
import { actorOfReq, docId } from '../../../access/actor'
import type { CoOpinion } from '../../../payload-types'

export const stampAuthor: CollectionBeforeChangeHook<CoOpinion> = ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const a = actorOfReq(req)
  return { ...data, author: docId(a.id), section: docId(a.section) }
}
