import { describe, expect, it } from 'vitest'
import { CategoryOptions } from './categories'
import {
  ChangePasswordSchema,
  checkAttachment,
  checkInput,
  cleanText,
  DraftSchema,
  EvaluationSchema,
  InvitationAnswerSchema,
  InviteSchema,
  NewProposalSchema,
  passwordProblem,
  phoneDigits,
  ResolutionSchema,
  SignInSchema,
  sniffAttachmentType,
} from './portal'

const schemas = { SignInSchema, ChangePasswordSchema, DraftSchema, NewProposalSchema, InviteSchema, InvitationAnswerSchema, EvaluationSchema, ResolutionSchema }

/** Bodies a buggy or hostile client might send; none may get an English or empty message. */
const badBodies: unknown[] = [
  null,
  [],
  'text',
  42,
  {},
  { extra: 1 },
  { login: 5, password: [], title: {}, body: 7, category: 'nope', residentialArea: -1, clientKey: 'x', submit: 'yes' },
  { representatives: 'all', accept: 'yes', reply: {}, rating: 'great', comment: 5, answer: 'maybe' },
  { representatives: [{}], currentPassword: 1, newPassword: 2 },
]

describe('every portal schema answers bad input in Chinese, per field', () => {
  for (const [name, schema] of Object.entries(schemas))
    for (const body of badBodies)
      it(`${name} ← ${JSON.stringify(body)}`, () => {
        const r = checkInput(schema, body)
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.error.code).toBe('invalid')
        for (const message of [r.error.message, ...Object.values(r.error.fields ?? {})]) {
          expect(message).toMatch(/[\u4e00-\u9fff]/)
          expect(message).not.toMatch(/\b(expected|received|invalid|input|required)\b/i)
        }
      })
})

describe('a good body passes with its defaults', () => {
  it.each([
    [SignInSchema, { login: ' rep01 ', password: 'x' }, { login: 'rep01', password: 'x' }],
    [NewProposalSchema, { title: '题', body: '内容', category: 'urban', residentialArea: 1, clientKey: 'a'.repeat(16) }, { submit: false }],
    [EvaluationSchema, { reply: 1, rating: 'satisfied' }, { comment: '' }],
    [ResolutionSchema, { answer: 'resolved' }, { comment: '' }],
  ] as const)('%#', (schema, body, expected) => {
    const r = checkInput(schema, body)
    expect(r.ok && r.data).toMatchObject(expected)
  })
})

describe('the password rule', () => {
  it.each([
    ['short1', null, '新密码至少 8 位'],
    ['12345678', null, '新密码须同时包含数字和字母（或其他符号）'],
    ['abcdefgh', null, '新密码须同时包含数字和字母（或其他符号）'],
    ['x'.repeat(129), null, '新密码不能超过 128 位'],
    ['zhangsan2026', 'ZhangSan', '新密码不能包含登录名'],
    ['Lift-2026-ok', 'rep01', null],
  ])('%s (login %s) → %s', (password, username, problem) => {
    expect(passwordProblem(password, username ?? undefined)).toBe(problem)
  })
})

describe('attachments are known by their first bytes, not their names', () => {
  it.each([
    [[0x25, 0x50, 0x44, 0x46, 0x2d, 0x31], 'application/pdf'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x3c, 0x68, 0x74, 0x6d, 0x6c], null],
    [[0x4d, 0x5a], null],
    [[], null],
  ])('%j → %s', (bytes, type) => {
    expect(sniffAttachmentType(new Uint8Array(bytes))).toBe(type)
  })
})

describe('a login that is a phone number, however it is typed', () => {
  it.each([
    ['13900002222', '13900002222'],
    ['139 0000 2222', '13900002222'],
    ['139-0000-2222', '13900002222'],
    ['+86 139 0000 2222', '+8613900002222'],
    ['rep01', null],
    ['123456', null],
    ['1'.repeat(16), null],
    ['139O0002222', null],
  ])('%s → %s', (login, digits) => {
    expect(phoneDigits(login)).toBe(digits)
  })
})

describe('cleanText: the one rule for control characters', () => {
  it.each([
    ['梅园路 菜场', '梅园路 菜场'],
    ['line\r\nbreak\rold mac', 'line\nbreak\nold mac'],
    ['tab\tand\nnewline stay', 'tab\tand\nnewline stay'],
    ['back\u0008space esc\u001b[31m nul\u0000 del\u007f vt\u000b ff\u000c', 'backspace esc[31m nul del vt ff'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })

  it('the portal schemas clean titles and texts the same way', () => {
    const r = checkInput(DraftSchema, { title: '标题\u0008\u001b', body: '正文\r\n第二行\u0007', category: CategoryOptions[0].value, residentialArea: 1 })
    expect(r.ok && [r.data.title, r.data.body]).toEqual(['标题', '正文\n第二行'])
    // Nothing left but controls: as good as empty.
    expect(checkInput(DraftSchema, { title: '\u0008\u0008', body: 'x', category: CategoryOptions[0].value, residentialArea: 1 }).ok).toBe(false)
  })
})

describe('checkAttachment: type by content, matching name, no markup', () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  const bytes = (sig: number[], rest = '') => new Uint8Array([...sig, ...new TextEncoder().encode(rest)])
  it.each<[string, Uint8Array, string, string | null]>([
    ['a PNG named .png', bytes(png), 'photo.png', null],
    ['a PNG named .PNG', bytes(png), 'PHOTO.PNG', null],
    ['a JPEG named .jpeg', bytes([0xff, 0xd8, 0xff, 0xe0]), 'a.jpeg', null],
    ['a PDF named .pdf', bytes([], '%PDF-1.7 ...'), 'letter.pdf', null],
    ['text named .png', bytes([], 'not an image'), 'fake.png', 'type'],
    ['a PNG named .html', bytes(png), 'poly.html', 'extension'],
    ['a PNG named .jpg', bytes(png), 'photo.jpg', 'extension'],
    ['a PNG without extension', bytes(png), 'photo', 'extension'],
    ['a PNG carrying HTML', bytes(png, '<html><script>alert(1)</script>'), 'poly.png', 'markup'],
    ['a PNG carrying SVG', bytes(png, '<SVG onload=alert(1)>'), 'poly.png', 'markup'],
    ['a PDF carrying a doctype', bytes([], '%PDF-1.4 <!DOCTYPE html>'), 'x.pdf', 'markup'],
  ])('%s', (_name, data, name, problem) => {
    const r = checkAttachment(data, name)
    expect(r.ok ? null : r.problem).toBe(problem)
    if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
