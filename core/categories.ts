// Proposal categories, shared by the collection, the public export and the demo data.
/** Categories: ASCII values (GraphQL enum names must be), Chinese labels. */
export const CategoryOptions = [
  { value: 'urban', label: '城市管理' },
  { value: 'housing', label: '住房物业' },
  { value: 'greenery', label: '绿化环境' },
  { value: 'safety', label: '治安安全' },
  { value: 'market', label: '市场秩序' },
  { value: 'traffic', label: '交通出行' },
  { value: 'community', label: '社区治理' },
  { value: 'services', label: '民生服务' },
  { value: 'other', label: '其他' },
] as const
export const Categories = CategoryOptions.map((c) => c.label)
export const categoryLabel = (value: unknown): string => CategoryOptions.find((c) => c.value === value)?.label ?? String(value ?? '')
