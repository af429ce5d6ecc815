import { describe, expect, it } from 'vitest'
import { remembered } from './memo'

describe('remembered', () => {
  it('computes each key once and gives the same answer again', () => {
    const calls: string[] = []
    const f = remembered((k) => (calls.push(k), k.length))
    expect([f('a'), f('bb'), f('a'), f('bb')]).toEqual([1, 2, 1, 2])
    expect(calls).toEqual(['a', 'bb'])
  })
  it('remembers undefined and null answers too', () => {
    let n = 0
    const f = remembered((): null => (n++, null))
    f('x')
    f('x')
    expect(n).toBe(1)
  })
  it('does not remember a call that threw', () => {
    let n = 0
    const f = remembered((k) => {
      n++
      if (k === 'bad') throw new RangeError('bad')
      return k
    })
    expect(() => f('bad')).toThrow(RangeError)
    expect(() => f('bad')).toThrow(RangeError)
    expect(n).toBe(2)
  })
  it('holds at most `capacity` answers', () => {
    const calls: string[] = []
    const f = remembered((k) => (calls.push(k), k), 2)
    f('a')
    f('b')
    f('c') // full: forgets everything, then remembers c
    f('a')
    expect(calls).toEqual(['a', 'b', 'c', 'a'])
  })
})
