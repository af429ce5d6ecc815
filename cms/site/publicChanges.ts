// Which saves change what the public sees, declared once: each such collection gets an
// afterChange/afterDelete hook that queues a site rebuild (a Payload job; never a build inside
// a save). `context.disableSiteRebuild` is the off switch (the demo seed queues one at the end).
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig } from 'payload'
import { queueSiteRebuild } from './rebuildTask'
import { UrgeAction } from '../../core/supervision'

type Doc = Record<string, unknown>
type IsPublic = (doc: Doc, previousDoc: Doc | undefined) => boolean

const always: IsPublic = () => true

export const PublicChanges: Record<string, IsPublic> = {
  // Drafts are the representative's own until submitted.
  proposals: (doc, prev) => doc.status !== 'draft' || (!!prev?.status && prev.status !== 'draft'),
  replies: (doc) => !!doc.publishedAt,
  instructions: always,
  evaluations: always,
  'follow-ups': always,
  'co-opinions': always,
  sections: always,
  sessions: always,
  'residential-areas': always,
  holidays: always,
  representatives: (doc, prev) => !!prev && prev.name !== doc.name,
  // A 催办: the one event recorded alone (every other event comes with a change of its proposal, which queues the rebuild).
  'proposal-events': (doc) => doc.action === UrgeAction && !doc.internal,
}

const label: Record<string, string> = {
  proposals: '提案',
  replies: '答复',
  instructions: '批示',
  evaluations: '评价',
  'follow-ups': '回访',
  'co-opinions': '协办意见',
  sections: '科室',
  sessions: '届次',
  'residential-areas': '居民区',
  holidays: '节假日',
  representatives: '代表姓名',
  'proposal-events': '催办',
}

export function withSiteRebuild(collection: CollectionConfig): CollectionConfig {
  const isPublic = PublicChanges[collection.slug]
  if (!isPublic) return collection
  const what = label[collection.slug] ?? collection.slug
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
    if (!context.disableSiteRebuild && isPublic(doc, previousDoc)) await queueSiteRebuild(req, `${what}变更`)
    return doc
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
    if (!context.disableSiteRebuild && isPublic(doc, doc)) await queueSiteRebuild(req, `${what}删除`)
    return doc
  }
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}
