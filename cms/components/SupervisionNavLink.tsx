// 督办台 in the admin's navigation, for the office and leaders (core canSupervise), above the collections.
import Link from 'next/link'
import type { TypedUser } from 'payload'
import { canSupervise } from '../../core/permissions'
import { actorOf } from '../access/actor'

export function SupervisionNavLink({ user }: { user?: TypedUser | null }) {
  if (!user || !canSupervise(actorOf(user))) return null
  return (
    <Link className="nav__link" href="/admin/supervision" id="nav-supervision" prefetch={false}>
      <span className="nav__link-label">督办台</span>
    </Link>
  )
}
