import type { Language } from './languages';

/**
 * Every figure and date the bot states, once, with the official page it comes from, the day someone
 * really checked that page, and when the figure took (or takes) effect. Texts in locales/ never write
 * a figure themselves: they interpolate these as {{group.name}}, formatted for each language, and the
 * reply cites the sources of the facts it uses. `npm run content:check` lists them with their age.
 */

export type SourceId = keyof typeof SOURCES;

export interface SourceRecord {
    /** Who publishes the page; an official source is a government page, anything else is secondary. */
    publisher: string;
    official: boolean;
    /** The page in each language (the same page when the publisher has only one). */
    url: Readonly<Record<Language, string>>;
    /** ISO date someone last read the page and compared it with what the bot says. */
    checked: string;
}

type FactKind = 'money' | 'date' | 'count' | 'number';

export interface FactRecord {
    kind: FactKind;
    /** A number, or an ISO date (YYYY-MM-DD) for kind 'date'. */
    value: number | string;
    source: SourceId;
    /** ISO date the value was last compared with the source. */
    checked: string;
    /** ISO date the value took or takes effect, where it matters. */
    effective?: string;
    /** ISO date the publisher is expected to revise the value; from then on it must be checked again. */
    revisedOn?: string;
    /** For maintainers: what the source says, in its own terms. */
    note: string;
}

const CHECKED = '2026-11-30';

/** The same page in both languages, for a publisher that has it in one language only. */
const onlyIn = (url: string): Readonly<Record<Language, string>> => ({ en: url, fr: url });

