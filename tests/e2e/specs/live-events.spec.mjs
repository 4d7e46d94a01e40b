// Live updates (docs/api.md, "Live updates"): while the stream of GET /events is
// open the list is refetched when an event says a model changed, and not polled;
// when the stream is refused or drops, polling takes over until it returns.
import { test, expect, modelRows, advance, settled } from './fixtures.mjs';
import { fakeBackend, httpConfig } from './fake-backend.mjs';
import { json } from './fake-routes.mjs';

const lists = (backend) => backend.requestsTo('GET', '/custom-models').length;
const listening = (backend) => expect.poll(() => backend.streams.size).toBe(1);

/** The list over HTTP with the clock installed, once the console listens to the stream. */
async function openListening(page) {
  const backend = await fakeBackend(page, { events: true });
  await page.clock.install();
  await page.goto('/custom-models');
  await expect(modelRows(page)).toHaveCount(25);
  await listening(backend);
  return backend;
}

test.describe('over HTTP', () => {
  test.use({ consoleConfig: httpConfig });

  test('an event refreshes the list, and no poll runs while the stream is open', async ({ page }) => {
    const backend = await openListening(page);
    const [ticket] = backend.requestsTo('POST', '/events/tickets');
    expect(ticket.authorization).toBe('Bearer test-token-123');
    const [stream] = backend.requestsTo('GET', '/events');
    expect(stream.params.ticket).toMatch(/^[\w-]{20,}$/);
    expect(stream.authorization, 'the token never travels in the URL nor to the stream').toBeUndefined();

    // Models are training (Backend model 003 is Running): without the stream this page would poll every few seconds.
    const before = lists(backend);
    await advance(page, 20_000);
    expect(lists(backend), 'no poll while the stream is open').toBe(before);

    backend.models.find((m) => m.id === 'm1').name = 'Renamed by a colleague';
    backend.emit('model', { id: 'm1', model_id: 'm1', status: 1 });
    await advance(page, 1_000);
    await expect(modelRows(page).filter({ hasText: 'Renamed by a colleague' })).toHaveCount(1);
    expect(lists(backend), 'one refetch for the event').toBe(before + 1);
  });

  test('a refetch an event asked for that fails is tried again, though no event repeats it', async ({ page }) => {
    const backend = await openListening(page);
    backend.models.find((m) => m.id === 'm1').name = 'Renamed while the server was busy';
    backend.failNext('GET', '/custom-models', json(503, { error: 'unavailable', message: 'Busy.' }));
    backend.emit('model', { id: 'm1', model_id: 'm1', status: 1 });
    await advance(page, 1_000);
    await expect.poll(() => backend.failures.length, 'the refetch the event asked for was refused').toBe(0);
    await advance(page, 10_000);
    await expect(modelRows(page).filter({ hasText: 'Renamed while the server was busy' })).toHaveCount(1);
    // Once it landed, the stream tells changes again: no polling.
    const landed = lists(backend);
    await advance(page, 20_000);
    expect(lists(backend)).toBe(landed);
  });

  test('when /events answers 503 the list is polled, and the stream takes over when it returns', async ({ page }) => {
    const backend = await fakeBackend(page, { events: true });
    // Refused three times: the console tries again after 1, 2 and 4 s.
    for (let i = 0; i < 3; i += 1) backend.failNext('GET', '/events', json(503, { error: 'unavailable', message: 'Back in a minute.' }));
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    const before = lists(backend);
    await advance(page, 4_000);
    expect(lists(backend), 'polled while the stream is refused').toBeGreaterThan(before);
    await advance(page, 6_000);
    // It tried again with a new ticket, and now listens: polling stops.
    await listening(backend);
    expect(backend.requestsTo('POST', '/events/tickets').length).toBeGreaterThanOrEqual(2);
    await advance(page, 1_000);
    const listening_ = lists(backend);
    await advance(page, 20_000);
    expect(lists(backend)).toBe(listening_);
  });

  test('when the stream drops the list is polled until it reconnects, then refetched once', async ({ page }) => {
    const backend = await openListening(page);
    // The connection breaks and the backend refuses tickets for a while.
    for (let i = 0; i < 3; i += 1) backend.failNext('POST', '/events/tickets', json(503, { error: 'unavailable', message: 'Back in a minute.' }));
    backend.dropStreams();
    await settled(page);
    const before = lists(backend);
    await advance(page, 6_000);
    expect(lists(backend), 'polled after the drop').toBeGreaterThan(before);
    backend.models.find((m) => m.id === 'm2').name = 'Changed while disconnected';
    await advance(page, 10_000);
    await listening(backend);
    await advance(page, 1_000);
    await expect(modelRows(page).filter({ hasText: 'Changed while disconnected' })).toHaveCount(1);
  });

  test('a backend without live updates (404) is polled as before', async ({ page }) => {
    const backend = await fakeBackend(page);
    await page.clock.install();
    await page.goto('/custom-models');
    await expect(modelRows(page)).toHaveCount(25);
    const before = lists(backend);
    await advance(page, 6_000);
    expect(lists(backend)).toBeGreaterThan(before);
    expect(backend.requestsTo('POST', '/events/tickets')).toHaveLength(1);
    expect(backend.requestsTo('GET', '/events')).toHaveLength(0);
  });
});

test.describe('in the demo', () => {
  test.use({ consoleConfig: { mock: { latencyMs: 30, trainingMs: 4000 } } });

  test('the demo tells the same events: trainings end on the list while it is not polled', async ({ page }) => {
    await page.goto('/custom-models');
    const running = modelRows(page).filter({ has: page.locator('.cm-badge', { hasText: /^Running/ }) });
    await expect(running.first()).toBeVisible();
    // While the stream is open nothing polls: the demo's tick tells the trainings' ends.
    await expect(running).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByText(/training status is now (Success|Failed)/).first()).toBeAttached();
  });
});
