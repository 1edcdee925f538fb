// Fixture: shared/ reaching into the renderer must fail lint (poc/folder-boundaries).
export { PocDatabase } from '../../../renderer/db/database';
