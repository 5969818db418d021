// The page reads and writes the same IndexedDB ledger as the SW, through the SW's own binding,
// so the database and store names and the record shape exist once.
export { ledger } from '../../sw/ledger/ledger.js';