export const SOURCES = {
    'quebec-imp-plus': {
        // quebec.ca publishes this page in French only (no English counterpart was found).
        publisher: 'quebec.ca',
        official: true,
        url: onlyIn('https://www.quebec.ca/immigration/programmes-immigration/permis-travail-ouvert'),
        checked: CHECKED,
    },
    'ircc-a76': {
        publisher: 'canada.ca (IRCC program delivery instructions)',
        official: true,
        url: {
            en: 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/temporary-residents/foreign-workers/quebec-cases/csq-outside-quebec.html',
            fr: 'https://www.canada.ca/fr/immigration-refugies-citoyennete/organisation/publications-guides/bulletins-guides-operationnels/residents-temporaires/travailleurs-etrangers/cas-quebec/csq-exterieur-quebec.html',
        },
        checked: CHECKED,
    },
    'ircc-imp-plus-copy': {
        // A consultancy's copy of IRCC's client page "Open work permit for applicants outside Quebec"; the canada.ca original was not found.
        publisher: 'fledar.com (copy of an IRCC page)',
        official: false,
        url: onlyIn('https://fledar.com/docs/immigrate-to-canada/quebec-skilled-workers/international-mobility-program-plus-csq/'),
        checked: CHECKED,
    },
    'news-imp-caps-2022': {
        // A news relay of the 2022 announcement; the canada.ca news release itself was not found.
        publisher: 'immigrationnewscanada.ca',
        official: false,
        url: onlyIn('https://immigrationnewscanada.ca/new-open-work-permit-for-foreign-nationals-moving-to-quebec/'),
        checked: CHECKED,
    },
    'ircc-a75': {
        // The stored French copy's title reads "A73" instead of A75: check it before relying on the French page.
        publisher: 'canada.ca (IRCC program delivery instructions)',
        official: true,
        url: {
            en: 'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/temporary-residents/foreign-workers/quebec-cases/labour-market-impact-assessment-exempt-work-permit-renewals-extensions-certain-quebec-selection-holders.html',
            fr: 'https://www.canada.ca/fr/immigration-refugies-citoyennete/organisation/publications-guides/bulletins-guides-operationnels/residents-temporaires/travailleurs-etrangers/cas-quebec/renouvellement-prolongation-certains-titulaires-selection-quebec-dispenses-etude-impact.html',
        },
        checked: CHECKED,
    },
    'quebec-csq-in-quebec': {
        // French only; undated.
        publisher: 'quebec.ca',
        official: true,
        url: onlyIn(
            'https://www.quebec.ca/immigration/travailler-quebec/travailleurs-temporaires/programme-travailleurs-etrangers-temporaires/demeurer-de-facon-permanente',
        ),
        checked: CHECKED,
    },
    'ircc-fees': {
        // Only the French fee list was found; its stored copy predates 2024-12-01, so it is cited for the work permit and
        // open work permit holder fees, which it shows (IRPR s. 299 and 303.2), and as where to find today's restoration
        // fee: revised each December, no source reachable here gave its 2026-12-01 amount, so the bot states none.
        publisher: 'canada.ca (IRCC fee list)',
        official: true,
        url: onlyIn('https://ircc.canada.ca/francais/information/frais/bareme.asp'),
        checked: CHECKED,
    },
    'ircc-biometrics': {
        // English only (no French counterpart was found).
        publisher: 'canada.ca',
        official: true,
        url: onlyIn('https://www.canada.ca/en/immigration-refugees-citizenship/services/biometrics/how-to-give.html'),
        checked: CHECKED,
    },
    'ircc-biometrics-pdi': {
        // English only.
        publisher: 'canada.ca (IRCC program delivery instructions)',
        official: true,
        url: onlyIn(
            'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/fees/immigration/general/biometric.html',
        ),
        checked: CHECKED,
    },
    'ircc-family-owp': {
        // The French eligibility page shows the 2025 rules; the stored English parent page is the outdated 2023 version,
        // so both languages link to the French page.
        publisher: 'canada.ca',
        official: true,
        url: onlyIn(
            'https://www.canada.ca/fr/immigration-refugies-citoyennete/services/travailler-canada/permis/temporaire/permis-travail-ouvert-epoux-enfant-charge/admissibilite.html',
        ),
        checked: CHECKED,
    },
    'news-family-pathway': {
        // A Quebec newcomers' news site (2025) citing IRCC's list of Quebec permits on a pathway to permanent residence;
        // the IRCC list itself was not found.
        publisher: 'immigrantquebec.com',
        official: false,
        url: onlyIn('https://immigrantquebec.com/fr/actualites/mise-a-jour-pour-les-permis-ouverts-des-conjoints-de-travailleurs'),
        checked: CHECKED,
    },
    'quebec-caq-children': {
        // English only (no French counterpart was found).
        publisher: 'quebec.ca',
        official: true,
        url: onlyIn('https://www.quebec.ca/en/education/study-quebec/documents/children'),
        checked: CHECKED,
    },
    'laws-irpa-s30': {
        // Official text of the Act (English page); the stored excerpt stops before subsection 30(2), whose wording was
        // read in identical quotations elsewhere.
        publisher: 'laws.justice.gc.ca',
        official: true,
        url: onlyIn('https://laws.justice.gc.ca/eng/acts/i-2.5/section-30.html'),
        checked: CHECKED,
    },
    'news-minor-children': {
        // A law office quoting IRCC's program delivery instructions on minor children; the IRCC page was not found.
        publisher: 'jrlawoffice.com',
        official: false,
        url: onlyIn('https://jrlawoffice.com/update-on-study-permits-and-guidelines-on-minor-children'),
        checked: CHECKED,
    },
    'ircc-medical': {
        // IRCC Help Centre question 183 (English only).
        publisher: 'canada.ca (IRCC Help Centre)',
        official: true,
        url: onlyIn('https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=183&top=17'),
        checked: CHECKED,
    },
    'ircc-medical-conditions': {
        // IRCC Help Centre question 844 (English only).
        publisher: 'canada.ca (IRCC Help Centre)',
        official: true,
        url: onlyIn('https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=844&top=4'),
        checked: CHECKED,
    },
    'ircc-excluded-businesses': {
        // Operational Bulletin 567 (archived, English only): the rule itself is in IRPR s. 183 and still applies. Searched
        // on 2026-12-07 for an IRCC page on self-employment under an open work permit: none found, and the answer says so.
        publisher: 'canada.ca (IRCC operational bulletin)',
        official: true,
        url: onlyIn(
            'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/publications-manuals/operational-bulletins-manuals/bulletins-2014/567-february-14-2014.html',
        ),
        checked: CHECKED,
    },
    'ircc-travel-outside-canada': {
        // English only (the French counterpart's address was not found). Checked on 2026-12-05: a work permit is not a
        // travel document; passport and eTA or visitor visa to re-enter; the eTA issued with an initial work permit.
        publisher: 'canada.ca',
        official: true,
        url: onlyIn(
            'https://www.canada.ca/en/immigration-refugees-citizenship/services/work-canada/permit/temporary/extend/travel-outside-canada.html',
        ),
        checked: '2026-12-05',
    },
    'ircc-fraud-consequences': {
        // Checked on 2026-12-06: "There are serious consequences for lying on an application" and "You are responsible
        // for all the information in your application, even if a representative completes it for you".
        publisher: 'canada.ca',
        official: true,
        url: {
            en: 'https://www.canada.ca/en/immigration-refugees-citizenship/services/protect-fraud/consequences-fraud.html',
            fr: 'https://www.canada.ca/fr/immigration-refugies-citoyennete/services/proteger-fraude/consequences-fraude.html',
        },
        checked: '2026-12-06',
    },
    'gckey-help': {
        // Checked on 2026-12-07 (stored copies of both pages): a section "Forgot your username or password" / « Si vous
        // avez oublié votre nom d'utilisateur ou mot de passe ».
        publisher: 'canada.ca',
        official: true,
        url: {
            en: 'https://www.canada.ca/en/government/sign-in-online-account/gckey.html',
            fr: 'https://www.canada.ca/fr/gouvernement/ouvrir-session-dossier-compte-en-ligne/clegc.html',
        },
        checked: '2026-12-07',
    },
    'ircc-help-new-account': {
        // Checked on 2026-12-07, English only (no French counterpart was found): "For an IRCC secure account: You have to
        // create a new account and link your applications to it. You won't lose any messages or updates related to
        // applications you already submitted"; an application not submitted must be restarted in the new account.
        publisher: 'canada.ca (IRCC Help Centre)',
        official: true,
        url: onlyIn('https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=1496&top=23'),
        checked: '2026-12-07',
    },
    'ircc-eta-with-permit': {
        // Former CIC site (English only): an eTA is issued with a first work permit; automatic visitor visas are seen only in secondary sources.
        publisher: 'cic.gc.ca (IRCC’s former site)',
        official: true,
        url: onlyIn('http://www.cic.gc.ca/english/work/iec/after.asp'),
        checked: CHECKED,
    },
    'ircc-processing-times': {
        // English only (the French tool's address was not found; canada.ca's language toggle leads to it).
        publisher: 'canada.ca',
        official: true,
        url: onlyIn('https://www.canada.ca/en/immigration-refugees-citizenship/services/application/check-processing-times.html'),
        checked: CHECKED,
    },
    'quebec-ai-pilot': {
        // English only (no French counterpart was found).
        publisher: 'quebec.ca',
        official: true,
        url: onlyIn('https://www.quebec.ca/en/immigration/immigration-programs/artificial-intelligence'),
        checked: CHECKED,
    },
    'quebec-pstq': {
        // English only (no French counterpart was found); last updated 2025-08-08.
        publisher: 'quebec.ca',
        official: true,
        url: onlyIn('https://www.quebec.ca/en/immigration/permanent/skilled-workers/skilled-worker-selection-program/about'),
        checked: CHECKED,
    },
    'news-pstq-start': {
        // No quebec.ca page found that states the date; a Quebec newcomers' news site reports the launch (jurilog.ca agrees).
        publisher: 'immigrantquebec.com',
        official: false,
        url: onlyIn('https://immigrantquebec.com/fr/actualites/nouveau-systeme-selection-permanente-travailleurs-qualifies-quebec'),
        checked: CHECKED,
    },
    'news-peq-end': {
        // Reports Quebec's 2026–2029 immigration plan; no quebec.ca page found that states the date.
        publisher: 'aa.com.tr (Anadolu Agency)',
        official: false,
        url: onlyIn(
            'https://www.aa.com.tr/fr/monde/qu%C3%A9bec-fixe-un-seuil-de-45-000-immigrants-permanents-par-ann%C3%A9e-de-2026-%C3%A0-2029/3737041',
        ),
        checked: CHECKED,
    },
    'ircc-tpp-quebec-pr': {
        // English only; the stored copy looks like the March 2026 version and shows no dates.
        publisher: 'canada.ca (IRCC public policy)',
        official: true,
        url: onlyIn(
            'https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/public-policies/work-permits-quebec-pr.html',
        ),
        checked: CHECKED,
    },
    'news-tpp-dates': {
        // The stored canada.ca copy does not show the policy's dates; CIC News reports them.
        publisher: 'cicnews.com',
        official: false,
        url: onlyIn('https://www.cicnews.com/2026/04/new-measures-provide-work-permits-for-csq-applicants-0474506.html'),
        checked: CHECKED,
    },
    'news-tpp-spouses': {
        // The replacement policy of 2026-06-05 (spouses and common-law partners) was not found on canada.ca; a consultancy
        // reports it (CIC News agrees).
        publisher: 'gtrimmigration.com',
        official: false,
        url: onlyIn('https://gtrimmigration.com/quebec-extends-special-work-permits-to-spouses-of-permanent-selection-applicants'),
        checked: CHECKED,
    },
    'ircc-work-permit-types': {
        // An archived 2016 capture of CIC's "Types of work permits" (Library and Archives Canada, English only); the current
        // canada.ca wording was seen only in copies.
        publisher: 'cic.gc.ca (IRCC’s former site, archived by Library and Archives Canada)',
        official: true,
        url: onlyIn(
            'https://webarchiveweb.wayback.bac-lac.canada.ca/web/20161121222401/http://www.cic.gc.ca/english/work/apply-who-permit.asp',
        ),
        checked: CHECKED,
    },
    'ircc-police-certificates': {
        // IRCC Help Centre question 1384 (English only); the answer is written for Global Skills Strategy work permits.
        publisher: 'canada.ca (IRCC Help Centre)',
        official: true,
        url: onlyIn('https://ircc.canada.ca/english/helpcentre/answer.asp?qnum=1384&top=17'),
        checked: CHECKED,
    },
    'news-short-courses': {
        // A consultancy's summary of IRCC's program delivery update of 2026-02-20 on R188(1)(c); the IRCC page was not found.
        publisher: 'immigratic.com',
        official: false,
        url: onlyIn(
            'https://www.immigratic.com/blog/ircc-updates-study-permit-guidance-clarifies-short-term-under-6-months-study-rules-and-exemptions-for-foreign-representatives',
        ),
        checked: CHECKED,
    },
    'ramq-eligibility': {
        // French only; the stored copy shows the general introduction, not the rules for open work permit holders.
        publisher: 'ramq.gouv.qc.ca',
        official: true,
        url: onlyIn('https://ramq.gouv.qc.ca/fr/citoyens/assurance-maladie/connaitre-conditions-admissibilite'),
        checked: CHECKED,
    },
    'quebec-ramq-regulation': {
        // Regulation respecting eligibility and registration of persons in respect of the Régie de l'assurance maladie du
        // Québec (A-29, r. 1), s. 4 as stored (version of 2019-05-21, English); no later version was retrieved.
        publisher: 'legisquebec.gouv.qc.ca',
        official: true,
        url: onlyIn('http://legisquebec.gouv.qc.ca/en/showversion/cr/A-29,%20r.%201?code=se:4&pointInTime=20190521'),
        checked: CHECKED,
    },
    'news-citizenship-time': {
        // A law firm's blog (2025); no canada.ca or Citizenship Act page was retrieved, nor the address of IRCC's calculator.
        publisher: 'sisulegal.com',
        official: false,
        url: onlyIn(
            'https://sisulegal.com/blogs/sisu-legal-blog/how-time-as-a-temporary-resident-and-permanent-resident-counts-towards-canadian-citizenship',
        ),
        checked: CHECKED,
    },
} as const satisfies Record<string, SourceRecord>;

