/** Types for generate-people.mjs, so TypeScript tests can use the generator. */
export interface GeneratedRecord {
  id: string;
  FirstName: string | null;
  LastName: string | null;
  Email: string | null;
  Phone: string | null;
  MobilePhone: string | null;
  Company: string | null;
  Street: string | null;
  City: string | null;
  PostalCode: string | null;
  Country: string | null;
  Birthdate: string | null;
  Title: string | null;
}

export function rng(seed: number): {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  zipf<T>(list: readonly T[]): T;
};

/** `n` records from several address books; truth[i] is the person behind records[i]. */
export function generatePeople(options?: { n?: number; seed?: number }): { records: GeneratedRecord[]; truth: number[]; people: number };
