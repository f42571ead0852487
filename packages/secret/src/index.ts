export { Secret, SECRET_MASK } from './secret.js';
