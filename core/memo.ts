// Remembers a pure function's answers for string arguments. The site build converts the same
// few thousand dates over and over (every page, every figure); at 10k proposals remembering
// them saves work on every page. Bounded, so a long-lived server does not keep every value it ever saw.
// A call that throws is not remembered.
export function remembered<T>(fn: (key: string) => T, capacity = 50_000): (key: string) => T {
  const answers = new Map<string, T>()
  return (key: string): T => {
    const known = answers.get(key)
    if (known !== undefined || answers.has(key)) return known as T
    const value = fn(key)
    if (answers.size >= capacity) answers.clear()
    answers.set(key, value)
    return value
  }
}
