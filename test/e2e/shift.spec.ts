import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { chooseSelect, SAMPLE_LAWYER } from './support/setup';
import { logSuspectContact } from './support/contacts';

test("a whole shift: sign in, three contacts and a mediation, sign out, the shift log as a PDF, and the month's statistics", async ({ station }) => {
  // A whole shift through four screens, two PDFs and a workbook: longer than one feature's spec.
  test.setTimeout(300_000);
  const { page } = await station.launchSetUp();

  // Sign in (the supervisor signs the lawyer in; a lawyer's own account would be preset).
  await page.getByRole('menuitem', { name: '值班' }).click();
  const signIn = page.getByRole('form', { name: '值班签到' });
  await chooseSelect(page, '值班律师', SAMPLE_LAWYER.name);
  await signIn.getByRole('button', { name: '签到' }).click();
  const open = page.getByTestId('open-shift');
  await expect(open).toContainText(SAMPLE_LAWYER.name);
  await expect(open).toContainText('接待 0 人次');

  // Three contacts while on shift: a minor (from the ID number), an adult, one without papers.
  await page.getByRole('menuitem', { name: '咨询登记' }).click();
  await logSuspectContact(page, { name: '李𠮷', idNumber: '210102201005011234', question: '被刑事拘留后能否申请取保候审', crime: null });
  await logSuspectContact(page, { name: '赵大', idNumber: '210102199003071233', question: '会见律师的时间', crime: null });
  await logSuspectContact(page, { name: '钱某', idNumber: null, question: '认罪认罚的后果', crime: null });

  // One mediation; a missing cause is shown at its field first.
  await page.getByRole('menuitem', { name: '调解' }).click();
  await page.getByRole('button', { name: '记录调解' }).click();
  const form = page.getByRole('form', { name: '调解记录' });
  await chooseSelect(page, '调解类型', '诉前调解');
  await form.getByLabel('调解地点').fill('和平区人民法院诉讼服务中心');
  await chooseSelect(page, '参与调解的值班律师', SAMPLE_LAWYER.name);
  await page.keyboard.press('Escape');
  await form.getByLabel('第 1 方当事人姓名').fill('孙𠮷');
  await form.getByLabel('第 2 方当事人姓名').fill('沈阳某建筑劳务有限公司');
  await chooseSelect(page, '调解结果', '达成协议');
  await form.getByLabel('协议金额（元）').fill('38,500');
  await chooseSelect(page, '履行方式', '一次性支付');
  await form.getByLabel('协议内容').fill('被申请人于十日内一次性支付拖欠工资38,500元。');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写案由')).toBeVisible();
  await form.getByLabel('案由').fill('劳务合同纠纷');
  await form.getByRole('button', { name: '保存' }).click();
  const detail = page.getByTestId('mediation-detail');
  await expect(detail).toContainText('孙𠮷');
  await expect(detail).toContainText('38,500.00元');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mediation-count')).toHaveText('共 1 件');

  // Sign out with a note for the next shift.
  await page.getByRole('menuitem', { name: '值班' }).click();
  await expect(open).toContainText('接待 3 人次 · 文书 0 份 · 调解 1 件');
  await open.getByRole('button', { name: '签退' }).click();
  const signOut = page.getByRole('dialog', { name: /签退/ });
  await signOut.getByLabel('交接事项（给下一班）').fill('孙𠮷的工资款跟进履行情况');
  await signOut.getByRole('button', { name: '签退并生成值班日志' }).click();

  const log = page.getByTestId('shift-log');
  await expect(log).toContainText(SAMPLE_LAWYER.name);
  await expect(log).toContainText('法律咨询 3 人次');
  await expect(log).toContainText('未成年人 1 人次');
  await expect(log).toContainText('1 件，达成 1 件');
  await expect(log).toContainText('孙𠮷的工资款跟进履行情况');
  await page.screenshot({ path: test.info().outputPath('shift-log.png') });

  // The log as a numbered PDF, saved and read back.
  await log.getByRole('button', { name: '生成值班日志 PDF' }).click();
  const logForm = page.getByRole('form', { name: '值班日志内容' });
  await expect(logForm.getByLabel('接待人次')).toHaveValue('3 人次');
  await page.getByRole('button', { name: '保存并编号' }).click();
  await expect(page.getByText(/已保存：/)).toBeVisible();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'dls-shift-'));
  await station.answerDialogs({ folder });
  await page.getByRole('button', { name: '另存为 PDF' }).click();
  await expect(page.getByText(/已保存到/)).toBeVisible();
  const [file] = readdirSync(folder);
  // Table cells wrap, so the text is compared without its line breaks and spaces.
  const text = execFileSync('pdftotext', [path.join(folder, file!), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('值班日志');
  expect(text).toContain(`值班律师${SAMPLE_LAWYER.name}`);
  expect(text).toContain('接待人次3人次');
  expect(text).toContain('法律咨询：3人次');
  expect(text).toContain('未成年人：1人次');
  expect(text).toContain('参与1件，达成1件，协议金额38,500.00元');
  expect(text).toContain('孙𠮷的工资款跟进履行情况');

  // The statistics page of this month holds exactly that shift (the shift log is not a drafted document).
  await page.keyboard.press('Escape');
  await page.getByRole('menuitem', { name: '统计' }).click();
  const summary = page.getByTestId('statistics-summary');
  const figure = (label: string) => summary.locator('.ant-statistic').filter({ hasText: label }).locator('.ant-statistic-content');
  await expect(figure('咨询人次')).toHaveText('3');
  await expect(figure('代写文书（份）')).toHaveText('0');
  await expect(figure('参与调解（件）')).toHaveText('1');
  await expect(figure('调解成功（件）')).toHaveText('1');
  await expect(figure('协议金额（元）')).toHaveText('38,500.00');
  await page.getByRole('tab', { name: '按特殊群体' }).click();
  const groups = page.getByRole('table', { name: '按特殊群体' }).or(page.locator('[aria-label="按特殊群体"]'));
  await expect(groups.getByRole('row').filter({ hasText: '未成年人' })).toContainText('1');
  await expect(page.getByTestId('trend-chart').locator('.recharts-line')).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath('statistics.png'), fullPage: true });

  // The workbook carries the same figures.
  await page.getByRole('button', { name: '导出 Excel' }).click();
  await expect(page.getByText(/已保存到 .*\.xlsx/)).toBeVisible();
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  const xlsx = readdirSync(folder).find((f) => f.endsWith('.xlsx'))!;
  await book.xlsx.readFile(path.join(folder, xlsx));
  const rows = new Map<string, unknown>();
  book.getWorksheet('汇总')!.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  expect(rows.get('咨询人次')).toBe(3);
  expect(rows.get('协议金额（元）')).toBe(38500);

  // A contact after the sign-out belongs to no shift; the list's shift filter finds the three.
  await page.getByRole('menuitem', { name: '咨询登记' }).click();
  await logSuspectContact(page, { name: '周某', idNumber: null, question: '签退后来访的咨询', crime: null });
  await expect(page.getByTestId('result-count')).toHaveText('共 4 条');
  await chooseSelect(page, '筛选：班次', SAMPLE_LAWYER.name);
  await expect(page.getByTestId('result-count')).toHaveText('共 3 条');
  await expect(page.getByTestId('consultation-row').filter({ hasText: '周某' })).toHaveCount(0);
});
