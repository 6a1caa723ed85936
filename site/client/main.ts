// Entry of the page script (deferred, small): theme toggle, search, figure and cell islands.
// plotly.js, the library and the cell worker load only when needed.
import { initCells } from './cells';
import { initExercises } from './exercises';
import { initFigures } from './figures';
import { initSearch } from './search';
import { initTheme } from './theme';

initTheme();
initSearch();
initFigures();
initCells();
initExercises();
if (matchMedia('(max-width: 60rem)').matches) {
  document.querySelector<HTMLDetailsElement>('.tl-lessons-box')?.removeAttribute('open');
}
