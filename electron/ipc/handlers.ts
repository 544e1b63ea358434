import type { z } from 'zod';
import type { Channel, Contract, Namespace } from '../../core/api/contract';
import type { Services } from '../services';

type Handler<C> = C extends Channel<infer I, infer O> ? (input: z.output<I>) => Promise<O> | O : never;

export type Handlers = {
  [N in Namespace]: { [M in keyof Contract[N]]: Handler<Contract[N][M]> };
};

/** The channel table: one handler per contract entry, each a thin call into a service. */
export function createHandlers(services: Services): Handlers {
  return {
    app: {
      info: () => services.appInfo(),
    },
    backup: {
      chooseFolder: () => services.backup.chooseFolder(),
      chooseFile: () => services.backup.chooseFile(),
      write: (input) => services.backup.write(input),
      read: (input) => services.backup.read(input),
      getAuto: () => services.backup.getAuto(),
      setAuto: (input) => services.backup.setAuto(input),
      markAuto: (input) => services.backup.markAuto(input),
    },
    batch: {
      stationKey: () => services.batch.stationKey(),
      history: () => services.batch.history(),
      leftovers: () => services.batch.leftovers(),
      beginExport: (input) => services.batch.beginExport(input),
      appendRecords: (input) => services.batch.appendRecords(input),
      appendFiles: (input) => services.batch.appendFiles(input),
      setExportTotal: (input) => services.batch.setExportTotal(input),
      finishExport: (input) => services.batch.finishExport(input),
      cancelExport: (input) => services.batch.cancelExport(input),
      progress: (input) => services.batch.progress(input),
      reexport: (input) => services.batch.reexport(input),
      markDelivered: (input) => services.batch.markDelivered(input),
      openImport: () => services.batch.openImport(),
      verifyImport: (input) => services.batch.verifyImport(input),
      readImport: (input) => services.batch.readImport(input),
      closeImport: (input) => services.batch.closeImport(input),
      writeReceipt: (input) => services.batch.writeReceipt(input),
      restoreLedger: (input) => services.batch.restoreLedger(input),
    },
    // Receiving centres (issue 19): every channel of this block is for supervisors only.
    centres: {
      state: () => services.centres.state(),
      openKeyFile: () => services.centres.openKeyFile(),
      register: (input) => services.centres.register(input),
      remove: (input) => services.centres.remove(input),
      setSuite: (input) => services.centres.setSuite(input),
    },
    centreKeys: {
      list: () => services.centreKeys.list(),
      create: (input) => services.centreKeys.create(input),
      exportPublic: (input) => services.centreKeys.exportPublic(input),
      exportPrivate: (input) => services.centreKeys.exportPrivate(input),
    },
    delivery: {
      state: () => services.delivery.state(),
      openReceipt: (input) => services.delivery.openReceipt(input),
      reviewUploadReceipt: (input) => services.delivery.reviewUploadReceipt(input),
      confirmReceiptKey: (input) => services.delivery.confirmReceiptKey(input),
      setCentreUrl: (input) => services.delivery.setCentreUrl(input),
      uploadNow: (input) => services.delivery.uploadNow(input),
      centreHead: () => services.delivery.centreHead(),
    },
    documents: {
      render: (input) => services.documents.render(input),
      exportPdf: (input) => services.documents.exportPdf(input),
    },
    statistics: {
      exportXlsx: (input) => services.statistics.exportXlsx(input),
      exportPdf: (input) => services.statistics.exportPdf(input),
      renderPdf: (input) => services.statistics.renderPdf(input),
    },
    session: {
      begin: (input) => services.session.begin(input),
      end: () => services.session.end(),
      status: () => services.session.status(),
      seed: (input) => services.session.seed(input),
      setAccount: (input) => services.session.setAccount(input),
      dropAccount: (input) => services.session.dropAccount(input),
      recover: (input) => services.session.recover(input),
      setRecovery: (input) => services.session.setRecovery(input),
    },
    settings: {
      getProfile: () => services.settings.getProfile(),
      saveProfile: (profile) => services.settings.saveProfile(profile),
      getDomain: () => services.settings.getDomain(),
      saveMeansTestStandard: (standard) => services.settings.saveMeansTestStandard(standard),
      saveEnumerationExtensions: (extensions) => services.settings.saveEnumerationExtensions(extensions),
    },
  };
}
