// The open-data README, served as /data/README.md and shown on /data/.
import { figureDefinitions, groundDefinitions } from '../../core/definitions'
import type { PublicSession } from '../../core/contract'
import { CommitmentCsvColumns, CsvColumns } from './openData'
import { CommitmentColumns, PublicProposalColumns } from '../../core/spreadsheet'

/** The README; the figures' definitions with the deadlines of the `current` session (each session's are in proposals.json). */
export const openDataReadme = (generatedAt: string, current: PublicSession) => `# 代表提案公开数据

数据截至 ${generatedAt}（UTC）。本网站的每一个页面和数字都只由这些文件生成，任何人都可以重新计算。

## 文件

- \`proposals.json\`：全部公开提案及其批示、交办、答复、评价、回访和办理过程；另含届次与期限规定、工作日日历（法定节假日与调休上班日）、科室和居民区名单，以及不公开提案的件数和尚未甄别的提案件数（只有件数）。
- \`schema.json\`：\`proposals.json\` 的 JSON Schema（由系统的数据约定 core/contract.ts 生成，对象不允许多余字段）。
- \`proposals.csv\`：每件提案一行的摘要（UTF-8，带 BOM，Excel 可直接打开）。
- \`proposals.xlsx\`：同样的公开提案，每件一行的 Excel 表格，中文列名；日期为北京时间，各环节的期限与完成日期、剩余或逾期的工作日按工作日日历计算（列见下）。
- \`commitments.csv\`：答复中的每一项承诺事项一行（UTF-8，带 BOM）：完成时限、承诺科室、状态和有效的现场验证时间。状态由 \`proposals.json\` 中答复的 commitments 和 followUps 按下面“承诺事项的状态”算出，与 \`proposals.json\` 中每项承诺的 \`state\` 相同。
- \`commitments.xlsx\`：同样的承诺事项，Excel 表格，中文列名，日期为北京时间。
- \`/feed.xml\`：新答复与新逾期的 Atom 订阅。

## 不包含的内容

代表的电话、身份证号、住址，内部处理意见，协办意见的内容，回访记录的内容，不公开提案的任何内容。

提案在代表工作室甄别之后才公开（\`unscreened\` 按届次给出尚未甄别的件数 \`count\` 及其中超过甄别期限的件数 \`overdue\`）。甄别时代表工作室可以在公开版本中隐去姓名、电话等个人信息：\`title\`、\`body\` 是公开版本，\`redacted\` 为 \`true\` 表示公开版本与原文不同（不公布隐去了什么）。

## proposals.csv 的列

${CsvColumns.map(([c, label]) => `- \`${c}\`：${label}`).join('\n')}

时间为 UTC 的 ISO 8601 时间；日期（YYYY-MM-DD）为北京时间的日期。

## commitments.csv 的列

${CommitmentCsvColumns.map(([c, label]) => `- \`${c}\`：${label}`).join('\n')}

## commitments.xlsx 的列

${CommitmentColumns.map((c) => `- ${c.header}`).join('\n')}

## proposals.xlsx 的列

${PublicProposalColumns.map((c) => `- ${c.header}`).join('\n')}

日期均为北京时间的日期（Excel 日期格式 yyyy-mm-dd）。

## 数字的算法

期限按提案所属届次的设置（\`sessions[].deadlines\`）计算；下面写出的是 ${current.name} 的设置。

${groundDefinitions().map(({ term, text }) => `- ${term}：${text}`).join('\n')}

${figureDefinitions(current.deadlines).map(({ term, text }) => `- ${term}：${text}`).join('\n')}

参考实现见源代码 core/stats.ts。
`
