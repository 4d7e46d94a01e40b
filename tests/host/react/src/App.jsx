// The host's pages. Its router owns the URL; the console lives under
// /custom-models/* and follows every move of the router (src/host_navigation.rs),
// and the router takes over each move of the console (`oncm-navigate`).
import { useState } from 'react';
import { NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';

const basename = import.meta.env.BASE_URL.replace(/\/$/, '');
const user = { id: 'u1', name: 'Ana', role: 'ORGADMIN', organization_id: 'org1' };
const getToken = () => 'test-token-123';

export function App() {
  const location = useLocation();
  return (
    <>
      <header>
        <h1 id="host-title">Acme Workspace</h1>
        <nav aria-label="Host">
          <NavLink to="/" end>Dashboard</NavLink>
          <NavLink to="/reports">Reports</NavLink>
          <NavLink to="/custom-models">Custom Models</NavLink>
          <NavLink to="/transcribe">Transcribe</NavLink>
        </nav>
        <p>Host router at <output id="host-location">{location.pathname}</output></p>
      </header>
      <main>
        <Routes>
          <Route index element={<p id="host-page">Dashboard</p>} />
          <Route path="reports" element={<p id="host-page">Reports</p>} />
          <Route path="custom-models/*" element={<ConsolePage />} />
          <Route path="transcribe" element={<TranscribePage />} />
        </Routes>
      </main>
    </>
  );
}

/** The console, as properties (set directly: the element is defined before the
 * first render) and one event prop. A button takes it out and puts it back. */
function ConsolePage() {
  const navigate = useNavigate();
  const [shown, setShown] = useState(true);
  // The console moved: the router takes the same URL over without a new entry.
  const follow = (e) => navigate(e.detail.path.slice(basename.length) || '/', { replace: true });
  return (
    <>
      <button type="button" onClick={() => setShown((s) => !s)}>{shown ? 'Hide the console' : 'Show the console'}</button>
      {shown && (
        <custom-models-console apiBaseUrl="/api" basePath={basename} getToken={getToken} user={user} oncm-navigate={follow} />
      )}
    </>
  );
}

/** A transcription form: the picker beside a native required <select>, in a
 * fieldset the host may disable. */
function TranscribePage() {
  const [language, setLanguage] = useState('en-US');
  const [locked, setLocked] = useState(false);
  const [submitted, setSubmitted] = useState('');
  const submit = (e) => {
    e.preventDefault();
    setSubmitted(JSON.stringify(Object.fromEntries(new FormData(e.currentTarget))));
  };
  return (
    <form onSubmit={submit} onReset={() => setSubmitted('')}>
      <label htmlFor="lang">Language</label>
      <select id="lang" name="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
        <option value="en-US">English (US)</option>
        <option value="de-DE">German</option>
      </select>
      <fieldset disabled={locked}>
        <legend>Model</legend>
        <label htmlFor="model">Model for this transcription</label>
        <custom-model-select id="model" name="model" language={language} apiBaseUrl="/api" getToken={getToken} required />
      </fieldset>
      <label htmlFor="speakers">Speakers</label>
      <select id="speakers" name="speakers" required defaultValue="">
        <option value="">Choose…</option>
        <option value="1">One</option>
        <option value="2">Two</option>
      </select>
      <label>
        <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} /> Lock the model
      </label>
      <button type="submit">Start transcription</button>
      <button type="reset">Reset</button>
      <output id="submitted">{submitted}</output>
    </form>
  );
}
