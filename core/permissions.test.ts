import { describe, it, expect } from 'vitest'
import {
  isEvaluableStatus,
  canAdminister,
  canAnswerInvitation,
  canAnswerResolution,
  canApproveExtension,
  canAssign,
  canDecideExtension,
  canReadExtensionRequest,
  canRequestExtension,
  extensionRequestScope,
  canCreateProposal,
  canDraftReply,
  canEditProposalContent,
  canEditReplyDraft,
  canEvaluate,
  canInstruct,
  canInviteCoSigners,
  canDeleteProposal,
  canManageProposal,
  canRedact,
  canReadOriginalText,
  canManageRepresentatives,
  canManageSite,
  canEditDocumentSettings,
  canPublishReply,
  canReadInternal,
  canReadPrivate,
  canReadProposal,
  canRecordFollowUp,
  canScreen,
  canSetCoSigners,
  canSignOffReply,
  canUseAdmin,
  canWriteCoOpinion,
  clauseMatches,
  mayEverCreate,
  proposalReadScope,
  type CreateRule,
  type ReadClause,
} from './permissions'
import { ProposalStatuses, Roles, type Actor, type ProposalFacts, type ProposalStatus, type Reply } from './types'
import { ActorKeys, Actors, OddActors, Rep, Sec, facts, reply } from '../tests/fixtures/facts'

const AllActors = { ...Actors, ...OddActors }
type AnyActorKey = keyof typeof AllActors
const AllActorKeys = Object.keys(AllActors) as AnyActorKey[]

it('the cast has an actor of every role', () => {
  expect(new Set(ActorKeys.map((k) => Actors[k].role))).toEqual(new Set(Roles))
})

// ---------------------------------------------------------------------------------------------
// Reading proposals

const assigned = { leadSection: Sec.lead, coSections: [Sec.co], extensions: [] }
const ReadFixtures = {
  draftOwn: facts({ status: 'draft' }),
  /** a paper proposal the office is typing in for rep-9 */
  draftByOffice: facts({ status: 'draft', proposer: 'rep-9', coSigners: [], enteredBy: 'office' }),
  draftOther: facts({ status: 'draft', proposer: 'rep-9', coSigners: ['rep-8'] }),
  draftAssigned: facts({ status: 'draft', proposer: 'rep-9', coSigners: [], assignment: assigned }),
  /** someone else's draft to which Rep.other is invited (not yet answered) */
  draftInvited: facts({ status: 'draft', proposer: 'rep-9', coSigners: [], invitees: [Rep.other] }),
  confidentialInvited: facts({ status: 'submitted', confidential: true, proposer: 'rep-9', coSigners: [], invitees: [Rep.other] }),
  /** submitted, not yet screened: not public yet */
  submittedPublic: facts({ status: 'submitted', proposer: 'rep-9', coSigners: [] }),
  screenedPublic: facts({ status: 'accepted', proposer: 'rep-9', coSigners: [] }),
  confidentialOwn: facts({ status: 'submitted', confidential: true }),
  confidentialOther: facts({ status: 'submitted', confidential: true, proposer: 'rep-9', coSigners: [] }),
  /** lead: Sec.lead, co: Sec.co; Sec.other unrelated */
  assigned: facts({ status: 'inProgress', proposer: 'rep-9', coSigners: [], assignment: assigned }),
  confidentialAssigned: facts({ status: 'inProgress', confidential: true, proposer: 'rep-9', coSigners: [], assignment: assigned }),
  closedOfOther: facts({
    status: 'closed',
    proposer: 'rep-9',
    coSigners: [],
    assignment: { leadSection: Sec.other, coSections: [], extensions: [] },
  }),
} satisfies Record<string, ProposalFacts>
type ReadKey = keyof typeof ReadFixtures
const ReadKeys = Object.keys(ReadFixtures) as ReadKey[]

