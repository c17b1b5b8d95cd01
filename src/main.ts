/** Entry point of the full page and the embed: mounts the app into #app. */
import { mount } from 'svelte';
import worldUrl from 'world-atlas/countries-110m.json?url';
import App from './App.svelte';
import { prefetchCountries } from './lib/core/map/geo';
import './app.css';

// The world's outlines download while the story file is fetched and checked.
prefetchCountries(worldUrl);

const target = document.getElementById('app');
if (target) mount(App, { target });