export const FACTS = {
    'fees.workPermit': {
        kind: 'money',
        value: 155,
        source: 'ircc-fees',
        checked: CHECKED,
        note: 'IRPR s. 299(1): "A fee of $155 is payable for processing an application for a work permit"; fee list: « Permis de travail (y compris les prorogations) – par personne | 155,00 ».',
    },
    'fees.openWorkPermitHolder': {
        kind: 'money',
        value: 100,
        source: 'ircc-fees',
        checked: CHECKED,
        note: 'IRPR s. 303.2: $100 "for the rights and privileges conferred by means of a work permit" (R204/R205 workers without a job offer; IMP+ is R205(a)); fee list: « Détenteur de permis de travail ouvert | 100,00 ». Not a processing fee.',
    },
    'fees.biometrics': {
        kind: 'money',
        value: 85,
        source: 'ircc-biometrics',
        checked: CHECKED,
        note: '"Individual applicant: CAN$85".',
    },
    'fees.biometricsFamily': {
        kind: 'money',
        value: 170,
        source: 'ircc-biometrics',
        checked: CHECKED,
        note: '"Families applying at the same time (2 or more members of a family): maximum total fee of CAN$170".',
    },
    'permit.maxYears': {
        kind: 'number',
        value: 3,
        source: 'quebec-imp-plus',
        checked: CHECKED,
        note: '« un permis de travail ouvert d’une durée maximale de trois ans » — a maximum, not a fixed length.',
    },
    'caps.perYear': {
        kind: 'count',
        value: 7000,
        source: 'quebec-imp-plus',
        checked: CHECKED,
        note: '« Au total chaque année, 7 000 travailleuses et travailleurs qualifiés pourront obtenir un permis » (a 2022 text; no newer figure found).',
    },
    'caps.permits2022': {
        kind: 'count',
        value: 14000,
        source: 'quebec-imp-plus',
        checked: CHECKED,
        effective: '2022-01-01',
        note: '« Exceptionnellement, jusqu’à 14 000 permis pourront être délivrés en 2022 » (Quebec counts permits).',
    },
    'caps.applications2022': {
        kind: 'count',
        value: 14700,
        source: 'ircc-a76',
        checked: CHECKED,
        effective: '2022-01-01',
        note: '"a maximum of 14,700 work permit applications are to be accepted for intake in 2022 (calendar year)" (IRCC counts applications, approved, refused or withdrawn).',
    },
    'caps.applicationsPerYear': {
        kind: 'count',
        value: 7350,
        source: 'news-imp-caps-2022',
        checked: CHECKED,
        effective: '2023-01-01',
        note: '"the annual application intake cap will be set at 7,350 per year from 2023 onward" (2022 announcement as relayed; no official copy, no figure for 2024–2026 found).',
    },
    'csq.validityMonths': {
        kind: 'number',
        value: 24,
        source: 'ircc-a75',
        checked: CHECKED,
        effective: '2018-08-02',
        note: 'Regulation respecting immigration to Québec, s. 108: "valid for a duration of 24 months or until a decision is rendered on the permanent residence application".',
    },
    'dates.pstqStart': {
        kind: 'date',
        value: '2024-11-29',
        source: 'news-pstq-start',
        checked: CHECKED,
        effective: '2024-11-29',
        note: 'The PSTQ replaced the Regular Skilled Worker Program (PRTQ); PRTQ applications already filed kept being processed.',
    },
    'dates.peqEnd': {
        kind: 'date',
        value: '2025-11-19',
        source: 'news-peq-end',
        checked: CHECKED,
        effective: '2025-11-19',
        note: 'End of the Quebec Experience Program (PEQ) in Quebec’s 2026–2029 plan.',
    },
    'dates.pilotEnd': {
        kind: 'date',
        value: '2026-01-01',
        source: 'quebec-ai-pilot',
        checked: CHECKED,
        effective: '2026-01-01',
        note: '"This pilot program has come into effect on April 22, 2021, and will close on January 1, 2026."',
    },
    'dates.familyRules': {
        kind: 'date',
        value: '2025-01-21',
        source: 'ircc-family-owp',
        checked: CHECKED,
        effective: '2025-01-21',
        note: '« À partir du 21 janvier 2025, à 5 h (UTC), les conditions d’admissibilité seront modifiées » for family open work permits; eligibility depends on whether the worker is on a pathway to permanent residence.',
    },
    'dates.pstqPolicySpouses': {
        kind: 'date',
        value: '2026-06-05',
        source: 'news-tpp-spouses',
        checked: CHECKED,
        effective: '2026-06-05',
        note: 'A replacement temporary public policy "effective June 5, 2026, broadens eligibility to explicitly cover spouses and common-law partners of PSTQ candidates" (open work permits).',
    },
    'dates.pstqPolicyEnd': {
        kind: 'date',
        value: '2026-12-31',
        source: 'news-tpp-dates',
        checked: CHECKED,
        effective: '2026-03-13',
        // The day after it expires, "it is set to expire on …" is no longer true: check for an extension or its end.
        revisedOn: '2027-01-01',
        note: 'IRCC temporary public policy for PSTQ candidates in Quebec (employer-specific permits; spouses from 2026-06-05), in force 2026-03-13, "currently set to expire on December 31, 2026". On 2026-12-01 no source on an extension was found.',
    },
    'medical.stayMonths': {
        kind: 'number',
        value: 6,
        source: 'ircc-medical',
        checked: CHECKED,
        note: 'One of the 3 cases needing a medical exam for a work permit: staying in Canada more than 6 months after living 6 or more consecutive months in a designated country or territory in the past year. "You should get a medical exam from a panel physician if any of the 3 situations above apply to you."',
    },
    'medical.designatedCountryMonths': {
        kind: 'number',
        value: 6,
        source: 'ircc-medical',
        checked: CHECKED,
        note: 'The same case: 6 or more consecutive months lived in a designated country or territory in the year before coming to Canada.',
    },
    'study.shortCourseMonths': {
        kind: 'number',
        value: 6,
        source: 'news-short-courses',
        checked: CHECKED,
        note: 'IRPR s. 188(1)(c), as summarized from IRCC’s update of 2026-02-20: "Foreign nationals may study in Canada without a study permit for a course or program of six months or less, part-time or full-time, provided it is completed within their authorized period of stay."',
    },
    'ramq.waitMonths': {
        kind: 'number',
        value: 3,
        source: 'quebec-ramq-regulation',
        checked: CHECKED,
        note: 'Regulation A-29, r. 1, s. 4: "a person shall become a resident or temporary resident of Québec from the first day of the third month following the reference date" (a waiting period of up to 3 months). Whether an open work permit holder is eligible at all is not confirmed by an official source.',
    },
    'citizenship.maxTemporaryDays': {
        kind: 'count',
        value: 365,
        source: 'news-citizenship-time',
        checked: CHECKED,
        note: '"Each day you were physically present in Canada as a temporary resident counts as half a day (up to a maximum of 365 days)" (within the period counted before the citizenship application; secondary only).',
    },
} as const satisfies Record<string, FactRecord>;