const publicOnes: ReadKey[] = ['screenedPublic', 'assigned', 'closedOfOther']
const ownOnes: ReadKey[] = ['draftOwn', 'confidentialOwn']
const Readable: Record<AnyActorKey, ReadKey[]> = {
  admin: ReadKeys,
  // Never a representative's unsubmitted draft: only the drafts the office entered itself.
  office: ReadKeys.filter((k) => !['draftOwn', 'draftOther', 'draftAssigned', 'draftInvited'].includes(k)),
  leader: ['submittedPublic', 'screenedPublic', 'confidentialOwn', 'confidentialOther', 'confidentialInvited', 'assigned', 'confidentialAssigned', 'closedOfOther'],
  leadStaff: ['assigned', 'confidentialAssigned'],
  leadHead: ['assigned', 'confidentialAssigned'],
  coStaff: ['assigned', 'confidentialAssigned'],
  coHead: ['assigned', 'confidentialAssigned'],
  otherStaff: ['closedOfOther'],
  otherHead: ['closedOfOther'],
  proposer: [...publicOnes, ...ownOnes],
  coSigner: [...publicOnes, ...ownOnes],
  otherRep: [...publicOnes, 'draftInvited', 'confidentialInvited'],
  public: publicOnes,
  repNoId: publicOnes,
  staffNoSection: [],
  headNoSection: [],
}

const readRows = AllActorKeys.flatMap((a) => ReadKeys.map((f) => [a, f, Readable[a].includes(f)] as const))

describe('canReadProposal', () => {
  it.each(readRows)('%s reads %s: %s', (a, f, ok) => {
    expect(canReadProposal(AllActors[a], ReadFixtures[f])).toBe(ok)
  })

  it('compares ids as strings', () => {
    const p = facts({ status: 'draft', proposer: 42, coSigners: [43] })
    expect(canReadProposal({ role: 'representative', id: '42' }, p)).toBe(true)
    expect(canReadProposal({ role: 'representative', id: '43' }, p)).toBe(true)
    expect(canReadProposal({ role: 'representative', id: '44' }, p)).toBe(false)
    expect(canReadProposal({ role: 'sectionStaff', section: '7' }, facts({ status: 'inProgress', assignment: { leadSection: 7, coSections: [], extensions: [] } }))).toBe(true)
  })

  it('a staff user whose id equals the proposer’s does not read the draft as its owner', () => {
    expect(canReadProposal({ role: 'sectionStaff', id: Rep.proposer, section: Sec.lead }, ReadFixtures.draftOwn)).toBe(false)
    expect(canReadProposal({ role: 'leader', id: Rep.proposer }, ReadFixtures.draftOwn)).toBe(false)
  })
})

describe('proposalReadScope', () => {
  it.each<[AnyActorKey, ReadClause[]]>([
    ['admin', [{ kind: 'all' }]],
    ['office', [{ kind: 'nonDraft' }, { kind: 'officeDraft' }]],
    ['leader', [{ kind: 'nonDraft' }]],
    ['leadStaff', [{ kind: 'section', section: Sec.lead }]],
    ['leadHead', [{ kind: 'section', section: Sec.lead }]],
    ['coStaff', [{ kind: 'section', section: Sec.co }]],
    ['otherHead', [{ kind: 'section', section: Sec.other }]],
    ['staffNoSection', []],
    ['headNoSection', []],
    ['proposer', [{ kind: 'public' }, { kind: 'own', representative: Rep.proposer }, { kind: 'invited', representative: Rep.proposer }]],
    ['otherRep', [{ kind: 'public' }, { kind: 'own', representative: Rep.other }, { kind: 'invited', representative: Rep.other }]],
    ['repNoId', [{ kind: 'public' }]],
    ['public', [{ kind: 'public' }]],
  ])('%s', (a, clauses) => {
    expect(proposalReadScope(AllActors[a])).toEqual(clauses)
  })

  // The CMS turns the clauses into a database query: they must admit exactly what canReadProposal admits.
  it.each(readRows)('%s, %s: the clauses agree (%s)', (a, f, ok) => {
    const p = ReadFixtures[f]
    expect(proposalReadScope(AllActors[a]).some((c) => clauseMatches(c, p))).toBe(ok)
    expect(canReadProposal(AllActors[a], p)).toBe(ok)
  })
})

