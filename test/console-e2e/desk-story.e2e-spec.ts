// The desk's story through the screens, in a real Chromium: community staff sign in from the persona
// picker and switch auto-dispatch off; a resident files a request on a phone and it appears on the
// staff's board live; staff open it, read the ranked members and dispatch it by hand to one of them;
// the member accepts on the phone; the county leader's dashboard shows the figures move, and the
// monthly joint-meeting report opens and downloads. Staff also register a resident to a household and
// import a roster with a rejected row. Screenshots go to .local/console-screens/ (desk-*.png).
import type { Browser, Page } from 'playwright-core';
import { LoopCluster, waitFor } from '@loop/testing';
// The end-to-end suite's cluster, reused as it is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startStoryCluster } from '../e2e/support/story-cluster';
import { personas, startConsoleFor } from './support/console-under-test';
import { desk, launchChromium, personPage, phone, screenshot, signInAs } from './support/phone-browser';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { ConsoleServer } from '../../tools/start/console-server';

describe('the desk, screen by screen', () => {
  let cluster: LoopCluster;
  let console: ConsoleServer;
  let browser: Browser;
  let staff: Page;
  let leader: Page;
  let resident: Page;
  let member: Page;
  const memberId = personas.find((persona) => persona.key === 'member')!.claims.sub;

  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startStoryCluster('console-desk-e2e'), launchChromium()]);
    console = await startConsoleFor(cluster);
    staff = (await personPage(browser, console.url, desk)).page;
    leader = (await personPage(browser, console.url, desk)).page;
    resident = (await personPage(browser, console.url, phone)).page;
    member = (await personPage(browser, console.url, phone)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await console?.stop();
    await cluster?.stop();
  });

  /** Photographs a desk screen once Element Plus's messages have faded and nothing is loading. */
  async function deskScreenshot(page: Page, name: string): Promise<void> {
    await page.locator('.el-button.is-loading').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page
      .locator('.el-message')
      .first()
      .waitFor({ state: 'detached', timeout: 6_000 })
      .catch(() => undefined);
    await screenshot(page, name);
  }

  /** The number on a dashboard tile. */
  async function figure(page: Page, name: string): Promise<number> {
    return Number((await page.locator(`[data-figure="${name}"] strong`).innerText()).trim());
  }

  /** Reads the page again until `done` holds (for what no notification tells this person). */
  async function untilShown(page: Page, done: () => Promise<boolean>, description: string): Promise<void> {
    await waitFor(
      async () => {
        if (await done()) return true;
        await page
          .getByRole('button', { name: /刷新|查询/ })
          .first()
          .click();
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, description },
    );
  }

  it('takes a request from the board to a member by hand, and the leader sees the figures move', async () => {
    await signInAs(staff, 'staff', /\/desk\/queue$/);
    await staff.getByRole('menuitem', { name: '社区设置' }).click();
    // Element Plus keeps the switch's input hidden and takes the click on its track.
    const autoDispatch = staff.getByRole('switch', { name: '自动派单' });
    await staff.getByTestId('auto-dispatch').waitFor();
    if ((await autoDispatch.getAttribute('aria-checked')) === 'true')
      await staff.getByTestId('auto-dispatch').click();
    await staff.getByText('已关闭自动派单').waitFor();
    await waitFor(async () => (await autoDispatch.getAttribute('aria-checked')) === 'false', {
      timeoutMs: 10_000,
      description: 'auto-dispatch to be off',
    });
    await screenshot(staff, 'desk-settings');
    await staff.getByRole('menuitem', { name: '派单队列' }).click();
    await staff.locator('.el-table').waitFor();

    await signInAs(leader, 'leader', /\/desk\/dashboard$/);
    await leader.locator('[data-figure="accepted"]').waitFor();
    const acceptedBefore = await figure(leader, 'accepted');
    const receivedBefore = await figure(leader, 'submitted');

    await signInAs(resident, 'resident', /\/resident\/new$/);
    await resident.locator('[data-category="elderly.disabled.help"]').click();
    await resident.getByLabel('标题').fill('楼下路灯不亮');
    await resident.getByLabel('详细描述').fill('小区东门路灯连续三晚不亮，老人夜里出行不便。');
    await resident.getByRole('button', { name: '提交诉求' }).click();
    await resident.waitForURL(/\/resident\/requests\/[0-9a-f-]{36}$/);
    const ticketNumber = /[A-Z]+-[\d-]+/.exec(await resident.locator('.story__head .meta').innerText())![0];

    // The board hears of the new request on the live stream: no reload.
    const row = staff.locator(`[data-ticket="${ticketNumber}"]`);
    await row.waitFor({ timeout: 30_000 });
    await deskScreenshot(staff, 'desk-board');
    await row.click();
    await staff.getByTestId('case-status').getByText('待派单').waitFor();
    const dispatch = staff.locator(`[data-dispatch="${memberId}"]`);
    await dispatch.waitFor();
    await staff.getByText('小区东门路灯连续三晚不亮').waitFor();
    await deskScreenshot(staff, 'desk-ticket-candidates');
    await dispatch.click();
    await staff.getByTestId('case-status').getByText('待接单').waitFor();

    await signInAs(member, 'member', /\/member\/offers$/);
    await member.locator(`[data-ticket="${ticketNumber}"]`).click();
    await member.getByRole('button', { name: '接单', exact: true }).click();
    await member.getByTestId('assignment-status').getByText('已接单').waitFor();

    await untilShown(
      staff,
      async () => (await staff.getByTestId('case-status').innerText()).includes('已接单'),
      'the ticket to show as accepted at the desk',
    );
    await deskScreenshot(staff, 'desk-ticket-accepted');

    await untilShown(
      leader,
      async () =>
        (await figure(leader, 'accepted')) === acceptedBefore + 1 &&
        (await figure(leader, 'submitted')) === receivedBefore + 1,
      'the leader’s dashboard to count the request and its acceptance',
    );
    await leader.locator('canvas').first().waitFor();
    await deskScreenshot(leader, 'desk-dashboard');

    await leader.getByRole('menuitem', { name: '联席会月报' }).click();
    // The report is composed from three services: give it time, and say why when it fails.
    await leader
      .locator('[data-testid="monthly-report"], .el-alert--error')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await leader.locator('.el-alert--error').allInnerTexts()).toEqual([]);
    await leader.getByText('全区合计').waitFor();
    await deskScreenshot(leader, 'desk-monthly-report');
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('button', { name: '下载月报（HTML）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^联席会月报-\d{4}-\d{2}\.html$/);

    await leader.getByRole('button', { name: 'English' }).click();
    await leader.getByText('Monthly joint-meeting report').waitFor();
    await leader.getByRole('menuitem', { name: 'Dashboard' }).waitFor();
  });

  it('registers a resident to a household and imports a roster, showing the rejected row', async () => {
    await staff.getByRole('menuitem', { name: '人员名录' }).click();
    await staff.getByRole('tab', { name: '住户' }).click();
    const household = staff.locator('[data-household]').first();
    await household.waitFor();
    const householdCode = (await household.getAttribute('data-household'))!;
    await household.click();
    // A refusal is worded from the service's problem document, in Chinese.
    await staff.getByLabel('居民账号').fill('不是 账号');
    await staff.getByRole('button', { name: '登记居民' }).click();
    const refusal = staff.locator('.el-message--error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await refusal.innerText()).not.toContain('服务返回错误');
    await staff.getByLabel('居民账号').fill('resident-desk-e2e');
    await staff.getByRole('button', { name: '登记居民' }).click();
    await staff.getByTestId('household-residents').getByText('resident-desk-e2e').waitFor();
    await deskScreenshot(staff, 'desk-directory-register');
    await staff.keyboard.press('Escape');

    await staff.getByRole('tab', { name: '批量导入' }).click();
    // The select's own wrapper takes the click (its label sits over the input).
    await staff.locator('.el-select', { has: staff.getByRole('combobox', { name: '导入类型' }) }).click();
    await staff.getByRole('option', { name: '居民登记' }).click();
    await staff
      .getByLabel('CSV 内容（首行为字段名，列表用 ; 分隔）')
      .fill(
        `householdCode,residentId\n${householdCode},resident-desk-e2e-2\nno-such-household,resident-desk-e2e-3\n`,
      );
    await staff.getByRole('button', { name: '导入', exact: true }).click();
    await staff.getByText('共 2 行：新增 1').waitFor();
    await staff.getByText('no-such-household,resident-desk-e2e-3').waitFor();
    await deskScreenshot(staff, 'desk-directory-import');
  });

  it('publishes a volunteer activity whose attendance code the member types on site to check in', async () => {
    // Beijing wall-clock time, as the organiser types it: started ten minutes ago, two hours long.
    const wallClock = (offsetMinutes: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offsetMinutes * 60_000).toISOString().slice(0, 16);
    await staff.getByRole('menuitem', { name: '志愿活动' }).click();
    await staff.getByLabel('活动名称').fill('冬季敬老院陪伴');
    await staff.getByLabel('地点').fill('水岸公寓敬老活动室');
    await staff.locator('input[aria-label="开始时间"]').fill(wallClock(-10));
    await staff.locator('input[aria-label="结束时间"]').fill(wallClock(110));
    await staff.getByRole('button', { name: '发布', exact: true }).click();
    const code = (await staff.getByTestId('attendance-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await deskScreenshot(staff, 'desk-activities');

    await member.getByRole('tab', { name: '志愿活动' }).click();
    const card = member.locator('.activity', { hasText: '冬季敬老院陪伴' });
    await card.getByRole('button', { name: '报名', exact: true }).click();
    await member.getByText('报名成功').waitFor();
    await card.getByLabel('签到码').fill(code);
    await card.getByRole('button', { name: '签到', exact: true }).click();
    await member.getByText('签到成功').waitFor();
    await screenshot(member, 'member-activity-checked-in');

    // The organiser's list shows the member checked in.
    await staff.getByRole('button', { name: '组织签到' }).first().click();
    await staff.getByText('已签到').waitFor();
  });
});
