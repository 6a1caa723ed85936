// Entry of the page script (deferred, small): theme toggle, search, figure and cell islands, copy buttons,
// the phone's "On this page" menu and the reset of what this page stored. plotly.js, the library, the
// editor and the workers load only when needed.
import { initCells } from './cells';
import { initExercises } from './exercises';
import { initFigures } from './figures';
import { initPage } from './page';
import { initSearch } from './search';
import { initTheme } from './theme';

initTheme();
if (initPage()) {
  initSearch();
  initFigures();
  initCells();
  initExercises();
  if (matchMedia('(max-width: 60rem)').matches) {
    document.querySelector<HTMLDetailsElement>('.tl-lessons-box')?.removeAttribute('open');
  }
}
