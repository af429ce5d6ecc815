import { RoundRowLabel as RoundRowLabel_16102793bca0cb2258c034ff3d407617 } from '../../../../cms/components/RowLabel'
import { FreshJoin as FreshJoin_8a23ebd7f45d87b003a68491824de502 } from '../../../../cms/components/FreshJoin'
import { WaitingOnMe as WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5 } from '../../../../cms/components/WaitingOnMe'
import { ExportExcelButton as ExportExcelButton_b5459bfa00a0340c300f48f81247b675 } from '../../../../cms/components/ExportExcelButton'
import { PasswordPanel as PasswordPanel_c322ba8c047f8207e7544b15bb9394de } from '../../../../cms/components/PasswordPanel'
import { RebuildSiteButton as RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55 } from '../../../../cms/components/RebuildSiteButton'
import { ChineseAdmin as ChineseAdmin_bf2f36ed2534a8c277f291a49f535746 } from '../../../../cms/components/ChineseAdmin'
import { KeepTypedText as KeepTypedText_e4e03ea0a2220591945b02122c2c3168 } from '../../../../cms/components/KeepTypedText'
import { EditLock as EditLock_94f8397ce6b5832e775c1ea4d21bc4da } from '../../../../cms/components/EditLock'
import { ForgotPasswordView as ForgotPasswordView_393d6ec21a5d152e486669dce8210ced } from '../../../../cms/components/ForgotPasswordView'
import { Workbench as Workbench_a7474fc196e09728bcaa508d4c7ab7af } from '../../../../cms/components/Workbench'
import { QueueView as QueueView_2a20d265aa56ceed8b7429af2f9ac195 } from '../../../../cms/components/QueueView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/cms/components/RowLabel#RoundRowLabel": RoundRowLabel_16102793bca0cb2258c034ff3d407617,
  "/cms/components/FreshJoin#FreshJoin": FreshJoin_8a23ebd7f45d87b003a68491824de502,
  "/cms/components/WaitingOnMe#WaitingOnMe": WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5,
  "/cms/components/ExportExcelButton#ExportExcelButton": ExportExcelButton_b5459bfa00a0340c300f48f81247b675,
  "/cms/components/PasswordPanel#PasswordPanel": PasswordPanel_c322ba8c047f8207e7544b15bb9394de,
  "/cms/components/RebuildSiteButton#RebuildSiteButton": RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55,
  "/cms/components/ChineseAdmin#ChineseAdmin": ChineseAdmin_bf2f36ed2534a8c277f291a49f535746,
  "/cms/components/KeepTypedText#KeepTypedText": KeepTypedText_e4e03ea0a2220591945b02122c2c3168,
  "/cms/components/EditLock#EditLock": EditLock_94f8397ce6b5832e775c1ea4d21bc4da,
  "/cms/components/ForgotPasswordView#ForgotPasswordView": ForgotPasswordView_393d6ec21a5d152e486669dce8210ced,
  "/cms/components/Workbench#Workbench": Workbench_a7474fc196e09728bcaa508d4c7ab7af,
  "/cms/components/QueueView#QueueView": QueueView_2a20d265aa56ceed8b7429af2f9ac195,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
