// Props in a lesson are JSON-compatible literals, read from the estree MDX attaches to each attribute
// and never executed, so the notebook generator and the site read them the same way.
import type { Expression, Node as EstreeNode, Program } from 'estree';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';

/** A JSON-compatible value. */
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

/** Thrown for a prop that is not a literal; the parser adds file, line and component. */
export class LiteralError extends Error {}

/** Evaluates an estree expression made only of literals (strings, numbers, booleans, null, arrays, objects). */
export function literalValue(node: EstreeNode | null | undefined): Literal {
  switch (node?.type) {
    case 'Literal':
      if ('regex' in node || 'bigint' in node) break;
      return node.value as Literal;
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? '').join('');
      break;
    case 'UnaryExpression':
      if ((node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
        return node.operator === '-' ? -node.argument.value : node.argument.value;
      }
      break;
    case 'ArrayExpression':
      return node.elements.map((e) => {
        if (e === null || e.type === 'SpreadElement') throw new LiteralError('arrays must list literal values (no holes, no spread)');
        return literalValue(e);
      });
    case 'ObjectExpression': {
      const out: { [key: string]: Literal } = {};
      for (const p of node.properties) {
        if (p.type !== 'Property' || p.computed || p.method || p.shorthand || p.kind !== 'init') {
          throw new LiteralError('objects must be written as { key: literal } (no spread, computed keys, shorthand or methods)');
        }
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : '';
        out[key] = literalValue(p.value as Expression);
      }
      return out;
    }
    default:
  }
  throw new LiteralError(`props must be JSON-compatible literals, not a ${node?.type ?? 'missing'} expression`);
}

/** The props of a JSX element as plain values: `a="x"` → "x", `a={[1]}` → [1], bare `a` → true. */
export function readProps(attributes: Array<MdxJsxAttribute | MdxJsxExpressionAttribute>): Record<string, Literal> {
  const props: Record<string, Literal> = {};
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute') throw new LiteralError('spread props ({...x}) are not allowed');
    if (Object.prototype.hasOwnProperty.call(props, a.name)) throw new LiteralError(`prop "${a.name}" is given twice`);
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const program = a.value.data?.estree as Program | undefined;
      const statement = program?.body?.[0];
      if (!statement || statement.type !== 'ExpressionStatement') throw new LiteralError(`prop "${a.name}" must be a literal`);
      try {
        props[a.name] = literalValue(statement.expression);
      } catch (e) {
        throw new LiteralError(`prop "${a.name}": ${(e as Error).message}`);
      }
    }
  }
  return props;
}
