/** Every item of a first page and the pages its next-page links lead to, up to `maxPages` pages. */
export async function readAllPages<Item>(
  first: Promise<{ items: Item[]; next?: string }>,
  pageAt: (link: string) => Promise<{ items: Item[]; next?: string }>,
  maxPages: number,
): Promise<Item[]> {
  let page = await first;
  const items = [...page.items];
  for (let pages = 1; page.next && pages < maxPages; pages += 1) {
    page = await pageAt(page.next);
    items.push(...page.items);
  }
  return items;
}
