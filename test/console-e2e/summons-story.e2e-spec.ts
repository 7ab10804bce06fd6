// 吹哨报到 through the screens, in a real Chromium: a resident files a request on a phone; community staff
// open it at the desk and summon 城管执法队 with a reason; the department's unit admin signs in on a phone,
// sees the summons with its arrival countdown, checks in (报到) and reports what was done (处置反馈); the
// desk shows the department as reported. Screenshots go to .local/console-screens/ (summons-*.png).
import type { Browser, Page } from 'playwright-core';
import { LoopCluster, waitFor } from '@loop/testing';
// The end-to-end suite's cluster, reused as it is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startStoryCluster } from '../e2e/support/story-cluster';
import { personas, startConsoleFor } from './support/console-under-test';
import { desk, launchChromium, personPage, phone, screenshot, signInAs } from './support/phone-browser';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { ConsoleServer } from '../../tools/start/console-server';

describe('summoning a department to a ticket (吹哨报到), screen by screen', () => {
  let cluster: LoopCluster;
  let console: ConsoleServer;
  let browser: Browser;
  let staff: Page;
  let resident: Page;
  let department: Page;
  const departmentId = personas.find((persona) => persona.key === 'unit_admin')!.claims.unit_id!;

  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startStoryCluster('console-summons-e2e'), launchChromium()]);
    console = await startConsoleFor(cluster);
    staff = (await personPage(browser, console.url, desk)).page;
    resident = (await personPage(browser, console.url, phone)).page;
    department = (await personPage(browser, console.url, phone)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await console?.stop();
    await cluster?.stop();
  });

  it('staff summon 城管执法队, its unit admin checks in and reports on a phone, the desk shows it reported, and staff release 住建所 with a reason', async () => {
    await signInAs(resident, 'resident', /\/resident\/new$/);
    await resident.locator('[data-category="elderly.disabled.help"]').click();
    await resident.getByLabel('标题').fill('小区门口占道堆放');
    await resident.getByLabel('详细描述').fill('东门外人行道堆满建筑垃圾，老人出行只能走机动车道。');
    await resident.getByRole('button', { name: '提交诉求' }).click();
    await resident.waitForURL(/\/resident\/requests\/[0-9a-f-]{36}$/);
    const ticketId = /[0-9a-f-]{36}$/.exec(resident.url())![0];

    await signInAs(staff, 'staff', /\/desk\/queue$/);
    await staff.goto(`/desk/queue/${ticketId}`);
    // Dispatch opens the ticket's case once it hears of the request, moments after it was filed.
    await waitFor(
      async () => {
        if (await staff.getByTestId('case-status').isVisible()) return true;
        await staff.getByRole('button', { name: '刷新' }).first().click();
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, description: 'the ticket’s dispatch case at the desk' },
    );
    await staff.getByTestId('summons-refresh').click();
    await staff.getByTestId('summons-panel').waitFor();
    await staff.getByText('尚未召集部门').waitFor();
    // The select's own wrapper takes the click; departments are chosen by name from the directory's list.
    await staff.locator('.el-select', { has: staff.getByRole('combobox', { name: '召集的部门' }) }).click();
    await staff.keyboard.type('城管');
    await staff.locator(`[data-department-choice="${departmentId}"]`).click();
    await staff.keyboard.press('Escape');
    await staff.getByLabel('召集事由').fill('人行道占道堆放建筑垃圾，需城管到场清理');
    await staff.getByTestId('summon').click();
    const summoned = staff.locator(`[data-summons-status="${departmentId}"]`);
    await summoned.getByText('待报到').waitFor();
    await staff.locator(`[data-department="${departmentId}"]`).getByText('城管执法队').waitFor();
    await screenshot(staff, 'summons-desk-issued');

    await signInAs(department, 'unit_admin', /\/department\/summons$/);
    const card = department.locator('[data-summons]', { hasText: '人行道占道堆放建筑垃圾' });
    await card.waitFor();
    await card.getByRole('timer').waitFor();
    await screenshot(department, 'summons-phone-list');
    await card.getByRole('button', { name: '报到', exact: true }).click();
    await card.getByTestId('summons-status').getByText('已报到').waitFor();
    await card.locator('textarea').fill('已清理人行道建筑垃圾，恢复通行');
    await screenshot(department, 'summons-phone-report');
    await card.getByRole('button', { name: '提交反馈' }).click();
    // A reported summons is no longer open: it leaves the department's list.
    await card.waitFor({ state: 'detached' });
    await department.getByText('暂无召集任务').waitFor();

    await waitFor(
      async () => {
        if ((await summoned.innerText()).includes('已反馈')) return true;
        await staff.getByTestId('summons-refresh').click();
        return false;
      },
      { timeoutMs: 30_000, intervalMs: 1_000, description: 'the desk to show the department as reported' },
    );
    await staff.getByText('已清理人行道建筑垃圾，恢复通行').waitFor();
    await screenshot(staff, 'summons-desk-reported');

    // A department no longer needed is released, with the reason asked in a dialog.
    await staff.locator('.el-select', { has: staff.getByRole('combobox', { name: '召集的部门' }) }).click();
    await staff.keyboard.type('住建');
    const housing = staff.locator('[data-department-choice]:visible').first();
    const housingId = (await housing.getAttribute('data-department-choice'))!;
    await housing.click();
    await staff.keyboard.press('Escape');
    await staff.getByLabel('召集事由').fill('需住建所核查楼道结构安全');
    await staff.getByTestId('summon').click();
    const housingStatus = staff.locator(`[data-summons-status="${housingId}"]`);
    await housingStatus.getByText('待报到').waitFor();
    await staff.getByRole('button', { name: '解除 住建所' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel('解除原因').fill('城管已处置完毕，无需住建所到场');
    await dialog.getByRole('button', { name: '解除', exact: true }).click();
    await housingStatus.getByText('已解除').waitFor();
  });
});
