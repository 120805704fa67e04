import { defaultTierFor, type AreaType, type SexDesignation, type WardType } from '../../../shared/domain/estate';
import type { ServiceContext } from '../../context';
import { createBoard } from './boards';
import { createArea } from './areas';
import { createSite } from './sites';
import { createWard } from './wards';
import { writeTransaction } from '../../db/transactions';

// A fictional board for training and trying the app. Names are invented; any likeness to a real
// ward is chance. It mixes ward types, sizes and layouts so every screen has something to show.

export interface DemoWard {
  name: string;
  type: WardType;
  beds: number;
  sex: SexDesignation;
  block: string;
  /** Bedrooms with en-suites; the rest of the beds share bathrooms. */
  ensuite: number;
  /** Communal areas beyond the ones every ward has. */
  extra: AreaType[];
}

const COMMON: AreaType[] = ['entrance', 'corridor', 'lounge', 'dining', 'clinic', 'garden'];

export const DEMO_BOARD_NAME = 'NHS Loch Arden (demo)';

const DEMO_SITES: { name: string; eams: string; wards: DemoWard[] }[] = [
  {
    name: 'Arden Royal Hospital',
    eams: 'LA-001',
    wards: [
      { name: 'Birch Ward', type: 'adult_acute', beds: 20, sex: 'mixed', block: 'Mental Health Unit', ensuite: 20, extra: ['activity', 'quiet_room', 'visitor_room', 'kitchen', 'laundry'] },
      { name: 'Rowan Ward', type: 'adult_acute', beds: 18, sex: 'female', block: 'Mental Health Unit', ensuite: 12, extra: ['activity', 'quiet_room', 'visitor_room'] },
      { name: 'Hazel IPCU', type: 'ipcu', beds: 8, sex: 'male', block: 'Mental Health Unit', ensuite: 8, extra: ['seclusion', 'quiet_room', 'activity'] },
      { name: 'Alder Ward', type: 'older_adult', beds: 16, sex: 'mixed', block: 'Beech House', ensuite: 10, extra: ['activity', 'visitor_room', 'kitchen'] },
      { name: 'Willow Mother and Baby Unit', type: 'mother_and_baby', beds: 4, sex: 'female', block: 'Beech House', ensuite: 4, extra: ['visitor_room', 'kitchen', 'laundry'] },
    ],
  },
  {
    name: 'Glenmore Psychiatric Hospital',
    eams: 'LA-014',
    wards: [
      { name: 'Ward Ùr', type: 'rehabilitation', beds: 12, sex: 'mixed', block: 'Glenmore Main', ensuite: 12, extra: ['kitchen', 'laundry', 'activity'] },
      { name: 'Cairn Ward', type: 'low_secure', beds: 12, sex: 'male', block: 'Secure Care Centre', ensuite: 12, extra: ['seclusion', 'activity', 'quiet_room'] },
      { name: 'Torridon Ward', type: 'medium_secure', beds: 10, sex: 'male', block: 'Secure Care Centre', ensuite: 10, extra: ['seclusion', 'activity', 'visitor_room'] },
      { name: 'Lomond Ward', type: 'learning_disability', beds: 6, sex: 'mixed', block: 'Glenmore Main', ensuite: 6, extra: ['quiet_room', 'activity', 'kitchen'] },
    ],
  },
  {
    name: 'Kinloch Community Hospital',
    eams: 'LA-027',
    wards: [
      { name: 'Skye Young People’s Unit', type: 'camhs', beds: 10, sex: 'mixed', block: 'Kinloch East', ensuite: 10, extra: ['activity', 'quiet_room', 'visitor_room', 'kitchen'] },
      { name: 'Islay Ward', type: 'adult_acute', beds: 14, sex: 'mixed', block: 'Kinloch East', ensuite: 6, extra: ['quiet_room', 'visitor_room'] },
      { name: 'Harris Ward', type: 'older_adult', beds: 12, sex: 'mixed', block: 'Kinloch West', ensuite: 0, extra: ['activity', 'visitor_room'] },
    ],
  },
];

/** The areas a ward of this shape has: bedrooms, en-suites, shared bathrooms and communal rooms. */
export function areasFor(ward: Pick<DemoWard, 'beds' | 'ensuite' | 'extra'>): { type: AreaType; name: string }[] {
  const list: { type: AreaType; name: string }[] = [];
  for (let i = 1; i <= ward.beds; i++) {
    list.push({ type: 'bedroom', name: `Bedroom ${i}` });
    if (i <= ward.ensuite) list.push({ type: 'en_suite', name: `En-suite ${i}` });
  }
  const sharedBathrooms = Math.ceil((ward.beds - ward.ensuite) / 4) + 1;
  for (let i = 1; i <= sharedBathrooms; i++) list.push({ type: 'bathroom_wc', name: `Bathroom ${i}` });
  for (const type of [...COMMON, ...ward.extra]) {
    list.push({ type, name: DEMO_AREA_NAMES[type] });
  }
  return list;
}

const DEMO_AREA_NAMES: Record<AreaType, string> = {
  bedroom: 'Bedroom',
  en_suite: 'En-suite',
  bathroom_wc: 'Bathroom',
  lounge: 'Main lounge',
  dining: 'Dining room',
  activity: 'Activity room',
  quiet_room: 'Quiet room',
  seclusion: 'Extra care suite',
  corridor: 'Main corridor',
  garden: 'Courtyard garden',
  visitor_room: 'Family room',
  entrance: 'Ward entrance',
  clinic: 'Clinic room',
  kitchen: 'Therapy kitchen',
  laundry: 'Patient laundry',
  other: 'Other area',
};

/** Builds the demo board through the same services as the UI, so every row is audited. */
export function seedDemoEstate(ctx: ServiceContext) {
  return writeTransaction(ctx.db, () => {
    const board = createBoard(ctx, { name: DEMO_BOARD_NAME, code: null });
    let wards = 0;
    let areas = 0;
    for (const s of DEMO_SITES) {
      const site = createSite(ctx, { boardId: board.id, name: s.name, eamsSiteCode: s.eams });
      for (const w of s.wards) {
        const ward = createWard(ctx, {
          siteId: site.id,
          name: w.name,
          type: w.type,
          bedCount: w.beds,
          sexDesignation: w.sex,
          block: w.block,
          eamsBlockCode: null,
        });
        wards++;
        for (const a of areasFor(w)) {
          createArea(ctx, {
            wardId: ward.id,
            type: a.type,
            name: a.name,
            supervisionTier: defaultTierFor(a.type),
            tierOverrideReason: null,
            eamsRoomCode: null,
          });
          areas++;
        }
      }
    }
    return { boardId: board.id, sites: DEMO_SITES.length, wards, areas };
  });
}
