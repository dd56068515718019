/**
 * Abbreviations that news copy writes with a period and that never end a sentence by themselves
 * (titles, ranks, months, company suffixes): "Maj. Gen. Oded Basiuk", "Sen. Warren", "Sept. 11".
 */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Rev', 'Fr', 'Sr', 'Jr', 'St', 'Hon',
  'Gen', 'Maj', 'Lt', 'Col', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Pvt', 'Adm', 'Cmdr', 'Cdr', 'Brig', 'Gov', 'Sen', 'Rep',
  'Pres', 'Amb', 'Atty', 'Supt', 'Insp', 'Det', 'Ald', 'Msgr', 'Sec', 'Secy', 'Gens', 'Reps', 'Sens',
]);

const OTHER_ABBREVIATIONS = [
  'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Inc', 'Corp', 'Co', 'Ltd', 'Bros', 'Dept', 'Univ', 'Assn', 'Ave', 'Blvd', 'Rd', 'Mt', 'Ft',
  'No', 'Nos', 'vs', 'etc', 'approx', 'est', 'e.g', 'i.e', 'p.m', 'a.m',
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Ky', 'La', 'Md', 'Mass',
  'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo',
];

/** All abbreviations the tokenizer keeps whole with their period. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...TITLE_ABBREVIATIONS, ...OTHER_ABBREVIATIONS]);
