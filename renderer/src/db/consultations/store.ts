import type { Consultation, ConsultationInput } from '../../../../core/consultations/schema';
import type { Withheld } from '../../../../core/access/recordViews';
import type { ConsultationRow, StationDb } from '../database';
import { tableVersion, type RecordStore } from '../repository';
import type { Vault } from '../vault';
import { consultationCodec, CONSULTATIONS } from '../recordCodecs';
import { sealAuditLabel } from '../auditLabels';
import { consultationFactsDerived } from '../statFacts';
import { followTail, tidyInBackground, updateIndex } from '../searchIndex';
import { followChange } from './orderCache';

type Owned = ConsultationInput & { ownerId: string };

export function consultationStore(db: StationDb, vault: Vault): RecordStore<Owned, ConsultationRow> {
  return {
    db,
    name: CONSULTATIONS,
    derived: consultationFactsDerived(db, vault),
    index: {
      tables: [db.postings, db.tailTokens, db.orderLog, db.meta],
      update: (current, next) => updateIndex(db, current, next),
      committed: (current, next) => {
        followChange(db, current, next);
        followTail(db, tableVersion(db, CONSULTATIONS), next);
        tidyInBackground(db);
      },
    },
    codec: consultationCodec(vault),
    auditLabel: (r) => sealAuditLabel(vault, CONSULTATIONS, r.id, { person: r.clientName }),
  };
}

export type StoredConsultation = Consultation & { ownerId: string };
/** A record as its reader may see it: whole, or the request view (`withheld`, core/access/recordViews.ts). */
export type VisibleConsultation = StoredConsultation & Withheld;