describe('canReadOriginalText: the title and text as written (the public reads the screened public version)', () => {
  const Staff: AnyActorKey[] = ['admin', 'office', 'leader', 'leadStaff', 'leadHead', 'coStaff', 'coHead', 'otherStaff', 'otherHead', 'staffNoSection', 'headNoSection']
  const Original: Record<AnyActorKey, ReadKey[]> = {
    ...(Object.fromEntries(AllActorKeys.map((a) => [a, Staff.includes(a) ? ReadKeys : []])) as Record<AnyActorKey, ReadKey[]>),
    proposer: ownOnes,
    coSigner: ownOnes,
    otherRep: ['draftInvited', 'confidentialInvited'],
  }
  const rows = AllActorKeys.flatMap((a) => ReadKeys.map((f) => [a, f, Original[a].includes(f)] as const))
  it.each(rows)('%s, %s: %s', (a, f, ok) => {
    expect(canReadOriginalText(AllActors[a], ReadFixtures[f])).toBe(ok)
  })
})

describe('clauseMatches, clause by clause', () => {
  const Clauses: Record<string, ReadClause> = {
    all: { kind: 'all' },
    public: { kind: 'public' },
    nonDraft: { kind: 'nonDraft' },
    ownProposer: { kind: 'own', representative: Rep.proposer },
    ownCoSigner: { kind: 'own', representative: Rep.coSigner },
    ownOther: { kind: 'own', representative: Rep.other },
    invitedOther: { kind: 'invited', representative: Rep.other },
    invitedProposer: { kind: 'invited', representative: Rep.proposer },
    sectionLead: { kind: 'section', section: Sec.lead },
    sectionCo: { kind: 'section', section: Sec.co },
    sectionOther: { kind: 'section', section: Sec.other },
  }
  const Matches: Record<keyof typeof Clauses, ReadKey[]> = {
    all: ReadKeys,
    public: ['screenedPublic', 'assigned', 'closedOfOther'],
    nonDraft: ReadKeys.filter((k) => !k.startsWith('draft')),
    ownProposer: ['draftOwn', 'confidentialOwn'],
    ownCoSigner: ['draftOwn', 'confidentialOwn'],
    ownOther: [],
    invitedOther: ['draftInvited', 'confidentialInvited'],
    invitedProposer: [],
    sectionLead: ['assigned', 'confidentialAssigned'],
    sectionCo: ['assigned', 'confidentialAssigned'],
    sectionOther: ['closedOfOther'],
  }
  const rows = Object.keys(Clauses).flatMap((c) => ReadKeys.map((f) => [c, f, Matches[c]!.includes(f)] as const))
  it.each(rows)('%s admits %s: %s', (c, f, ok) => {
    expect(clauseMatches(Clauses[c]!, ReadFixtures[f])).toBe(ok)
  })
})

describe('canReadInternal: staff who may read the proposal', () => {
  const staff: AnyActorKey[] = ['admin', 'office', 'leader', 'leadStaff', 'leadHead', 'coStaff', 'coHead', 'otherStaff', 'otherHead', 'staffNoSection', 'headNoSection']
  it.each(readRows)('%s, %s', (a, f, readable) => {
    expect(canReadInternal(AllActors[a], ReadFixtures[f])).toBe(readable && staff.includes(a))
  })
})

// ---------------------------------------------------------------------------------------------
// Predicates of the actor alone

describe.each<[string, (a: Actor) => boolean, AnyActorKey[]]>([
  ['canReadPrivate', canReadPrivate, ['admin', 'office']],
  ['canCreateProposal', canCreateProposal, ['office', 'proposer', 'coSigner', 'otherRep']],
  ['canAdminister', canAdminister, ['admin']],
  ['canManageRepresentatives', canManageRepresentatives, ['admin', 'office']],
  ['canManageSite', canManageSite, ['admin', 'office']],
  ['canEditDocumentSettings', canEditDocumentSettings, ['admin', 'office']],
  [
    'canUseAdmin',
    canUseAdmin,
    ['admin', 'office', 'leader', 'leadStaff', 'leadHead', 'coStaff', 'coHead', 'otherStaff', 'otherHead', 'staffNoSection', 'headNoSection'],
  ],
])('%s', (_name, predicate, allowed) => {
  it.each(AllActorKeys.map((a) => [a, allowed.includes(a)] as const))('%s: %s', (a, ok) => {
    expect(predicate(AllActors[a])).toBe(ok)
  })
})

// ---------------------------------------------------------------------------------------------
// Predicates of the actor and the proposal's status

