'use client'
// A step field of the proposal's form (the status, the screening, the assignment) shown only to
// whoever uses the full form (core/actions.ts usesFullForm: the admin, and the office typing in a
// paper proposal); everyone else takes those steps from the action bar, and reads their outcome in
// 办理情况 (cms/components/Summary.tsx). The field is Payload's own, rendered as Payload would;
// its rules (access, validation, hooks) are the collection's, whoever saves.
import { allFieldComponents, useAuth, useDocumentInfo } from '@payloadcms/ui'
import type { ClientField } from 'payload'
import type { ComponentType } from 'react'
import { usesFullForm } from '../../core/actions'
import { actorOf } from '../access/actor'

export function FormOnly(props: { field: ClientField } & Record<string, unknown>) {
  const { user } = useAuth()
  const { savedDocumentData } = useDocumentInfo()
  // Only staff sign in to the admin (representatives use the portal).
  const actor = actorOf(user ? ({ ...user, collection: 'users' } as Parameters<typeof actorOf>[0]) : null)
  if (!usesFullForm(actor, { status: savedDocumentData?.status, enteredBy: savedDocumentData?.enteredBy })) return null
  const Field = allFieldComponents[props.field.type as keyof typeof allFieldComponents] as ComponentType<typeof props> | undefined
  return Field ? <Field {...props} /> : null
}
