import { can, type Action, type Role } from '../access/permissions';
import type { ChannelName } from './contract';

/**
 * What main asks of the caller of each channel (docs/SECURITY.md, "Main checks roles").
 * `open`: anyone, before sign-in too; it reads nothing secret, writes only where a person
 * chose in a dialog, or checks its own proof (the session channels). An action: main's
 * session role must hold it in core/access/permissions.ts, the table the pages and the
 * repositories read. A new channel cannot be added without a line here (the type says so).
 */
export type ChannelRight = 'open' | Action;

export const CHANNEL_RIGHTS: { readonly [C in ChannelName]: ChannelRight } = {
  'app.info': 'open',

  'backup.chooseFolder': 'open',
  'backup.chooseFile': 'open',
  // Every sign-in may run the daily backup: the file is sealed before it reaches main.
  'backup.write': 'open',
  'backup.read': 'open',
  'backup.getAuto': 'open',
  'backup.setAuto': 'settings.edit',
  'backup.markAuto': 'open',

  // The public half; made in main the first time it is asked for (setup asks at once).
  'batch.stationKey': 'open',
  // A backup carries the history; counts and hashes, no client data.
  'batch.history': 'open',
  'batch.leftovers': 'open',
  'batch.beginExport': 'batch.export',
  'batch.appendRecords': 'batch.export',
  'batch.appendFiles': 'batch.export',
  'batch.setExportTotal': 'batch.export',
  'batch.finishExport': 'batch.export',
  'batch.cancelExport': 'batch.export',
  // A job's counts, for whoever holds its random id.
  'batch.progress': 'open',
  'batch.reexport': 'batch.export',
  'batch.markDelivered': 'batch.export',
  'batch.openImport': 'batch.import',
  'batch.verifyImport': 'batch.import',
  'batch.readImport': 'batch.import',
  'batch.closeImport': 'batch.import',
  'batch.restoreLedger': 'batch.export',
  // Signs with the station key for a batch this station imported.
  'batch.writeReceipt': 'batch.import',

  // The receiving centres' public keys are public; changing who a batch is encrypted to is a supervisor's.
  'centres.state': 'open',
  'centres.openKeyFile': 'settings.edit',
  'centres.register': 'settings.edit',
  'centres.remove': 'settings.edit',
  'centres.setSuite': 'settings.edit',

  // A centre's own keys: public halves listed to anyone; making and exporting keys is a supervisor's.
  'centreKeys.list': 'open',
  'centreKeys.create': 'settings.edit',
  'centreKeys.exportPublic': 'settings.edit',
  'centreKeys.exportPrivate': 'settings.edit',
  // Receipts and uploads are the history's: whoever exports. Where uploads go is a supervisor's setting.
  'delivery.state': 'open',
  'delivery.openReceipt': 'batch.export',
  'delivery.reviewUploadReceipt': 'batch.export',
  'delivery.confirmReceiptKey': 'batch.export',
  'delivery.setCentreUrl': 'settings.edit',
  'delivery.uploadNow': 'batch.export',
  'delivery.centreHead': 'batch.export',

  // Every role drafts documents.
  'documents.render': 'open',
  'documents.exportPdf': 'open',

  'statistics.exportXlsx': 'statistics.view',
  'statistics.exportPdf': 'statistics.view',
  'statistics.renderPdf': 'statistics.view',

  'session.begin': 'open',
  'session.end': 'open',
  'session.status': 'open',
  'session.seed': 'open',
  'session.setAccount': 'open',
  'session.dropAccount': 'open',
  'session.recover': 'open',
  'session.setRecovery': 'open',

  'settings.getProfile': 'open',
  'settings.saveProfile': 'settings.edit',
  'settings.getDomain': 'open',
  'settings.saveMeansTestStandard': 'settings.edit',
  'settings.saveEnumerationExtensions': 'settings.edit',
};

/**
 * First run, while the station has no profile (nobody can have used it yet): what setting
 * up or restoring a backup writes before anyone can sign in, or after a crash mid-setup.
 */
export const SETUP_CHANNELS: readonly ChannelName[] = [
  'settings.saveProfile',
  'settings.saveMeansTestStandard',
  'settings.saveEnumerationExtensions',
  'batch.restoreLedger',
];

/** Who main is acting for: a role opened by a session proof, first-run setup, or nobody. */
export type MainCaller = Role | 'setup' | null;

export function mayCall(caller: MainCaller, channel: ChannelName): boolean {
  const right = CHANNEL_RIGHTS[channel];
  if (right === 'open') return true;
  if (caller === 'setup') return SETUP_CHANNELS.includes(channel);
  return caller !== null && can(caller, right);
}
