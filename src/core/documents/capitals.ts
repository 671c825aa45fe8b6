// Amounts in Chinese capitals (大写金额) for delivery notes and statements, by the rules banks apply to cheques and
// invoices (中国人民银行《支付结算办法》附件): 壹贰叁…, 拾佰仟 within a group of four digits, 万 and 亿 between groups;
// one 零 for any run of zeros inside the number (10560 → 壹万零伍佰陆拾); 整 after 元 when there are no 角/分;
// 零 between 元 and 分 when 角 is 0 (325.04 → 叁佰贰拾伍元零肆分); 壹拾 for 10–19 (banks want the 壹).
// Amounts are rounded half away from zero to the cent first. Written here rather than taken from a package because
// core imports nothing outside itself; test/core/documents/capitals.test.ts checks it against the nzh package.

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** Largest amount written exactly (its cents stay below 2^53), far past any document's total. */
export const MAX_CAPITALS_AMOUNT = 90_000_000_000_000;

/** Cents of an amount, rounded half away from zero without float noise (1.005 → 101). */
function toCents(amount: number): bigint {
  const text = Math.abs(amount).toPrecision(15);
  const [int, frac = ''] = Number(text).toFixed(3).split('.');
  const thousandths = BigInt(int) * 1000n + BigInt((frac + '000').slice(0, 3));
  return (thousandths + 5n) / 10n;
}

/** One group of up to four digits (0 < n < 10000), with 零 inside; `lead` drops a leading 壹 of 壹拾 only when asked. */
function groupWords(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d] + IN_GROUP[p];
  }
  return out;
}

/** The yuan part: groups of four digits with 万/亿, one 零 for zeros between non-zero digits. */
function yuanWords(yuan: bigint): string {
  if (yuan === 0n) return '';
  const groups: number[] = [];
  for (let v = yuan; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // A gap before this group: a zero group, or fewer than four digits in it (its thousands place is 0).
    if (out !== '' && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += groupWords(g) + GROUPS[i];
  }
  return out;
}

/**
 * `10560` → `人民币壹万零伍佰陆拾元整`; `0.5` → `人民币伍角`; `-3.04` → `人民币负叁元零肆分`; `0` → `人民币零元整`.
 * `prefix` is the currency word (人民币, 美元 …; '' for none). Throws RangeError for NaN, ±Infinity and amounts past
 * MAX_CAPITALS_AMOUNT.
 */
export function amountInCapitals(amount: number, prefix = '人民币'): string {
  if (!Number.isFinite(amount) || Math.abs(amount) > MAX_CAPITALS_AMOUNT)
    throw new RangeError(`amount out of range: ${amount}`);
  const cents = toCents(amount);
  const yuan = cents / 100n;
  const jiao = Number((cents / 10n) % 10n);
  const fen = Number(cents % 10n);
  const sign = amount < 0 && cents > 0n ? '负' : '';
  if (cents === 0n) return `${prefix}零元整`;
  let out = yuanWords(yuan);
  if (out !== '') out += '元';
  if (jiao === 0 && fen === 0) return `${prefix}${sign}${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (out !== '') out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return `${prefix}${sign}${out}`;
}

/** The currency word for capitals from a currency cell (CNY, RMB, ¥, USD, 美元, HKD …); 人民币 when empty. */
export function currencyPrefix(currency: string): string | null {
  const c = currency.normalize('NFKC').trim().toUpperCase();
  if (c === '' || ['CNY', 'RMB', '人民币', '¥', '元', 'RMB¥'].includes(c)) return '人民币';
  if (['USD', 'US$', '$', '美元', '美金'].includes(c)) return '美元';
  if (['HKD', 'HK$', '港币', '港元'].includes(c)) return '港币';
  if (['EUR', '€', '欧元'].includes(c)) return '欧元';
  return null;
}
