/**
 * Header cells as the reader reports them: empty cells become "Column N", a repeated name keeps its
 * column as "Name (2)" (French Outlook has "Titre" twice: Title and Job Title), each with a warning.
 * Names are compared case-insensitively and trimmed, as mapping will compare them.
 */
export function uniqueHeaders(cells: string[], file: string): { headers: string[]; warnings: string[] } {
  const warnings: string[] = [];
  const key = (name: string) => name.trim().normalize('NFC').toLowerCase();
  const taken = new Set<string>();
  const named = cells.map((cell, i) => (cell.replace(/^\uFEFF/, '').trim() === '' ? `Column ${i + 1}` : cell.replace(/^\uFEFF/, '')));
  // Reserve every original name first so a suffixed duplicate never collides with a later real header.
  const originals = new Set(named.map(key));
  const headers: string[] = [];
  named.forEach((name, i) => {
    if (!taken.has(key(name))) {
      taken.add(key(name));
      headers.push(name);
      return;
    }
    let n = 2;
    while (taken.has(key(`${name.trim()} (${n})`)) || originals.has(key(`${name.trim()} (${n})`))) n++;
    const renamed = `${name.trim()} (${n})`;
    taken.add(key(renamed));
    headers.push(renamed);
    warnings.push(`${file}: column ${i + 1} repeats the header "${name.trim()}"; it is kept as "${renamed}"`);
  });
  const empty = named.filter((name, i) => name !== cells[i]?.replace(/^\uFEFF/, '')).length;
  if (empty > 0) warnings.push(`${file}: ${empty} header cell${empty === 1 ? ' is' : 's are'} empty; named "Column N" by position`);
  return { headers, warnings };
}