export type FactId = keyof typeof FACTS;

export const FACT_IDS = Object.keys(FACTS) as FactId[];

export function isFactId(id: string): id is FactId {
    return Object.hasOwn(FACTS, id);
}

export function isSourceId(id: string): id is SourceId {
    return Object.hasOwn(SOURCES, id);
}

/** No-break space: French puts one between a figure and "$", and inside numbers' thousands. */
const NBSP = '\u00a0';

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
    en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

function formatNumber(value: number, language: Language): string {
    const [whole = '0', decimals] = value.toFixed(Number.isInteger(value) ? 0 : 2).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'fr' ? NBSP : ',');
    return decimals ? `${grouped}${language === 'fr' ? ',' : '.'}${decimals}` : grouped;
}

/** "November 29, 2024" / "29 novembre 2024" ("1er" for the first of the month, as French writes it). */
export function formatDate(iso: string, language: Language): string {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const monthName = MONTHS[language][month - 1];
    if (language === 'fr') return `${day === 1 ? '1er' : day}${NBSP}${monthName} ${year}`;
    return `${monthName} ${day}, ${year}`;
}

export function formatFact(record: FactRecord, language: Language): string {
    switch (record.kind) {
        case 'money': {
            const amount = formatNumber(Number(record.value), language);
            return language === 'fr' ? `${amount}${NBSP}$` : `CAN$${amount}`;
        }
        case 'date':
            return formatDate(String(record.value), language);
        case 'count':
        case 'number':
            return formatNumber(Number(record.value), language);
    }
}

