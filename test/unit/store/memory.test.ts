import { MemoryStore } from '../../../lib/store/memory';
import { storeContract } from './contract';

storeContract('MemoryStore', () => new MemoryStore());