/** A proposal of the proposer and the co-signer, lead section Sec.lead, co-section Sec.co, in `status`. */
const inStatus = (status: ProposalStatus) =>
  facts({ status, assignment: { leadSection: Sec.lead, coSections: [Sec.co], deadline: '2025-04-05', extensions: [] } })

const Handling: ProposalStatus[] = ['instructed', 'inProgress', 'rehandling']
/** The reply deadline set at 交办 is in force: an extension moves it. */
const Extendable: ProposalStatus[] = ['instructed', 'inProgress']
const Drafting: ProposalStatus[] = ['inProgress', 'rehandling']
const ScreenedOut: ProposalStatus[] = ['merged', 'redirected', 'notAccepted']
const Answered: ProposalStatus[] = ['replied', 'evaluated']
/** A reply may be evaluated once answered, and a screened-out item's explanation too. */
const Evaluable: ProposalStatus[] = [...Answered, 'merged', 'redirected', 'notAccepted']
const ExceptDraftSubmittedClosed: ProposalStatus[] = [
  'accepted', 'merged', 'redirected', 'notAccepted', 'instructed', 'inProgress', 'replied', 'evaluated', 'rehandling',
]

const unsigned = reply({ signedOffBy: null, signedOffAt: null, publishedAt: null })
const unsignedExplanation = reply({ id: 'explain-1', section: null, signedOffBy: null, signedOffAt: null, publishedAt: null })
const unsignedOfCo = reply({ section: Sec.co, signedOffBy: null, signedOffAt: null, publishedAt: null })
const signed = reply({ publishedAt: null })
const signedExplanation = reply({ id: 'explain-1', section: null, signedOffBy: Actors.office.id, publishedAt: null })
const published = reply()
const publishedUnsigned = reply({ signedOffBy: null, signedOffAt: null })

/** Who may, in which statuses; an actor not named may in none. */
type StatusTable = Partial<Record<AnyActorKey, ProposalStatus[]>>

describe.each<[string, (a: Actor, p: ProposalFacts) => boolean, StatusTable]>([
  ['canEditProposalContent', canEditProposalContent, { proposer: ['draft'], office: ['draft', 'submitted'] }],
  ['canScreen', canScreen, { office: ['submitted'] }],
  ['canInviteCoSigners', canInviteCoSigners, { proposer: ['draft'] }],
  ['canSetCoSigners', canSetCoSigners, { office: ['draft', 'submitted'] }],
  ['canAnswerInvitation, an open invitation to the other representative', (a, p) => canAnswerInvitation(a, p, { representative: Rep.other, status: 'invited' }), { otherRep: ['draft', 'submitted'] }],
  ['canAnswerInvitation, an invitation already accepted', (a, p) => canAnswerInvitation(a, p, { representative: Rep.other, status: 'accepted' }), {}],
  ['canAnswerInvitation, an invitation already declined', (a, p) => canAnswerInvitation(a, p, { representative: Rep.other, status: 'declined' }), {}],
  ['canAnswerResolution', canAnswerResolution, { proposer: Answered, coSigner: Answered }],
  ['canAssign', canAssign, { office: ['accepted', 'instructed'] }],
  ['canApproveExtension', canApproveExtension, { leader: Extendable }],
  [
    'canRequestExtension, assigned (交办)',
    (a, p) => canRequestExtension(a, { ...p, assignment: { ...p.assignment, assignedAt: '2025-03-05T09:00:00+08:00' } }),
    { leadStaff: Extendable, leadHead: Extendable },
  ],
  ['canRequestExtension, never assigned (no 交办 time)', canRequestExtension, {}],
  ['canManageProposal', canManageProposal, { office: ProposalStatuses.filter((s) => s !== 'closed') }],
  ['canRedact', canRedact, { office: ProposalStatuses.filter((s) => s !== 'draft') }],
  ['canInstruct', canInstruct, { leader: ExceptDraftSubmittedClosed }],
  ['canWriteCoOpinion', canWriteCoOpinion, { coStaff: Handling, coHead: Handling }],
  ['canDraftReply', canDraftReply, { leadStaff: Drafting, leadHead: Drafting, office: ScreenedOut }],
  ['canRecordFollowUp', canRecordFollowUp, { office: ExceptDraftSubmittedClosed }],
  ['canEditReplyDraft, an unsigned reply of the lead section', (a, p) => canEditReplyDraft(a, p, unsigned), { leadStaff: Drafting, leadHead: Drafting }],
  ['canEditReplyDraft, an unsigned explanation of the office', (a, p) => canEditReplyDraft(a, p, unsignedExplanation), { office: ScreenedOut }],
  ['canEditReplyDraft, an unsigned reply written for a co-section', (a, p) => canEditReplyDraft(a, p, unsignedOfCo), {}],
  ['canEditReplyDraft, a signed-off reply', (a, p) => canEditReplyDraft(a, p, signed), {}],
  ['canEditReplyDraft, a signed-off explanation', (a, p) => canEditReplyDraft(a, p, signedExplanation), {}],
  ['canEditReplyDraft, a published reply', (a, p) => canEditReplyDraft(a, p, published), {}],
  ['canSignOffReply, an unsigned explanation of the office', (a, p) => canSignOffReply(a, p, unsignedExplanation), { office: ScreenedOut }],
  ['canSignOffReply, an unsigned reply written for a co-section', (a, p) => canSignOffReply(a, p, unsignedOfCo), {}],
  ['canSignOffReply, a signed-off reply', (a, p) => canSignOffReply(a, p, signed), {}],
  ['canSignOffReply, a signed-off explanation', (a, p) => canSignOffReply(a, p, signedExplanation), {}],
  ['canSignOffReply, a published (unsigned) reply', (a, p) => canSignOffReply(a, p, publishedUnsigned), {}],
  ['canEvaluate, a published reply', (a, p) => canEvaluate(a, p, published), { proposer: Evaluable, coSigner: Evaluable, office: Evaluable }],
  ['canEvaluate, a signed-off reply not yet published', (a, p) => canEvaluate(a, p, signed), {}],
])('%s', (_name, predicate, table) => {
  const rows = AllActorKeys.flatMap((a) => ProposalStatuses.map((s) => [a, s, table[a]?.includes(s) ?? false] as const))
  it.each(rows)('%s, %s: %s', (a, s, ok) => {
    expect(predicate(AllActors[a], inStatus(s))).toBe(ok)
  })
})

