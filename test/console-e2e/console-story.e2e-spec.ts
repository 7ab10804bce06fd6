// The closed loop through the console's screens, in a real Chromium on a phone viewport: a resident
// raises a request with a photo; the party member sees the offer arrive live, reads the task, accepts (the contact
// appears with a tap-to-call link), starts and completes it; the resident sees the story move live,
// confirms and rates; the member's hours grow. Everything goes through the console and the services'
// public APIs, as `npm start` serves them. Each screen is photographed into .local/console-screens/.
import type { Browser, Page } from 'playwright-core';
import { LoopCluster, waitFor } from '@loop/testing';
// The end-to-end suite's cluster and loop audit, reused as they are: the same services, the same checks.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { expectLoopAuditClean } from '../e2e/support/loop-audit';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startStoryCluster } from '../e2e/support/story-cluster';
import { startConsoleFor } from './support/console-under-test';
import { desk, launchChromium, personPage, phone, screenshot, signInAs } from './support/phone-browser';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { ConsoleServer } from '../../tools/start/console-server';

// A one-pixel PNG: the phone decodes it, re-encodes it as JPEG and uploads that.
const photo = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the console, screen by screen', () => {
  let cluster: LoopCluster;
  let console: ConsoleServer;
  let browser: Browser;
  let resident: Page;
  let member: Page;

  beforeAll(async () => {
    [cluster, browser] = await Promise.all([startStoryCluster('console-e2e'), launchChromium()]);
    console = await startConsoleFor(cluster);
    resident = (await personPage(browser, console.url, phone)).page;
    member = (await personPage(browser, console.url, phone)).page;
  });

  afterAll(async () => {
    await browser?.close();
    await console?.stop();
    await cluster?.stop();
  });

  /** The number shown for a balance such as "0.5 小时". */
  async function balanceHours(page: Page): Promise<number> {
    return Number.parseFloat((await page.getByTestId('hours-balance').innerText()).trim());
  }

  it('takes a request from the resident’s phone to the member’s and back, live, until it is rated and credited', async () => {
    await member.goto('/sign-in');
    await member.locator('[data-persona]').first().waitFor();
    await screenshot(member, '01-sign-in');
    await signInAs(member, 'member', /\/member\/offers$/);
    await member.getByText('暂无待接任务').waitFor();

    await signInAs(resident, 'resident', /\/resident\/new$/);
    await resident.locator('[data-category="elderly.disabled.help"]').click();
    await resident.getByLabel('标题').fill('楼道灯坏了');
    await resident.getByLabel('详细描述').fill('三楼楼道灯不亮，老人晚上出行不便。');
    await resident.getByLabel('联系人').fill('王阿姨');
    await resident.getByLabel('联系电话').fill('13800000000');
    await resident
      .locator('.van-uploader input[type="file"]')
      .setInputFiles({ name: 'stairwell.png', mimeType: 'image/png', buffer: photo });
    await resident.locator('.van-uploader__preview').waitFor();
    await waitFor(async () => (await resident.locator('.van-uploader__mask').count()) === 0, {
      description: 'the photo to be uploaded',
    });
    await screenshot(resident, '02-resident-raise-request');
    await resident.getByRole('button', { name: '提交诉求' }).click();
    await resident.waitForURL(/\/resident\/requests\/[0-9a-f-]{36}$/);
    const ticketNumber = /[A-Z]+-[\d-]+/.exec(await resident.locator('.story__head .meta').innerText())![0];
    await resident.getByText('办理经过').waitFor();
    await resident.locator('img[data-photo]').waitFor();
    await screenshot(resident, '03-resident-story-submitted');

    // Auto-dispatch offers it to the member who looks after the household; the offer list updates live.
    const offer = member.locator(`[data-ticket="${ticketNumber}"]`);
    await offer.waitFor({ timeout: 60_000 });
    await member.getByRole('timer').first().waitFor();
    await screenshot(member, '04-member-offers');
    await offer.click();
    await member.getByText('三楼楼道灯不亮').waitFor();
    await member.getByText('接单后显示联系方式').waitFor();
    // The member offered the work sees the resident's photo.
    await member.locator('img[data-photo]').waitFor();
    await screenshot(member, '05-member-task-offered');
    await member.getByRole('button', { name: '接单', exact: true }).click();
    await member.getByTestId('assignment-status').getByText('已接单').waitFor();
    const call = member.getByTestId('call-contact');
    expect(await call.getAttribute('href')).toBe('tel:13800000000');
    await screenshot(member, '06-member-task-accepted');
    await member.getByRole('button', { name: '开始办理' }).click();
    await member.getByTestId('assignment-status').getByText('办理中').waitFor();
    await member.getByRole('button', { name: '办结', exact: true }).click();
    await member.getByLabel('办理说明').fill('已更换楼道灯泡');
    await screenshot(member, '07-member-task-complete');
    await member.locator('form button[type="submit"]').click();
    await member.getByTestId('assignment-status').getByText('已办结').waitFor();

    // The resident's story moves on by itself (no reload): the work is done, waiting for the resident.
    await resident.getByTestId('ticket-status').getByText('待确认').waitFor({ timeout: 30_000 });
    await screenshot(resident, '08-resident-story-resolved');

    await member.getByRole('tab', { name: '服务时长' }).click();
    await member.getByTestId('hours-balance').waitFor();
    const hoursBefore = await balanceHours(member);

    await resident.getByRole('button', { name: '确认办结' }).click();
    await resident.getByTestId('ticket-status').getByText('已办结').waitFor({ timeout: 30_000 });
    await resident.getByText('您的评价：5 星').waitFor();
    await screenshot(resident, '09-resident-story-closed');

    // The credit reaches the hours screen live once volunteer-hours has booked it.
    await waitFor(async () => (await balanceHours(member)) > hoursBefore, {
      timeoutMs: 30_000,
      description: 'the member’s hours to grow on screen',
    });
    expect(await balanceHours(member)).toBeCloseTo(hoursBefore + 0.5, 1);
    await screenshot(member, '10-member-hours');

    await member.getByRole('tab', { name: '志愿活动' }).click();
    await member.getByText('到达活动现场后，输入组织者出示的签到码签到、签退').waitFor();
    await screenshot(member, '11-member-activities');
    await member.getByRole('tab', { name: '消息' }).click();
    await member.locator('.van-cell').first().waitFor();
    await screenshot(member, '12-member-inbox');

    await resident.getByRole('tab', { name: '我的诉求' }).click();
    await resident.locator(`[data-ticket="${ticketNumber}"]`).getByText('已办结').waitFor();
    await screenshot(resident, '13-resident-my-requests');
    await resident.getByRole('tab', { name: '消息' }).click();
    await resident.locator('.van-cell').first().waitFor();
    await screenshot(resident, '14-resident-inbox');

    await expectLoopAuditClean(cluster);
  });

  it('opens the desk for community staff with the queue of the community', async () => {
    const { page } = await personPage(browser, console.url, desk);
    await signInAs(page, 'staff', /\/desk\/queue$/);
    await page.locator('.el-table').waitFor();
    await page.getByText('派单队列').first().waitFor();
    await screenshot(page, '15-desk-queue');
  });

  it('switches to English and words a refusal from the services in the chosen language', async () => {
    await resident.getByRole('tab', { name: '我要报事' }).click();
    await resident.getByRole('button', { name: 'English' }).click();
    await resident.getByRole('button', { name: 'Submit' }).waitFor();
    await resident.locator('[data-category="other"]').click();
    await resident.getByLabel('Title').fill('x'.repeat(100));
    await resident.getByLabel('Description').fill('A description.');
    await resident.getByLabel('Phone').fill('not a phone number');
    await resident.getByRole('button', { name: 'Submit' }).click();
    const toast = resident.locator('.van-toast');
    await toast.waitFor();
    // The services answer in English now; the field that failed is named beside its message.
    expect(await toast.innerText()).toContain('contact.phone');
    await screenshot(resident, '16-resident-problem-en', { withToast: true });
  });
});
