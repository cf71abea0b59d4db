import { Regime } from '../../../workflow/src';
import { token } from './token';
import { UserContext } from './user-context';

export interface UnitInfo {
  id: string;
  ownerId: string;
  name: string;
  kind: Regime;
}

export interface GroupInfo {
  id: string;
  unitId: string;
  name: string;
}

export interface ChildInfo {
  id: string;
  unitId: string;
  groupId: string | null;
  name: string;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: 'staff' | 'principal';
}

export interface Directory {
  userByUsername(username: string): Promise<UserContext | undefined>;
  /** Who works at the unit (staff and principals), by name: the people a plan's measures can be given to. */
  staffOf(unitId: string): Promise<StaffMember[]>;
  unit(unitId: string): Promise<UnitInfo | undefined>;
  unitsOfOwners(ownerIds: string[]): Promise<UnitInfo[]>;
  unitsByIds(unitIds: string[]): Promise<UnitInfo[]>;
  groups(unitId: string): Promise<GroupInfo[]>;
  group(groupId: string): Promise<GroupInfo | undefined>;
  children(unitId: string): Promise<ChildInfo[]>;
  /** The group of each of these children, in one round trip (a page of cases). */
  groupsOfChildren(childIds: string[]): Promise<Map<string, string | null>>;
  /** The user who answers for a case: the unit's principal, or the owner's administration. */
  leaderOf(unit: UnitInfo, handledBy: 'principal' | 'owner'): Promise<string | null>;
  /** The users who act for the owner (role `owner`): told of serious cases and escalations. */
  ownerUsers(ownerId: string): Promise<string[]>;
  /** The owner's PPT users (the educational-psychological service). */
  pptUsers(ownerId: string): Promise<string[]>;
  /** Display names of these users (for the case file). */
  userNames(ids: string[]): Promise<Map<string, string>>;
  /** Which of these ids are users of the owner (for responsibleUserId). */
  existingUserIds(ownerId: string, ids: string[]): Promise<string[]>;
}

export const DIRECTORY = token<Directory>('Directory');