describe.each<[string, 'office' | 'representative' | null, StatusTable]>([
  ['entered by the proposer in the portal', 'representative', { proposer: ['draft'] }],
  ['entered by the office (a paper proposal)', 'office', { proposer: ['draft'], office: ['draft'] }],
  ['of unknown origin', null, { proposer: ['draft'] }],
])('canDeleteProposal, a proposal %s', (_name, enteredBy, table) => {
  const rows = AllActorKeys.flatMap((a) => ProposalStatuses.map((s) => [a, s, table[a]?.includes(s) ?? false] as const))
  it.each(rows)('%s, %s: %s', (a, s, ok) => {
    expect(canDeleteProposal(AllActors[a], { ...inStatus(s), enteredBy })).toBe(ok)
  })
})

describe('canSignOffReply, an unsigned reply of the lead section while it is being handled', () => {
  const table: StatusTable = { leadHead: Drafting }
  const rows = AllActorKeys.flatMap((a) => Drafting.map((s) => [a, s, table[a]?.includes(s) ?? false] as const))
  it.each(rows)('%s, %s: %s', (a, s, ok) => {
    expect(canSignOffReply(AllActors[a], inStatus(s), unsigned)).toBe(ok)
  })

  it('a head of the reply’s section who is no longer the lead section may not sign it off', () => {
    const p = facts({ status: 'inProgress', assignment: { leadSection: Sec.other, coSections: [], extensions: [] } })
    expect(canSignOffReply(Actors.leadHead, p, unsigned)).toBe(false)
  })
})

describe('canPublishReply', () => {
  const Replies: Record<string, Reply> = { unsigned, signed, signedExplanation, published, unsignedExplanation }
  const Allowed: Record<string, AnyActorKey[]> = { signed: ['office'], signedExplanation: ['office'] }
  const rows = Object.keys(Replies).flatMap((r) => AllActorKeys.map((a) => [a, r, Allowed[r]?.includes(a) ?? false] as const))
  it.each(rows)('%s publishes %s: %s', (a, r, ok) => {
    expect(canPublishReply(AllActors[a], Replies[r]!)).toBe(ok)
  })
})

