/* global pym */
// The host page's own pym.js code, unchanged from what it would use for any pym child.
window.pymParent = new pym.Parent('alliance-map-pym', '/?mode=embed', {
  title: 'Interactive map: Putin in Pyongyang',
});
