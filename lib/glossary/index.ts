export { GLOSSARY, glossaryEntry } from './glossary';
export type { GlossaryEntry } from './glossary';
