// The pages talk to the HTTP API only, so they work in front of the local runner and the real API Gateway alike.
export const api = {
  async call(method, path, body) {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : {'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    let data = {};
    try { data = await response.json(); } catch (notJson) { data = {}; }
    return {status: response.status, ok: response.ok, data, retryAfter: response.headers.get('Retry-After')};
  },
  get(path) { return this.call('GET', path); },
  post(path, body) { return this.call('POST', path, body === undefined ? {} : body); },
  put(path, body) { return this.call('PUT', path, body); }
};
/** Shows {@code text} in {@code element}, or hides the element when there is nothing to say. */
export function show(element, text) {
  element.textContent = text;
  element.hidden = !text;
}
