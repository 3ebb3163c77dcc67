/**
 * Creates the Kring lists on a SharePoint site if they are missing. Loads the SharePoint adapter on
 * first use, so script-tag pages (`Kring.provisionSharePointLists(...)`) do not carry it otherwise.
 */
export async function provisionSharePointLists(
  ...args: Parameters<typeof import('./backends/sharepoint/index.js').provisionSharePointLists>
): ReturnType<typeof import('./backends/sharepoint/index.js').provisionSharePointLists> {
  const { provisionSharePointLists: provision } = await import('./backends/sharepoint/index.js');
  return provision(...args);
}
