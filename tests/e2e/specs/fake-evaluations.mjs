// The fake backend's tests of trained models and versions (docs/api.md,
// "Evaluations" and "Versions"). Tests set `state.evaluations[modelId]` and
// `state.utterances[testId]`, and move a test along with `state.finishTest`.

/** Answers the request when it is about tests or versions; else returns null. */
export function evaluationRoutes(state, record, path, json, fulfill) {
  state.evaluations ??= {};
  state.utterances ??= {};
  const tests = path.match(/^\/custom-models\/([^/]+)\/evaluations$/);
  if (tests && record.method === 'GET') {
    const all = state.evaluations[decodeURIComponent(tests[1])] ?? [];
    return json(200, { items: all, total: all.length, page: 1, page_size: Number(record.params.page_size ?? 25) });
  }
  if (tests && record.method === 'POST') {
    const modelId = decodeURIComponent(tests[1]);
    const { name, dataset_ids: datasetIds } = JSON.parse(record.body ?? '{}');
    const test = {
      id: `ev${Object.values(state.evaluations).flat().length + 1}`, model_id: modelId, name, dataset_ids: datasetIds,
      status: 'queued', created_at: new Date().toISOString(), finished_at: null, failure_code: null, summary: null,
    };
    (state.evaluations[modelId] ??= []).unshift(test);
    return json(201, test, { Location: `/evaluations/${test.id}` });
  }
  const one = path.match(/^\/evaluations\/([^/]+)$/);
  const find = (id) => Object.values(state.evaluations).flat().find((e) => e.id === id);
  if (one && record.method === 'GET') {
    const test = find(decodeURIComponent(one[1]));
    return test ? json(200, test) : json(404, { error: 'not_found', message: 'No test with that id exists.' });
  }
  if (one && record.method === 'DELETE') {
    const id = decodeURIComponent(one[1]);
    for (const [model, list] of Object.entries(state.evaluations)) state.evaluations[model] = list.filter((e) => e.id !== id);
    return fulfill({ status: 204 });
  }
  const utterances = path.match(/^\/evaluations\/([^/]+)\/utterances$/);
  if (utterances && record.method === 'GET') {
    const all = state.utterances[decodeURIComponent(utterances[1])] ?? [];
    const page = Number(record.params.page ?? 1);
    const size = Number(record.params.page_size ?? 25);
    return json(200, { items: all.slice((page - 1) * size, page * size), total: all.length, page, page_size: size });
  }
  if (record.method === 'GET' && path === '/custom-models' && record.params.from_model_id) {
    const hits = state.models.filter((m) => m.from_model_id === record.params.from_model_id);
    return json(200, { items: hits, total: hits.length, page: 1, page_size: 100 });
  }
  if (record.method === 'POST' && path === '/custom-models' && JSON.parse(record.body ?? '{}').from_model_id) {
    const { name, from_model_id: from } = JSON.parse(record.body);
    const old = state.models.find((m) => m.id === from);
    if (!old) return json(404, { error: 'not_found', message: 'No model with that id exists.' });
    const model = { ...old, id: `m${state.models.length + 1}`, name, status: 2, from_model_id: from, last_modified: new Date().toISOString(), failure_code: null };
    state.models.unshift(model);
    state.datasets[model.id] = (state.datasets[from] ?? []).map((d, i) => ({ ...d, id: `${d.id}-v${i}`, model_id: model.id }));
    return json(201, model, { Location: `/custom-models/${model.id}` });
  }
  return null;
}
