import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { DeadlinesAtWork1764100000000 } from './1764100000000-deadlines-at-work';
import { OmniStaircase1764200000000 } from './1764200000000-omni-staircase';
import { TrustedHistory1764300000000 } from './1764300000000-trusted-history';
import { DemoMarker1764400000000 } from './1764400000000-demo-marker';
import { OwnerLanguage1764500000000 } from './1764500000000-owner-language';
import { ArchiveJournal1764600000000 } from './1764600000000-archive-journal';
import { ListIndexes1764700000000 } from './1764700000000-list-indexes';
import { LastLinkOnCase1764800000000 } from './1764800000000-last-link-on-case';
import { DirectoryChangeNotify1764900000000 } from './1764900000000-directory-change-notify';
import { DeadlineStepGate1765100000000 } from './1765100000000-deadline-step-gate';
import { StaircaseChangeNotify1765200000000 } from './1765200000000-staircase-change-notify';
import { JournalDocumentStoredAsIs1765300000000 } from './1765300000000-journal-document-stored-as-is';

/** Every migration in order; listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  DeadlinesAtWork1764100000000,
  OmniStaircase1764200000000,
  TrustedHistory1764300000000,
  DemoMarker1764400000000,
  OwnerLanguage1764500000000,
  ArchiveJournal1764600000000,
  ListIndexes1764700000000,
  LastLinkOnCase1764800000000,
  DirectoryChangeNotify1764900000000,
  DeadlineStepGate1765100000000,
  StaircaseChangeNotify1765200000000,
  JournalDocumentStoredAsIs1765300000000,
];
