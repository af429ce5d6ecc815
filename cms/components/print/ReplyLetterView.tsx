// 答复函: /admin/print/reply/<id>, opened by 打印答复函 on a signed-off reply (PrintButton.tsx).
// An A4 letter: letterhead, 文号 and 签发人, 主送, the text and commitments, the sender and the
// date of the sign-off, the contact person and phone. What it says comes from
// cms/lib/printDocuments.ts, read as the signed-in person may read it.
import type { AdminViewServerProps } from 'payload'
import { replyLetter } from '../../lib/printDocuments'
import { Desk, Gap, printTarget } from './Desk'

const paragraphs = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean)

export async function ReplyLetterView(props: AdminViewServerProps) {
  const id = printTarget(props, 'reply')
  const { req } = props.initPageResult
  const result = await replyLetter(req.payload, req.user, id)
  return (
    <Desk what="答复函" result={result}>
      {(l) => (
        <>
          {!l.organization && <p className="print-notice">公文设置中还没有填写单位名称，函头只印科室名称。请代表工作室或管理员在「公文设置」中填写。</p>}
          <article className="print-sheet letter">
            <header>
              <div className="letter__org">
                {l.organization}
                {l.unit}
              </div>
              <div className="letter__meta">
                <span className="letter__number">{l.docNumber}</span>
                <span>签发人：{l.signer || '—'}</span>
              </div>
              <hr className="letter__rule" />
            </header>
            <h1>关于《{l.proposalTitle}》的答复{l.correctionNote != null ? '（更正）' : ''}</h1>
            <p className="letter__sub">
              （提案编号：{l.proposalNumber || '—'}
              {Gap}答复类别：{l.classLabel}
              {l.round > 1 ? `${Gap}第${l.round}轮答复` : ''}）
            </p>
            {/* 主送: the proposer and the co-signers, as a letter addresses them. */}
            <p className="letter__to">{l.addressees.map((n) => `${n}代表`).join('、')}：</p>
            {l.correctionNote && <p className="letter__para">本函更正此前的答复。更正说明：{l.correctionNote}</p>}
            {paragraphs(l.text).map((p, i) => (
              <p className="letter__para" key={i}>
                {p}
              </p>
            ))}
            {l.commitments.length > 0 && (
              <>
                <p className="letter__para">承诺事项：</p>
                {l.commitments.map((c, i) => (
                  <p className="letter__item" key={i}>
                    {i + 1}. {c.text}（完成时限：{c.due}）
                  </p>
                ))}
              </>
            )}
            <div className="letter__sign">
              <p>
                {l.organization}
                {l.unit}
              </p>
              <p>{l.date}</p>
            </div>
            <p className="letter__contact">
              （联系人：{l.contactName || '—'}
              {Gap}联系电话：{l.contactPhone || '—'}）
            </p>
          </article>
        </>
      )}
    </Desk>
  )
}
