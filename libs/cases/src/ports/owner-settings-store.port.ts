import { DeadlinePolicy, Guidance, HolidayRange } from '../../../workflow/src';
import { token } from './token';
import { RetentionPolicy } from './retention-store.port';

export interface StoredPolicy {
  policy: DeadlinePolicy;
  changedBy: string | null;
  changedAt: Date | null;
}

export interface SchoolHolidayRecord extends Required<HolidayRange> {
  id: string;
  ownerId: string;
  unitId: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** Norwegian's two written forms: bokmål and nynorsk. */
export const LANGUAGES = ['nb', 'nn'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language everyone in the owner's units sees until they choose one themselves. */
export interface OwnerLanguage {
  version: number;
  defaultLanguage: Language;
}

export const DEFAULT_OWNER_LANGUAGE: OwnerLanguage = Object.freeze({ version: 1, defaultLanguage: 'nb' });

/** Per-owner settings: versioned deadline policies and school holidays. */
export interface OwnerSettingsStore {
  currentPolicy(ownerId: string): Promise<StoredPolicy>;
  /** Appends a new policy version; returns false when `expectedVersion` is no longer current. */
  savePolicy(ownerId: string, policy: DeadlinePolicy, expectedVersion: number, by: string, at: Date): Promise<boolean>;
  holidays(ownerId: string): Promise<SchoolHolidayRecord[]>;
  /** Adds all ranges in one transaction. */
  addHolidays(recs: SchoolHolidayRecord[]): Promise<void>;
  removeHoliday(ownerId: string, id: string): Promise<boolean>;
  currentGuidance(ownerId: string): Promise<{ guidance: Guidance; changedBy: string | null; changedAt: Date | null }>;
  currentRetention(ownerId: string): Promise<{ retention: RetentionPolicy; changedBy: string | null; changedAt: Date | null }>;
  /** Appends a new retention version; false when `expectedVersion` is no longer current. */
  saveRetention(ownerId: string, retention: RetentionPolicy, expectedVersion: number, by: string, at: Date): Promise<boolean>;
  /** Appends a new guidance version; false when `expectedVersion` is no longer current. */
  saveGuidance(ownerId: string, guidance: Guidance, expectedVersion: number, by: string, at: Date): Promise<boolean>;
  currentLanguage(ownerId: string): Promise<{ language: OwnerLanguage; changedBy: string | null; changedAt: Date | null }>;
  /** Appends a new language version; false when `expectedVersion` is no longer current. */
  saveLanguage(ownerId: string, language: OwnerLanguage, expectedVersion: number, by: string, at: Date): Promise<boolean>;
}

export const OWNER_SETTINGS_STORE = token<OwnerSettingsStore>('OwnerSettingsStore');
