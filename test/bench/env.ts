// Side-effect module, imported first: the harness's environment (throwaway user folder
// and encryption key) must be in place before anything loads n8n-core, whose logger
// would otherwise print to stdout, where the report goes.
import '../harness/env';
