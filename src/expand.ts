/** How a category-level choice spreads to vendors: shared by every rule in decision.ts. */
import type { ResolvedCategory, ResolvedConfig } from './types';
import type { Allowed } from './decision';

/** Category and vendor states from category states; vendors follow their category unless overridden. */
export function expand(config: ResolvedConfig, cats: (c: ResolvedCategory) => boolean, vendors: Record<string, boolean> = {}): Allowed {
  const a: Allowed = { categories: {}, vendors: {} };
  for (const c of config.categories) a.categories[c.id] = c.required || cats(c);
  for (const v of config.vendors) {
    const own = vendors[v.id];
    const cat = config.categories.find((c) => c.id == v.category)!;
    // typeof, not `=== undefined`: `vendors["constructor"]` is Object's own constructor.
    a.vendors[v.id] = cat.required || (typeof own == 'boolean' ? own : a.categories[v.category]);
  }
  return a;
}
