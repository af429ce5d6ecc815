// The filter bars of the proposals', the replies' and the commitments ledger's lists (above each table): their options
// worked out on the server for the signed-in person (cms/lib/listFilterOptions.ts), chosen by
// clicks in the browser (FilterBar.tsx).
import type { BeforeListTableServerProps } from 'payload'
import { commitmentFilters, proposalFilters, replyFilters } from '../lib/listFilterOptions'
import { FilterBar } from './FilterBar'

export async function ProposalFilters({ payload, user }: BeforeListTableServerProps) {
  if (!user) return null
  return <FilterBar collection="proposals" filters={await proposalFilters(payload, user)} />
}

export async function ReplyFilters({ payload, user }: BeforeListTableServerProps) {
  if (!user) return null
  return <FilterBar collection="replies" filters={await replyFilters(payload, user)} />
}

export async function CommitmentFilters({ payload, user }: BeforeListTableServerProps) {
  if (!user) return null
  return <FilterBar collection="commitments" filters={await commitmentFilters(payload, user)} />
}
