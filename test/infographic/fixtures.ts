/**
 * Models built in code (seed 003 and the three-layer diagram), so these tests do not
 * depend on the loaders and the resolve step.
 */
import { join } from 'node:path';
import type { Layer, Moment, TaskPerMoment, ThreeLayerModel } from '../../src/content/model.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import type { Run } from '../../src/resolve/runs.js';
import { admitAssetFiles } from '../checked-assets.js';

const at = { file: 'content/documents/taak-per-moment.md', line: 1, column: 1 };
const p = (text: string): Run[] => [{ text, bold: false, italic: false }];
const link = (lead: string, text: string, href: string): Run[] => [
  { text: lead, bold: false, italic: false },
  { text, bold: false, italic: false, link: { kind: 'https', href, description: text } },
];

function moment(number: number, name: string, subtitle: string, role: string, description: string, tasks: string[]): Moment<Run[]> {
  return { number, name, subtitle, role, description: [p(description)], tasks: tasks.map(p), at: { ...at, line: number * 20 } };
}

export const TASKS = [
  'de cliëntondersteuner biedt praktische ondersteuning, zoals bij het helpen invullen van formulieren',
  'de cliëntondersteuner is een wegwijzer in wat er zoal mogelijk is',
  'de cliëntondersteuner zorgt voor vraagverheldering; helpt te ordenen wat er allemaal gebeurt en wat dat betekent',
  'de cliëntondersteuner biedt een luisterend oor',
  'de cliëntondersteuner helpt het netwerk te betrekken',
  'de cliëntondersteuner helpt een persoonlijk plan te maken, als voorbereiding op een toegangsgesprek',
  'de cliëntondersteuner kan zo nodig meegaan naar het gesprek en meedenken',
  'de cliëntondersteuner biedt ondersteuning op evaluatiemomenten waarop het plan wordt aangepast of wanneer de cliënt overweegt over te stappen naar een andere aanbieder',
  'de cliëntondersteuner ondersteunt de inwoner bij het opstellen van het zorg- of behandelplan',
  'de cliëntondersteuner biedt ondersteuning bij klachtenprocedures',
];

export function taskPerMoment(): TaskPerMoment<Run[]> {
  return {
    kind: 'task-per-moment',
    id: 'taak-per-moment',
    file: at.file,
    title: 'De cliëntondersteuner: welke taak op welk moment?',
    description: 'Een samenvatting van de drie momenten waarop cliëntondersteuning kan worden ingezet en welke taken daarbij horen.',
    intro: {
      heading: 'Introductie',
      at,
      paragraphs: [
        p('Een inwoner kan op verschillende momenten in het leven een beroep doen op een cliëntondersteuner. Het doel is het optimaliseren van de regie van de inwoner op het eigen leven en de zorg en ondersteuning die de inwoner nodig heeft.'),
        p('Cliëntondersteuning is in de wet geregeld. Deze wet biedt veel ruimte voor de invulling van cliëntondersteuning. Criteria als levensbreedheid en integraliteit vragen om een ruime opdracht aan cliëntondersteuners. Hoe een gemeente de opdracht van cliëntondersteuners invult is afhankelijk van de lokale context, de visie en de partijen waarmee wordt samengewerkt.'),
        p('In deze infographic vind je een samenvatting van de verschillende momenten waarop cliëntondersteuning kan worden ingezet en welke taken hierbij horen.'),
      ],
    },
    moments: [
      moment(1, 'Oriëntatiefase', 'Bij reflectie op het eigen leven', 'Wegwijzer',
        'Dit speelt op momenten wanneer een inwoner iets meemaakt en daardoor minder zelfredzaam is en niet kan participeren op de manier waarop die gewend is (of als de inwoner verwacht dat dit binnenkort gaat gebeuren).',
        TASKS.slice(0, 4)),
      moment(2, 'Toegang', 'Bij het verkrijgen van passende ondersteuning', 'Toeleider',
        'Als iemand een beroep wil doen op zwaardere vormen van ondersteuning of zorg, vindt altijd een toegangstoets plaats. Het gaat hier om het moment van toegang tot voorzieningen of zorg (rondom of net na indicatiestelling).',
        TASKS.slice(4, 7)),
      moment(3, 'Ondersteuning', 'Tijdens het ontvangen van hulp', 'Belangenbehartiger',
        'Heeft iemand eenmaal contact met een zorgverlener, dan kunnen er ook momenten zijn dat behoefte bestaat aan ondersteuning. Het gaat hier om het moment dat de cliënt al gebruik maakt van voorzieningen en daarin keuzes moet maken.',
        TASKS.slice(7)),
    ],
    references: {
      heading: 'Meer lezen',
      at,
      items: [
        link('Movisie, 2020: ', 'Onafhankelijke cliëntondersteuning: wat valt eronder en hoe bied je het levensbreed aan?', 'https://www.movisie.nl/publicatie/wat-valt-onder-onafhankelijke-clientondersteuning-hoe-bied-je-levensbreed-aan'),
        link('VNG, 2022: ', 'Handreiking Cliëntondersteuning', 'https://vng.nl/sites/default/files/2022-04/Handreiking-clientondersteuning-VNG-2022.pdf'),
        link('XpertiseZorg, 2019: ', 'Wie helpen de weg te vinden?', 'https://www.xpertisezorg.nl/project/clientondersteuning-in-nederland-wie-helpen-de-weg-te-vinden/'),
      ],
    },
    colophon: [p('Bron: infographic ‘De cliëntondersteuner: welke taak op welk moment?’. De bronnen staan onder ‘Meer lezen’.')],
  };
}

