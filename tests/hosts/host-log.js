// What the host page hears from its maps, for the tests to read: `alliance-map:select` messages
// from iframes and events from <alliance-map> elements. A newsroom's page would do the same.
window.hostLog = { messages: [], events: [] };
window.addEventListener('message', (event) => {
  if (event.data && typeof event.data === 'object' && event.data.type === 'alliance-map:select') {
    window.hostLog.messages.push(event.data);
  }
});
document.addEventListener('alliance-map:select', (event) => {
  window.hostLog.events.push({ element: event.target.id, detail: event.detail });
});
