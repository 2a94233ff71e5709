import type { FactId, SourceId } from './facts';

/**
 * The staff tools in Teams, as data: the commands (phrases in locales/<lang>/staff.json, "samples") and what
 * the facts card shows. Only staff (src/channels/staff.ts) ever reach them.
 */
export const STAFF_COMMANDS = ['facts', 'clientCheck', 'stats', 'stats30'] as const;
export type StaffCommand = (typeof STAFF_COMMANDS)[number];

/** How many days each stats command covers. */
export const STATS_DAYS: Readonly<Record<Extract<StaffCommand, 'stats' | 'stats30'>, number>> = { stats: 7, stats30: 30 };

/** Where the published criteria come from (the check's verdict cites the same pages). */
export const CRITERIA_SOURCES: readonly SourceId[] = ['quebec-imp-plus', 'ircc-a76'];

/** The facts card's sections after the criteria, each with the facts of src/content/facts.ts it lists, in order. */
export const FACTS_CARD_SECTIONS: readonly { id: 'fees' | 'durations' | 'caps' | 'dates'; facts: readonly FactId[] }[] = [
    {
        id: 'fees',
        facts: ['fees.workPermit', 'fees.openWorkPermitHolder', 'fees.biometrics', 'fees.biometricsFamily'],
    },
    {
        id: 'durations',
        facts: [
            'permit.maxYears',
            'csq.validityMonths',
            'medical.stayMonths',
            'medical.designatedCountryMonths',
            'study.shortCourseMonths',
            'ramq.waitMonths',
            'citizenship.maxTemporaryDays',
        ],
    },
    { id: 'caps', facts: ['caps.perYear', 'caps.permits2022', 'caps.applications2022', 'caps.applicationsPerYear'] },
    {
        id: 'dates',
        facts: ['dates.pstqStart', 'dates.peqEnd', 'dates.pilotEnd', 'dates.familyRules', 'dates.pstqPolicySpouses', 'dates.pstqPolicyEnd'],
    },
];
