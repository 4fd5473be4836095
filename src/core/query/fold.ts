/** Case folding for text comparisons, shared by SQL filters and in-memory evaluation. */
export function foldCase(value: string): string {
  return value.normalize('NFC').toLowerCase();
}
