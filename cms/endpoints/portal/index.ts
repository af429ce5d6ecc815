// The representatives' portal API (/api/portal/*), by resource; each endpoint's body and answer
// are in the table of core/portalApi.ts.
import { attachmentEndpoints } from './attachments'
import { portalAuthEndpoints } from './auth'
import { draftEndpoints } from './drafts'
import { evaluationEndpoints } from './evaluations'
import { invitationEndpoints } from './invitations'
import { noticeEndpoints } from './notices'
import { resetEndpoints } from './reset'
import { proposalEndpoints } from './proposals'

export const portalEndpoints = [...portalAuthEndpoints, ...proposalEndpoints, ...draftEndpoints, ...invitationEndpoints, ...attachmentEndpoints, ...evaluationEndpoints, ...noticeEndpoints, ...resetEndpoints]
