import { ProposalSummary as ProposalSummary_f01c6931d11f00213da00db8c99c482c } from '../../../../cms/components/Summary'
import { PrintEvaluationFormButton as PrintEvaluationFormButton_34503c8ae621394b7fcfbaded8ad3897 } from '../../../../cms/components/print/PrintButton'
import { FormOnly as FormOnly_b1a2ac3ecdbf0d4192672b44251e5b8d } from '../../../../cms/components/FormOnly'
import { RoundRowLabel as RoundRowLabel_16102793bca0cb2258c034ff3d407617 } from '../../../../cms/components/RowLabel'
import { FreshJoin as FreshJoin_8a23ebd7f45d87b003a68491824de502 } from '../../../../cms/components/FreshJoin'
import { WaitingOnMe as WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5 } from '../../../../cms/components/WaitingOnMe'
import { ProposalFilters as ProposalFilters_ba4f481e6b738863265367877ced7240 } from '../../../../cms/components/ListFilters'
import { ExportExcelButton as ExportExcelButton_b5459bfa00a0340c300f48f81247b675 } from '../../../../cms/components/ExportExcelButton'
import { ProposalActionBar as ProposalActionBar_d8f57b00eb91432dcfa13cde3f998aca } from '../../../../cms/components/ActionBar'
import { ReplySummary as ReplySummary_f01c6931d11f00213da00db8c99c482c } from '../../../../cms/components/Summary'
import { CoOpinionsPanel as CoOpinionsPanel_3d80259b20fa7cf9dba3021c7fbec15f } from '../../../../cms/components/CoOpinionsPanel'
import { PrintReplyLetterButton as PrintReplyLetterButton_34503c8ae621394b7fcfbaded8ad3897 } from '../../../../cms/components/print/PrintButton'
import { SettleRows as SettleRows_ce6f74d9c1209f8c26d0aa548b45ae08 } from '../../../../cms/components/SettleRows'
import { ReplyFilters as ReplyFilters_ba4f481e6b738863265367877ced7240 } from '../../../../cms/components/ListFilters'
import { ReplyActionBar as ReplyActionBar_d8f57b00eb91432dcfa13cde3f998aca } from '../../../../cms/components/ActionBar'
import { ExtensionDecision as ExtensionDecision_4c673da34ca12ac46dc061f1026c47e6 } from '../../../../cms/components/ExtensionDecision'
import { CommitmentPicker as CommitmentPicker_4b2a24f3b4f765f869c1d574f05c4a5c } from '../../../../cms/components/CommitmentPicker'
import { PasswordPanel as PasswordPanel_c322ba8c047f8207e7544b15bb9394de } from '../../../../cms/components/PasswordPanel'
import { RebuildSiteButton as RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55 } from '../../../../cms/components/RebuildSiteButton'
import { CommitmentFilters as CommitmentFilters_ba4f481e6b738863265367877ced7240 } from '../../../../cms/components/ListFilters'
import { SupervisionNavLink as SupervisionNavLink_e6fe299688ba7636dea0bc685c36210f } from '../../../../cms/components/SupervisionNavLink'
import { ChineseAdmin as ChineseAdmin_bf2f36ed2534a8c277f291a49f535746 } from '../../../../cms/components/ChineseAdmin'
import { KeepTypedText as KeepTypedText_e4e03ea0a2220591945b02122c2c3168 } from '../../../../cms/components/KeepTypedText'
import { EditLock as EditLock_94f8397ce6b5832e775c1ea4d21bc4da } from '../../../../cms/components/EditLock'
import { ForgotPasswordView as ForgotPasswordView_393d6ec21a5d152e486669dce8210ced } from '../../../../cms/components/ForgotPasswordView'
import { Workbench as Workbench_a7474fc196e09728bcaa508d4c7ab7af } from '../../../../cms/components/Workbench'
import { QueueView as QueueView_2a20d265aa56ceed8b7429af2f9ac195 } from '../../../../cms/components/QueueView'
import { SupervisionBoard as SupervisionBoard_e1c96dd2f199c1bb2a2c1b9ad784eee5 } from '../../../../cms/components/SupervisionBoard'
import { ReplyLetterView as ReplyLetterView_c7a874048fe0177d71aa71e5f4c015d1 } from '../../../../cms/components/print/ReplyLetterView'
import { EvaluationFormView as EvaluationFormView_36cd98f89264b4ed7f2f2f89e45b2bb1 } from '../../../../cms/components/print/EvaluationFormView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/cms/components/Summary#ProposalSummary": ProposalSummary_f01c6931d11f00213da00db8c99c482c,
  "/cms/components/print/PrintButton#PrintEvaluationFormButton": PrintEvaluationFormButton_34503c8ae621394b7fcfbaded8ad3897,
  "/cms/components/FormOnly#FormOnly": FormOnly_b1a2ac3ecdbf0d4192672b44251e5b8d,
  "/cms/components/RowLabel#RoundRowLabel": RoundRowLabel_16102793bca0cb2258c034ff3d407617,
  "/cms/components/FreshJoin#FreshJoin": FreshJoin_8a23ebd7f45d87b003a68491824de502,
  "/cms/components/WaitingOnMe#WaitingOnMe": WaitingOnMe_f25f1ed366da4f97c33d735d08395cb5,
  "/cms/components/ListFilters#ProposalFilters": ProposalFilters_ba4f481e6b738863265367877ced7240,
  "/cms/components/ExportExcelButton#ExportExcelButton": ExportExcelButton_b5459bfa00a0340c300f48f81247b675,
  "/cms/components/ActionBar#ProposalActionBar": ProposalActionBar_d8f57b00eb91432dcfa13cde3f998aca,
  "/cms/components/Summary#ReplySummary": ReplySummary_f01c6931d11f00213da00db8c99c482c,
  "/cms/components/CoOpinionsPanel#CoOpinionsPanel": CoOpinionsPanel_3d80259b20fa7cf9dba3021c7fbec15f,
  "/cms/components/print/PrintButton#PrintReplyLetterButton": PrintReplyLetterButton_34503c8ae621394b7fcfbaded8ad3897,
  "/cms/components/SettleRows#SettleRows": SettleRows_ce6f74d9c1209f8c26d0aa548b45ae08,
  "/cms/components/ListFilters#ReplyFilters": ReplyFilters_ba4f481e6b738863265367877ced7240,
  "/cms/components/ActionBar#ReplyActionBar": ReplyActionBar_d8f57b00eb91432dcfa13cde3f998aca,
  "/cms/components/ExtensionDecision#ExtensionDecision": ExtensionDecision_4c673da34ca12ac46dc061f1026c47e6,
  "/cms/components/CommitmentPicker#CommitmentPicker": CommitmentPicker_4b2a24f3b4f765f869c1d574f05c4a5c,
  "/cms/components/PasswordPanel#PasswordPanel": PasswordPanel_c322ba8c047f8207e7544b15bb9394de,
  "/cms/components/RebuildSiteButton#RebuildSiteButton": RebuildSiteButton_a348bd18319f5a97d47c4f2ce7508e55,
  "/cms/components/ListFilters#CommitmentFilters": CommitmentFilters_ba4f481e6b738863265367877ced7240,
  "/cms/components/SupervisionNavLink#SupervisionNavLink": SupervisionNavLink_e6fe299688ba7636dea0bc685c36210f,
  "/cms/components/ChineseAdmin#ChineseAdmin": ChineseAdmin_bf2f36ed2534a8c277f291a49f535746,
  "/cms/components/KeepTypedText#KeepTypedText": KeepTypedText_e4e03ea0a2220591945b02122c2c3168,
  "/cms/components/EditLock#EditLock": EditLock_94f8397ce6b5832e775c1ea4d21bc4da,
  "/cms/components/ForgotPasswordView#ForgotPasswordView": ForgotPasswordView_393d6ec21a5d152e486669dce8210ced,
  "/cms/components/Workbench#Workbench": Workbench_a7474fc196e09728bcaa508d4c7ab7af,
  "/cms/components/QueueView#QueueView": QueueView_2a20d265aa56ceed8b7429af2f9ac195,
  "/cms/components/SupervisionBoard#SupervisionBoard": SupervisionBoard_e1c96dd2f199c1bb2a2c1b9ad784eee5,
  "/cms/components/print/ReplyLetterView#ReplyLetterView": ReplyLetterView_c7a874048fe0177d71aa71e5f4c015d1,
  "/cms/components/print/EvaluationFormView#EvaluationFormView": EvaluationFormView_36cd98f89264b4ed7f2f2f89e45b2bb1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
