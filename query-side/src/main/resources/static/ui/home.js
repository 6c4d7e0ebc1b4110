// The home page needs no login: the shared header (who is logged in, if anyone) above the links to the pages.
import { startPage } from './app.js';

startPage({ open: true });
