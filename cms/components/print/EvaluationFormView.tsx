// 代表意见征询表: /admin/print/evaluation/<proposal id>, opened by 打印意见征询表 on a proposal
// (PrintButton.tsx). For representatives who do not use the portal: the proposal and its latest
// published reply, boxes for 满意 / 基本满意 / 不满意 (core/types.ts Ratings), a space for their
// opinion, and signature and date lines — one form for each representative of the proposal who has
// not evaluated that reply yet. The office then records the answer in 代表评价 (代为录入).
import type { AdminViewServerProps } from 'payload'
import { PartyLabels } from '../../../core/labels'
import { evaluationForm } from '../../lib/printDocuments'
import { Desk, Gap, printTarget } from './Desk'

const Paragraphs = ({ text }: { text: string }) => (
  <div className="form__text">
    {text
      .split(/\n+/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p, i) => (
        <p key={i}>{p}</p>
      ))}
  </div>
)

export async function EvaluationFormView(props: AdminViewServerProps) {
  const id = printTarget(props, 'evaluation')
  const { req } = props.initPageResult
  const result = await evaluationForm(req.payload, req.user, id)
  return (
    <Desk what="代表意见征询表" result={result}>
      {(f) =>
        f.representatives.map((who, n) => (
          <article className="print-sheet form" key={n}>
            {f.organization && <p className="form__org">{f.organization}</p>}
            <h1>代表意见征询表</h1>
            <p className="form__for">代表：{who}</p>
            <table className="form__table">
              <tbody>
                <tr>
                  <th scope="row">提案编号</th>
                  <td>{f.proposalNumber || '—'}</td>
                  <th scope="row">{PartyLabels.proposer}</th>
                  <td>{f.proposer || '—'}</td>
                </tr>
                <tr>
                  <th scope="row">提案标题</th>
                  <td colSpan={3}>{f.proposalTitle}</td>
                </tr>
                {f.coSigners.length > 0 && (
                  <tr>
                    <th scope="row">{PartyLabels.coSigner}</th>
                    <td colSpan={3}>{f.coSigners.join('、')}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">提案内容</th>
                  <td colSpan={3}>
                    <Paragraphs text={f.proposalBody} />
                  </td>
                </tr>
                <tr>
                  <th scope="row">答复单位</th>
                  <td>{f.reply.unit}</td>
                  <th scope="row">答复文号</th>
                  <td>{f.reply.docNumber || '—'}</td>
                </tr>
                <tr>
                  <th scope="row">答复类别</th>
                  <td>{f.reply.classLabel}</td>
                  <th scope="row">公开日期</th>
                  <td>{f.reply.published}</td>
                </tr>
                <tr>
                  <th scope="row">答复内容</th>
                  <td colSpan={3}>
                    <Paragraphs text={f.reply.text} />
                    {f.reply.commitments.length > 0 && (
                      <div className="form__text">
                        <p>承诺事项：</p>
                        {f.reply.commitments.map((c, i) => (
                          <p key={i}>
                            {i + 1}. {c.text}（完成时限：{c.due}）
                          </p>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
                <tr>
                  <th scope="row">代表评价</th>
                  <td colSpan={3}>
                    <div className="form__ratings">
                      {f.ratings.map((r) => (
                        <span key={r.value}>
                          <span className="form__box" aria-hidden="true" />
                          {r.label}
                        </span>
                      ))}
                    </div>
                    <span className="form__hint">请在一项前的方框内打「√」。</span>
                  </td>
                </tr>
                <tr>
                  <th scope="row">意见和建议</th>
                  <td colSpan={3} className="form__lines">
                    <span className="form__hint">选择「不满意」时，请写明理由。</span>
                  </td>
                </tr>
                <tr>
                  <th scope="row">代表签名</th>
                  <td />
                  <th scope="row">日期</th>
                  <td>{`${Gap.repeat(4)}年${Gap.repeat(2)}月${Gap.repeat(2)}日`}</td>
                </tr>
              </tbody>
            </table>
            <p className="form__note">请于{f.returnBy}前填写并交回代表工作室，由代表工作室在系统中代为录入您的评价。</p>
          </article>
        ))
      }
    </Desk>
  )
}
