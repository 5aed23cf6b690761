// The harness reaches n8n-core only through this module, so ./env (a private user
// folder) is always in place before n8n-core and its config load.
import './env';

import path from 'node:path';

import { ErrorReporter } from 'n8n-core';

export {
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';

// n8n-core ships its own copy of @n8n/di, so its service container is only reachable
// through n8n-core's own module resolution, not the top-level @n8n/di.
const { Container } = require(
	require.resolve('@n8n/di', { paths: [path.dirname(require.resolve('n8n-core'))] }),
) as typeof import('@n8n/di');

// n8n hands every node failure to its ErrorReporter, which (without Sentry) writes the
// error and its whole cause chain, HTTP client errors included, to the log. In tests
// the run result already carries each error, and test output must not carry anything
// taken from a failed authenticated request, so the reporter is silenced.
(Container.get(ErrorReporter) as unknown as { report: () => void }).report = () => {};
