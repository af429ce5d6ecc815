export const keyItemOf = (p: { keyItem?: boolean | null }) => Boolean(p.keyItem)
