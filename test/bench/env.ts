// Side-effect module, imported before the harness loads n8n-core: a throwaway encryption
// key for the harness's throwaway user folder, so n8n-core does not log that it made one
// (its logger writes to stdout, where the report goes).
import { randomBytes } from 'node:crypto';

process.env.N8N_ENCRYPTION_KEY ??= randomBytes(24).toString('base64');
