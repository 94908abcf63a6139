import type { RelativeDay, TimeOfDay } from '../dates/phrases';
import type { YearEvidence, YearRange } from '../dates/year';
import type { Span } from '../types';

/** Whether the article reports the meeting, only mentions it, or announces it. */
export type MeetingStatus = 'reported' | 'mentioned' | 'planned';

/** A person or group named in a role, with the text that says so. */
export interface Participant {
  readonly name: string;
  readonly span: Span;
}

/** A meeting's date as the text gives it, with the year and what fixed it. */
export interface MeetingDate {
  /** ISO `YYYY-MM-DD` when the year is known. */
  readonly iso?: string;
  readonly day: number;
  readonly month: number;
  /** The year was not written next to the date. */
  readonly yearInferred: boolean;
  /** What fixed the year (absent when written, or unknown). */
  readonly evidence?: YearEvidence;
  /** The years the date is known to lie in when its year is unknown. */
  readonly range?: YearRange;
  /** The last day of a range ("từ ngày 5 đến 10-5-2017"), ISO when the year is known. */
  readonly endIso?: string;
  readonly timeOfDay?: TimeOfDay;
  /** The date was written relative to the article's day ("sáng nay 18-5"). */
  readonly relative?: RelativeDay;
  readonly span: Span;
}

/** A meeting the article talks about. */
export interface Meeting {
  readonly kind: string;
  readonly title: string;
  readonly span: Span;
  readonly sentence: Span;
  readonly line: number;
  readonly date?: MeetingDate;
  /** The year when no day is given ("năm 2020" in its name). */
  readonly year?: number;
  readonly status: MeetingStatus;
  readonly primary: boolean;
  readonly organizer?: Participant;
  readonly chair?: Participant;
  readonly directedBy: readonly Participant[];
  readonly attendees: readonly Participant[];
  readonly place?: Participant;
  /** For a working visit ("làm việc với"): who was visited and hosted it. */
  readonly hosts?: Participant;
}
