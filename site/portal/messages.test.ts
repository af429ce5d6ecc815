import { describe, expect, it } from 'vitest'
import { bodyOf } from './Messages'

describe('a 消息 card shows its subject once', () => {
  it.each([
    ['a reminder whose text repeats its subject', '【提醒】您的提案 2026-028「路灯」待评价', '【提醒】您的提案 2026-028「路灯」待评价，期限 2026年12月4日，剩 3 个工作日。', '期限 2026年12月4日，剩 3 个工作日。'],
    ['an event whose text says more', '【提案已编号】2026-028「路灯」', '您的提案「路灯」已提交，编号 2026-028。', '您的提案「路灯」已提交，编号 2026-028。'],
    ['a text that is only its subject', '【提醒】您的提案「路灯」待评价', '【提醒】您的提案「路灯」待评价', ''],
  ])('%s', (_, subject, text, body) => expect(bodyOf({ subject, text })).toBe(body))
})
