import { afterAll } from 'vitest';
import { removeTempDirs } from './org.js';

// Every test file leaves the temp folders it made behind it no more (CI machines and laptops alike).
afterAll(removeTempDirs);
