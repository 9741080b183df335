import { walkEveryPage } from './language-of-parts-walk';

// Every page of the app in Arabic: German content is marked German and no Arabic word of the interface is marked
// German with it (WCAG 3.1.2). Named to run on the other story server than the English walk.
walkEveryPage('ar');
