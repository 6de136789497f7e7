/**
 * Fetches a same-origin JSON file once and reads it with `read`; every later
 * request for the same address shares that one fetch. A failed fetch (or a
 * file `read` refuses) is forgotten, so the reader can try again. Used by the
 * islands that load data only when a reader asks for it.
 */
export function createJsonLoader<T>(
  read: (data: unknown, url: string) => T,
  fetchJson: (url: string) => Promise<unknown> = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.json();
  },
): (url: string) => Promise<T> {
  const pending = new Map<string, Promise<T>>();
  return (url) => {
    let result = pending.get(url);
    if (!result) {
      result = fetchJson(url).then((data) => read(data, url));
      result.catch(() => pending.delete(url));
      pending.set(url, result);
    }
    return result;
  };
}
