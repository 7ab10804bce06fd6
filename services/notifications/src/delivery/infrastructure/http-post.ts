/** POSTs a JSON body and throws, with the status and a short excerpt of the answer, unless it is 2xx. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      `POST ${url} failed: ${cause ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }
  const excerpt = (await response.text().catch(() => '')).slice(0, 200);
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`POST ${url} answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`);
  }
}