function layer(number: number, title: string, summary: string): Layer<Run[]> {
  return { number, title, summary: p(summary), at: { ...at, file: 'content/documents/drie-lagen.md', line: 40 + number } };
}

export function threeLayerModel(): ThreeLayerModel<Run[]> {
  return {
    kind: 'three-layer-model',
    id: 'drie-lagen',
    file: 'content/documents/drie-lagen.md',
    title: 'Cliëntondersteuning in drie lagen',
    subtitle: 'Een denkkader voor gemeenten',
    description: 'Een denkkader dat cliëntondersteuning indeelt in drie lagen, van reflectie op het eigen leven tot ondersteuning bij het gebruik van een voorziening, en de rol van de gemeente in elke laag.',
    intro: [],
    sections: [],
    layers: [
      layer(1, 'Cliëntondersteuning bij reflectie op het eigen leven', 'Het gaat hierbij om ambities, wensen en levensvragen van mensen die geconfronteerd worden met beperkingen (of die van hun kind) en die een plek moeten leren geven in hun leven.'),
      layer(2, 'Cliëntondersteuning bij de toegang tot ondersteuning in het sociaal domein', 'Het gaat hierbij om ondersteuning bij het maken van keuzes en het formuleren van vragen.'),
      layer(3, 'Cliëntondersteuning voor mensen die al van bepaalde voorzieningen gebruik maken', 'Het gaat hierbij om ondersteuning bij heronderzoeken, veranderingen in de situatie of bij het opstellen van een zorg- of ondersteuningsplan met een aanbieder.'),
    ],
    colophon: [],
  };
}

const CONTENT = join(import.meta.dirname, '..', '..', 'content', 'municipalities');
admitAssetFiles(join(CONTENT, 'rotterdam', 'logo.svg'), join(CONTENT, 'sudwest-fryslan', 'logo.svg'));

export function profile(overrides: Partial<MergedProfile> = {}): MergedProfile {
  return {
    id: 'rotterdam',
    name: 'Gemeente Rotterdam',
    brand: { primary: '#00811F', logo: join(CONTENT, 'rotterdam', 'logo.svg') },
    contact: { organisation: 'MEE Rotterdam Rijnmond', phone: '010 282 11 11', email: 'toegang@blijfmeedoen.nl', website: 'https://www.blijfmeedoen.nl' },
    national: { organisation: 'LOC Zeggenschap in zorg', phone: '(030) 284 32 00', email: 'vraagbaak@loc.nl', website: 'https://www.loc.nl' },
    checklist: { url: 'https://www.nji.nl/checklist-clientondersteuning' },
    ...overrides,
  };
}

export const SUDWEST: Partial<MergedProfile> = {
  id: 'sudwest-fryslan',
  name: 'Gemeente Súdwest-Fryslân',
  brand: { primary: '#005F73', logo: join(CONTENT, 'sudwest-fryslan', 'logo.svg') },
  contact: {
    organisation: 'Stipepunt Onafhankelijke Cliëntondersteuning Súdwest-Fryslân',
    phone: '0515 123 456',
    email: 'clientondersteuning@sudwest-fryslan.example',
    website: 'https://www.sudwest-fryslan.example/clientondersteuning',
  },
};
