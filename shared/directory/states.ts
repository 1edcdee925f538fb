/**
 * The States the directory knows: the 193 Member States of the United Nations and the two observer
 * States (Holy See, State of Palestine), by ISO 3166-1 alpha-3 code, with their UN regional group.
 * Annex A §6: « La participation au répertoire … se ferait à titre volontaire » — every State may
 * appear, none has to. Names are never stored here: the UI gets them from Intl.DisplayNames (stateNames.ts)
 * through the alpha-2 code.
 *
 * Groups: Türkiye is listed under WEOG (where it sits for elections; it also attends Asia-Pacific);
 * the United States attends WEOG as an observer and is listed there; Kiribati is listed under
 * Asia-Pacific; the State of Palestine is a full member of the Asia-Pacific Group.
 */

export const REGIONAL_GROUPS = [
  'african',
  'asiaPacific',
  'easternEuropean',
  'latinAmericanCaribbean',
  'westernEuropeanOthers',
] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

export interface DirectoryState {
  /** ISO 3166-1 alpha-3, the code entries carry. */
  code: string;
  /** ISO 3166-1 alpha-2, for Intl.DisplayNames. */
  alpha2: string;
  group: RegionalGroup;
  observer: boolean;
}

// alpha3:alpha2 pairs, per group.
const GROUPS: Record<RegionalGroup, string> = {
  african:
    'DZA:DZ AGO:AO BEN:BJ BWA:BW BFA:BF BDI:BI CPV:CV CMR:CM CAF:CF TCD:TD COM:KM COG:CG CIV:CI COD:CD DJI:DJ ' +
    'EGY:EG GNQ:GQ ERI:ER SWZ:SZ ETH:ET GAB:GA GMB:GM GHA:GH GIN:GN GNB:GW KEN:KE LSO:LS LBR:LR LBY:LY MDG:MG ' +
    'MWI:MW MLI:ML MRT:MR MUS:MU MAR:MA MOZ:MZ NAM:NA NER:NE NGA:NG RWA:RW STP:ST SEN:SN SYC:SC SLE:SL SOM:SO ' +
    'ZAF:ZA SSD:SS SDN:SD TGO:TG TUN:TN UGA:UG TZA:TZ ZMB:ZM ZWE:ZW',
  asiaPacific:
    'AFG:AF BHR:BH BGD:BD BTN:BT BRN:BN KHM:KH CHN:CN CYP:CY PRK:KP FJI:FJ IND:IN IDN:ID IRN:IR IRQ:IQ JPN:JP ' +
    'JOR:JO KAZ:KZ KIR:KI KWT:KW KGZ:KG LAO:LA LBN:LB MYS:MY MDV:MV MHL:MH FSM:FM MNG:MN MMR:MM NRU:NR NPL:NP ' +
    'OMN:OM PAK:PK PLW:PW PNG:PG PHL:PH QAT:QA KOR:KR WSM:WS SAU:SA SGP:SG SLB:SB LKA:LK SYR:SY TJK:TJ THA:TH ' +
    'TLS:TL TON:TO TKM:TM TUV:TV ARE:AE UZB:UZ VUT:VU VNM:VN YEM:YE',
  easternEuropean:
    'ALB:AL ARM:AM AZE:AZ BLR:BY BIH:BA BGR:BG HRV:HR CZE:CZ EST:EE GEO:GE HUN:HU LVA:LV LTU:LT MNE:ME MKD:MK ' +
    'POL:PL MDA:MD ROU:RO RUS:RU SRB:RS SVK:SK SVN:SI UKR:UA',
  latinAmericanCaribbean:
    'ATG:AG ARG:AR BHS:BS BRB:BB BLZ:BZ BOL:BO BRA:BR CHL:CL COL:CO CRI:CR CUB:CU DMA:DM DOM:DO ECU:EC SLV:SV ' +
    'GRD:GD GTM:GT GUY:GY HTI:HT HND:HN JAM:JM MEX:MX NIC:NI PAN:PA PRY:PY PER:PE KNA:KN LCA:LC VCT:VC SUR:SR ' +
    'TTO:TT URY:UY VEN:VE',
  westernEuropeanOthers:
    'AND:AD AUS:AU AUT:AT BEL:BE CAN:CA DNK:DK FIN:FI FRA:FR DEU:DE GRC:GR ISL:IS IRL:IE ISR:IL ITA:IT LIE:LI ' +
    'LUX:LU MLT:MT MCO:MC NLD:NL NZL:NZ NOR:NO PRT:PT SMR:SM ESP:ES SWE:SE CHE:CH TUR:TR GBR:GB USA:US',
};

/** Observer States: Holy See (not in a regional group; listed with WEOG for browsing), State of Palestine. */
const OBSERVERS: readonly DirectoryState[] = [
  { code: 'VAT', alpha2: 'VA', group: 'westernEuropeanOthers', observer: true },
  { code: 'PSE', alpha2: 'PS', group: 'asiaPacific', observer: true },
];

function parseGroups(): DirectoryState[] {
  const states: DirectoryState[] = [];
  for (const group of REGIONAL_GROUPS) {
    for (const pair of GROUPS[group].split(' ')) {
      const [code = '', alpha2 = ''] = pair.split(':');
      states.push({ code, alpha2, group, observer: false });
    }
  }
  return states;
}

/** All 195 States, Member States first (by group), then the two observer States. */
export const DIRECTORY_STATES: readonly DirectoryState[] = [...parseGroups(), ...OBSERVERS];

const BY_CODE = new Map(DIRECTORY_STATES.map((state) => [state.code, state]));

export function findState(code: string): DirectoryState | undefined {
  return BY_CODE.get(code);
}

export function isDirectoryState(code: string): boolean {
  return BY_CODE.has(code);
}
