'use client'
// Array rows named in Chinese where "重新办理 01" would read oddly: 第1轮.
import { useRowLabel } from '@payloadcms/ui'

/** A 重新办理 round: its own round number, else its position. */
export function RoundRowLabel() {
  const { data, rowNumber } = useRowLabel<{ round?: number | null }>()
  return <span>第{data?.round ?? (rowNumber ?? 0) + 1}轮</span>
}
