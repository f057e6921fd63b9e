/** A read position in one line of exposition text. */
export class LineCursor {
  #position: number

  constructor(
    readonly text: string,
    position = 0,
  ) {
    this.#position = position
  }

  /** The character at the position, or `undefined` at the end of the line. */
  peek(): string | undefined {
    return this.text[this.#position]
  }

  /** Moves past `count` characters. */
  advance(count = 1): void {
    this.#position += count
  }

  /** Whether the whole line has been read. */
  atEnd(): boolean {
    return this.#position >= this.text.length
  }

  /** The unread rest of the line. */
  rest(): string {
    return this.text.slice(this.#position)
  }

  /** Skips spaces and tabs and returns how many there were. */
  skipBlanks(): number {
    const start = this.#position
    while (this.peek() === ' ' || this.peek() === '\t') this.#position++
    return this.#position - start
  }

  /** Reads up to the next space, tab or the end of the line. */
  readToken(): string {
    const start = this.#position
    while (!this.atEnd() && this.peek() !== ' ' && this.peek() !== '\t') this.#position++
    return this.text.slice(start, this.#position)
  }

  /** Reads the longest match of an anchored pattern, or returns `undefined`. */
  readMatch(pattern: RegExp): string | undefined {
    const match = pattern.exec(this.rest())
    if (match === null) return undefined
    this.#position += match[0].length
    return match[0]
  }

  /** Describes the character at the position for a message: quoted, or "the end of the line". */
  describeNext(): string {
    const next = this.peek()
    return next === undefined ? 'the end of the line' : JSON.stringify(next)
  }
}
