/**
 * Formats a number as Python's `str(float)` does (`0.0`, `1.0`, `1.6689300537109375e-06`, `1e+16`, `inf`, `nan`),
 * which is how the AgentTrader registry writes sample values.
 * @example formatPythonFloat(0) // '0.0'
 */
export function formatPythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const sign = value < 0 ? '-' : ''
  // @note JS and Python both print the shortest digits that round-trip; only the layout differs.
  const { digits, exponent } = decompose(String(Math.abs(value)))
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const exponentText = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentText}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
  return `${sign}${integer}.${digits.slice(exponent + 1) || '0'}`
}

/** Splits a JS number string into significant digits and the decimal exponent of the first digit. */
function decompose(text: string): { digits: string; exponent: number } {
  const [mantissa = '', exponentText = '0'] = text.split('e')
  const [integer = '', fraction = ''] = mantissa.split('.')
  let digits = integer + fraction
  let point = integer.length + Number(exponentText)
  const leadingZeros = /^0*/.exec(digits)![0].length
  digits = digits.slice(leadingZeros).replace(/0+$/, '')
  point -= leadingZeros
  return { digits, exponent: point - 1 }
}
