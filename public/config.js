// The console's configuration (see README, "Configuration"), kept in a file of its
// own so the page has no inline script. A deployment replaces this file, or a host
// page sets window.customModelsConfig before it runs. Without apiBaseUrl the console
// runs on its built-in demo data.
window.customModelsConfig = window.customModelsConfig || {
  // apiBaseUrl: "https://api.example.com/v1",
  // token: "…",
  // basePath: "/workspace",
};
