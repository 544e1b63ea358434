import { BrowserWindow, dialog } from 'electron';

/**
 * Native folder and file pickers. Nothing but the person at the screen answers them: e2e
 * runs replace Electron's `dialog` functions from the test (test/e2e/fixtures.ts), so no
 * variable or switch can choose a path for the app.
 */
export function electronDialogs() {
  return {
    async chooseFolder(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = { title: '选择备份保存位置', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseFile(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = { title: '选择备份文件', properties: ['openFile'] as 'openFile'[], filters: [{ name: '值班律师工作站备份', extensions: ['dlbackup'] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseBatchFolder(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = {
        title: '选择批次文件的保存位置（可选移动存储设备）',
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseBatchFile(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = {
        title: '选择数据批次文件',
        properties: ['openFile'] as 'openFile'[],
        filters: [{ name: '值班律师工作站数据批次', extensions: ['zip'] }],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseKeyFile(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = {
        title: '选择接收中心的公钥文件',
        properties: ['openFile'] as 'openFile'[],
        filters: [{ name: '接收中心公钥文件', extensions: ['json'] }],
      };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseJsonSavePath(defaultPath: string, title: string): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = { title, defaultPath, filters: [{ name: 'JSON 文件', extensions: ['json'] }] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
    async chooseReceiptFile(): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const options = { title: '选择接收中心的回执文件', properties: ['openFile'] as 'openFile'[], filters: [{ name: '批次回执文件', extensions: ['json'] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSavePath(defaultName: string, kind: 'pdf' | 'xlsx' = 'pdf'): Promise<string | null> {
      const win = BrowserWindow.getFocusedWindow();
      const filter = kind === 'xlsx' ? { name: 'Excel 工作簿', extensions: ['xlsx'] } : { name: 'PDF 文件', extensions: ['pdf'] };
      const options = { title: kind === 'xlsx' ? '保存 Excel 文件' : '保存 PDF 文件', defaultPath: defaultName, filters: [filter] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
  };
}