describe('canEvaluate: who is the proposer', () => {
  it('an unrelated representative, or staff carrying the proposer’s id, may not evaluate', () => {
    expect(canEvaluate(Actors.otherRep, inStatus('replied'), published)).toBe(false)
    expect(canEvaluate({ role: 'sectionHead', id: Rep.proposer, section: Sec.lead }, inStatus('replied'), published)).toBe(false)
    expect(canEvaluate(OddActors.repNoId, inStatus('replied'), published)).toBe(false)
  })
})

describe('no section is not the same section', () => {
  const unassigned = (status: ProposalStatus) => facts({ status })
  it.each(['inProgress', 'rehandling', 'instructed'] as ProposalStatus[])('staff of no section, unassigned item %s', (s) => {
    for (const a of [OddActors.staffNoSection, OddActors.headNoSection]) {
      expect(canDraftReply(a, unassigned(s))).toBe(false)
      expect(canWriteCoOpinion(a, unassigned(s))).toBe(false)
      expect(canSignOffReply(a, unassigned(s), reply({ section: null, signedOffBy: null, signedOffAt: null, publishedAt: null }))).toBe(false)
    }
  })
})

describe('only section roles act for a section', () => {
  it.each<[string, Actor]>([
    ['a representative', { role: 'representative', id: Rep.other, section: Sec.co }],
    ['a leader', { role: 'leader', id: 'u-leader', section: Sec.co }],
    ['the office', { role: 'office', id: 'u-office', section: Sec.co }],
  ])('%s carrying a co-section’s id writes no co-opinion', (_name, a) => {
    expect(canWriteCoOpinion(a, inStatus('inProgress'))).toBe(false)
  })

  it.each<[string, Actor]>([
    ['a representative', { role: 'representative', id: Rep.other, section: Sec.lead }],
    ['a leader', { role: 'leader', id: 'u-leader', section: Sec.lead }],
  ])('%s carrying the lead section’s id drafts no reply', (_name, a) => {
    expect(canDraftReply(a, inStatus('inProgress'))).toBe(false)
  })
})

describe('延期申请: deciding and reading', () => {
  const Decisions = ['pending', 'approved', 'refused', null] as const
  it.each(AllActorKeys.flatMap((a) => Decisions.map((d) => [a, d, a === 'leader' && d === 'pending'] as const)))('%s decides a request that is %s: %s', (a, d, ok) => {
    expect(canDecideExtension(AllActors[a], { decision: d })).toBe(ok)
  })

  const All: AnyActorKey[] = ['admin', 'office', 'leader']
  const OwnSection: Partial<Record<AnyActorKey, string>> = { leadStaff: Sec.lead, leadHead: Sec.lead, coStaff: Sec.co, coHead: Sec.co, otherStaff: Sec.other, otherHead: Sec.other }
  it.each(AllActorKeys)('%s: the scope of requests read', (a) => {
    const scope = extensionRequestScope(AllActors[a])
    if (All.includes(a)) expect(scope).toBe('all')
    else if (OwnSection[a]) expect(scope).toEqual({ section: OwnSection[a] })
    else expect(scope).toBe('none')
  })
  it.each(AllActorKeys.flatMap((a) => [Sec.lead, Sec.other, null].map((s) => [a, s] as const)))('%s reads a request of section %s', (a, s) => {
    const ok = All.includes(a) || (s != null && OwnSection[a] === s)
    expect(canReadExtensionRequest(AllActors[a], { section: s })).toBe(ok)
  })
})

// Rules found missing by an earlier review, now enforced.
describe('findings', () => {
  // canEvaluate's comment: "Each proposer and co-signer evaluates each published reply once".
  it('a representative who has evaluated a reply may not evaluate it again', () => {
    const p = withEvaluations(inStatus('replied'), [{ reply: published.id, representative: Rep.proposer, rating: 'satisfied', at: '2025-03-25T09:00:00+08:00' }])
    expect(canEvaluate(Actors.proposer, p, published)).toBe(false)
  })

  // Sign-off has no status check for section replies (the office's has one): a reply can be signed off on a closed item.
  it.each(['draft', 'submitted', 'accepted', 'instructed', 'closed'] as ProposalStatus[])(
    'the lead head may not sign off a reply while the proposal is %s',
    (s) => {
      expect(canSignOffReply(Actors.leadHead, inStatus(s), unsigned)).toBe(false)
    },
  )
})

