/** Entry point of the full page and the embed: mounts the app into #app. */
import { mount } from 'svelte';
import worldUrl from 'world-atlas/countries-110m.json?url';
import App from './App.svelte';
import { prefetchCountries } from './lib/core/map/geo';
import { parseParams } from './lib/state/route';
import { prefetchStory } from './lib/core/story/load';
import './app.css';

// The story and the world's outlines download while the app starts (a story the build checked,
// in the modes that read it as it is; App.svelte takes what arrived).
const params = parseParams(location.search);
if (params.mode === 'full' || params.mode === 'embed')
  prefetchStory(params.story, new URL(import.meta.env.BASE_URL, location.href).href);
prefetchCountries(worldUrl);

const target = document.getElementById('app');
if (target) mount(App, { target });
