// The Vue host: vue-router 4 owns the URL; importing the package defines both
// elements before the app mounts, so templates set their properties directly.
import 'custom-models-console';
import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import ConsolePage from './ConsolePage.vue';
import TranscribePage from './TranscribePage.vue';

const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', component: { render: () => null }, meta: { page: 'Dashboard' } },
    { path: '/reports', component: { render: () => null }, meta: { page: 'Reports' } },
    // One route for every console path, so the same element stays mounted as it moves.
    { path: '/custom-models/:rest(.*)*', component: ConsolePage },
    { path: '/transcribe', component: TranscribePage },
  ],
});

createApp(App).use(router).mount('#app');
