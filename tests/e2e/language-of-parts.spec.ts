import { walkEveryPage } from './language-of-parts-walk';

// Every page of the app with the demo's German content, in English: each German title, name and text is marked
// German, so a screen reader switches its voice for it and back (WCAG 3.1.2).
walkEveryPage('en');
