/** What a list asks of the consultations, and what it gets back (queryPlanner.ts answers). */
export interface ConsultationQuery {
  text?: string;
  /** Inclusive calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  lawyerId?: string;
  shiftId?: string;
  caseType?: string;
  helpType?: string;
  specialGroup?: string;
  outcome?: string;
  pendingTransfer?: boolean;
  /** 约见值班律师 requests no lawyer has met yet. */
  openMeeting?: boolean;
}

export interface QueryResult {
  /** Matching live records, newest first. */
  ids: string[];
  /** A hint for the search box (e.g. a number fragment too short to search). */
  problem?: string;
}
