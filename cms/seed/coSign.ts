// Co-signing as it happens in the portal: the proposer invites, the invitee accepts — each as
// themself through the Local API. The demo data and the tests' scenarios use it.
import type { Payload } from 'payload'

type User = { id?: unknown }

export async function coSign(payload: Payload, proposal: string | number, proposer: User, coSigners: User[], context: Record<string, unknown> = {}): Promise<void> {
  for (const coSigner of coSigners) {
    const invitation = await payload.create({
      collection: 'co-sign-invitations',
      data: { proposal: proposal as number, representative: coSigner.id as number, status: 'invited' },
      user: { ...proposer, collection: 'representatives' } as never,
      overrideAccess: false,
      context,
      depth: 0,
    })
    await payload.update({
      collection: 'co-sign-invitations',
      id: invitation.id,
      data: { status: 'accepted' },
      user: { ...coSigner, collection: 'representatives' } as never,
      overrideAccess: false,
      context,
      depth: 0,
    })
  }
}
