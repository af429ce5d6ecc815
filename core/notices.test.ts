import { describe, expect, it } from 'vitest'
import {
  canReadAllNotices,
  channelsOf,
  eventKey,
  eventSubject,
  eventText,
  MAX_SEND_ATTEMPTS,
  nextAttemptAfterFailure,
  noWorkingChannel,
  parseWorkingDays,
  quietHoursOf,
  supervisionFieldRefusal,
  supervisionSettingsFrom,
  timeOfDayRefusal,
  withLink,
  type EventFacts,
} from './notices'
import { DefaultSupervisionSettings } from './sweep'
import { Roles, type Role } from './types'

describe('who reads every notice record', () => {
  it.each(Roles.map((r) => [r, r === 'office' || r === 'admin'] as [Role, boolean]))('%s → %s', (role, all) => {
    expect(canReadAllNotices({ role, id: 1 })).toBe(all)
  })
})

describe('retries', () => {
  it('5, 10, 20, 40 minutes after the 1st–4th failure; given up after the 5th', () => {
    const now = '2026-03-02T00:30:00.000Z'
    expect([1, 2, 3, 4].map((n) => nextAttemptAfterFailure(now, n))).toEqual([
      '2026-03-02T00:35:00.000Z',
      '2026-03-02T00:40:00.000Z',
      '2026-03-02T00:50:00.000Z',
      '2026-03-02T01:10:00.000Z',
    ])
    expect(MAX_SEND_ATTEMPTS).toBe(5)
    expect(nextAttemptAfterFailure(now, 5)).toBeNull()
    expect(nextAttemptAfterFailure(now, 9)).toBeNull()
    expect(() => nextAttemptAfterFailure(now, 0)).toThrow(RangeError)
  })
})

describe('督办 settings as typed', () => {
  it.each([
    ['3,1', [3, 1]],
    ['5、3、2、1', [5, 3, 2, 1]],
    ['3，1', [3, 1]],
    [' 3 1 ', [3, 1]],
    ['', []],
    [null, []],
    ['三', null],
    ['3.5', null],
    ['-1', null],
  ] as const)('%j → %j', (text, list) => {
    expect(parseWorkingDays(text)).toEqual(list)
  })

  it('what is missing is the default; an empty list is no reminders; a list that is not one is refused', () => {
    expect(supervisionSettingsFrom(null)).toEqual(DefaultSupervisionSettings)
    expect(supervisionSettingsFrom({})).toEqual(DefaultSupervisionSettings)
    expect(supervisionSettingsFrom({ reminderWorkingDays: '', escalationWorkingDays: 3 })).toEqual({ ...DefaultSupervisionSettings, reminderWorkingDays: [], escalationWorkingDays: 3 })
    expect(supervisionFieldRefusal('reminderWorkingDays', 'x', null)).toBe('到期提醒须为 1 至 60 之间的整数（到期前的工作日数）')
    expect(supervisionFieldRefusal('reminderWorkingDays', '61', null)).toMatch(/到期提醒/)
    expect(supervisionFieldRefusal('reminderWorkingDays', '60,1', null)).toBeNull()
    expect(supervisionFieldRefusal('escalationWorkingDays', 20, null)).toBeNull()
    expect(supervisionFieldRefusal('escalationWorkingDays', 21, null)).toBe('逾期上报须为 1 至 20 之间的整数（逾期的工作日数）')
    expect(supervisionFieldRefusal('keyReminderWorkingDays', '0', null)).toMatch(/^重点督办事项的到期提醒/)
    expect(supervisionFieldRefusal('keyEscalationWorkingDays', 1.5, null)).toMatch(/^重点督办事项的逾期上报/)
  })
})

