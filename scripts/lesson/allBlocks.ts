import type { Block, CellBlock, FoldBlock, Lesson, ProseBlock } from './Lesson';

/** Every block of a lesson in source order, the blocks inside exercises and folds included. */
export function allBlocks(lesson: Lesson): Array<Block | FoldBlock> {
  const out: Array<Block | FoldBlock> = [];
  const visit = (block: Block | FoldBlock | ProseBlock | CellBlock) => {
    out.push(block);
    if (block.kind === 'exercise' || block.kind === 'fold') for (const child of block.blocks) visit(child);
  };
  for (const block of lesson.blocks) visit(block);
  return out;
}
