import { WaitingOnMe as WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5 } from '../../../../cms/components/WaitingOnMe'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/cms/components/WaitingOnMe#WaitingOnMe": WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
