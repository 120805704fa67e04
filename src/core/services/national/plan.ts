import type { AreaType, SexDesignation, WardType } from '../../../shared/domain/estate';
import type { DemoWard } from '../estate/demo';
import type { Random } from './random';

// The shape of the synthetic national estate: the fourteen territorial health boards (real names
// and S08 codes, invented sites and wards), sized roughly like their inpatient mental health
// estates. 120 sites and 400 wards in all.

export interface BoardPlan {
  name: string;
  code: string;
  sites: number;
  wards: number;
}

export const NATIONAL_BOARDS: readonly BoardPlan[] = [
  { name: 'NHS Ayrshire & Arran', code: 'S08000015', sites: 9, wards: 30 },
  { name: 'NHS Borders', code: 'S08000016', sites: 4, wards: 10 },
  { name: 'NHS Dumfries & Galloway', code: 'S08000017', sites: 5, wards: 12 },
  { name: 'NHS Fife', code: 'S08000029', sites: 9, wards: 28 },
  { name: 'NHS Forth Valley', code: 'S08000019', sites: 7, wards: 22 },
  { name: 'NHS Grampian', code: 'S08000020', sites: 12, wards: 40 },
  { name: 'NHS Greater Glasgow & Clyde', code: 'S08000031', sites: 22, wards: 90 },
  { name: 'NHS Highland', code: 'S08000022', sites: 9, wards: 22 },
  { name: 'NHS Lanarkshire', code: 'S08000032', sites: 12, wards: 42 },
  { name: 'NHS Lothian', code: 'S08000024', sites: 17, wards: 66 },
  { name: 'NHS Orkney', code: 'S08000025', sites: 1, wards: 2 },
  { name: 'NHS Shetland', code: 'S08000026', sites: 1, wards: 2 },
  { name: 'NHS Tayside', code: 'S08000030', sites: 10, wards: 30 },
  { name: 'NHS Western Isles', code: 'S08000028', sites: 2, wards: 4 },
];

/** A ward to build: the same shape as the demo estate's wards (areas follow from it the same way). */
export type WardPlan = DemoWard;

export interface SitePlan {
  name: string;
  eams: string;
  wards: WardPlan[];
}

const PLACE_STARTS = ['Ard', 'Bal', 'Dun', 'Glen', 'Inver', 'Kil', 'Kin', 'Strath', 'Auch', 'Craig', 'Drum', 'Tor', 'Cul', 'Lang', 'Eccle'];
const PLACE_ENDS = ['more', 'ross', 'brae', 'haven', 'field', 'burn', 'side', 'lea', 'mount', 'wood', 'hall', 'loan', 'shiel', 'muir', 'bank'];
const SITE_KINDS = ['Hospital', 'Royal Hospital', 'Community Hospital', 'Mental Health Centre', 'Psychiatric Hospital', 'Care Centre'];
const WARD_NAMES = [
  'Birch', 'Rowan', 'Hazel', 'Alder', 'Willow', 'Aspen', 'Holly', 'Juniper', 'Larch', 'Oak', 'Elm', 'Ash', 'Cedar', 'Heather',
  'Thistle', 'Bracken', 'Fern', 'Gorse', 'Iona', 'Skye', 'Islay', 'Harris', 'Mull', 'Arran', 'Jura', 'Tiree', 'Coll', 'Lewis',
  'Lomond', 'Tay', 'Spey', 'Dee', 'Clyde', 'Forth', 'Nevis', 'Morven', 'Cairn', 'Torridon', 'Affric', 'Etive', 'Ness', 'Shiel',
];
const BLOCKS = ['Main Building', 'East Wing', 'West Wing', 'North Block', 'South Block', 'Mental Health Unit', 'Secure Care Centre', 'Orchard House'];

const TYPE_WEIGHTS: readonly (readonly [WardType, number])[] = [
  ['adult_acute', 34],
  ['older_adult', 22],
  ['rehabilitation', 12],
  ['ipcu', 7],
  ['learning_disability', 6],
  ['low_secure', 6],
  ['camhs', 5],
  ['medium_secure', 3],
  ['mother_and_baby', 2],
  ['other', 3],
];

const BEDS: Record<WardType, [number, number]> = {
  adult_acute: [14, 24],
  older_adult: [12, 22],
  rehabilitation: [8, 16],
  ipcu: [6, 12],
  learning_disability: [5, 10],
  low_secure: [8, 15],
  camhs: [6, 12],
  medium_secure: [8, 14],
  mother_and_baby: [4, 6],
  other: [6, 14],
};

const EXTRAS: Record<WardType, AreaType[]> = {
  adult_acute: ['activity', 'quiet_room', 'visitor_room', 'kitchen', 'laundry'],
  older_adult: ['activity', 'visitor_room', 'kitchen'],
  rehabilitation: ['kitchen', 'laundry', 'activity'],
  ipcu: ['seclusion', 'quiet_room', 'activity'],
  learning_disability: ['quiet_room', 'activity', 'kitchen'],
  low_secure: ['seclusion', 'activity', 'quiet_room'],
  camhs: ['activity', 'quiet_room', 'visitor_room', 'kitchen'],
  medium_secure: ['seclusion', 'activity', 'visitor_room'],
  mother_and_baby: ['visitor_room', 'kitchen', 'laundry'],
  other: ['activity', 'quiet_room'],
};

/** Splits `total` wards over `sites` sites, each with at least one. */
function spread(random: Random, total: number, sites: number): number[] {
  const counts = Array.from({ length: sites }, () => 1);
  for (let i = sites; i < total; i++) counts[random.int(0, sites - 1)]! += 1;
  return counts;
}

function unique(random: Random, used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const candidate = make();
    if (!used.has(candidate.toLowerCase())) {
      used.add(candidate.toLowerCase());
      return candidate;
    }
  }
  throw new Error('Ran out of distinct names for the synthetic estate');
}

function planWard(random: Random, usedNames: Set<string>): WardPlan {
  const type = random.weighted(TYPE_WEIGHTS);
  const [min, max] = BEDS[type];
  const beds = random.int(min, max);
  // Newer units have en-suites throughout; older ones a share.
  const ensuite = random.chance(0.55) ? beds : random.int(0, beds);
  const sex: SexDesignation = type === 'mother_and_baby' ? 'female' : random.weighted([['mixed', 6], ['male', 2], ['female', 2]] as const);
  const name = unique(random, usedNames, () => {
    const base = random.pick(WARD_NAMES);
    return type === 'ipcu' ? `${base} IPCU` : type === 'camhs' ? `${base} Young People’s Unit` : `${base} Ward`;
  });
  const extra = EXTRAS[type].filter(() => random.chance(0.8));
  return { name, type, beds, sex, block: random.pick(BLOCKS), ensuite, extra };
}

/** The sites and wards of one board, drawn from the random stream. */
export function planBoard(random: Random, board: BoardPlan, maxWards?: number): SitePlan[] {
  const wardTotal = Math.min(board.wards, maxWards ?? board.wards);
  const siteTotal = Math.min(board.sites, wardTotal);
  const usedSiteNames = new Set<string>();
  const codePrefix = board.code.slice(-3);
  return spread(random, wardTotal, siteTotal).map((count, index) => {
    const name = unique(random, usedSiteNames, () => `${random.pick(PLACE_STARTS)}${random.pick(PLACE_ENDS)} ${random.pick(SITE_KINDS)}`);
    const usedWardNames = new Set<string>();
    return {
      name,
      eams: `${codePrefix}-${String(index + 1).padStart(3, '0')}`,
      wards: Array.from({ length: count }, () => planWard(random, usedWardNames)),
    };
  });
}