function withEvaluations(p: ProposalFacts, evaluations: ProposalFacts['evaluations']): ProposalFacts {
  return { ...p, evaluations }
}

describe('the statuses in which a reply can be evaluated (portal list and page, and canEvaluate)', () => {
  it.each(ProposalStatuses.map((s) => [s, Evaluable.includes(s)] as const))('%s → %s', (status, evaluable) => {
    expect(isEvaluableStatus(status)).toBe(evaluable)
  })
})

describe('evaluationRefusal: the words of a refused evaluation', () => {
  it('names the reason, and is null exactly when canEvaluate allows', async () => {
    const { evaluationRefusal, canEvaluate } = await import('./permissions')
    const { complete, vary, Actors, Rep } = await import('../tests/fixtures/facts')
    const base = vary(complete('closed', 'replied'), (p) => {
      p.evaluations = []
    }).p
    const r = base.replies[0]
    for (const k of ['proposer', 'coSigner', 'otherRep'] as const) expect(evaluationRefusal(Actors[k], base, r.id) === null).toBe(canEvaluate(Actors[k], base, r))
    expect(evaluationRefusal(Actors.otherRep, base, r.id)?.message).toBe('只有提案人和附议代表可以评价')
    expect(evaluationRefusal(Actors.proposer, base, 'nope')?.message).toBe('只能评价已公开的答复')
    const once = { ...base, evaluations: [{ reply: r.id, representative: Rep.proposer, rating: 'dissatisfied' as const, at: '2025-03-25T09:00:00+08:00' }], status: 'rehandling' as const }
    expect(evaluationRefusal(Actors.proposer, once, r.id)?.message).toBe('每条答复只能评价一次')
    expect(evaluationRefusal(Actors.coSigner, once, r.id)?.message).toBe('提案重新办理中，现在不能评价')
  })
})

// 新建 and "+" in the admin: whether a record-on-a-proposal rule could ever let this actor create one.
describe('mayEverCreate: who could ever create each record on a proposal', () => {
  const evaluates: CreateRule = (a, p, d) => {
    const r = p.replies.find((x) => String(x.id) === String(d.reply))
    return !!r && canEvaluate(a, p, r)
  }
  const Rules: Record<string, [CreateRule, AnyActorKey[]]> = {
    instruction: [(a, p) => canInstruct(a, p), ['leader']],
    reply: [(a, p, d) => canDraftReply(a, p, d.corrects != null), ['office', 'leadStaff', 'leadHead', 'coStaff', 'coHead', 'otherStaff', 'otherHead']],
    coOpinion: [(a, p) => canWriteCoOpinion(a, p), ['leadStaff', 'leadHead', 'coStaff', 'coHead', 'otherStaff', 'otherHead']],
    followUp: [(a, p) => canRecordFollowUp(a, p), ['office']],
    evaluation: [evaluates, ['office', 'proposer', 'coSigner', 'otherRep']],
    resolutionAnswer: [(a, p) => canAnswerResolution(a, p), ['proposer', 'coSigner', 'otherRep']],
    attachment: [(a, p) => canEditProposalContent(a, p), ['office', 'proposer', 'coSigner', 'otherRep']],
    invitation: [(a, p) => canInviteCoSigners(a, p) || canSetCoSigners(a, p), ['office', 'proposer', 'coSigner', 'otherRep']],
    never: [() => false, []],
  }
  const rows = Object.entries(Rules).flatMap(([name, [rule, who]]) => AllActorKeys.map((k) => [name, k, who.includes(k), rule] as const))
  it.each(rows)('%s by %s → %s', (_name, key, expected, rule) => {
    expect(mayEverCreate(AllActors[key], rule)).toBe(expected)
  })
  // Section staff without a section, a representative without an id and the public never.
  it.each(['staffNoSection', 'headNoSection', 'repNoId', 'public'] as const)('%s creates nothing', (key) => {
    for (const [rule] of Object.values(Rules)) expect(mayEverCreate(AllActors[key], rule)).toBe(false)
  })
})
