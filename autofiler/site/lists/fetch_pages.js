// Fetch several same-origin addresses with at most `limit` requests in flight; answers in the order asked.
// Redirects are not followed: a redirect means the session ended (status 0 for an opaque redirect).
async ({ urls, limit }) => {
  const out = new Array(urls.length);
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const i = next++;
      try {
        const resp = await fetch(urls[i], { credentials: "same-origin", redirect: "manual",
                                            headers: { Accept: "application/json" } });
        out[i] = { status: resp.status, text: await resp.text() };
      } catch (e) {
        out[i] = { status: -1, text: String(e) };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, urls.length) }, worker));
  return out;
}
