// Starts the console: i18n (zh-CN by default), the router, the root component.
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { language } from './i18n/language';
import { router } from './router';

document.documentElement.lang = language.value;
createApp(App).use(i18n).use(router).mount('#app');