describe("a person's channels", () => {
  const on = { email: true, sms: true }
  it('站内 always; e-mail and SMS when chosen and there is an address', () => {
    expect(channelsOf({})).toEqual(['inApp'])
    expect(channelsOf({ byEmail: true, email: 'a@b.cn' })).toEqual(['inApp', 'email'])
    expect(channelsOf({ byEmail: true, email: ' ' })).toEqual(['inApp'])
    expect(channelsOf({ bySms: true, phone: '13800000000', byEmail: true, email: 'a@b.cn' })).toEqual(['inApp', 'email', 'sms'])
    expect(channelsOf({ bySms: false, phone: '13800000000' })).toEqual(['inApp'])
  })
  it('no working channel: none chosen, no address, or the server not set up for it (the office phones them)', () => {
    expect(noWorkingChannel({}, on)).toBe('未选择邮件或短信通知')
    expect(noWorkingChannel({ byEmail: true }, on)).toBe('选择了邮件但没有电子邮箱')
    expect(noWorkingChannel({ byEmail: true, email: 'a@b.cn' }, { email: false, sms: true })).toBe('选择了邮件但本系统未配置邮件服务')
    expect(noWorkingChannel({ bySms: true, phone: '1' }, { email: true, sms: false })).toBe('选择了短信但本系统未配置短信网关')
    expect(noWorkingChannel({ byEmail: true, email: 'a@b.cn', bySms: true }, on)).toBeNull()
    expect(noWorkingChannel({ byEmail: true, bySms: true, phone: '1' }, { email: true, sms: true })).toBeNull()
    expect(noWorkingChannel({ byEmail: true, bySms: true, phone: '1' }, { email: true, sms: false })).toBe('选择了邮件但没有电子邮箱；选择了短信但本系统未配置短信网关')
  })
  it('quiet hours as typed: HH:MM, both ends, not equal', () => {
    expect(timeOfDayRefusal('22:00')).toBeNull()
    expect(timeOfDayRefusal('')).toBeNull()
    expect(timeOfDayRefusal(null)).toBeNull()
    expect(timeOfDayRefusal('24:00')).toMatch(/22:00/)
    expect(timeOfDayRefusal('7:30')).toMatch(/时:分/)
    expect(quietHoursOf({ quietFrom: '22:00', quietTo: '07:30' })).toEqual({ from: '22:00', to: '07:30' })
    expect(quietHoursOf({ quietFrom: '22:00' })).toBeNull()
    expect(quietHoursOf({ quietFrom: '08:00', quietTo: '08:00' })).toBeNull()
  })
})

describe('events told to a representative', () => {
  const base: Omit<EventFacts, 'event'> = { number: '2026-017', title: '小区停车难', link: 'https://example.cn/portal/proposal/?id=17' }
  it('numbered, screened (with the decision, and the reason when not 立案), reply published (class, last day to evaluate), rehandling reply', () => {
    expect(eventText({ ...base, event: 'numbered' })).toBe('您的提案「小区停车难」已提交，编号 2026-017。')
    expect(eventText({ ...base, event: 'screened', decision: 'accepted', reason: '予以立案' })).toBe('您的提案 2026-017「小区停车难」甄别结果：立案。')
    expect(eventText({ ...base, event: 'screened', decision: 'redirected', reason: '属民事纠纷' })).toBe('您的提案 2026-017「小区停车难」甄别结果：依法分流，理由：属民事纠纷。')
    expect(eventText({ ...base, event: 'replyPublished', replyClass: 'B', evaluableUntil: '2026-12-04' })).toBe(
      '您的提案 2026-017「小区停车难」答复已公开（B 正在解决或列入计划），请于 2026年12月4日（含当天）前阅读并评价。',
    )
    expect(withLink('您的提案「小区停车难」已提交，编号 2026-017。', base.link)).toBe('您的提案「小区停车难」已提交，编号 2026-017。详见：https://example.cn/portal/proposal/?id=17')
    expect(withLink('x。', null)).toBe('x。')
    expect(eventText({ ...base, event: 'rehandlingReplyPublished', replyClass: 'A', evaluableUntil: '2026-12-04' })).toMatch(/^您的提案 2026-017「小区停车难」重新办理后的答复已公开（A 已解决或采纳），请于 2026年12月4日/)
    expect(eventSubject({ ...base, event: 'replyPublished' })).toBe('【答复已公开】2026-017「小区停车难」')
  })
  it('an event is keyed by what it is about', () => {
    expect(eventKey('replyPublished', 5)).toBe(eventKey('replyPublished', '5'))
    expect(eventKey('replyPublished', 5)).not.toBe(eventKey('rehandlingReplyPublished', 5))
  })
})
