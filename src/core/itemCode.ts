// An item column written `[CODE] Name` — how Odoo exports a product (its display name) — gives the item code (SPEC 2).

const BRACKETED_CODE = /^\[\s*([^\][]+?)\s*\]\s*\S/;

/** The code in `[FM-201] Desk fan`; any other text as it is. */
export function itemCodeOf(text: string): string {
  const m = BRACKETED_CODE.exec(text);
  return m ? m[1] : text;
}
