/** Entry of the web client: language, router, shell. */
import './app/vk-app.ts';
import { startRouter } from './app/router.ts';
import { restoreLanguage } from './i18n/locale.ts';

startRouter();
await restoreLanguage();
