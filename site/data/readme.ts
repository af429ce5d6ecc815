// The open-data README, served as /data/README.md and shown on /data/.
import { CsvColumns } from './openData'

export const openDataReadme = (generatedAt: string) => `# 代表提案公开数据

数据截至 ${generatedAt}（UTC）。本网站的每一个页面和数字都只由这些文件生成，任何人都可以重新计算。

## 文件

- \`proposals.json\`：全部公开提案及其批示、交办、答复、评价、回访和办理过程；另含届次与期限规定、工作日日历（法定节假日与调休上班日）、科室和居民区名单，以及不公开提案的件数和尚未甄别的提案件数（只有件数）。
- \`schema.json\`：\`proposals.json\` 的 JSON Schema（由系统的数据约定 core/contract.ts 生成，对象不允许多余字段）。
- \`proposals.csv\`：每件提案一行的摘要（UTF-8，带 BOM，Excel 可直接打开）。
- \`/feed.xml\`：新答复与新逾期的 Atom 订阅。

## 不包含的内容

代表的电话、身份证号、住址，内部处理意见，协办意见的内容，回访记录的内容，不公开提案的任何内容。

提案在代表工作室甄别之后才公开（\`unscreened\` 按届次给出尚未甄别的件数 \`count\` 及其中超过甄别期限的件数 \`overdue\`）。甄别时代表工作室可以在公开版本中隐去姓名、电话等个人信息：\`title\`、\`body\` 是公开版本，\`redacted\` 为 \`true\` 表示公开版本与原文不同（不公布隐去了什么）。

## proposals.csv 的列

${CsvColumns.map(([c, label]) => `- \`${c}\`：${label}`).join('\n')}

时间为 UTC 的 ISO 8601 时间；日期（YYYY-MM-DD）为北京时间的日期。

## 数字的算法

“现在”是 \`generatedAt\`。工作日按 \`calendar\` 计算：周一至周五，去掉 \`holidays\`，加上 \`makeUpWorkdays\`。

- 办复率 = 有答复的提案数 ÷ 收到的提案数。
- 按期答复率 = 首次答复公开日期（北京时间）不晚于当时有效答复期限的提案数 ÷ 已交办且已答复的提案数。当时有效的期限：答复公开前已批准的最后一次延期的新期限，否则为交办时确定的期限。
- 答复用时中位数 = 已交办且已答复的提案，从交办日到首次答复公开日的工作日数的中位数。
- 当前逾期 = 当前环节（甄别、批示、答复、重新办理）的期限早于 \`generatedAt\` 的北京时间日期的提案数。
- 满意率 = 提出人对最新一轮答复评价为“满意”或“基本满意”的提案数 ÷ 提出人已评价的提案数（联名代表的评价公开，但不计入）。
- 科室数字只计主办科室。

参考实现见源代码 core/stats.ts。
`