/** The facts as i18next values ({{fees.workPermit}}), formatted for one language. */
export function factValues(language: Language): Record<string, Record<string, string>> {
    const values: Record<string, Record<string, string>> = {};
    for (const id of FACT_IDS) {
        const [group, name] = id.split('.') as [string, string];
        values[group] ??= {};
        (values[group] as Record<string, string>)[name] = formatFact(FACTS[id], language);
    }
    return values;
}

/** The facts a text template interpolates ("{{fees.workPermit}}"), in order of appearance. */
export function factsIn(template: string): FactId[] {
    const found: FactId[] = [];
    for (const match of template.matchAll(/\{\{\s*([\w]+\.[\w]+)\s*\}\}/g)) {
        const id = match[1] as string;
        if (isFactId(id) && !found.includes(id)) found.push(id);
    }
    return found;
}

/**
 * The day a value's publisher was due to revise it (`revisedOn`), when that day has come and nobody has
 * checked the value since: until a new check, whatever quotes it says it may have changed.
 */
export function recheckDueSince(record: FactRecord, today: Date): string | undefined {
    const { revisedOn, checked } = record;
    return revisedOn !== undefined && checked < revisedOn && ageInDays(revisedOn, today) >= 0 ? revisedOn : undefined;
}

/** The earliest day a figure a text template quotes was due for a recheck (`recheckDueSince`), if one is. */
export function recheckDueIn(template: string, today: Date): string | undefined {
    return factsIn(template)
        .map((id) => recheckDueSince(FACTS[id], today))
        .filter((day): day is string => day !== undefined)
        .sort()[0];
}

/** Whole days from an ISO date to `today`. */
export function ageInDays(iso: string, today: Date): number {
    const then = Date.parse(`${iso}T00:00:00Z`);
    const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    return Math.floor((now - then) / 86_400_000);
}
