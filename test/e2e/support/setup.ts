import { expect, type Page } from '@playwright/test';

export interface ProfileInput {
  code: string;
  name: string;
  kindLabel: string;
  regionCode: string;
  address: string;
}

export interface LawyerInputE2E {
  name: string;
  licenceNo: string;
  lawFirm: string;
  phone: string;
}

export const SAMPLE_PROFILE: ProfileInput = {
  code: 'LN0102-KSS01',
  name: '沈阳市和平区看守所法律援助工作站',
  kindLabel: '看守所',
  regionCode: '210102',
  address: '沈阳市和平区南京南街 1 号',
};

export const SAMPLE_LAWYER: LawyerInputE2E = {
  name: '王𠮷',
  licenceNo: '12101201510123456',
  lawFirm: '辽宁正义律师事务所',
  phone: '13804001234',
};

export async function chooseSelect(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

export async function fillProfile(page: Page, profile: ProfileInput) {
  await page.getByLabel('工作站编码').fill(profile.code);
  await page.getByLabel('工作站名称').fill(profile.name);
  await chooseSelect(page, '工作站类型', profile.kindLabel);
  await page.getByLabel('行政区划代码').fill(profile.regionCode);
  await page.getByLabel('地址').fill(profile.address);
}

export async function addLawyer(page: Page, lawyer: LawyerInputE2E) {
  await page.getByRole('button', { name: '添加律师' }).click();
  const dialog = page.getByRole('dialog', { name: '添加值班律师' });
  await dialog.getByLabel('姓名').fill(lawyer.name);
  await dialog.getByLabel('执业证号').fill(lawyer.licenceNo);
  await dialog.getByLabel('律师事务所').fill(lawyer.lawFirm);
  await dialog.getByLabel('联系电话').fill(lawyer.phone);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('roster').getByRole('cell', { name: lawyer.name, exact: true })).toBeVisible();
}

export const ADMIN = { displayName: '刘主任', username: 'admin', password: 'Station#2026' };

export async function fillAdmin(page: Page, admin = ADMIN) {
  await page.getByLabel('负责人姓名').fill(admin.displayName);
  await page.getByLabel('用户名').fill(admin.username);
  await page.getByLabel('密码', { exact: true }).fill(admin.password);
  await page.getByLabel('确认密码').fill(admin.password);
}

/** Confirms the recovery-code dialog and returns the code shown. */
export async function acknowledgeRecoveryCode(page: Page): Promise<string> {
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  // On a loaded CI machine the click can land while the dialog is still zooming in (the
  // button a few pixels wide) and miss it; a person would simply click again.
  const button = page.getByRole('button', { name: '我已妥善保存恢复码' });
  await expect(async () => {
    if (await button.isVisible()) await button.click({ timeout: 2_000 });
    await expect(page.getByTestId('recovery-code')).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return code;
}

/** Runs first-run setup with valid data and waits for the shell. */
export async function completeSetup(page: Page, profile = SAMPLE_PROFILE, lawyers = [SAMPLE_LAWYER]) {
  await expect(page.getByRole('heading', { name: '欢迎使用值班律师工作站' })).toBeVisible();
  await fillProfile(page, profile);
  for (const lawyer of lawyers) await addLawyer(page, lawyer);
  await fillAdmin(page);
  await page.getByRole('button', { name: '完成设置' }).click();
  await acknowledgeRecoveryCode(page);
  await expect(page.getByTestId('station-name')).toHaveText(profile.name);
}

export async function signIn(page: Page, username = ADMIN.username, password = ADMIN.password) {
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 20_000 });
}

/** Adds an account in 设置 → 账户 (the page must be open). */
export async function addAccount(page: Page, a: { username: string; displayName: string; role: string; password: string }) {
  await page.getByRole('button', { name: '添加账户' }).click();
  const dialog = page.getByRole('dialog', { name: '添加账户' });
  await dialog.getByLabel('用户名').fill(a.username);
  await dialog.getByLabel('姓名').fill(a.displayName);
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: a.role }).click();
  await dialog.getByLabel('初始密码').fill(a.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('accounts').getByRole('cell', { name: a.username, exact: true })).toBeVisible({ timeout: 20_000 });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export const STAFF = { username: 'kss', displayName: '看守所民警', role: '看守所工作人员', password: 'Staff#20261' };

/** From the supervisor's first screen: adds a detention-centre staff account and signs in as it. */
export async function signInAsNewStaff(page: Page) {
  await page.getByRole('menuitem', { name: '设置' }).click();
  await addAccount(page, STAFF);
  await signOut(page);
  await signIn(page, STAFF.username, STAFF.password);
}
