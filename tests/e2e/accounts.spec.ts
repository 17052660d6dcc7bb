import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/users/ensure-demo-accounts';
import {
  accountBar, expect, fieldErrors, formMessage, openUserRow, roleBadge, signIn, submitSignIn, test,
} from './support/browser';
import {
  clearRateLimits, createAccount, e2eDb, lastLogId, logRows, signInFailures, snapshot, stateOf, userRow, userRowByEmail,
} from './support/e2e-db';

const DEMO_OWNER = DEMO_ACCOUNTS.find((account) => account.role === 'owner')!;
const RATE_LIMITED = /^Too many attempts; try again in \d+ minutes?\.$/;
const ACCOUNT_READY = 'Your account is ready if this email was not registered before. Sign in with it below.';

// Every test reaches the server from 127.0.0.1, and the sign-in limiter blocks an address for every
// account after 10 failures in 10 minutes. The rate-limit test makes exactly those 10 failures and
// other tests make a few, so without a clean slate each test (and the spec files after this one)
// could be refused sign-in for reasons of their neighbours' making.
test.beforeEach(() => clearRateLimits(e2eDb()));
test.afterEach(() => clearRateLimits(e2eDb()));

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.test`;

/** Fills and sends the sign-up form on the page already open. */
async function submitSignUp(page: Page, fields: { email: string; displayName: string; password: string }) {
  await page.getByLabel('Email', { exact: true }).fill(fields.email);
  await page.getByLabel('Display name', { exact: true }).fill(fields.displayName);
  await page.getByLabel('Password', { exact: true }).fill(fields.password);
  await page.getByRole('button', { name: 'Create account', exact: true }).click();
}

/** Sends a sign-in the server will refuse, and waits until the form has its answer (the form resets when it has). */
async function failSignIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
}

const signInForm = (page: Page) => page.locator('form.account-form');

test.describe('signing up, in and out', () => {
  test('a new reader signs up, signs in, sees their name and role, and signs out', async ({ page }) => {
    const db = e2eDb();
    const email = uniqueEmail('signup');
    const displayName = 'Ana Newcomer';
    const password = 'a few unrelated words';
    const logBefore = lastLogId(db);

    await page.goto('/signup');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
    // Typed with capitals: the account is stored under the lowercased address.
    await submitSignUp(page, { email: email.toUpperCase(), displayName, password });
    await expect(page).toHaveURL(/\/signin\?created=1&callbackUrl=%2F$/);
    await expect(page.locator('.notice')).toHaveText(ACCOUNT_READY);

    const row = userRowByEmail(db, email);
    expect(row).toMatchObject({ display_name: displayName, role: 'reader', banned_at: null, ban_reason: null, session_version: 1 });
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.password_hash).not.toContain(password);
    expect(logRows(db, logBefore), 'signing up is not moderation: nothing logged').toEqual([]);

    await submitSignIn(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    await expect(accountBar(page)).toContainText(`Signed in as ${displayName}`);
    await expect(accountBar(page).locator('.account-name')).toHaveText(displayName);
    await expect(roleBadge(page)).toHaveText('reader');
    await expect(accountBar(page).getByRole('link', { name: 'Users' })).toHaveCount(0);

    await accountBar(page).getByRole('button', { name: 'Sign out' }).click();
    await expect(accountBar(page).getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(accountBar(page)).not.toContainText('Signed in as');
    await page.reload();
    await expect(accountBar(page).getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(accountBar(page)).not.toContainText('Signed in as');
  });

  test('sign-up says what is wrong next to each field and keeps what was typed', async ({ page }) => {
    const db = e2eDb();
    const email = uniqueEmail('invalid');
    const before = snapshot(db);
    await page.goto('/signup');
    const emailField = page.getByLabel('Email', { exact: true });
    const nameField = page.getByLabel('Display name', { exact: true });
    const passwordField = page.getByLabel('Password', { exact: true });

    await submitSignUp(page, { email, displayName: 'Kept Name', password: 'short' });
    await expect.poll(() => fieldErrors(passwordField)).toEqual(['Use at least 10 characters.']);
    await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
    await expect(emailField).toHaveValue(email);
    await expect(nameField).toHaveValue('Kept Name');
    await expect(passwordField, 'a password is never sent back').toHaveValue('');
    expect(await fieldErrors(nameField)).toEqual([]);
    await expect(nameField).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/signup$/);

    await submitSignUp(page, { email, displayName: '', password: 'long enough password' });
    await expect.poll(() => fieldErrors(nameField)).toEqual(['Enter a display name.']);
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    await expect(emailField).toHaveValue(email);
    expect(await fieldErrors(passwordField)).toEqual([]);

    await submitSignUp(page, { email: 'not an email', displayName: 'Kept Name', password: 'long enough password' });
    await expect.poll(() => fieldErrors(emailField)).toEqual(['Enter a valid email address.']);
    await expect(emailField).toHaveValue('not an email');
    await expect(nameField).toHaveValue('Kept Name');

    expect(snapshot(db), 'a refused sign-up writes nothing').toEqual(before);

    await submitSignUp(page, { email, displayName: 'Kept Name', password: 'long enough password' });
    await expect(page).toHaveURL(/\/signin\?created=1/);
    expect(userRowByEmail(db, email)).toMatchObject({ display_name: 'Kept Name', role: 'reader' });
  });

  test('signing up with a registered email looks exactly like a new sign-up and changes nothing', async ({ page }) => {
    const db = e2eDb();
    const existing = await createAccount('reader', { displayName: 'Original Name' });
    const before = userRow(db, existing.id);
    const logBefore = lastLogId(db);

    await page.goto('/signup');
    await submitSignUp(page, { email: uniqueEmail('fresh'), displayName: 'Someone New', password: 'long enough password' });
    await expect(page.locator('.notice')).toHaveText(ACCOUNT_READY);
    const newOutcome = { url: page.url(), main: await page.locator('main').innerText() };

    await page.goto('/signup');
    await submitSignUp(page, { email: existing.email, displayName: 'Impostor Name', password: 'the impostor password' });
    await expect(page.locator('.notice')).toHaveText(ACCOUNT_READY);
    expect({ url: page.url(), main: await page.locator('main').innerText() }).toEqual(newOutcome);

    // The same address typed differently is the same account.
    await page.goto('/signup');
    await submitSignUp(page, { email: `  ${existing.email.toUpperCase()}  `, displayName: 'Impostor Name', password: 'the impostor password' });
    await expect(page.locator('.notice')).toHaveText(ACCOUNT_READY);
    expect({ url: page.url(), main: await page.locator('main').innerText() }).toEqual(newOutcome);

    expect(userRow(db, existing.id), 'name, password hash and everything else unchanged').toEqual(before);
    expect(userRowByEmail(db, existing.email)?.display_name).toBe('Original Name');
    expect(logRows(db, logBefore)).toEqual([]);

    // The original password still works.
    await signIn(page, existing.email, existing.password);
    await expect(accountBar(page).locator('.account-name')).toHaveText('Original Name');
  });

  test('a wrong password and an unknown email get the same answer, and the email stays in the field', async ({ page }) => {
    const db = e2eDb();
    const account = await createAccount('reader');
    const unknown = uniqueEmail('nobody');
    await page.goto('/signin');
    const emailField = page.getByLabel('Email', { exact: true });

    await failSignIn(page, account.email, 'not the right password');
    await expect(formMessage(signInForm(page))).toHaveText('Wrong email or password.');
    await expect(emailField).toHaveValue(account.email);
    await expect(accountBar(page)).not.toContainText('Signed in as');

    await failSignIn(page, unknown, 'whatever it may be');
    await expect(formMessage(signInForm(page))).toHaveText('Wrong email or password.');
    await expect(emailField).toHaveValue(unknown);
    await expect(accountBar(page)).not.toContainText('Signed in as');
    await expect(page).toHaveURL(/\/signin$/);

    expect(signInFailures(db).map(({ email, client_address }) => ({ email, client_address }))).toEqual([
      { email: account.email, client_address: '127.0.0.1' },
      { email: unknown, client_address: '127.0.0.1' },
    ]);
  });

  test('display names are shown as text, isolated in <bdi>', async ({ page }) => {
    const db = e2eDb();
    const email = uniqueEmail('markup');
    const displayName = '<b>Bold</b> & "quotes"';
    await page.goto('/signup');
    await submitSignUp(page, { email, displayName, password: 'long enough password' });
    await expect(page.locator('.notice')).toHaveText(ACCOUNT_READY);
    expect(userRowByEmail(db, email)?.display_name).toBe(displayName);

    await submitSignIn(page, email, 'long enough password');
    const name = accountBar(page).locator('.account-name');
    await expect(name).toHaveText(displayName);
    expect(await name.evaluate((element) => element.tagName)).toBe('BDI');
    await expect(accountBar(page).locator('b')).toHaveCount(0);
    expect(await page.locator('body b').count()).toBe(0);
  });
});

test('ten wrong passwords lock the account and the address, and a forged X-Forwarded-For does not get around it', async ({ page }) => {
  test.setTimeout(120_000);
  const db = e2eDb();
  const account = await createAccount('reader');
  const bystander = await createAccount('reader');
  try {
    await page.goto('/signin');
    for (let attempt = 1; attempt <= 10; attempt++) {
      await failSignIn(page, account.email, `wrong password number ${attempt}`);
      await expect(formMessage(signInForm(page))).toHaveText('Wrong email or password.');
      expect(signInFailures(db)).toHaveLength(attempt);
    }

    // The 11th attempt is refused before the password is looked at, even the right one.
    await failSignIn(page, account.email, account.password);
    await expect(formMessage(signInForm(page))).toHaveText(RATE_LIMITED);
    await expect(accountBar(page)).not.toContainText('Signed in as');
    await expect(page.getByLabel('Email', { exact: true })).toHaveValue(account.email);

    // Another account from the same address is refused too: the address has used up its failures,
    // and a client-chosen X-Forwarded-For does not make it another address (TRUST_PROXY is not set).
    await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.9' });
    await page.goto('/signin');
    const signInRequest = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/signin');
    await failSignIn(page, bystander.email, bystander.password);
    expect(await (await signInRequest).headerValue('x-forwarded-for'), 'the forged header was sent').toBe('203.0.113.9');
    await expect(formMessage(signInForm(page))).toHaveText(RATE_LIMITED);
    await expect(accountBar(page)).not.toContainText('Signed in as');

    const failures = signInFailures(db);
    expect(failures, 'refused attempts are not counted again').toHaveLength(10);
    expect(new Set(failures.map((failure) => `${failure.email} ${failure.client_address}`))).toEqual(
      new Set([`${account.email} 127.0.0.1`]),
    );
  } finally {
    clearRateLimits(db);
  }
});

test.describe('the owner’s user list', () => {
  // Chromium reports /admin/users answered with 403 as a failed resource load; nothing else may fail.
  test.use({
    allowedConsoleErrors: [/^Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^/]+\/admin\/users(\?[^)]*)?\)$/],
  });

  test('an owner promotes a reader, and the reader’s open page shows the new role on reload', async ({ page, openPage }) => {
    const db = e2eDb();
    const owner = await createAccount('owner');
    const reader = await createAccount('reader');

    const readerPage = await openPage();
    await signIn(readerPage, reader.email, reader.password);
    await expect(roleBadge(readerPage)).toHaveText('reader');

    await signIn(page, owner.email, owner.password);
    await expect(roleBadge(page)).toHaveText('owner');
    const logBefore = lastLogId(db);
    const row = await openUserRow(page, reader.email);
    await expect(row.locator('.role-badge')).toHaveText('reader');
    const roleForm = row.locator('form').filter({ has: page.getByRole('button', { name: 'Change role' }) });
    await row.getByLabel(`Role for ${reader.email}`).selectOption('moderator');
    await roleForm.getByRole('button', { name: 'Change role' }).click();
    await expect(formMessage(roleForm)).toHaveText('Role changed to moderator.');
    await expect(row.locator('.role-badge')).toHaveText('moderator');

    await readerPage.reload();
    await expect(roleBadge(readerPage)).toHaveText('moderator');

    expect(userRow(db, reader.id)?.role).toBe('moderator');
    const log = logRows(db, logBefore);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'role_changed',
      actor_id: owner.id,
      actor_name: owner.email,
      actor_role: 'owner',
      target_type: 'user',
      target_id: reader.id,
    });
    expect(stateOf(log[0]!.previous_state)).toEqual({ role: 'reader' });
    expect(stateOf(log[0]!.new_state)).toEqual({ role: 'moderator' });
  });

  test('a banned owner’s next action on an already-open page is refused, and the page is then closed to them', async ({ page, openPage }) => {
    const db = e2eDb();
    const ownerA = await createAccount('owner');
    const ownerB = await createAccount('owner');
    const reader = await createAccount('reader');
    const reason = `Handed out roles for money ${randomUUID().slice(0, 4)}`;

    const pageB = await openPage();
    await signIn(pageB, ownerB.email, ownerB.password);
    const readerRowForB = await openUserRow(pageB, reader.email);

    await signIn(page, ownerA.email, ownerA.password);
    const rowB = await openUserRow(page, ownerB.email);
    await rowB.getByLabel(`Ban reason for ${ownerB.email}`).fill(reason);
    await rowB.getByRole('button', { name: 'Ban', exact: true }).click();
    await expect(rowB.locator('.form-message', { hasText: 'Banned.' })).toBeVisible();
    await expect(rowB.getByRole('button', { name: 'Unban' })).toBeVisible();
    await expect(rowB).toContainText(`Banned: ${reason}`);

    const banned = userRow(db, ownerB.id);
    expect(banned).toMatchObject({ role: 'owner', ban_reason: reason });
    expect(banned?.banned_at).not.toBeNull();
    const banLog = logRows(db).at(-1)!;
    expect(banLog).toMatchObject({
      action: 'user_banned', actor_name: ownerA.email, target_id: ownerB.id, public_note: reason,
    });

    // B still has the list open from before the ban, and tries to promote the reader.
    const before = snapshot(db);
    const roleForm = readerRowForB.locator('form').filter({ has: pageB.getByRole('button', { name: 'Change role' }) });
    await readerRowForB.getByLabel(`Role for ${reader.email}`).selectOption('moderator');
    await roleForm.getByRole('button', { name: 'Change role' }).click();
    await expect(formMessage(roleForm)).toHaveText(`Your account is banned: ${reason}`);
    expect(userRow(db, reader.id)?.role).toBe('reader');
    expect(snapshot(db), 'no user changed, nothing logged').toEqual(before);

    const response = await pageB.reload();
    expect(response?.status()).toBe(403);
    await expect(pageB.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
    await expect(pageB.locator('.ban-notice')).toContainText('Your account is banned:');
    await expect(pageB.locator('.ban-notice q')).toHaveText(reason);
    await expect(accountBar(pageB).locator('.banned-badge')).toHaveText('banned');
    await expect(accountBar(pageB).getByRole('link', { name: 'Users' })).toHaveCount(0);
  });

  test('“Sign out everywhere” signs the user out on their next page', async ({ page, openPage }) => {
    const db = e2eDb();
    const owner = await createAccount('owner');
    const user = await createAccount('reader');

    const userPage = await openPage();
    await signIn(userPage, user.email, user.password);
    await expect(roleBadge(userPage)).toHaveText('reader');

    await signIn(page, owner.email, owner.password);
    const logBefore = lastLogId(db);
    const row = await openUserRow(page, user.email);
    const revokeForm = row.locator('form').filter({ has: page.getByRole('button', { name: 'Sign out everywhere' }) });
    await revokeForm.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(formMessage(revokeForm)).toHaveText('Signed out everywhere.');

    await userPage.goto('/');
    await expect(accountBar(userPage).getByRole('link', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(accountBar(userPage)).not.toContainText('Signed in as');

    // Only that user's sessions ended.
    await page.reload();
    await expect(accountBar(page)).toContainText('Signed in as');

    expect(userRow(db, user.id)?.session_version).toBe(2);
    const log = logRows(db, logBefore);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ action: 'sessions_revoked', actor_name: owner.email, target_type: 'user', target_id: user.id });
    expect(stateOf(log[0]!.previous_state)).toEqual({ sessionVersion: 1 });
    expect(stateOf(log[0]!.new_state)).toEqual({ sessionVersion: 2 });
  });

  test('readers and moderators get “Not allowed” (403) at /admin/users', async ({ openPage }) => {
    for (const role of ['reader', 'moderator'] as const) {
      const account = await createAccount(role);
      const page = await openPage();
      await signIn(page, account.email, account.password);
      await expect(roleBadge(page)).toHaveText(role);
      await expect(accountBar(page).getByRole('link', { name: 'Users' })).toHaveCount(0);
      const response = await page.goto('/admin/users');
      expect(response?.status(), role).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
      await expect(page.locator('.user-table')).toHaveCount(0);
    }
  });

  test('anonymous visitors are sent to sign in and come back to /admin/users', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers$/);
    await expect(page.locator('.user-table')).toHaveCount(0);
    await submitSignIn(page, DEMO_OWNER.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    await expect(accountBar(page).getByRole('link', { name: 'Users' })).toBeVisible();
    const ownRow = await openUserRow(page, DEMO_OWNER.email);
    await expect(ownRow.locator('.badge')).toHaveText('you');
  });
});
