export { baseLayout, SERIES_COLORS } from './baseLayout';
export type { BaseLayoutOptions } from './baseLayout';
export { barFigure, round3 } from './barFigure';
export type { BarFigureOptions, BarSeries } from './barFigure';
export { memberRatesFigure } from './memberRatesFigure';
export type { MemberRatesFigureOptions } from './memberRatesFigure';
