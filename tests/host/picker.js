// The picker page's form: shows what it would submit.
document.getElementById('transcribe').addEventListener('submit', (e) => {
  e.preventDefault();
  document.getElementById('submitted').textContent = JSON.stringify(Object.fromEntries(new FormData(e.target)));
});
