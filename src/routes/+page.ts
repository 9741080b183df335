export { csr } from './[municipality]/+layout';
