import { WaitingOnMe as WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5 } from '../../../../cms/components/WaitingOnMe'
import { ResetReasonField as ResetReasonField_4463cb12ed476ec47101dc818c5f5116 } from '../../../../cms/components/PasswordChangeFields'
import { CurrentPasswordField as CurrentPasswordField_4463cb12ed476ec47101dc818c5f5116 } from '../../../../cms/components/PasswordChangeFields'
import { RebuildSiteButton as RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55 } from '../../../../cms/components/RebuildSiteButton'
import { ForgotPasswordView as ForgotPasswordView_393d6ec21a5d152e486669dce8210ced } from '../../../../cms/components/ForgotPasswordView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/cms/components/WaitingOnMe#WaitingOnMe": WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5,
  "/cms/components/PasswordChangeFields#ResetReasonField": ResetReasonField_4463cb12ed476ec47101dc818c5f5116,
  "/cms/components/PasswordChangeFields#CurrentPasswordField": CurrentPasswordField_4463cb12ed476ec47101dc818c5f5116,
  "/cms/components/RebuildSiteButton#RebuildSiteButton": RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55,
  "/cms/components/ForgotPasswordView#ForgotPasswordView": ForgotPasswordView_393d6ec21a5d152e486669dce8210ced,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
