// Runs after prepareChange: when this save signs the reply off (prepareChange has just stamped
// signedOffAt), the reply gets its 文号, e.g. 〔2026〕城管答字第017号 — the next number of its
// section's series for the year of the sign-off (China local time), or of the office's for a reply
// the office drafted (no section). The counter is one atomic statement in the save's own
// transaction (cms/lib/sequence.ts): two sign-offs at the same moment get two numbers, and a save
// that fails afterwards gives its number back. Nobody sets or changes docNumber (field access).
import type { CollectionBeforeChangeHook } from 'payload'
import { docAbbreviation, docNumberKey, docNumberYear, formatDocNumber } from '../../../../core/documents'
import { idOf } from '../../../access/actor'
import { nextSequence } from '../../../lib/sequence'
import type { Reply } from '../../../payload-types'

export const assignDocNumber: CollectionBeforeChangeHook<Reply> = async ({ data, originalDoc, req }) => {
  if (!data.signedOffAt || originalDoc?.signedOffAt || originalDoc?.docNumber) return data
  const sectionId = idOf(data.section !== undefined ? data.section : originalDoc?.section)
  const [section, settings] = await Promise.all([
    sectionId == null ? null : req.payload.findByID({ collection: 'sections', id: sectionId, depth: 0, overrideAccess: true, disableErrors: true, req }),
    sectionId != null ? null : req.payload.findGlobal({ slug: 'letterhead', depth: 0, overrideAccess: true, req }),
  ])
  const year = docNumberYear(data.signedOffAt)
  const abbreviation = docAbbreviation(sectionId == null ? null : (section ?? { name: null }), settings)
  data.docNumber = formatDocNumber(year, abbreviation, await nextSequence(req, docNumberKey(year, abbreviation)))
  return data
}
