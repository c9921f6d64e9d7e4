import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V: () => (/* reexport */ run),
  a: () => (/* reexport */ post_step_run)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/text/shape.ts
// Checks of values from outside (a webhook payload, a server's JSON, the runner's files) against
// the type they should have. Each gives the value when it fits and undefined when it does not, so
// that what does not fit is unknown, never guessed at. Pure.
/** 40 hex digits, as git and GitHub name a commit. */
const COMMIT_SHA = /^[0-9a-f]{40}$/;
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
function shape_text(value) {
    return typeof value === 'string' ? value : undefined;
}
/** A safe integer of at least `min`: never NaN, a fraction, a float beyond 2^53 or a BigInt. */
function wholeNumber(value, min = 0) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? value : undefined;
}
function commitSha(value) {
    return typeof value === 'string' && COMMIT_SHA.test(value) ? value : undefined;
}
function oneOf(value, choices) {
    return choices.includes(value) ? value : undefined;
}
function list(value) {
    return Array.isArray(value) ? value : undefined;
}
/** A string, number or boolean, as text. */
function scalarText(value) {
    return ['string', 'number', 'boolean'].includes(typeof value) ? String(value) : undefined;
}
/** A date GitHub writes (ISO 8601), as it was written. */
function isoDate(value) {
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

;// CONCATENATED MODULE: ./src/text/url.ts
// URLs the action is given (api_base_url, GITHUB_API_URL): which hosts may be spoken to in plain
// http, and how a message may quote a URL.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
function isLoopbackHost(hostname) {
    return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
/** A URL as a message may show it: never its user-info (`user:password@`). */
function withoutUserInfo(url) {
    return url.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1');
}

;// CONCATENATED MODULE: ./src/marker/github-context.ts
// The GitHub context a step runs in — the runner's GITHUB_* environment and the webhook event that
// started the run (read by runner/event-file.ts) — and which revision it deploys; the links built
// on it. Pure.


/** Events whose payload has the pull request; GITHUB_HEAD_REF is set only for the first two. */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
/**
 * The commit and branch the event deploys. GITHUB_SHA and GITHUB_REF do not say it for every
 * event: on pull-request events GITHUB_SHA is a test merge commit; on `workflow_run` (deploy after
 * CI) they are the default branch's tip, not what CI built; on `merge_group` the ref is a one-off
 * `gh-readonly-queue/...` branch, while the change lands on the queue's base branch; on a comment
 * on a pull request (ChatOps), GITHUB_SHA is the default branch's tip and the pull request, not a
 * commit, is what the event names.
 */
function deployedRevision({ env, event }) {
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (PULL_REQUEST_EVENTS.has(name) && event.pullRequest) {
        const { headSha, headRef, number, title } = event.pullRequest;
        return { commitSha: headSha, branch: headRef ?? (env.GITHUB_HEAD_REF || undefined), pullRequestNumber: number, pullRequestTitle: title };
    }
    if (name === 'workflow_run' && event.workflowRun) {
        const { headSha, headBranch, pullRequestNumber, headCommitMessage } = event.workflowRun;
        return { commitSha: headSha, branch: headBranch, pullRequestNumber, commitMessage: headCommitMessage };
    }
    if (name === 'merge_group' && event.mergeGroup) {
        return { commitSha: event.mergeGroup.headSha, branch: event.mergeGroup.baseRef?.replace(/^refs\/heads\//, '') };
    }
    if (name === 'issue_comment' && event.issue?.isPullRequest) {
        return { pullRequestNumber: event.issue.number, pullRequestTitle: event.issue.title };
    }
    return {
        commitSha: env.GITHUB_SHA && COMMIT_SHA.test(env.GITHUB_SHA) ? env.GITHUB_SHA : undefined,
        branch: env.GITHUB_REF_TYPE === 'branch' ? env.GITHUB_REF_NAME : undefined,
        tag: env.GITHUB_REF_TYPE === 'tag' ? env.GITHUB_REF_NAME : undefined,
        commitMessage: event.headCommitMessage,
    };
}
function deployed(context, named = {}) {
    const event = deployedRevision(context);
    const own = context.env.GITHUB_REPOSITORY;
    const repository = named.repository ?? own;
    const sameRepository = named.repository === undefined || named.repository.toLowerCase() === own?.toLowerCase();
    const isEventCommit = sameRepository && (named.commitSha === undefined || named.commitSha === event.commitSha);
    const commitSha = named.commitSha ?? (sameRepository ? event.commitSha : undefined);
    if (isEventCommit)
        return { ...event, repository, isEventCommit };
    return { commitSha, repository, isEventCommit, pullRequestHint: sameRepository ? event.pullRequestNumber : undefined };
}
const SERVER = String.raw `https?:\/\/[A-Za-z0-9.-]+(?::\d+)?`;
const OWNER_AND_NAME = String.raw `[\w.-]+\/[\w.-]+`;
/** A repository's page as GitHub gives it (server, owner/name), for patterns of links below it. */
const REPOSITORY_PAGE = `${SERVER}\\/${OWNER_AND_NAME}`;
/** A repository's owner/name, as GITHUB_REPOSITORY and the repository input give it. */
const REPOSITORY_NAME = new RegExp(`^${OWNER_AND_NAME}$`);
/**
 * The repository's page, only from a GITHUB_SERVER_URL and GITHUB_REPOSITORY of the shape GitHub
 * gives them (no user-info, no path): links built on it go into labels and the job summary as they are.
 */
function repositoryUrl(env, repository = env.GITHUB_REPOSITORY) {
    const server = (env.GITHUB_SERVER_URL ?? '').replace(/\/$/, '');
    if (!new RegExp(`^${SERVER}$`).test(server) || !REPOSITORY_NAME.test(repository ?? ''))
        return undefined;
    return `${server}/${repository}`;
}
/** The run's page, only from values of the shape GitHub gives them. */
function workflowRunUrl(env) {
    const repository = repositoryUrl(env);
    if (!repository || !/^\d+$/.test(env.GITHUB_RUN_ID ?? ''))
        return undefined;
    return `${repository}/actions/runs/${env.GITHUB_RUN_ID}`;
}
/**
 * GitHub's REST API (GITHUB_API_URL; it differs on GitHub Enterprise Server), or why the lookups
 * cannot use it: the job token goes to that host, so it must be https (plain http only on a
 * loopback host) and carry no user-info, query or fragment.
 */
function gitHubApiUrl(env) {
    const raw = env.GITHUB_API_URL || 'https://api.github.com';
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return { problem: 'GITHUB_API_URL is not a URL' };
    }
    if (url.username || url.password || url.search || url.hash)
        return { problem: 'GITHUB_API_URL has user-info, a query or a fragment' };
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
        return { problem: `GITHUB_API_URL is not https (${url.protocol}//${url.host}); the job token is not sent in clear` };
    }
    return { url: url.href.replace(/\/+$/, '') };
}

;// CONCATENATED MODULE: ./src/text/lines.ts
// Text from outside made one line: what labels, log lines and the job summary carry. Pure.
/** Control characters and line breaks: never part of a label value, a log line or the job summary. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
/** Each control character (line breaks too) becomes a space. */
function withoutControlCharacters(text) {
    return text.replace(CONTROL_CHARACTERS, ' ');
}
/** The first line, trimmed, cut to maxLength characters if given; undefined if empty. */
function firstLine(text, maxLength) {
    const line = text?.split(/\r?\n/)[0]?.trim();
    if (!line)
        return undefined;
    return maxLength === undefined ? line : [...line].slice(0, maxLength).join('');
}

;// CONCATENATED MODULE: ./src/text/quote.ts
// How a message quotes values from outside: JSON-escaped, short, and lists of them capped. Pure.
/** How many names a message lists before it only counts the rest. */
const MAX_LISTED = 20;
/** How much of a value from outside a message quotes. */
const MAX_QUOTED = 40;
/** A value from outside, as a message quotes it: JSON-quoted (control characters visible), cut to MAX_QUOTED characters. */
function quote(value) {
    const characters = [...value];
    return characters.length > MAX_QUOTED ? `${JSON.stringify(characters.slice(0, MAX_QUOTED).join(''))}…` : JSON.stringify(value);
}
/** Names in a message: each quoted, at most MAX_LISTED of them, then how many more there were. */
function quoteList(names, max = MAX_LISTED) {
    const shown = names.slice(0, max).map(quote).join(', ');
    return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

;// CONCATENATED MODULE: ./src/marker/attributes.ts
// GitHub context + user input → the attribute set of a change event, in the schema the Buildkite
// and Jenkins plugins use (see README "Attributes"). Pure: the environment and the event payload
// come in as arguments.



const MAX_ATTRIBUTES = 64;
const MAX_VALUE_LENGTH = 255;
const MAX_COMMIT_MESSAGE_LENGTH = 200;
/**
 * Prometheus sets no limit on a label name, but every name travels in the step's hand-off
 * (GITHUB_ENV, GITHUB_STATE), which the runner passes to later steps as environment variables.
 */
const MAX_LABEL_NAME_LENGTH = 128;
/**
 * The most an event's attributes may take as JSON (in UTF-16 units, as Windows counts a variable):
 * the start's attributes are handed on in one variable, which Windows caps at 32,767 characters
 * (Linux at 128 KiB), so they stay far below that.
 */
const MAX_ATTRIBUTES_JSON_LENGTH = 12_000;
/** Keys with their own inputs: a user attribute never replaces them. */
const RESERVED_KEYS = [
    'deployment_id',
    'result',
    'duration_ms',
    'service_name',
    'deployment_environment',
    'service',
    'env',
];
/** The CI context: Buildkite-named attributes first, then the `github_`-prefixed ones and the matrix. */
function githubAttributes(env, event, options) {
    const revision = deployed({ env, event }, options.named);
    const runAttempt = Number(env.GITHUB_RUN_ATTEMPT);
    const repositoryName = env.GITHUB_REPOSITORY?.split('/')[1];
    const runUrl = workflowRunUrl(env);
    const jobId = options.jobCheckRunId;
    const attributes = {
        pipeline_slug: pipelineSlug(repositoryName, env.GITHUB_WORKFLOW_REF),
        pipeline_name: env.GITHUB_WORKFLOW,
        build_id: env.GITHUB_RUN_ID,
        build_number: env.GITHUB_RUN_NUMBER,
        build_url: runUrl && /^\d+$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? `${runUrl}/attempts/${env.GITHUB_RUN_ATTEMPT}` : runUrl,
        commit_sha: revision.commitSha,
        branch: revision.branch,
        tag: revision.tag,
        commit_message: firstLine(revision.commitMessage, MAX_COMMIT_MESSAGE_LENGTH),
        actor: env.GITHUB_TRIGGERING_ACTOR || env.GITHUB_ACTOR,
        step_key: env.GITHUB_JOB,
        step_label: env.GITHUB_ACTION && !env.GITHUB_ACTION.startsWith('__') ? env.GITHUB_ACTION : undefined,
        job_id: jobId,
        source: env.GITHUB_EVENT_NAME,
        retry_count: Number.isInteger(runAttempt) && runAttempt >= 1 ? String(runAttempt - 1) : undefined,
        triggered_from_build_id: env.GITHUB_EVENT_NAME === 'workflow_run' ? event.workflowRun?.id : undefined,
        rebuilt_from_build_id: runAttempt > 1 ? env.GITHUB_RUN_ID : undefined,
        github_repository: env.GITHUB_REPOSITORY,
        github_workflow_ref: env.GITHUB_WORKFLOW_REF,
        github_ref: env.GITHUB_REF,
        github_run_attempt: env.GITHUB_RUN_ATTEMPT,
        github_pr_number: revision.pullRequestNumber,
        github_job_url: runUrl && jobId && /^\d+$/.test(jobId) ? `${runUrl}/job/${jobId}` : undefined,
        runner_os: env.RUNNER_OS,
        runner_environment: env.RUNNER_ENVIRONMENT,
    };
    for (const [key, value] of Object.entries(options.matrix)) {
        const label = sanitizeLabelName(`matrix_${key}`);
        if (label && label.length <= MAX_LABEL_NAME_LENGTH && ['string', 'number', 'boolean'].includes(typeof value))
            attributes[label] = String(value);
    }
    return withoutEmpty(attributes);
}
/**
 * The environment variables and workflow_dispatch inputs the user listed, as `env_<name>` and
 * `build_param_<name>` (the Jenkins plugin's "Additional Environment Variables" and "Additional
 * Build Parameters"). Only listed names are read; unset or empty ones are left out.
 */
function capturedAttributes(env, inputs, envNames, inputNames) {
    const captured = {};
    for (const name of envNames)
        captured[`env_${name.toLowerCase()}`] = env[name];
    for (const name of inputNames)
        captured[`build_param_${name.toLowerCase()}`] = Object.hasOwn(inputs, name) ? inputs[name] : undefined;
    return withoutEmpty(captured);
}
/** The attributes that identify the window; a stop carries them too, plus result and duration_ms. */
function correlationAttributes(values) {
    return withoutEmpty({
        service_name: values.service,
        deployment_environment: values.env,
        service: values.service,
        env: values.env,
        deployment_id: values.deploymentId,
        version: values.version,
    });
}
/**
 * A valid Prometheus label name for a user-given key: characters outside [a-zA-Z0-9_] become `_`,
 * a leading digit gets a `_` prefix. Undefined for keys Prometheus reserves (`__` prefix) or empty
 * ones. Its length is not bounded here: see MAX_LABEL_NAME_LENGTH.
 */
function sanitizeLabelName(key) {
    let label = key.trim().replace(/[^a-zA-Z0-9_]/gu, '_');
    if (/^[0-9]/.test(label))
        label = `_${label}`;
    if (label === '' || label.startsWith('__'))
        return undefined;
    return label;
}
/**
 * Layers the three sources (CI context < user < correlation), makes every key a label name and
 * every value a bounded single-line string, and keeps the event within MAX_ATTRIBUTES.
 */
function composeAttributes({ github, user, correlation }, limit = MAX_ATTRIBUTES) {
    const warnings = [];
    const userLabels = {};
    const refused = [];
    const tooLong = [];
    const reserved = [];
    for (const [key, value] of Object.entries(user)) {
        const label = sanitizeLabelName(key);
        if (label === undefined)
            refused.push(key);
        else if (label.length > MAX_LABEL_NAME_LENGTH)
            tooLong.push(key);
        else if (RESERVED_KEYS.includes(label))
            reserved.push(key);
        else if (value !== '')
            userLabels[label] = value;
    }
    if (refused.length > 0)
        warnings.push(`custom attribute keys ${quoteList(refused)} were dropped: keys starting with "__" are reserved by Prometheus`);
    if (tooLong.length > 0)
        warnings.push(`custom attribute keys ${quoteList(tooLong)} were dropped: a label name is at most ${MAX_LABEL_NAME_LENGTH} characters`);
    if (reserved.length > 0)
        warnings.push(`custom attribute keys ${quoteList(reserved)} were dropped: they are set from the service and env inputs and the window itself`);
    // Correlation attributes are never dropped; then the CI context (matrix keys last); user keys
    // fill whatever room is left.
    const correlationKeys = new Set(Object.keys(correlation));
    const shadowed = Object.keys(userLabels).filter((key) => correlationKeys.has(key));
    if (shadowed.length > 0)
        warnings.push(`custom attribute keys ${quoteList(shadowed)} were dropped: the version input (or the tag) sets them`);
    const githubKeys = Object.keys(github).filter((key) => !correlationKeys.has(key));
    const keptGithub = new Set(githubKeys.slice(0, Math.max(0, limit - correlationKeys.size)));
    const userKeys = Object.keys(userLabels).filter((key) => !correlationKeys.has(key) && !keptGithub.has(key));
    const keptUser = new Set(userKeys.slice(0, Math.max(0, limit - correlationKeys.size - keptGithub.size)));
    const dropped = [...githubKeys, ...userKeys].filter((key) => !keptGithub.has(key) && !keptUser.has(key));
    if (dropped.length > 0)
        warnings.push(`an event carries at most ${MAX_ATTRIBUTES} attributes; dropped ${quoteList(dropped)}`);
    const merged = {};
    for (const key of keptGithub)
        merged[key] = userLabels[key] ?? github[key];
    for (const key of keptUser)
        merged[key] = userLabels[key];
    Object.assign(merged, correlation);
    const cut = [];
    const attributes = {};
    for (const [key, value] of Object.entries(merged)) {
        const bounded = boundValue(value);
        if (bounded.length < value.length)
            cut.push(key);
        attributes[key] = bounded;
    }
    if (cut.length > 0)
        warnings.push(`attribute values longer than ${MAX_VALUE_LENGTH} characters were cut: ${quoteList(cut)}`);
    // Past the size budget, user keys go first (the newest last), then the CI context's; the
    // correlation attributes alone are far within it.
    const overBudget = [];
    for (const key of [...keptGithub, ...keptUser].reverse()) {
        if (JSON.stringify(attributes).length <= MAX_ATTRIBUTES_JSON_LENGTH)
            break;
        delete attributes[key];
        overBudget.unshift(key);
    }
    if (overBudget.length > 0) {
        warnings.push(`an event's attributes take at most ${MAX_ATTRIBUTES_JSON_LENGTH} characters as JSON; dropped ${quoteList(overBudget)}`);
    }
    return { attributes, warnings };
}
/** Control characters and newlines become spaces; at most MAX_VALUE_LENGTH characters (not UTF-16 units). */
function boundValue(value) {
    const singleLine = withoutControlCharacters(value);
    const characters = [...singleLine];
    return characters.length > MAX_VALUE_LENGTH ? characters.slice(0, MAX_VALUE_LENGTH).join('') : singleLine;
}
function pipelineSlug(repositoryName, workflowRef) {
    // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/deploy.yml@refs/heads/main
    const file = workflowRef?.split('@')[0]?.split('/').pop();
    if (!repositoryName || !file)
        return undefined;
    return `${repositoryName}/${file.replace(/\.ya?ml$/, '')}`;
}
/** Only the attributes whose value is known: an unknown value is left out, never sent empty. */
function withoutEmpty(attributes) {
    return Object.fromEntries(Object.entries(attributes).filter((entry) => entry[1] !== undefined && entry[1] !== ''));
}

;// CONCATENATED MODULE: ./src/text/redact.ts
// Keeps secrets out of what the action shows and sends: blanks them out of text about to reach a
// log, a summary or an output, and keeps them out of attributes, which become labels on Last9.
/** Shorter values are not blanked: a one-character "secret" would blank that character everywhere. */
const MIN_SECRET_LENGTH = 4;
/**
 * Every form in which a secret may come back: as it is, escaped inside a JSON string (`/` may be
 * escaped too), base64 (standard or URL-safe, padding dropped) and percent-encoded.
 */
function redact_forms(secret) {
    const base64 = Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '');
    const all = [
        secret,
        JSON.stringify(secret).slice(1, -1),
        JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
        base64,
        base64.replaceAll('+', '-').replaceAll('/', '_'),
        encodeURIComponent(secret),
    ];
    return [...new Set(all)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}
function redact(text, secrets) {
    const blanked = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap(redact_forms);
    let result = text;
    // Longest first, so that a secret containing another is blanked whole.
    for (const form of blanked.sort((a, b) => b.length - a.length))
        result = result.split(form).join('***');
    return result;
}
/** Environment variables whose values are secrets: the runner's tokens and the token inputs of this or any action. */
const SECRET_VARIABLES = [/^GITHUB_TOKEN$/i, /^ACTIONS_.*TOKEN/i, /^INPUT_.*TOKEN/i];
function secretsInEnvironment(env) {
    return Object.entries(env)
        .filter(([name, value]) => value && SECRET_VARIABLES.some((pattern) => pattern.test(name)))
        .map(([, value]) => value);
}
/** The attributes without those whose value holds a secret, and the keys that were dropped. */
function withoutSecretValues(attributes, secrets) {
    const known = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
    const dropped = Object.keys(attributes).filter((key) => known.some((secret) => attributes[key].includes(secret)));
    if (dropped.length === 0)
        return { attributes, dropped };
    return { attributes: Object.fromEntries(Object.entries(attributes).filter(([key]) => !dropped.includes(key))), dropped };
}

;// CONCATENATED MODULE: ./src/marker/events.ts
// The action's settings + the GitHub context → the change events of a window. Pure.



/** The attributes only a stop carries; the start leaves room for them. */
const STOP_ONLY_KEYS = ['result', 'duration_ms'];
/** `shipped`: what shipped with the deploy (shipped.ts), part of the GitHub context. */
function startAttributes(settings, deploymentId, context, shipped = {}) {
    const github = settings.includeGithubAttributes
        ? { ...githubAttributes(context.env, context.event, { jobCheckRunId: settings.jobCheckRunId, matrix: settings.matrix, named: settings }), ...shipped }
        : {};
    const correlation = correlationAttributes({ service: settings.service, env: settings.env, deploymentId, version: settings.version });
    const captured = capturedAttributes(context.env, context.event.inputs, settings.captureEnv, settings.captureInputs);
    const user = { ...captured, ...settings.customAttributes };
    const composed = composeAttributes({ github, user, correlation }, MAX_ATTRIBUTES - STOP_ONLY_KEYS.length);
    // A label is readable by anyone who can query the organization's metrics: never a token.
    const { attributes, dropped } = withoutSecretValues(composed.attributes, [settings.refreshToken, ...secretsInEnvironment(context.env)]);
    if (dropped.length > 0)
        composed.warnings.push(`attributes ${quoteList(dropped)} were dropped: their values hold a secret (a token)`);
    return { attributes, warnings: composed.warnings };
}
/** The start's attributes plus the outcome, so the stop pairs with its start on every label. */
function stopAttributes(start, result, durationMs) {
    return {
        ...start,
        ...(result ? { result } : {}),
        ...(durationMs === undefined ? {} : { duration_ms: String(Math.max(0, Math.round(durationMs))) }),
    };
}
function changeEvent(settings, state, at, attributes) {
    return {
        timestamp: at.toISOString(),
        event_name: settings.eventName,
        event_state: state,
        ...(settings.dataSourceName ? { data_source_name: settings.dataSourceName } : {}),
        attributes,
    };
}

;// CONCATENATED MODULE: ./src/marker/github-facts.ts
// What the lookups of what shipped learn from GitHub, as marker/shipped.ts decides from it and
// github/answers.ts reads it out of GitHub's answers: each fact known, or unknown with the reason.
/** GitHub's DeploymentStatusState, in the GraphQL API's upper case. */
const DEPLOYMENT_STATES = ['ERROR', 'FAILURE', 'INACTIVE', 'IN_PROGRESS', 'PENDING', 'QUEUED', 'SUCCESS', 'WAITING'];
const NOT_DOCUMENTED = "GitHub's answer is not of the shape GitHub documents";

;// CONCATENATED MODULE: ./src/marker/shipped.ts
// What shipped with a deploy: the pull request, the previous deployed commit, the commits in
// between and how long the oldest of them waited (DORA's lead time for changes), decided from what
// the payload says and what GitHub answered (github-lookups.ts asks). Each fact is either known
// for the deployed commit or left out: a range's figures always describe the range its link
// shows. Pure.




function shippedPlan(context, named = {}) {
    const { env, event } = context;
    const revision = deployed(context, named);
    const [owner, repo, ...rest] = (revision.repository ?? '').split('/');
    const isPush = env.GITHUB_EVENT_NAME === 'push' && revision.isEventCommit;
    const aboutPullRequest = PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') || env.GITHUB_EVENT_NAME === 'issue_comment';
    const number = revision.pullRequestNumber;
    const eventPullRequest = aboutPullRequest && number ? { number, title: firstLine(revision.pullRequestTitle), url: pullRequestUrl(context, revision.repository, number) } : undefined;
    return {
        sha: revision.commitSha,
        owner: owner && repo && rest.length === 0 ? owner : undefined,
        repo: owner && repo && rest.length === 0 ? repo : undefined,
        eventPullRequest,
        namedPullRequest: eventPullRequest ? undefined : (number ?? revision.pullRequestHint),
        pushBefore: isPush ? event.pushBefore : undefined,
        pushedCommits: isPush ? event.pushedCommits : undefined,
        namedCommit: !revision.isEventCommit,
        runId: /^\d+$/.test(env.GITHUB_RUN_ID ?? '') ? env.GITHUB_RUN_ID : undefined,
    };
}
/**
 * The newest successful deployment (they come newest first) other than this run's own: of another
 * commit, or of the same one (a redeploy, which then ships nothing new).
 */
function previousDeployment(list, runId) {
    const ownLog = runId === undefined ? undefined : `/actions/runs/${runId}/`;
    for (const deployment of list.nodes) {
        // One that cannot be read may be the previous one: then which one is unknown.
        if (!deployment)
            return { unreadable: true };
        if (deployment.state === 'SUCCESS' && !(ownLog && deployment.logUrl?.includes(ownLog)))
            return { sha: deployment.commitSha };
    }
    return {};
}
/** The pull request a commit came from: the one the event names, else the one that merged it, else any merged one. */
function choosePullRequest(pulls, sha, named) {
    return (pulls.find((pull) => named !== undefined && String(pull.number) === named) ??
        pulls.find((pull) => pull.merged && pull.mergeCommitSha === sha) ??
        pulls.find((pull) => pull.merged));
}
/** How many commits went out and how long the oldest waited, in whole seconds, until the deploy started. */
function rangeFigures(total, committedAt, deployStartedMs) {
    let oldestMs = Infinity;
    for (const date of committedAt ?? [])
        oldestMs = Math.min(oldestMs, Date.parse(date));
    if (!Number.isFinite(oldestMs))
        return { commitCount: total };
    return { commitCount: total, leadTimeS: Math.max(0, Math.floor((deployStartedMs - oldestMs) / 1000)) };
}
/**
 * The push payload's own figures for before...sha: its commits, if every one says when. Used when
 * GitHub could not compare that range.
 */
function pushedFigures(commits, deployStartedMs) {
    const dates = commits.map((commit) => commit.timestamp);
    const known = dates.every((date) => date !== undefined && !Number.isNaN(Date.parse(date)));
    return rangeFigures(commits.length, known ? dates : undefined, deployStartedMs);
}
/** What shipped, from the plan and the facts gathered. */
function decideShipped(context, plan, facts, options) {
    const missing = [];
    const changes = { missing };
    /** The value of an answer; else undefined, and what could not be found out is noted. */
    const valueOf = (what, answer) => {
        if (answer === undefined)
            return undefined;
        if (answer === 'pending')
            missing.push({ what, failure: { kind: 'no-answer', withinMs: options.budgetMs } });
        else if (!answer.ok)
            missing.push({ what, failure: answer.failure });
        else
            return answer.value;
        return undefined;
    };
    const { sha } = plan;
    // A comment on a pull request names the pull request, not a commit.
    if (!sha)
        return Object.assign(changes, plan.eventPullRequest && { pullRequest: plan.eventPullRequest });
    const part = (key) => (facts.lookup === 'pending' ? 'pending' : facts.lookup?.[key]);
    const repositoryName = plan.owner && plan.repo ? `${plan.owner}/${plan.repo}` : undefined;
    if (plan.eventPullRequest) {
        changes.pullRequest = plan.eventPullRequest;
    }
    else {
        const pulls = valueOf('the pull request', part('pullRequests'));
        const chosen = pulls && choosePullRequest(pulls, sha, plan.namedPullRequest);
        if (chosen)
            changes.pullRequest = { number: String(chosen.number), title: firstLine(chosen.title), url: pullRequestUrl(context, repositoryName, String(chosen.number)) };
        // A pull request whose head is the named commit says its branch.
        if (plan.namedCommit && chosen?.headRefOid === sha)
            changes.branch = chosen.headRefName;
    }
    const answer = facts.lookup === 'pending' ? undefined : facts.lookup;
    if (plan.namedCommit && answer?.commitMessage)
        changes.commitMessage = answer.commitMessage;
    const deployments = valueOf('the previous deployment', part('deployments'));
    const found = deployments && previousDeployment(deployments, plan.runId);
    if (found?.unreadable)
        missing.push({ what: 'the previous deployment', failure: { kind: 'bad-answer', detail: NOT_DOCUMENTED } });
    else if (deployments?.more && !found?.sha) {
        const why = `none of the ${deployments.nodes.length} newest deployments of its environment succeeded`;
        missing.push({ what: 'the previous deployment', failure: { kind: 'not-asked', why } });
    }
    // No deployment to go by (none, or GitHub did not say which): a push still says what it brought.
    const previous = found?.sha ?? plan.pushBefore;
    if (!previous)
        return changes;
    changes.previousCommitSha = previous;
    // A redeploy of the previous deployment's commit: nothing new shipped.
    if (previous === sha)
        return Object.assign(changes, { commitCount: 0 });
    const repository = repositoryUrl(context.env, repositoryName);
    if (repository)
        changes.compareUrl = `${repository}/compare/${previous}...${sha}`;
    const asked = facts.ranges.get(previous) ?? 'pending';
    if (asked !== 'pending' && asked.ok && asked.value.status === 'behind') {
        // Back to an older commit: it ships no commits, it takes some back.
        Object.assign(changes, { rollback: true, commitCount: 0 });
    }
    else if (asked !== 'pending' && asked.ok) {
        Object.assign(changes, rangeFigures(asked.value.totalCommits, asked.value.committedAt, options.deployStartedMs));
    }
    else if (previous === plan.pushBefore && plan.pushedCommits) {
        // GitHub did not say (or not in time): the payload's own commits are exactly before...sha.
        Object.assign(changes, pushedFigures(plan.pushedCommits, options.deployStartedMs));
    }
    else {
        const forcePushed = asked !== 'pending' && asked.failure.kind === 'not-found';
        const range = forcePushed ? ` (GitHub cannot compare ${previous.slice(0, 7)}...${sha.slice(0, 7)}: a force-push?)` : '';
        valueOf(`the commits since the previous deployment${range}`, asked);
    }
    return changes;
}
/** A pull request's page on the server of the run: never a URL an answer gave. */
function pullRequestUrl(context, repositoryName, number) {
    const repository = repositoryUrl(context.env, repositoryName);
    return repository && /^\d+$/.test(number) ? `${repository}/pull/${number}` : undefined;
}
/** The attributes a marker gains, start and stop alike. */
function shippedAttributes(changes) {
    return withoutEmpty({
        github_pr_number: changes.pullRequest?.number,
        github_pr_title: changes.pullRequest?.title,
        github_pr_url: changes.pullRequest?.url,
        previous_commit_sha: changes.previousCommitSha,
        compare_url: changes.compareUrl,
        commit_count: changes.commitCount === undefined ? undefined : String(changes.commitCount),
        lead_time_s: changes.leadTimeS === undefined ? undefined : String(changes.leadTimeS),
        rollback: changes.rollback ? 'true' : undefined,
        branch: changes.branch,
        commit_message: firstLine(changes.commitMessage, MAX_COMMIT_MESSAGE_LENGTH),
    });
}
/**
 * One short notice: what is missing and why, and the permissions that would fill it. What fails
 * for the same reason is named together.
 */
function describeMissing(missing) {
    if (missing.length === 0)
        return undefined;
    const byReason = new Map();
    const permissions = new Set();
    for (const { what, failure } of missing) {
        if (failure.kind === 'permission')
            permissions.add(failure.permission);
        const reason = failure.kind === 'permission' ? '' : why(failure);
        const whats = byReason.get(reason) ?? [];
        if (!whats.includes(what))
            whats.push(what);
        byReason.set(reason, whats);
    }
    const parts = [...byReason].map(([reason, whats]) => `${whats.join(', ')}${reason ? ` (${reason})` : ''}`);
    const fix = permissions.size > 0 ? ` Give the job \`permissions:\` ${[...permissions].map((permission) => `\`${permission}\``).join(', ')} to fill it in.` : '';
    return `what shipped is partly unknown: ${parts.join('; ')}.${fix} The markers go out with what is known.`;
}
function why(failure) {
    switch (failure.kind) {
        case 'permission':
            return `no \`${failure.permission}\``;
        case 'rate-limited': {
            const until = failure.resetsAt && !Number.isNaN(failure.resetsAt.getTime()) ? ` until ${failure.resetsAt.toISOString().slice(11, 16)} UTC` : '';
            return `GitHub's API rate limit for github_token is used up${until}`;
        }
        case 'token-refused':
            return `GitHub refused github_token with HTTP ${failure.status}`;
        case 'not-found':
            return 'GitHub did not find it';
        case 'unreadable-repository':
            return `github_token cannot read ${failure.repository}, or it does not exist`;
        case 'status':
            return `GitHub answered HTTP ${failure.status}`;
        case 'unreachable':
            return 'GitHub could not be reached';
        case 'bad-answer':
            return failure.detail;
        case 'not-asked':
            return failure.why;
        case 'no-answer':
            return failure.withinMs === undefined ? 'GitHub had not answered in time' : `no answer within ${failure.withinMs / 1000} s`;
    }
}

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./src/http/undici-stand-in.ts
// What the bundles get for `undici` (tsconfig.json `paths`; tsx, which runs the sources in tests,
// leaves imports from node_modules alone). @actions/http-client imports undici's ProxyAgent for a
// helper (getAgentDispatcher) that this action's requests never use: they go through
// http-client's own agents, and `tunnel` behind a proxy — octokit's too (src/github/fetch.ts).
// @actions/github imports undici's fetch, which octokit uses only when given no fetch of its own:
// this action always gives it one. Behind a proxy, @actions/github still builds a ProxyAgent as it
// loads, and keeps it unused. undici itself would cost every step ≈ 25 ms to load (with http2,
// worker_threads, zlib, …) and dist/ 435 KiB. Should a use ever come, it throws here, loudly; and
// scripts/build.ts fails a build whose bundles import a name this module does not export.
class ProxyAgent {
    options;
    constructor(options) {
        this.options = options;
    }
    dispatch() {
        throw notBundled('ProxyAgent');
    }
}
function fetch() {
    return Promise.reject(notBundled('fetch'));
}
function notBundled(name) {
    return new Error(`undici's ${name} is not bundled with this action (src/http/undici-stand-in.ts): its requests go through @actions/http-client`);
}

;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/http/connection.ts
// HTTP for both servers the action talks to, Last9 and GitHub's API, over @actions/http-client
// (the only module that imports it): its proxy support (HTTPS_PROXY, HTTP_PROXY, NO_PROXY,
// through `tunnel`) and kept-alive connections. Everything a server sends is untrusted, so a
// redirect is never followed (it would carry the token to wherever it points), and a body is read
// only up to a cap: past it, the answer is refused and its connection closed.

/** Why an answer was not taken: too large, or broken off before its end. */
class RefusedAnswer extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
        this.name = 'RefusedAnswer';
    }
}
class HttpConnection {
    options;
    client;
    constructor(options) {
        this.options = options;
        const { signal } = options;
        // A request handler is http-client's hook into each request's options: Node aborts a request
        // whose options carry a signal.
        const handlers = signal
            ? [
                {
                    prepareRequest: (requestOptions) => Object.assign(requestOptions, { signal }),
                    canHandleAuthentication: () => false,
                    handleAuthentication: () => Promise.reject(new Error('not an authentication handler')),
                },
            ]
            : [];
        this.client = new lib_HttpClient(options.userAgent, handlers, {
            keepAlive: true,
            allowRetries: false,
            allowRedirects: false,
            socketTimeout: options.socketTimeoutMs,
        });
        if (options.userAgent === undefined)
            this.client.userAgent = undefined;
        signal?.addEventListener('abort', () => this.dispose(), { once: true });
    }
    async request(method, url, body, headers) {
        this.options.signal?.throwIfAborted();
        const response = await this.client.request(method, url, body, headers);
        const message = response.message;
        return {
            status: message.statusCode ?? 0,
            statusText: message.statusMessage ?? '',
            headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')])),
            body: await readCapped(message, this.options.maxBodyBytes),
        };
    }
    /** Closes the kept-alive connections, so that the process can exit. */
    dispose() {
        this.client.dispose();
    }
}
/**
 * The whole body, at most `maxBytes` of it. Unlike http-client's readBody, it fails when the
 * connection breaks off, and it joins the chunks once rather than a string per chunk.
 */
function readCapped(message, maxBytes) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes) {
                message.destroy();
                reject(new RefusedAnswer('too-large', `larger than ${formatBytes(maxBytes)}`));
                return;
            }
            chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks)));
        message.on('error', reject);
        message.on('close', () => reject(new RefusedAnswer('cut-off', 'the connection closed before the whole answer arrived')));
    });
}
function formatBytes(bytes) {
    return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

;// CONCATENATED MODULE: ./src/github/fetch.ts
// The fetch that octokit (@actions/github) calls GitHub's API with: src/http.ts, over
// @actions/http-client, which the Last9 calls use too, with the same proxy support, no redirects
// followed and every body capped. @actions/github's own fetch is undici's, as is Node's built-in
// one: loading undici costs a step 30–50 ms, and after a few calls the WebAssembly HTTP parser it
// compiles in the background holds the process ≈ 50 ms more at exit; node:http is loaded already.
// It gives what octokit's request reads of a Response: status, url, headers ([name, value] pairs
// with get()), text(), json(), arrayBuffer().

/** GitHub answered with a redirect. Octokit would take a 3xx answer's body for the data; it is an error instead. */
class RedirectRefused extends Error {
    status;
    constructor(status) {
        super(`GitHub's API answered with a redirect (HTTP ${status}), which is not followed`);
        this.status = status;
        this.name = 'RedirectRefused';
    }
}
/** Larger than any real answer of the calls the lookups make (a compare lists at most 300 files). */
const MAX_GITHUB_BODY_BYTES = 32 * 1024 * 1024;
/**
 * `signal` ends every request and closes the kept-alive connections, so that the process can exit.
 * `socketTimeoutMs`: how long a connection may stay silent before it is given up.
 */
function gitHubFetch({ signal, socketTimeoutMs }) {
    // No userAgent: octokit's (which names @actions/github and the run) is in the headers.
    const connection = new HttpConnection({ signal, socketTimeoutMs, maxBodyBytes: MAX_GITHUB_BODY_BYTES });
    return {
        async fetch(url, init = {}) {
            init.signal?.throwIfAborted();
            const answer = await connection.request(init.method ?? 'GET', url, init.body ?? null, init.headers ?? {});
            if (answer.status >= 300 && answer.status < 400 && answer.status !== 304)
                throw new RedirectRefused(answer.status);
            const { body } = answer;
            return {
                url,
                status: answer.status,
                statusText: answer.statusText,
                headers: new Map(Object.entries(answer.headers)),
                text: async () => body.toString('utf8'),
                json: async () => JSON.parse(body.toString('utf8')),
                arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/github/answers.ts
// What GitHub's API answers the lookups of what shipped, checked where it enters: each answer
// against the shape GitHub documents for it (its GraphQL schema, its REST description), each
// failure named for what it is (no permission, the rate limit, a refused token, GitHub down). What
// does not fit is unknown, never a guess: a pull request or deployment that cannot be read makes
// the answer about it unknown. Pure.




/** How many deployments of the environment one lookup reads, newest first. */
const DEPLOYMENTS_READ = 50;
/** How many pull requests of the deployed commit one lookup reads. */
const PULL_REQUESTS_READ = 10;
/**
 * The one GraphQL request that answers the pull requests of the deployed commit and the latest
 * status of every recent deployment of the environment (REST needs one request per deployment
 * for that). Checked against GitHub's published schema (@octokit/graphql-schema) by its tests.
 */
const WHAT_SHIPPED_QUERY = `query WhatShipped($owner: String!, $name: String!, $sha: GitObjectID!, $environment: String!, $pullRequests: Boolean!) {
  repository(owner: $owner, name: $name) {
    commit: object(oid: $sha) {
      ... on Commit {
        messageHeadline
        associatedPullRequests(first: ${PULL_REQUESTS_READ}) @include(if: $pullRequests) {
          nodes { number title merged mergeCommit { oid } headRefName headRefOid }
        }
      }
    }
    deployments(environments: [$environment], first: ${DEPLOYMENTS_READ}, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage }
      nodes { commitOid latestStatus { state logUrl } }
    }
  }
}`;
/**
 * The answer to WHAT_SHIPPED_QUERY: its `data` (partial when some fields failed) and its `errors`,
 * each of which names the field it failed (its `path`) and why (its `type`).
 */
function readWhatShipped(data, errors, askedPullRequests, repositoryName) {
    // Which field of `repository` an error failed (`commit` or `deployments`); undefined: the
    // repository itself, or the whole request.
    const failures = (list(errors) ?? []).map((error) => {
        const path = isRecord(error) ? list(error.path) : undefined;
        return { type: isRecord(error) ? shape_text(error.type) : undefined, field: path && path.length >= 2 ? path[1] : undefined };
    });
    const repository = isRecord(data) && isRecord(data.repository) ? data.repository : undefined;
    const failureOf = ({ type, field }, fallback) => 
    // GitHub answers a repository the token may not read as one that does not exist.
    type === 'NOT_FOUND' && field === undefined
        ? { kind: 'unreadable-repository', repository: repositoryName }
        : graphQLFailure(type, field === 'deployments' ? 'deployments: read' : field === 'commit' ? 'pull-requests: read' : fallback);
    const failureAt = (field, permission) => {
        const own = failures.find((failure) => failure.field === undefined || failure.field === field);
        // A failed field that may not be null (deployments) takes its repository with it: the other
        // field is lost for the same reason.
        const lost = repository ? undefined : failures[0];
        const failure = own ?? lost;
        return failure && failureOf(failure, permission);
    };
    const deploymentsFailure = failureAt('deployments', 'deployments: read');
    const deployments = deploymentsFailure ? failed(deploymentsFailure) : readDeployments(repository?.deployments);
    const commitMessage = isRecord(repository?.commit) ? shape_text(repository.commit.messageHeadline) : undefined;
    if (!askedPullRequests)
        return { commitMessage, deployments };
    const pullRequestsFailure = failureAt('commit', 'pull-requests: read');
    return { pullRequests: pullRequestsFailure ? failed(pullRequestsFailure) : readPullRequests(repository?.commit), commitMessage, deployments };
}
function readPullRequests(commit) {
    // A commit GitHub does not know (object: null), or an object that is no commit ({}).
    if (commit === null || (isRecord(commit) && !('associatedPullRequests' in commit)))
        return failed({ kind: 'not-found' });
    const connection = isRecord(commit) && isRecord(commit.associatedPullRequests) ? list(commit.associatedPullRequests.nodes) : undefined;
    const nodes = connection?.slice(0, PULL_REQUESTS_READ).map(readPullRequest);
    // One unreadable pull request may be the one that shipped: then which one did is unknown.
    if (!nodes || nodes.some((node) => node === undefined))
        return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
    return { ok: true, value: nodes };
}
function readPullRequest(node) {
    if (!isRecord(node))
        return undefined;
    const number = wholeNumber(node.number, 1);
    const { merged, mergeCommit } = node;
    const mergeCommitSha = isRecord(mergeCommit) ? commitSha(mergeCommit.oid) : undefined;
    if (number === undefined || typeof merged !== 'boolean' || (mergeCommit !== null && mergeCommit !== undefined && mergeCommitSha === undefined))
        return undefined;
    return { number, title: shape_text(node.title), merged, mergeCommitSha, headRefName: shape_text(node.headRefName), headRefOid: commitSha(node.headRefOid) };
}
function readDeployments(connection) {
    const nodes = isRecord(connection) ? list(connection.nodes) : undefined;
    const hasNextPage = isRecord(connection) && isRecord(connection.pageInfo) ? connection.pageInfo.hasNextPage : undefined;
    if (!nodes || typeof hasNextPage !== 'boolean')
        return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
    return { ok: true, value: { nodes: nodes.slice(0, DEPLOYMENTS_READ).map(readDeployment), more: hasNextPage || nodes.length > DEPLOYMENTS_READ } };
}
function readDeployment(node) {
    if (!isRecord(node))
        return undefined;
    const sha = commitSha(node.commitOid);
    const status = node.latestStatus;
    const state = isRecord(status) ? oneOf(status.state, DEPLOYMENT_STATES) : undefined;
    if (sha === undefined || (status !== null && state === undefined))
        return undefined;
    return { commitSha: sha, state, logUrl: isRecord(status) ? shape_text(status.logUrl) : undefined };
}
/** A compare answer (GET /repos/{owner}/{repo}/compare/{base}...{head}). */
function readCompare(status, data) {
    if (status !== 200)
        return failed({ kind: 'status', status });
    const relation = isRecord(data) ? oneOf(data.status, ['ahead', 'behind', 'identical', 'diverged']) : undefined;
    const [aheadBy, behindBy, totalCommits] = isRecord(data) ? [data.ahead_by, data.behind_by, data.total_commits].map((value) => wholeNumber(value)) : [];
    const commits = isRecord(data) ? list(data.commits) : undefined;
    if (!relation || aheadBy === undefined || behindBy === undefined || totalCommits === undefined || !commits || commits.length > totalCommits) {
        return failed({ kind: 'bad-answer', detail: NOT_DOCUMENTED });
    }
    const dates = commits.map((entry) => (isRecord(entry) && isRecord(entry.commit) && isRecord(entry.commit.committer) ? isoDate(entry.commit.committer.date) : undefined));
    const committedAt = dates.every((date) => date !== undefined) ? dates : undefined;
    return { ok: true, value: { status: relation, aheadBy, behindBy, totalCommits, committedAt } };
}
function graphQLFailure(type, permission) {
    switch (type) {
        case 'FORBIDDEN':
            return { kind: 'permission', permission };
        case 'RATE_LIMITED':
            return { kind: 'rate-limited' };
        case 'NOT_FOUND':
            return { kind: 'not-found' };
        default:
            return { kind: 'bad-answer', detail: `GitHub's GraphQL API answered an error${type ? ` (${type.slice(0, 40)})` : ''}` };
    }
}
/**
 * What an error thrown by a lookup (octokit's RequestError, or what it wrapped) says about why it
 * failed. `permission`: what a plain 403 means for this lookup.
 */
function describeLookupError(error, permission) {
    const { name, status, response, cause } = (error ?? {});
    if (name === 'AbortError')
        return { kind: 'no-answer' };
    if (cause instanceof RedirectRefused)
        return { kind: 'bad-answer', detail: cause.message };
    if (cause instanceof RefusedAnswer)
        return cause.reason === 'too-large' ? { kind: 'bad-answer', detail: `GitHub's answer was ${cause.message}` } : { kind: 'unreachable' };
    if (typeof status !== 'number' || !response) {
        // Octokit wraps a failed request as status 500 without a response; anything else it threw
        // while reading an answer (a malformed Content-Type, say) is about the answer.
        return status === 500 ? { kind: 'unreachable' } : { kind: 'bad-answer', detail: "GitHub's answer could not be read" };
    }
    const headers = response.headers ?? {};
    if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)) {
        return { kind: 'rate-limited', resetsAt: resetTime(headers['x-ratelimit-reset']) };
    }
    if (status === 429)
        return { kind: 'rate-limited' };
    if (status === 401)
        return { kind: 'token-refused', status };
    if (status === 403)
        return { kind: 'permission', permission };
    if (status === 404)
        return { kind: 'not-found' };
    return { kind: 'status', status };
}
function resetTime(header) {
    const seconds = typeof header === 'string' && /^\d{1,12}$/.test(header) ? Number(header) : undefined;
    return seconds === undefined ? undefined : new Date(seconds * 1000);
}
function failed(failure) {
    return { ok: false, failure };
}

;// CONCATENATED MODULE: ./src/github/octokit.ts
// @actions/github's octokit, as the lookups use it. In dist/ it is a bundle of its own beside the
// steps' (dist/github-api.js, built from github-api.ts), which the bundler leaves out of steps.js,
// so that a step that makes no call to GitHub never reads it. Its types are declared here, for
// what is used: @actions/github's own are 260,000 lines that every type check would read.
/** The path from this module and from dist/steps.js alike. */
const GITHUB_API = './github-api.js';
async function loadGitHub() {
    // @actions/github reads and parses the whole payload file as it loads (its `context`, which the
    // lookups never use): unbounded, printed raw to stdout when missing, and a file that is not JSON
    // would make it fail to load. The payload is read once, checked, by runner/event-file.ts.
    const eventPath = process.env.GITHUB_EVENT_PATH;
    delete process.env.GITHUB_EVENT_PATH;
    try {
        return (await import(/* webpackIgnore: true */ GITHUB_API));
    }
    finally {
        if (eventPath !== undefined)
            process.env.GITHUB_EVENT_PATH = eventPath;
    }
}

;// CONCATENATED MODULE: ./src/github/lookups.ts
// The lookups of what shipped, through @actions/github (loaded only on this path): one GraphQL
// request for the pull requests of the deployed commit and the environment's recent deployments
// with their latest status, and the compare of the range to the previous deployment — on a push
// sent at once for the push's `before`, which is nearly always that deployment's commit. At most
// three requests whatever the history (a push whose previous deployment is not its `before`). All
// share one time budget: past it, the marker goes out with everything already answered.






/**
 * Looks up what shipped. Never throws: what cannot be found out (no permission, nothing to find,
 * GitHub down, slow or answering nonsense) is left out and listed in `missing`.
 */
async function lookUpShipped(context, options) {
    const plan = shippedPlan(context, options.named);
    const facts = { ranges: new Map() };
    const notAsked = [];
    const { sha, owner, repo } = plan;
    const api = gitHubApiUrl(context.env);
    if (sha && owner && repo && options.token) {
        if ('problem' in api) {
            notAsked.push({ what: "what GitHub's API would have told", failure: { kind: 'not-asked', why: api.problem } });
        }
        else {
            const abort = new AbortController();
            try {
                // Loading @actions/github holds the event loop ≈ 20 ms: two turns of it first let the token
                // exchange, started just before, connect and leave, so that the two overlap.
                for (let turn = 0; turn < 2; turn++)
                    await new Promise((resolve) => setImmediate(resolve));
                const client = await gitHubApi(api.url, options, owner, repo, abort.signal).catch((error) => {
                    notAsked.push({ what: "what GitHub's API would have told", failure: { kind: 'not-asked', why: `@actions/github did not load: ${firstLine(error instanceof Error ? error.message : String(error), 200)}` } });
                    return undefined;
                });
                if (client)
                    await gather(client, sha, plan, options, facts);
            }
            finally {
                // Ends whatever is still under way and closes the connections: none outlives the lookups.
                abort.abort();
            }
        }
    }
    const changes = decideShipped(context, plan, facts, options);
    return { ...changes, missing: [...notAsked, ...changes.missing] };
}
/** Asks, and waits for the answers until the budget runs out; `facts` holds whatever came back. */
async function gather(api, sha, plan, options, facts) {
    const pending = new Set();
    const track = (work) => {
        const tracked = work.then(() => void pending.delete(tracked));
        pending.add(tracked);
    };
    const askRange = (base) => {
        // A commit compared with itself says nothing: a redeploy of the previous one ships nothing new.
        if (base === sha || facts.ranges.has(base))
            return;
        facts.ranges.set(base, 'pending');
        track(api.compare(base, sha).then((answer) => void facts.ranges.set(base, answer)));
    };
    if (plan.pushBefore)
        askRange(plan.pushBefore);
    facts.lookup = 'pending';
    track(api.whatShipped(sha, options.environment, plan.eventPullRequest === undefined).then((answer) => {
        facts.lookup = answer;
        const previous = answer.deployments.ok ? previousDeployment(answer.deployments.value, plan.runId).sha : undefined;
        if (previous)
            askRange(previous);
    }));
    let timer;
    const outOfTime = new Promise((resolve) => (timer = setTimeout(() => resolve('out of time'), options.budgetMs)));
    try {
        while (pending.size > 0 && (await Promise.race([...pending, outOfTime])) !== 'out of time')
            ;
    }
    finally {
        clearTimeout(timer);
    }
}
async function gitHubApi(apiUrl, options, owner, repo, signal) {
    const { getOctokit } = await loadGitHub();
    // octokit takes any fetch; it reads no more of one than gitHubFetch gives.
    const fetch = gitHubFetch({ signal, socketTimeoutMs: options.budgetMs }).fetch;
    // Octokit prints with console unless given a logger.
    const debug = (text) => options.debug(`octokit: ${text}`);
    const logger = { debug, info: debug, warn: debug, error: debug };
    const octokit = getOctokit(options.token, { baseUrl: apiUrl, log: logger, request: { fetch, signal, retries: 0, log: logger } });
    return {
        async whatShipped(sha, environment, pullRequests) {
            try {
                const data = await octokit.graphql(WHAT_SHIPPED_QUERY, { owner, name: repo, sha, environment, pullRequests });
                return readWhatShipped(data, undefined, pullRequests, `${owner}/${repo}`);
            }
            catch (error) {
                // A GraphQL answer with errors still carries the data of the fields that did not fail.
                const { name, data, errors } = (error ?? {});
                if (name === 'GraphqlResponseError')
                    return readWhatShipped(data, errors, pullRequests, `${owner}/${repo}`);
                const failure = (permission) => ({ ok: false, failure: describeLookupError(error, permission) });
                return { pullRequests: pullRequests ? failure('pull-requests: read') : undefined, deployments: failure('deployments: read') };
            }
        },
        async compare(base, head) {
            try {
                const response = await octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { owner, repo, basehead: `${base}...${head}`, per_page: 100 });
                return readCompare(response.status, response.data);
            }
            catch (error) {
                return { ok: false, failure: describeLookupError(error, 'contents: read') };
            }
        },
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/marker/event-payload.ts
// The webhook event that started the run (GITHUB_EVENT_PATH), read once and checked field by field:
// only the fields the action uses are read, each with the type GitHub documents for it. A field of
// another type is unknown (left out, and named in one notice), never guessed at. Pure.

/** GitHub's push payload lists at most 2,048 commits; more is no payload GitHub sent. */
const MAX_PUSHED_COMMITS = 2_048;
function pushedCommitList(value) {
    const commits = list(value);
    return commits && commits.length <= MAX_PUSHED_COMMITS ? commits : undefined;
}
/** Reads what the action uses of a payload; `raw` is whatever JSON the file held. */
function readEvent(raw) {
    const unreadable = [];
    /** The field checked by `check`; a field that is there (not null) but does not fit is noted. */
    const read = (check, value, path) => {
        if (value === undefined || value === null)
            return undefined;
        const checked = check(value);
        if (checked === undefined)
            unreadable.push(path);
        return checked;
    };
    const object = (value, path) => read((candidate) => (isRecord(candidate) ? candidate : undefined), value, path);
    const count = (value, path) => read((candidate) => scalarText(wholeNumber(candidate, 1)), value, path);
    const payload = isRecord(raw) ? raw : {};
    const headCommit = object(payload.head_commit, 'head_commit');
    const pullRequest = object(payload.pull_request, 'pull_request');
    const pullRequestHead = object(pullRequest?.head, 'pull_request.head');
    const workflowRun = object(payload.workflow_run, 'workflow_run');
    const issue = object(payload.issue, 'issue');
    const mergeGroup = object(payload.merge_group, 'merge_group');
    const before = read(commitSha, payload.before, 'before');
    const commits = read(pushedCommitList, payload.commits, 'commits');
    const runPullRequests = read(list, workflowRun?.pull_requests, 'workflow_run.pull_requests');
    const inputs = object(payload.inputs, 'inputs') ?? {};
    const event = {
        headCommitMessage: read(shape_text, headCommit?.message, 'head_commit.message'),
        pushBefore: before && !/^0+$/.test(before) ? before : undefined,
        pushedCommits: commits?.map((commit, index) => ({ timestamp: read(shape_text, object(commit, `commits[${index}]`)?.timestamp, `commits[${index}].timestamp`) })),
        pullRequest: pullRequest && {
            number: count(pullRequest.number, 'pull_request.number'),
            title: read(shape_text, pullRequest.title, 'pull_request.title'),
            headSha: read(commitSha, pullRequestHead?.sha, 'pull_request.head.sha'),
            headRef: read(shape_text, pullRequestHead?.ref, 'pull_request.head.ref'),
        },
        workflowRun: workflowRun && {
            id: count(workflowRun.id, 'workflow_run.id'),
            headSha: read(commitSha, workflowRun.head_sha, 'workflow_run.head_sha'),
            headBranch: read(shape_text, workflowRun.head_branch, 'workflow_run.head_branch'),
            pullRequestNumber: count(object(runPullRequests?.[0], 'workflow_run.pull_requests[0]')?.number, 'workflow_run.pull_requests[0].number'),
            headCommitMessage: read(shape_text, object(workflowRun.head_commit, 'workflow_run.head_commit')?.message, 'workflow_run.head_commit.message'),
        },
        issue: issue && {
            number: count(issue.number, 'issue.number'),
            title: read(shape_text, issue.title, 'issue.title'),
            isPullRequest: object(issue.pull_request, 'issue.pull_request') !== undefined,
        },
        mergeGroup: mergeGroup && {
            headSha: read(commitSha, mergeGroup.head_sha, 'merge_group.head_sha'),
            baseRef: read(shape_text, mergeGroup.base_ref, 'merge_group.base_ref'),
        },
        inputs: Object.fromEntries(Object.entries(inputs).flatMap(([name, value]) => {
            const scalar = read(scalarText, value, `inputs.${name}`);
            return scalar === undefined ? [] : [[name, scalar]];
        })),
    };
    return { event, unreadable };
}

;// CONCATENATED MODULE: ./src/runner/event-file.ts
// The webhook event that started the run, from the file the runner names (GITHUB_EVENT_PATH), and
// the environment beside it: the GitHub context of a step.




/** GitHub caps a webhook payload at 25 MB; a larger file is no payload GitHub sent. */
const MAX_EVENT_PAYLOAD_BYTES = 25 * 1024 * 1024;
/**
 * The payload is read from GITHUB_EVENT_PATH rather than through @actions/github, whose Octokit
 * client would cost every step about a third of a bare Node start and is not otherwise needed.
 * An unreadable payload, or an unreadable field of it, leaves out the attributes taken from it.
 */
function readGithubContext(env = process.env, maxBytes = MAX_EVENT_PAYLOAD_BYTES) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return { context: { env, event: readEvent({}).event } };
    let raw;
    try {
        const { size } = (0,external_node_fs_namespaceObject.statSync)(path);
        if (size > maxBytes)
            return unreadablePayload(env, `it is ${size} bytes, larger than GitHub sends`);
        raw = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        return unreadablePayload(env, error instanceof SyntaxError ? 'it is not JSON' : 'the file could not be read');
    }
    if (!isRecord(raw))
        return unreadablePayload(env, 'it is not a JSON object');
    const { event, unreadable } = readEvent(raw);
    const notice = unreadable.length > 0
        ? `the event payload (GITHUB_EVENT_PATH) has fields not of the type GitHub sends, left out: ${quoteList(unreadable)}`
        : undefined;
    return { context: { env, event }, notice };
}
function unreadablePayload(env, why) {
    return { context: { env, event: readEvent({}).event }, notice: `the event payload (GITHUB_EVENT_PATH) was not read (${why}); the attributes taken from it are left out` };
}

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return file_command_issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    command_issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return file_command_issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    command_issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: ./src/runner/log.ts
// Everything the action prints goes through here (eslint forbids calling core's printing functions
// elsewhere). The runner reads its commands out of the log: a line that starts with `::` (leading
// spaces ignored) or holds `##[` is a command, and `::stop-commands::` would switch off every later
// `::add-mask::`. A value from outside (an input, a payload, a server's answer) must never start such
// a line, so control characters become spaces and a command prefix is broken up.


/**
 * Text safe to print: each line (text may have several, e.g. a dry run's JSON) without control
 * characters, without `::` at its start and without `##[`.
 */
function printable(text) {
    return text
        .split(/\r?\n/)
        .map((line) => withoutControlCharacters(line)
        .replace(/^(\s*):(?=:)/, '$1: ')
        .replace(/##\[/g, '# #['))
        .join('\n');
}
const log = {
    info: (text) => info(printable(text)),
    debug: (text) => core_debug(printable(text)),
    notice: (text) => notice(printable(text)),
    warning: (text) => warning(printable(text)),
    error: (text) => error(printable(text)),
    /** From now on the runner shows `***` for the value wherever it is printed. */
    mask: (secret) => core_setSecret(secret),
};

;// CONCATENATED MODULE: ./src/runner/names.ts
// Every name the action shares with action.yml, the runner and its own later steps, in one place.
// __tests__/names.test.ts checks INPUT and OUTPUT against action.yml, so a rename cannot drift.
const INPUT = {
    refreshToken: 'refresh_token',
    orgSlug: 'org_slug',
    env: 'env',
    service: 'service',
    serviceName: 'service_name',
    eventName: 'event_name',
    eventState: 'event_state',
    deploymentId: 'deployment_id',
    startedAt: 'started_at',
    dataSourceName: 'data_source_name',
    apiBaseUrl: 'api_base_url',
    version: 'version',
    customAttributes: 'custom_attributes',
    captureEnv: 'capture_env',
    captureInputs: 'capture_inputs',
    includeGithubAttributes: 'include_github_attributes',
    dryRun: 'dry_run',
    failOnError: 'fail_on_error',
    timeoutSeconds: 'timeout_seconds',
    maxRetryAttempts: 'max_retry_attempts',
    retryBackoffMs: 'retry_backoff_ms',
    maxRetryBackoffMs: 'max_retry_backoff_ms',
    githubToken: 'github_token',
    linkChanges: 'link_changes',
    githubEnvironment: 'github_environment',
    commitSha: 'commit_sha',
    repository: 'repository',
    result: 'result',
    jobStatus: 'job_status',
    jobCheckRunId: 'job_check_run_id',
    matrix: 'matrix',
};
/** Ours first; `success`, `start_timestamp` and `stop_timestamp` are Last9's earlier action's names for the same values. */
const OUTPUT = {
    deploymentId: 'deployment_id',
    startedAt: 'started_at',
    stoppedAt: 'stopped_at',
    durationMs: 'duration_ms',
    result: 'result',
    delivered: 'delivered',
    success: 'success',
    startTimestamp: 'start_timestamp',
    stopTimestamp: 'stop_timestamp',
    previousCommitSha: 'previous_commit_sha',
    compareUrl: 'compare_url',
    commitCount: 'commit_count',
    leadTimeS: 'lead_time_s',
    prNumber: 'pr_number',
    rollback: 'rollback',
    deploymentIds: 'deployment_ids',
};
/** Keys of the runner's GITHUB_STATE file, which hands the main step's state to its own post step. */
const STATE = {
    /** How many windows the main step opened; each is saved as `window_<index>`. */
    windows: 'windows',
    /** `always` (a window step) or `if-the-job-failed` (a start step). */
    postStop: 'post_stop',
    accessToken: 'access_token',
    startDelivered: 'start_delivered',
    warningsShown: 'warnings_shown',
};
/** The GITHUB_STATE key of the main step's index-th window: one each, so that none grows large. */
function windowStateName(index) {
    return `window_${index}`;
}
/**
 * Prefixes of the GITHUB_ENV variables that hand windows on to later steps of the job: one record
 * per deployment id, and per service/env/event_name the ids of the windows still open.
 */
const JOB_ENV_PREFIX = {
    deployment: 'LAST9_DEPLOYMENT_',
    openWindows: 'LAST9_OPEN_WINDOWS_',
};
/** A failed step's exit code (`@actions/core`'s ExitCode.Failure; not every stand-in for core provides the enum). */
const EXIT_FAILURE = 1;

;// CONCATENATED MODULE: ./src/last9/retry.ts
// When to try a Last9 call again, and how long to wait first. Pure: time and randomness come in.
/** A try that has not been answered by then is abandoned and, if there is time, tried again. */
const MIN_ATTEMPT_TIMEOUT_MS = 5_000;
/**
 * How long one try may wait for an answer: an equal share of the step's budget, so that a hung
 * request can still be retried, but never less than MIN_ATTEMPT_TIMEOUT_MS, so that a slow but
 * working Last9 is not cut off. The step's deadline caps it in any case.
 */
function attemptTimeoutMs(budgetMs, policy) {
    return Math.max(MIN_ATTEMPT_TIMEOUT_MS, Math.floor(budgetMs / (policy.maxRetries + 1)));
}
function isRetryableStatus(status) {
    return status === 429 || status >= 500;
}
/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so
 * waits still grow with each retry while concurrent jobs spread out.
 */
function backoffDelayMs(retryNumber, policy, random) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
    return Math.round(exponential / 2 + (random() * exponential) / 2);
}
/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined if absent or unreadable. */
function parseRetryAfterMs(header, nowMs) {
    if (header === undefined || header.trim() === '')
        return undefined;
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    // An HTTP date names its day and month ("Sun, 06 Nov 1994 08:49:37 GMT"); Date.parse alone would
    // also take "-1" or "1.5" for dates.
    if (!/[a-z]{3}/i.test(trimmed))
        return undefined;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - nowMs);
}
function decideRetry(context) {
    const { outcome, attempts, policy, remainingMs } = context;
    if ('status' in outcome) {
        if (outcome.status >= 200 && outcome.status < 300)
            return { retry: false, reason: 'success' };
        if (!isRetryableStatus(outcome.status))
            return { retry: false, reason: 'not-retryable' };
    }
    if (attempts > policy.maxRetries)
        return { retry: false, reason: 'attempts-exhausted' };
    const backoff = backoffDelayMs(attempts, policy, context.random);
    const retryAfter = 'status' in outcome ? parseRetryAfterMs(outcome.retryAfter, context.nowMs) : undefined;
    const delayMs = Math.max(backoff, retryAfter ?? 0);
    // A retry only helps if it can wait and still have time left to be answered.
    if (delayMs >= remainingMs)
        return { retry: false, reason: 'out-of-time' };
    return { retry: true, delayMs };
}

;// CONCATENATED MODULE: ./src/last9/client.ts
// The two Last9 API calls (token exchange, change event) over @actions/http-client, with retries
// and one deadline for everything a step sends.



/** A server's answer is quoted in a message only as a short excerpt, redacted and on one line. */
const MAX_BODY_IN_MESSAGE = 120;
/**
 * An access token is masked in the log as soon as it arrives; a shorter one would mask common
 * text (a hostile `"access_token": "a"` would blank every "a"), so it is refused instead.
 */
const MIN_ACCESS_TOKEN_LENGTH = 16;
/**
 * Last9's access tokens are JWTs of about a kilobyte. One far longer is no token Last9 issued, and
 * would not fit where a window hands it to its post step (GITHUB_STATE, which reaches the post
 * step as one environment variable).
 */
const MAX_ACCESS_TOKEN_LENGTH = 8 * 1024;
/** Last9's answers are small JSON objects; a body larger than this is not one of them. */
const MAX_LAST9_BODY_BYTES = 1024 * 1024;
/** A Last9 organization slug, as org_slug takes it and an access token names it: no "/", ".." or spaces. */
function isOrgSlug(value) {
    return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(value) && !value.includes('..');
}
/**
 * The organization an access token is for: its `organization_slug` claim. Last9's access tokens
 * are JWTs; its own MCP server reads the organization from this claim. Undefined for a token that
 * does not say (it is opaque then: nothing else is read from it).
 */
function tokenOrganization(token) {
    const [, payload, signature, ...rest] = token.split('.');
    if (!payload || signature === undefined || rest.length > 0)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const slug = claims !== null && typeof claims === 'object' ? claims.organization_slug : undefined;
        return typeof slug === 'string' && isOrgSlug(slug) ? slug : undefined;
    }
    catch {
        return undefined;
    }
}
function changeEventsPath(orgSlug) {
    return `/api/v4/organizations/${encodeURIComponent(orgSlug)}/change_events`;
}
/** Everything one step sends to Last9 must end by this time. */
class Deadline {
    budgetMs;
    now;
    endMs;
    constructor(budgetMs, now = Date.now) {
        this.budgetMs = budgetMs;
        this.now = now;
        this.endMs = now() + budgetMs;
    }
    remainingMs() {
        return Math.max(0, this.endMs - this.now());
    }
}
class TimedOut extends Error {
}
class Last9Client {
    options;
    http;
    disposed = false;
    constructor(options) {
        this.options = options;
        this.http = this.newHttpClient();
    }
    async exchangeToken(refreshToken) {
        const result = await this.call('POST', '/api/v4/oauth/access_token', { refresh_token: refreshToken }, {});
        if (!result.ok)
            return result;
        const token = parseAccessToken(result.value.body, Date.now());
        if (typeof token === 'string')
            return { ok: false, failure: { kind: 'bad-answer', detail: token }, attempts: result.attempts };
        this.options.secrets.push(token.token);
        return { ok: true, value: token, attempts: result.attempts };
    }
    async sendEvent(accessToken, orgSlug, event) {
        // The last gate before anything leaves: no attribute carries a token this client knows of
        // (the step warned already about the refresh token and the runner's; an access token can only
        // come back as a label from a server that chose it to).
        const { attributes } = withoutSecretValues(event.attributes, this.options.secrets);
        const body = { ...event, attributes };
        const result = await this.call('PUT', changeEventsPath(orgSlug), body, { 'X-LAST9-API-TOKEN': `Bearer ${accessToken}` });
        return result.ok ? { ok: true, value: undefined, attempts: result.attempts } : result;
    }
    /** Closes kept-alive connections, and ends a call under way at its next retry, so the process can exit. */
    dispose() {
        this.disposed = true;
        this.http.dispose();
    }
    newHttpClient() {
        return new HttpConnection({
            userAgent: this.options.userAgent ?? 'last9-deployment-marker',
            socketTimeoutMs: this.options.deadline.budgetMs,
            maxBodyBytes: MAX_LAST9_BODY_BYTES,
        });
    }
    async call(method, path, body, headers) {
        const url = this.options.apiBaseUrl + path;
        const payload = JSON.stringify(body);
        const requestHeaders = { 'Content-Type': 'application/json', Accept: 'application/json', ...headers };
        const { deadline, retry } = this.options;
        for (let attempts = 1;; attempts++) {
            let outcome;
            let response;
            const remainingMs = deadline.remainingMs();
            const timeoutMs = Math.min(remainingMs, this.options.attemptTimeoutMs);
            try {
                response = await this.within(timeoutMs, async () => {
                    const answer = await this.http.request(method, url, payload, requestHeaders);
                    return { status: answer.status, body: answer.body.toString('utf8'), retryAfter: answer.headers['retry-after'] };
                });
                outcome = { status: response.status, retryAfter: response.retryAfter };
            }
            catch (error) {
                if (error instanceof RefusedAnswer && error.reason === 'too-large') {
                    return { ok: false, failure: { kind: 'bad-answer', detail: `Last9's answer was ${error.message}` }, attempts };
                }
                if (!(error instanceof TimedOut))
                    outcome = { networkError: describeNetworkError(error) };
                else if (timeoutMs >= remainingMs)
                    return { ok: false, failure: { kind: 'timeout', budgetMs: deadline.budgetMs }, attempts };
                else
                    outcome = { networkError: `no answer within ${timeoutMs / 1000} s` };
            }
            const decision = decideRetry({ attempts, outcome, policy: retry, remainingMs: deadline.remainingMs(), nowMs: Date.now(), random: this.options.random ?? Math.random });
            if (decision.retry) {
                await sleep(decision.delayMs);
                if (!this.disposed)
                    continue;
            }
            else if (decision.reason === 'success' && response) {
                return { ok: true, value: response, attempts };
            }
            if (response)
                return { ok: false, failure: { kind: 'http', status: response.status, body: this.forMessage(response.body) }, attempts };
            return { ok: false, failure: { kind: 'network', message: this.forMessage('networkError' in outcome ? outcome.networkError : '') }, attempts };
        }
    }
    /** Runs one try, abandoning it (and its connection) if it is not answered in time. */
    async within(timeoutMs, attempt) {
        let timer;
        const expired = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new TimedOut()), timeoutMs);
        });
        try {
            return await Promise.race([attempt(), expired]);
        }
        catch (error) {
            if (error instanceof TimedOut) {
                this.http.dispose();
                this.http = this.newHttpClient();
            }
            throw error;
        }
        finally {
            clearTimeout(timer);
        }
    }
    forMessage(text) {
        const oneLine = redact(text, this.options.secrets).replace(/\s+/g, ' ').trim();
        return oneLine.length > MAX_BODY_IN_MESSAGE ? `${oneLine.slice(0, MAX_BODY_IN_MESSAGE)}…` : oneLine;
    }
}
/** The access token from a token-exchange answer, or a description of what was wrong with it. */
function parseAccessToken(body, nowMs) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return 'the token exchange answered with something that is not JSON';
    }
    const answer = (parsed ?? {});
    if (typeof answer.access_token !== 'string' || answer.access_token === '') {
        return 'the token exchange answer has no access_token';
    }
    if (answer.access_token.length < MIN_ACCESS_TOKEN_LENGTH) {
        return `the token exchange answered with an access_token of ${answer.access_token.length} characters, too short to be one; it was not used`;
    }
    if (answer.access_token.length > MAX_ACCESS_TOKEN_LENGTH) {
        return `the token exchange answered with an access_token of ${answer.access_token.length} characters, far longer than one Last9 issues; it was not used`;
    }
    const finite = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
    const expiresAt = finite(answer.expires_at);
    const expiresIn = finite(answer.expires_in);
    const expiresAtMs = expiresAt !== undefined ? expiresAt * 1000 : expiresIn !== undefined ? nowMs + expiresIn * 1000 : undefined;
    return { token: answer.access_token, expiresAtMs };
}
function describeNetworkError(error) {
    const { code, message } = error;
    if (message)
        return code && !message.includes(code) ? `${code}: ${message}` : message;
    return code ?? String(error);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/runner/settings.ts
// Turns the action's inputs into a typed Settings object, or a list of problems that each name
// the input at fault. Pure: it reads inputs through the function it is given.









/** An input problem as the step reports it: an error annotation naming the input. */
function describeInputProblem(problem) {
    return `Input "${problem.input}" ${problem.message}. No marker was sent.`;
}
const EVENT_STATES = ['window', 'start', 'stop', 'both'];
const DEPLOYMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const JOB_STATUSES = ['success', 'failure', 'cancelled'];
/** One step opens at most this many windows (service: a, b, …). */
const MAX_SERVICES = 20;
const DEFAULT_API_BASE_URL = 'https://app.last9.io';
/** A window cannot have started earlier than a workflow run can last (35 days). */
const MAX_STARTED_AT_AGE_MS = 35 * 24 * 3_600_000;
/** Runners' clocks may disagree a little; a later started_at is a mistake. */
const MAX_STARTED_AT_SKEW_MS = 60_000;
/** An all-digit started_at below this is epoch seconds (it would be March 1973 in milliseconds). */
const EPOCH_SECONDS_BELOW = 100_000_000_000;
function readSettings(readInput, env, nowMs = Date.now()) {
    const problems = [];
    const warnings = [];
    const notices = [];
    const input = (name) => readInput(name).trim();
    const problem = (name, message) => {
        problems.push({ input: name, message });
        return undefined;
    };
    const failOnError = parseBoolean(INPUT.failOnError, input(INPUT.failOnError), false, problem) ?? false;
    const required = (name) => input(name) || (problem(name, 'is required but was empty') ?? '');
    const refreshToken = required(INPUT.refreshToken);
    const orgSlug = parseOrgSlug(input(INPUT.orgSlug), problem);
    const deploymentEnv = parseLabelValue(INPUT.env, required(INPUT.env), problem);
    const services = parseServices(input(INPUT.service), input(INPUT.serviceName), env, problem, notices);
    const eventName = parseLabelValue(INPUT.eventName, input(INPUT.eventName) || 'deployment', problem);
    const eventState = parseChoice(INPUT.eventState, input(INPUT.eventState) || 'window', EVENT_STATES, problem);
    const commitSha = parseChecked(INPUT.commitSha, input(INPUT.commitSha).toLowerCase(), COMMIT_SHA, 'must be a full commit SHA: 40 hexadecimal digits (git rev-parse HEAD)', problem);
    const repository = parseChecked(INPUT.repository, input(INPUT.repository), REPOSITORY_NAME, 'must be owner/name, the repository the deployed code is in', problem);
    const apiBaseUrl = parseApiBaseUrl(input(INPUT.apiBaseUrl) || DEFAULT_API_BASE_URL, problem);
    const deploymentId = parseDeploymentId(input(INPUT.deploymentId), problem);
    const startedAt = parseStartedAt(input(INPUT.startedAt), nowMs, problem);
    const customAttributes = parseCustomAttributes(input(INPUT.customAttributes), problem, warnings);
    const captureEnvNames = parseNames(INPUT.captureEnv, input(INPUT.captureEnv), ENV_NAME, problem);
    const captureEnv = captureEnvNames && withoutSecretVariables(captureEnvNames, warnings);
    const captureInputs = parseNames(INPUT.captureInputs, input(INPUT.captureInputs), INPUT_NAME, problem);
    const dryRun = parseBoolean(INPUT.dryRun, input(INPUT.dryRun), false, problem);
    const includeGithubAttributes = parseBoolean(INPUT.includeGithubAttributes, input(INPUT.includeGithubAttributes), true, problem);
    const linkChanges = parseBoolean(INPUT.linkChanges, input(INPUT.linkChanges), true, problem);
    const timeoutSeconds = parseNumber(INPUT.timeoutSeconds, input(INPUT.timeoutSeconds), { fallback: 30, min: 1, max: 3600 }, problem);
    const maxRetries = parseNumber(INPUT.maxRetryAttempts, input(INPUT.maxRetryAttempts), { fallback: 3, min: 0, max: 20, integer: true }, problem);
    const baseDelayMs = parseNumber(INPUT.retryBackoffMs, input(INPUT.retryBackoffMs), { fallback: 1000, min: 0, max: 600_000, integer: true }, problem);
    const maxDelayMs = parseNumber(INPUT.maxRetryBackoffMs, input(INPUT.maxRetryBackoffMs), { fallback: 30_000, min: 0, max: 600_000, integer: true }, problem);
    if (baseDelayMs !== undefined && maxDelayMs !== undefined && maxDelayMs < baseDelayMs) {
        problem(INPUT.maxRetryBackoffMs, `must be at least retry_backoff_ms (${baseDelayMs}), got ${maxDelayMs}`);
    }
    if (startedAt && eventState !== 'stop')
        warnings.push(`started_at is only used with event_state: stop; ignored for event_state: ${eventState}`);
    else if (startedAt && !deploymentId)
        warnings.push('started_at is only used together with deployment_id (the window it started); ignored');
    const resultGiven = input(INPUT.result) !== '';
    const jobStatus = parseJobStatus(resultGiven ? INPUT.result : INPUT.jobStatus, input(resultGiven ? INPUT.result : INPUT.jobStatus), warnings);
    const jobCheckRunId = parseJobCheckRunId(input(INPUT.jobCheckRunId), warnings);
    const matrix = parseMatrix(input(INPUT.matrix), warnings);
    if (problems.length > 0 ||
        deploymentEnv === undefined ||
        services === undefined ||
        eventName === undefined ||
        eventState === undefined ||
        apiBaseUrl === undefined ||
        customAttributes === undefined ||
        captureEnv === undefined ||
        captureInputs === undefined ||
        dryRun === undefined ||
        includeGithubAttributes === undefined ||
        linkChanges === undefined ||
        timeoutSeconds === undefined ||
        maxRetries === undefined ||
        baseDelayMs === undefined ||
        maxDelayMs === undefined) {
        return { failOnError, problems, warnings, notices };
    }
    return {
        failOnError,
        problems,
        warnings,
        notices,
        settings: {
            refreshToken,
            orgSlug,
            env: deploymentEnv,
            service: services[0],
            services,
            eventName,
            eventState,
            deploymentId,
            startedAt: eventState === 'stop' && deploymentId ? startedAt : undefined,
            dataSourceName: input(INPUT.dataSourceName) || undefined,
            apiBaseUrl,
            // The tag names GITHUB_SHA: not another commit the workflow says it deploys.
            version: input(INPUT.version) || (env.GITHUB_REF_TYPE === 'tag' && (!commitSha || commitSha === env.GITHUB_SHA) ? env.GITHUB_REF_NAME : undefined) || undefined,
            customAttributes,
            captureEnv,
            captureInputs,
            includeGithubAttributes,
            linkChanges,
            githubToken: input(INPUT.githubToken),
            githubEnvironment: input(INPUT.githubEnvironment) || deploymentEnv,
            dryRun,
            failOnError,
            timeoutMs: Math.round(timeoutSeconds * 1000),
            retry: { maxRetries, baseDelayMs, maxDelayMs },
            jobStatus,
            resultGiven,
            jobCheckRunId,
            matrix,
            commitSha,
            repository,
        },
    };
}
function parseBoolean(name, raw, fallback, problem) {
    if (raw === '')
        return fallback;
    const value = raw.toLowerCase();
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    return problem(name, `must be true or false, got ${quote(raw)}`);
}
function parseChoice(name, raw, choices, problem) {
    const value = raw.toLowerCase();
    if (choices.includes(value))
        return value;
    return problem(name, `must be one of ${choices.join(', ')}; got ${quote(raw)}`);
}
function parseNumber(name, raw, bounds, problem) {
    if (raw === '')
        return bounds.fallback;
    const value = Number(raw);
    const kind = bounds.integer ? 'a whole number' : 'a number';
    if (!/^[0-9.]+$/.test(raw) || !Number.isFinite(value) || (bounds.integer && !Number.isInteger(value))) {
        return problem(name, `must be ${kind} from ${bounds.min} to ${bounds.max}, got ${quote(raw)}`);
    }
    if (value < bounds.min || value > bounds.max) {
        return problem(name, `must be ${kind} from ${bounds.min} to ${bounds.max}, got ${raw}`);
    }
    return value;
}
function parseOrgSlug(raw, problem) {
    if (raw === '')
        return undefined;
    if (!isOrgSlug(raw)) {
        return problem(INPUT.orgSlug, 'must be your Last9 organization slug: letters, digits, "-", "_" or "." only (no "/", "..", or spaces)');
    }
    return raw;
}
/** One service, or several separated by commas or new lines (`service: api, worker`): a window each. */
function parseServices(service, serviceName, env, problem, notices) {
    if (service && serviceName && service !== serviceName) {
        return problem(INPUT.service, `and service_name disagree (${quote(service)} vs ${quote(serviceName)}); set only one of them`);
    }
    const name = serviceName && !service ? INPUT.serviceName : INPUT.service;
    const given = service || serviceName;
    const listed = given ? [...new Set(given.split(/\s*(?:,|\r?\n)\s*/).filter(Boolean))] : [env.GITHUB_REPOSITORY?.split('/')[1] ?? ''].filter(Boolean);
    if (listed.length === 0)
        return problem(INPUT.service, 'is empty and GITHUB_REPOSITORY is not set to default it from');
    if (listed.length > MAX_SERVICES)
        return problem(name, `lists ${listed.length} services; one step marks at most ${MAX_SERVICES}`);
    const spaced = listed.filter((candidate) => /\s/.test(candidate));
    if (spaced.length > 0)
        notices.push(`${name} ${quoteList(spaced)} is kept as one service name with a space in it; several services are separated by commas or new lines`);
    const checked = listed.map((candidate) => parseLabelValue(name, candidate, problem));
    return checked.every((candidate) => candidate !== undefined) ? checked : undefined;
}
function parseApiBaseUrl(raw, problem) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return problem(INPUT.apiBaseUrl, `is not a URL: ${quote(withoutUserInfo(raw))}`);
    }
    if (url.username || url.password) {
        return problem(INPUT.apiBaseUrl, 'must not contain credentials; pass the token through refresh_token');
    }
    if (url.search || url.hash) {
        return problem(INPUT.apiBaseUrl, 'must not contain a query or fragment');
    }
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
        return problem(INPUT.apiBaseUrl, `must use https (plain http is only allowed for a loopback host), got "${url.origin}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        return problem(INPUT.apiBaseUrl, `must be an https URL, got "${url.protocol}"`);
    }
    return url.href.replace(/\/+$/, '');
}
/** A deployment id as the deployment_id input accepts it (a generated UUID is one too). */
function isDeploymentId(value) {
    return typeof value === 'string' && DEPLOYMENT_ID.test(value);
}
function parseDeploymentId(raw, problem) {
    return parseChecked(INPUT.deploymentId, raw, DEPLOYMENT_ID, 'must be 1 to 128 letters, digits, ".", "_", ":" or "-" (pass the deployment_id output of the start step)', problem);
}
/**
 * ISO 8601 with a time zone, epoch seconds (`date +%s`) or epoch milliseconds (`Date.now()`): an
 * all-digit value below EPOCH_SECONDS_BELOW is seconds. It must lie within the life of a workflow run.
 */
function parseStartedAt(raw, nowMs, problem) {
    if (raw === '')
        return undefined;
    const epoch = /^\d{1,16}$/.test(raw) ? Number(raw) : undefined;
    const epochMs = epoch === undefined ? undefined : epoch < EPOCH_SECONDS_BELOW ? epoch * 1000 : epoch;
    const isoMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw) ? Date.parse(raw) : undefined;
    const ms = epochMs ?? isoMs;
    if (ms === undefined || Number.isNaN(ms)) {
        return problem(INPUT.startedAt, `must be an ISO 8601 time with a zone (2026-01-15T17:57:22Z), epoch seconds or epoch milliseconds, got ${quote(raw)}`);
    }
    const shown = new Date(ms).toISOString();
    if (ms > nowMs + MAX_STARTED_AT_SKEW_MS)
        return problem(INPUT.startedAt, `is in the future (${shown}); pass the started_at output of the start step`);
    if (ms < nowMs - MAX_STARTED_AT_AGE_MS) {
        return problem(INPUT.startedAt, `is ${shown}, more than 35 days ago (longer than a workflow run can last); pass the started_at output of the start step`);
    }
    return new Date(ms);
}
/** Names separated by commas, spaces or new lines. */
function parseNames(name, raw, pattern, problem) {
    const names = raw.split(/[\s,]+/).filter(Boolean);
    const bad = names.filter((candidate) => !pattern.test(candidate));
    if (bad.length > 0)
        return problem(name, `has names that are not valid: ${quoteList(bad)}`);
    return [...new Set(names)];
}
/**
 * The variables capture_env never reads: those whose values are secrets (redact.ts), the inputs of
 * this or any action (the refresh token among them) and the runner's runtime. Windows treats
 * variable names without regard to case.
 */
const NEVER_CAPTURED = [...SECRET_VARIABLES, /^INPUT_/i, /^ACTIONS_RUNTIME_/i];
function withoutSecretVariables(names, warnings) {
    const refused = names.filter((name) => NEVER_CAPTURED.some((pattern) => pattern.test(name)));
    if (refused.length > 0) {
        warnings.push(`capture_env never reads ${quoteList(refused)}: the action's inputs and the runner's tokens are secrets, not labels`);
    }
    return names.filter((name) => !refused.includes(name));
}
/** What becomes a label value and is printed: one line, no control characters, bounded like every value. */
function parseLabelValue(name, raw, problem) {
    if (CONTROL_CHARACTER.test(raw))
        return problem(name, 'must be one line, without control characters');
    if ([...raw].length > MAX_VALUE_LENGTH)
        return problem(name, `must be at most ${MAX_VALUE_LENGTH} characters, got ${[...raw].length}`);
    return raw;
}
function parseCustomAttributes(raw, problem, warnings) {
    if (raw === '')
        return {};
    return raw.startsWith('{') ? parseJsonAttributes(raw, problem) : parseKeyValueLines(raw, warnings);
}
function parseJsonAttributes(raw, problem) {
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch (error) {
        return problem(INPUT.customAttributes, `is not valid JSON (${error.message})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return problem(INPUT.customAttributes, 'must be a JSON object of key/value pairs');
    }
    // Built from entries: a key such as "__proto__" stays a key (and is refused, with a warning, later).
    const attributes = [];
    for (const [key, value] of Object.entries(parsed)) {
        if (value === null)
            continue;
        if (typeof value === 'object') {
            return problem(INPUT.customAttributes, `value of ${quote(key)} must be a string, number or boolean, not ${Array.isArray(value) ? 'an array' : 'an object'}`);
        }
        attributes.push([key, String(value)]);
    }
    return Object.fromEntries(attributes);
}
/**
 * One attribute a line, `key=value` or `key:value` (as Datadog's --tags and Grafana's annotation
 * tags are written): the first `=` or `:` ends the key. A line that is neither is dropped, named
 * in a warning; the others are sent.
 */
function parseKeyValueLines(raw, warnings) {
    const attributes = [];
    const unreadable = [];
    for (const [index, line] of raw.split(/\r?\n/).entries()) {
        if (line.trim() === '' || line.trim().startsWith('#'))
            continue;
        const separator = line.search(/[=:]/);
        const key = line.slice(0, separator).trim();
        if (separator < 0 || key === '')
            unreadable.push(`line ${index + 1} (${quote(line.trim())})`);
        else
            attributes.push([key, line.slice(separator + 1).trim()]);
    }
    if (unreadable.length > 0)
        warnings.push(`custom_attributes ${unreadable.slice(0, MAX_LISTED).join(', ')} ${unreadable.length === 1 ? 'is' : 'are'} not key=value or key:value, and dropped`);
    return Object.fromEntries(attributes);
}
function parseJobStatus(name, raw, warnings) {
    const value = raw.toLowerCase();
    if (JOB_STATUSES.includes(value))
        return value;
    if (raw === '')
        return undefined;
    warnings.push(name === INPUT.result
        ? `result ${quote(raw)} is not success, failure or cancelled; the stop is sent without a result`
        : `job_status ${quote(raw)} is not success, failure or cancelled; leave job_status unset so the runner fills it in`);
    return undefined;
}
/** An optional input that must match `pattern`. */
function parseChecked(name, raw, pattern, message, problem) {
    if (raw === '' || pattern.test(raw))
        return raw || undefined;
    return problem(name, message);
}
function parseJobCheckRunId(raw, warnings) {
    if (/^\d+$/.test(raw))
        return raw;
    if (raw !== '')
        warnings.push(`job_check_run_id "${raw}" is not a number; leave it unset so the runner fills it in`);
    return undefined;
}
function parseMatrix(raw, warnings) {
    if (raw === '' || raw === 'null')
        return {};
    try {
        const parsed = JSON.parse(raw);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
            return parsed;
    }
    catch {
        // reported below
    }
    warnings.push('matrix is not a JSON object; leave it unset so the runner fills it in with toJSON(matrix)');
    return {};
}

;// CONCATENATED MODULE: ./src/runner/inputs.ts
// Reading the action's inputs in a step: the tokens masked before anything else is printed, then
// the settings, with every input problem, warning and notice shown once per window.





/** The inputs that hold tokens: masked first, and blanked out of any error message. */
const TOKEN_INPUTS = [INPUT.refreshToken, INPUT.githubToken];
/**
 * Masks the tokens the step is given before anything else is printed: the refresh token first,
 * then the job token. A value too short to mask safely is not masked (it would blank that text
 * everywhere in the log); it is never printed either.
 */
function maskTokens() {
    for (const input of TOKEN_INPUTS) {
        const token = getInput(input).trim();
        if (token.length >= MIN_SECRET_LENGTH)
            core_setSecret(token);
    }
}
/**
 * The step's settings. Input problems are always error annotations (they fail the step only with
 * fail_on_error); warnings and notices are shown unless `alreadyShown` has them: the post step
 * reads the same inputs again and must not say twice what its main step said.
 */
function readStepSettings(alreadyShown = []) {
    const { settings, problems, warnings, notices, failOnError } = readSettings((name) => getInput(name), process.env);
    const shown = [];
    const show = (texts, print) => {
        for (const text of texts.map((text) => `Last9: ${text}`)) {
            if (alreadyShown.includes(text))
                continue;
            print(text);
            shown.push(text);
        }
    };
    show(warnings, log.warning);
    show(notices, log.notice);
    for (const problem of problems)
        reportInputProblem(describeInputProblem(problem), failOnError);
    return { settings, shown };
}
/** An input problem: always an error annotation; it fails the step only with fail_on_error. */
function reportInputProblem(message, failOnError) {
    log.error(message);
    if (failOnError)
        process.exitCode = EXIT_FAILURE;
}

;// CONCATENATED MODULE: ./src/runner/guard.ts
// What keeps a step from breaking the job: an unexpected error becomes one annotation, never a
// stack trace; a cancelled step says what that means for the marker and exits at once.





function reportWarnings(warnings) {
    for (const warning of warnings)
        log.warning(`Last9: ${warning}`);
}
/** A warning, or with fail_on_error an error that fails the step. */
function reportFailure(message, failOnError) {
    if (failOnError) {
        log.error(message);
        process.exitCode = EXIT_FAILURE;
    }
    else {
        log.warning(message);
    }
}
/**
 * How the runner cancels a step: SIGINT, then SIGTERM 7.5 s later (on Windows it escalates with
 * Ctrl+Break, SIGBREAK, which Node can listen for there), then a kill. Exit codes as a shell reports them.
 */
const CANCEL_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGBREAK: 149 };
/** The handlers the last exitPromptlyOnCancel registered: each call replaces them. */
let cancelHandlers = [];
/**
 * When the runner cancels the step, says what that means for the marker now (the latest call's
 * consequence) and exits at once: whatever the post step needs is already saved.
 */
function exitPromptlyOnCancel(consequence, exit = process.exit) {
    for (const [signal, handler] of cancelHandlers)
        process.off(signal, handler);
    cancelHandlers = Object.entries(CANCEL_SIGNALS).map(([signal, code]) => {
        const handler = () => {
            log.warning(`Last9: the step was cancelled (${signal}) ${consequence}`);
            exit(code);
        };
        process.once(signal, handler);
        return [signal, handler];
    });
}
/** Runs a step body; an unexpected error becomes a one-line annotation, never a stack trace. */
async function guard(body) {
    try {
        await body();
    }
    catch (error) {
        const tokens = TOKEN_INPUTS.map((input) => getInput(input).trim());
        const message = redact(error instanceof Error ? error.message : String(error), tokens);
        const failOnError = getInput(INPUT.failOnError).trim().toLowerCase() === 'true';
        reportFailure(`Last9: unexpected error in deployment-marker (${message}). The deploy itself is unaffected.`, failOnError);
    }
}

;// CONCATENATED MODULE: ./src/runner/state.ts
// Everything a step hands on, through the runner's files:
// - to the later steps and the workflow: its outputs (GITHUB_OUTPUT) and the job summary;
// - to its own post step (GITHUB_STATE, read back as STATE_<name>): the windows it opened (one a
//   service) and when to stop them, the access token to reuse, whether Last9 got each start, and
//   the warnings already shown;
// - to the later steps of the job (GITHUB_ENV): one record per window (start time, the start's
//   attributes, closed or not), and per service/env/event_name the ids of the windows still open,
//   newest last, so that a stop step finds its window with no wiring by the user.
// A window is its deployment id for its service, env and event name: a window reopened for the
// same service never hides that an earlier one was already closed, and two services given the
// same deployment_id are two windows. Every window gets exactly one stop.
// Whatever is read back is untrusted (any earlier step can write GITHUB_ENV) and is checked field
// by field; whatever is written stays far below what one variable may hold (32,767 characters on
// Windows; on Linux a variable over 128 KiB stops every later step from starting).







const LOST_WITH = {
    GITHUB_STATE: "this step's post step may not learn of the window it opened, and then sends no stop for it",
    GITHUB_ENV: 'later steps of this job may not know which windows are open or already closed',
    GITHUB_OUTPUT: "later steps may miss some of this step's outputs (deployment_id, started_at, …)",
    GITHUB_STEP_SUMMARY: "the job summary does not show this window",
};
/**
 * A step's runner files, through @actions/core, which throws when one cannot be written (a full
 * disk, a path that is a directory). What that file would have handed on is lost, said in one
 * warning per file; the step goes on and still sends its event. One per step.
 */
function runnerFiles() {
    const unwritable = new Set();
    const write = (file, command) => {
        try {
            command();
        }
        catch (error) {
            if (unwritable.has(file))
                return;
            unwritable.add(file);
            const reason = error instanceof Error ? error.message : String(error);
            log.warning(`Last9: could not write ${file} (${reason}); ${LOST_WITH[file]}. The deploy itself is unaffected.`);
        }
    };
    return {
        saveState: (name, value) => write('GITHUB_STATE', () => saveState(name, value)),
        getState: (name) => getState(name),
        exportVariable: (name, value) => write('GITHUB_ENV', () => exportVariable(name, value)),
        getEnv: (name) => process.env[name],
        setOutput: (name, value) => write('GITHUB_OUTPUT', () => setOutput(name, value)),
        appendSummary: (markdown) => {
            const path = process.env.GITHUB_STEP_SUMMARY;
            if (path)
                write('GITHUB_STEP_SUMMARY', () => (0,external_node_fs_namespaceObject.appendFileSync)(path, markdown));
        },
    };
}
/**
 * At most this much of the warnings already shown is handed to the post step; a warning past it
 * is shown again by the post step, which costs a repeated line and nothing else.
 */
const MAX_WARNINGS_SHOWN_CHARS = 8_000;
/**
 * The ids of the windows still open per service/env/event_name that this job keeps, the newest:
 * no real job opens more, and ids of at most 128 characters keep the list under 7,000 characters.
 */
const MAX_OPEN_WINDOWS = 50;
/** Last9's earlier action named three of our outputs differently; both names are set. */
const OUTPUT_ALIASES = { startedAt: 'startTimestamp', stoppedAt: 'stopTimestamp', delivered: 'success' };
class StepState {
    files;
    constructor(files) {
        this.files = files;
    }
    setOutputs(values) {
        for (const [key, value] of Object.entries(values)) {
            if (value === undefined)
                continue;
            this.files.setOutput(OUTPUT[key], value);
            const alias = OUTPUT_ALIASES[key];
            if (alias)
                this.files.setOutput(OUTPUT[alias], value);
        }
    }
    /** What shipped, as outputs (for a Slack message or a release note), from a window's attributes. */
    setShippedOutputs(attributes) {
        this.setOutputs({
            previousCommitSha: attributes.previous_commit_sha,
            compareUrl: attributes.compare_url,
            commitCount: attributes.commit_count,
            leadTimeS: attributes.lead_time_s,
            prNumber: attributes.github_pr_number,
            rollback: attributes.rollback,
        });
    }
    writeSummary(markdown) {
        this.files.appendSummary(markdown);
    }
    /**
     * Saves every key the post step reads, blank, before anything else can fail. The runner gives the
     * post step each key its main step saved as STATE_<name>, over any STATE_<name> an earlier step
     * put into GITHUB_ENV; a key never saved would let such a forged value through.
     */
    clearPostState() {
        for (const name of [...Object.values(STATE), ...Array.from({ length: MAX_SERVICES }, (_, index) => windowStateName(index))])
            this.files.saveState(name, '');
    }
    /**
     * A step opened windows, a service each: later stop steps can find them, and its post step stops
     * them (`postStop`). Saved before the starts are sent, so a cancelled step loses nothing.
     */
    windowsOpened(key, windows, postStop) {
        if (postStop) {
            windows.forEach((window, index) => this.files.saveState(windowStateName(index), JSON.stringify(window)));
            this.files.saveState(STATE.windows, String(windows.length));
            this.files.saveState(STATE.postStop, postStop);
        }
        for (const window of windows) {
            const windowKey = { ...key, service: window.service };
            this.writeRecord(windowKey, window.deploymentId, { startedAt: window.startedAt, attributes: window.attributes, closed: false });
            this.writeOpenIds(windowKey, [...this.openIds(windowKey).filter((id) => id !== window.deploymentId), window.deploymentId]);
        }
    }
    accessTokenReceived(token) {
        this.files.saveState(STATE.accessToken, JSON.stringify(token));
    }
    startDelivered(delivered) {
        this.files.saveState(STATE.startDelivered, JSON.stringify(delivered));
    }
    warningsShown(warnings) {
        if (warnings.length > 0)
            this.files.saveState(STATE.warningsShown, JSON.stringify(withinLength(warnings, MAX_WARNINGS_SHOWN_CHARS)));
    }
    /** What the main step left its post step; undefined when it opened no window. */
    postState() {
        const count = Number(this.files.getState(STATE.windows));
        const stop = this.files.getState(STATE.postStop);
        if (!Number.isInteger(count) || count < 1 || count > MAX_SERVICES || (stop !== 'always' && stop !== 'if-the-job-failed'))
            return undefined;
        const windows = Array.from({ length: count }, (_, index) => openedWindowOf(parseJson(this.files.getState(windowStateName(index)))));
        if (!windows.every((window) => window !== undefined))
            return undefined;
        const delivered = parseJson(this.files.getState(STATE.startDelivered));
        const warnings = parseJson(this.files.getState(STATE.warningsShown));
        return {
            windows,
            stop,
            startDelivered: windows.map((_, index) => (Array.isArray(delivered) && typeof delivered[index] === 'boolean' ? delivered[index] : undefined)),
            accessToken: accessTokenOf(parseJson(this.files.getState(STATE.accessToken))),
            warningsShown: Array.isArray(warnings) ? warnings.filter((warning) => typeof warning === 'string') : [],
        };
    }
    /** What this job knows of the key's window with this id: undefined if another job opened it (or none did). */
    window(key, deploymentId) {
        const record = parseJson(this.files.getEnv(recordName(key, deploymentId)));
        if (!isRecord(record) || typeof record.closed !== 'boolean')
            return undefined;
        return { deploymentId, startedAt: isoDate(record.startedAt), attributes: attributesOf(record.attributes), closed: record.closed };
    }
    /** The newest window of this job still open for the key. */
    newestOpenWindow(key) {
        for (const id of this.openIds(key).reverse()) {
            const window = this.window(key, id);
            if (window && !window.closed)
                return window;
        }
        return undefined;
    }
    /** Marked before the stop is sent, so that no later step sends a second one. */
    windowClosed(key, window) {
        this.writeRecord(key, window.deploymentId, { startedAt: window.startedAt, closed: true });
        const open = this.openIds(key);
        if (open.includes(window.deploymentId))
            this.writeOpenIds(key, open.filter((id) => id !== window.deploymentId));
    }
    writeRecord(key, deploymentId, record) {
        this.files.exportVariable(recordName(key, deploymentId), JSON.stringify(record));
    }
    openIds(key) {
        const ids = parseJson(this.files.getEnv(openIdsName(key)));
        return Array.isArray(ids) ? ids.filter(isDeploymentId) : [];
    }
    writeOpenIds(key, ids) {
        this.files.exportVariable(openIdsName(key), JSON.stringify(ids.slice(-MAX_OPEN_WINDOWS)));
    }
}
/** Environment variable names must be plain; deployment ids and service names need not be. */
function recordName({ service, env, eventName }, deploymentId) {
    return JOB_ENV_PREFIX.deployment + digest(JSON.stringify([deploymentId, service, env, eventName]));
}
function openIdsName({ service, env, eventName }) {
    return JOB_ENV_PREFIX.openWindows + digest(JSON.stringify([service, env, eventName]));
}
function digest(text) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(text).digest('hex').slice(0, 16).toUpperCase();
}
/** The first texts whose JSON array stays within maxChars; the others are left out. */
function withinLength(texts, maxChars) {
    let length = '[]'.length;
    return texts.filter((text) => {
        const added = JSON.stringify(text).length + ','.length;
        if (length + added > maxChars)
            return false;
        length += added;
        return true;
    });
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function attributesOf(value) {
    return isRecord(value) && Object.values(value).every((attribute) => typeof attribute === 'string') ? value : undefined;
}
function openedWindowOf(value) {
    if (!isRecord(value) || !isDeploymentId(value.deploymentId) || typeof value.service !== 'string')
        return undefined;
    const startedAt = isoDate(value.startedAt);
    return startedAt ? { deploymentId: value.deploymentId, service: value.service, startedAt, attributes: attributesOf(value.attributes) ?? {} } : undefined;
}
function accessTokenOf(value) {
    if (!isRecord(value) || typeof value.token !== 'string' || !value.token)
        return undefined;
    const { token, expiresAtMs } = value;
    return typeof expiresAtMs === 'number' && Number.isFinite(expiresAtMs) ? { token, expiresAtMs } : { token };
}

;// CONCATENATED MODULE: ./src/last9/failures.ts
// One-line explanations of what went wrong with a Last9 call: which call, what Last9 said, and
// what the user should check. Pure.
const CALL_NAMES = {
    token: 'exchange the refresh token for an access token',
    start: 'send the start event',
    stop: 'send the stop event',
};
function describeFailure(failure, context) {
    const tries = context.attempts === 1 ? '1 try' : `${context.attempts} tries`;
    const what = `Last9: could not ${CALL_NAMES[context.call]}`;
    const consequence = context.call === 'token'
        ? `The ${context.event} event was not sent; the deploy itself is unaffected.`
        : `The ${context.event} event is missing on Last9; the deploy itself is unaffected.`;
    return `${what} (${said(failure)}, after ${tries}). ${hint(failure, context)} ${consequence}`;
}
function said(failure) {
    switch (failure.kind) {
        case 'http':
            return failure.body ? `HTTP ${failure.status}: ${failure.body}` : `HTTP ${failure.status}`;
        case 'network':
            return `network error: ${failure.message}`;
        case 'timeout':
            return `no answer within timeout_seconds (${failure.budgetMs / 1000} s)`;
        case 'bad-answer':
            return failure.detail;
    }
}
function hint(failure, context) {
    if (failure.kind === 'network' || failure.kind === 'timeout') {
        return `Check that the runner can reach ${context.apiBaseUrl} (api_base_url; on self-hosted runners also HTTPS_PROXY/NO_PROXY).`;
    }
    if (failure.kind === 'bad-answer')
        return `Check that api_base_url (${context.apiBaseUrl}) points at the Last9 API.`;
    const { status } = failure;
    if (context.call === 'token' && [400, 401, 403].includes(status)) {
        return 'Last9 rejected the refresh token: check the refresh_token secret (a Last9 refresh token with write scope that has not been revoked).';
    }
    if (status === 404) {
        return context.call === 'token'
            ? `Check api_base_url (${context.apiBaseUrl}).`
            : `Check that org_slug "${context.orgSlug ?? ''}" is your Last9 organization slug.`;
    }
    if (status === 401 || status === 403)
        return 'Last9 refused the access token: check that the refresh token has write scope for this organization.';
    if (status === 400 || status === 422)
        return 'Last9 refused the event as malformed; please report this with the message above.';
    if (status === 429 || status >= 500)
        return 'Last9 is unavailable or rate-limiting; retries did not get through in time (timeout_seconds, max_retry_attempts).';
    return 'Check refresh_token, org_slug and api_base_url.';
}

;// CONCATENATED MODULE: ./src/last9/session.ts
// A step's conversation with Last9: at most one token exchange (reusing the main step's access
// token in the post step while it is valid), then the event, over one kept-alive connection.



/** A token this close to expiry is exchanged again rather than risked. */
const TOKEN_EXPIRY_MARGIN_MS = 60_000;
class Last9Session {
    settings;
    options;
    client;
    token;
    /** True when the token came from the main step rather than from this session's exchange. */
    reusingToken;
    exchanging;
    warnedOrganization = false;
    constructor(settings, options) {
        this.settings = settings;
        this.options = options;
        this.client = new Last9Client({
            apiBaseUrl: settings.apiBaseUrl,
            retry: settings.retry,
            deadline: new Deadline(settings.timeoutMs),
            attemptTimeoutMs: attemptTimeoutMs(settings.timeoutMs, settings.retry),
            secrets: [settings.refreshToken, ...(options.cachedToken ? [options.cachedToken.token] : [])],
        });
        const cached = options.cachedToken;
        this.token = cached && (cached.expiresAtMs === undefined || cached.expiresAtMs - Date.now() > TOKEN_EXPIRY_MARGIN_MS) ? cached : undefined;
        this.reusingToken = this.token !== undefined;
    }
    /** Starts the token exchange now, so that it overlaps what the step does before it sends (the GitHub lookups). */
    prepare(forEvent) {
        if (!this.token)
            this.exchanging ??= this.exchange(forEvent);
    }
    async deliver(event) {
        const token = this.token ?? (await (this.exchanging ??= this.exchange(event.event_state)));
        if ('message' in token)
            return token;
        const org = this.organization(token);
        if (typeof org !== 'string')
            return org;
        let sent = await this.client.sendEvent(token.token, org, event);
        // The main step's token may have been revoked or expired early; one fresh exchange settles it.
        if (!sent.ok && this.reusingToken && sent.failure.kind === 'http' && sent.failure.status === 401) {
            this.options.info('Last9 refused the access token saved by the main step; exchanging the refresh token again.');
            const fresh = await this.exchange(event.event_state);
            if ('message' in fresh)
                return fresh;
            sent = await this.client.sendEvent(fresh.token, org, event);
        }
        return sent.ok ? { delivered: true } : this.failed(event.event_state, event.event_state, sent, org);
    }
    /**
     * Where the events go: the organization the access token is for, else org_slug. A token for
     * another organization than org_slug names could not write there: the events go to the token's,
     * and a warning names both (a typo in org_slug would otherwise be a bare 404).
     */
    organization(token) {
        const named = tokenOrganization(token.token);
        const given = this.settings.orgSlug;
        if (named && given && named !== given && !this.warnedOrganization) {
            this.warnedOrganization = true;
            this.options.warn(`org_slug "${given}" is not the organization the access token is for ("${named}"): the events go to "${named}". Set org_slug to "${named}", or leave it out.`);
        }
        const org = named ?? given;
        if (org)
            return org;
        return { delivered: false, input: true, message: 'Input "org_slug" is required: the access token does not say which Last9 organization it is for. No marker was sent.' };
    }
    dispose() {
        this.client.dispose();
    }
    async exchange(forEvent) {
        const result = await this.client.exchangeToken(this.settings.refreshToken);
        if (!result.ok)
            return this.failed('token', forEvent, result);
        this.options.mask(result.value.token);
        this.token = result.value;
        this.options.onNewToken?.(result.value);
        return result.value;
    }
    failed(call, event, result, org) {
        const message = describeFailure(result.failure, {
            call,
            event,
            attempts: result.attempts,
            orgSlug: org ?? this.settings.orgSlug,
            apiBaseUrl: this.settings.apiBaseUrl,
        });
        return { delivered: false, message };
    }
}

;// CONCATENATED MODULE: ./src/runner/summary.ts
// The job summary of a window: its events, whether Last9 got them, and the attributes that matter.



const KEY_ATTRIBUTES = ['service_name', 'deployment_environment', 'deployment_id', 'result', 'duration_ms', 'version', 'commit_sha', 'branch', 'tag', 'actor'];
const OUTCOMES = new Map([
    [true, '✅ delivered'],
    [false, '⚠️ not delivered'],
    ['dry-run', '🧪 dry run: not sent'],
    [undefined, '❔ unknown (the main step was cancelled)'],
]);
/** The window's job summary, as Markdown (built with @actions/core's summary, written by the step). */
function windowSummary({ settings, attributes, events }) {
    const header = (text) => ({ data: text, header: true });
    const summary = summary_summary
        .addHeading(`Last9 deployment marker: ${summaryText(settings.service)} → ${summaryText(settings.env)}`, 3)
        .addTable([
        [header('event'), header('event_state'), header('time (UTC)'), header('Last9')],
        ...events.map((event) => [summaryText(settings.eventName), event.state, summaryText(event.at), OUTCOMES.get(event.delivered)]),
    ])
        .addTable([
        [header('attribute'), header('value')],
        ...KEY_ATTRIBUTES.filter((key) => attributes[key] !== undefined).map((key) => [key, summaryText(attributes[key])]),
    ]);
    const shipped = whatShipped(attributes);
    if (shipped.length > 0)
        summary.addHeading('What shipped', 4).addList(shipped);
    const runUrl = workflowRunUrl(process.env);
    if (runUrl)
        summary.addLink('This workflow run', runUrl);
    const markdown = summary.stringify();
    summary.emptyBuffer();
    return markdown;
}
const CONTROL_CHARACTER_RUNS = new RegExp(`${CONTROL_CHARACTER.source}+`, 'g');
/** Links only of the shape GitHub gives them: core.summary puts an href into the page as it is. */
const PULL_REQUEST_URL = new RegExp(String.raw `^${REPOSITORY_PAGE}\/pull\/\d+$`);
const COMPARE_URL = new RegExp(String.raw `^${REPOSITORY_PAGE}\/compare\/([0-9a-f]{40})\.\.\.([0-9a-f]{40})$`);
/** The "What shipped" list: the pull request with its title, the compare link, the commit count, the lead time. */
function whatShipped(attributes) {
    const items = [];
    const { github_pr_number: number, github_pr_title: title, github_pr_url: prUrl, compare_url: compareUrl, commit_count: count, lead_time_s: leadTime } = attributes;
    if (number) {
        const name = `#${summaryText(number)}`;
        const link = prUrl && PULL_REQUEST_URL.test(prUrl) ? `<a href="${prUrl}">${name}</a>` : name;
        items.push(`Pull request ${link}${title ? ` ${summaryText(title)}` : ''}`);
    }
    const compared = compareUrl ? COMPARE_URL.exec(compareUrl) : null;
    if (compared)
        items.push(`Changes: <a href="${compareUrl}">${compared[1]?.slice(0, 7)}...${compared[2]?.slice(0, 7)}</a>`);
    if (count && /^\d+$/.test(count))
        items.push(`${count} ${count === '1' ? 'commit' : 'commits'}`);
    if (leadTime && /^\d+$/.test(leadTime))
        items.push(`Lead time ${humanDuration(Number(leadTime))} (from the oldest commit to this deploy)`);
    return items;
}
function humanDuration(seconds) {
    const days = Math.floor(seconds / 86_400);
    const hours = Math.floor((seconds % 86_400) / 3_600);
    const minutes = Math.floor((seconds % 3_600) / 60);
    if (days > 0)
        return `${days} d ${hours} h`;
    if (hours > 0)
        return `${hours} h ${minutes} min`;
    return minutes > 0 ? `${minutes} min` : `${seconds} s`;
}
/**
 * A value as the summary shows it. The summary is Markdown around HTML blocks: a line break (a
 * blank line ends the block) would let what follows render as Markdown — links, images — so every
 * value is one line, and HTML- and Markdown-significant characters become entities.
 */
function summaryText(text) {
    return (text
        .replace(CONTROL_CHARACTER_RUNS, ' ')
        .replace(/[&<>"'`[\]()!*_|\\]/g, (character) => `&#${character.charCodeAt(0)};`));
}

;// CONCATENATED MODULE: ./src/steps/window.ts
// Sending the events of a deployment window and saying how it went (outputs, log, job summary).
// main-step.ts and post-step.ts decide which events a step sends.







/**
 * A session with Last9 whose token exchange starts now; none in a dry run. What it warns of is
 * added to `shown`, and not said again when `shown` has it (the main step said it already).
 */
function openSession(settings, options, forEvent) {
    if (settings.dryRun)
        return undefined;
    const warn = (text) => {
        const warning = `Last9: ${text}`;
        if (options.shown?.includes(warning))
            return;
        log.warning(warning);
        options.shown?.push(warning);
    };
    const session = new Last9Session(settings, { ...options, mask: log.mask, info: log.info, warn });
    session.prepare(forEvent);
    return session;
}
/**
 * Sends the stop of each window: the start's attributes plus the result and the duration. The
 * outputs are the window's; of several windows, deployment_ids says each one's id and delivered
 * is true only if Last9 got every stop.
 */
async function sendStops(settings, state, stops, session) {
    exitPromptlyOnCancel('before Last9 confirmed the stop event; the marker may be missing its stop on Last9.');
    const outcomes = [];
    for (const stop of stops)
        outcomes.push(await sendStop({ ...settings, service: stop.service }, state, stop, session));
    state.setOutputs({ delivered: String(outcomes.every((outcome) => outcome === true)), ...windowIds(stops.map(({ service, window }) => ({ service, deploymentId: window.deploymentId }))) });
}
/** The deployment_id output of one window (empty for several: it would be one service's), and deployment_ids: each service's. */
function windowIds(windows) {
    return {
        deploymentId: windows.length === 1 ? (windows[0]?.deploymentId ?? '') : '',
        deploymentIds: JSON.stringify(Object.fromEntries(windows.map(({ service, deploymentId }) => [service, deploymentId]))),
    };
}
async function sendStop(settings, state, { window, start }, session) {
    const stoppedAt = new Date();
    const durationMs = window.startedAt === undefined ? undefined : stoppedAt.getTime() - Date.parse(window.startedAt);
    const result = settings.jobStatus;
    const attributes = stopAttributes(window.attributes, result, durationMs);
    state.setOutputs({
        deploymentId: window.deploymentId,
        startedAt: window.startedAt,
        stoppedAt: stoppedAt.toISOString(),
        durationMs: durationMs === undefined ? undefined : String(durationMs),
        result: result ?? '',
    });
    state.setShippedOutputs(attributes);
    const outcome = await deliver(settings, changeEvent(settings, 'stop', stoppedAt, attributes), session);
    if (outcome === true) {
        const duration = durationMs === undefined ? 'a point marker' : `${durationMs} ms`;
        log.info(`Last9: deployment window ${window.deploymentId} of ${settings.service} stopped (${result ?? 'result unknown'}, ${duration}).`);
    }
    const stop = { state: 'stop', at: stoppedAt.toISOString(), delivered: outcome };
    state.writeSummary(windowSummary({ settings, attributes, events: start ? [start, stop] : [stop] }));
    return outcome;
}
/** Sends one event over the session, or without one (a dry run) prints exactly what would be sent. */
async function deliver(settings, event, session) {
    if (!session) {
        const url = settings.apiBaseUrl + changeEventsPath(settings.orgSlug ?? '{the organization of the access token}');
        log.info(`Last9 dry run: nothing is sent. The ${event.event_state} event would be PUT to ${url}:\n${JSON.stringify(event, null, 2)}`);
        return 'dry-run';
    }
    const delivery = await session.deliver(event);
    if (!delivery.delivered && delivery.input)
        reportInputProblem(delivery.message, settings.failOnError);
    else if (!delivery.delivered)
        reportFailure(delivery.message, settings.failOnError);
    return delivery.delivered;
}

;// CONCATENATED MODULE: ./src/steps/main-step.ts
// The main step: opens a window for each service (event_state window or start), sends a start
// and its stop at once (both), or sends an explicit stop. Only this step looks up what shipped
// (the post step repeats its start's attributes), so only it loads @actions/github
// (dist/github-api.js).











async function run() {
    maskTokens();
    await guard(async () => {
        const state = new StepState(runnerFiles());
        state.clearPostState();
        const { settings, shown } = readStepSettings();
        if (!settings)
            return;
        await (settings.eventState === 'stop' ? stopWindows(settings, state) : openWindows(settings, state, shown));
    });
}
/** Who stops the windows a step opens, and what the log says of it. */
const CLOSERS = {
    window: { postStop: 'always', closer: 'the post step will close it', onCancel: 'the post step will still send the stop event.' },
    start: {
        postStop: 'if-the-job-failed',
        closer: 'close it with event_state: stop',
        onCancel: 'a stop step (or, if the job fails, the post step) will still close the window.',
    },
    // Its stops are sent at once, by the step itself.
    both: { closer: 'its stop follows', onCancel: 'its stop event is not sent.' },
};
/**
 * Sends the starts, one window a service, over one token exchange that starts first, so that it
 * overlaps the lookups of what shipped (made once for all of them). The post step gets what it
 * needs to stop them.
 */
async function openWindows(settings, state, warningsShown) {
    const startedAt = new Date();
    const { postStop, closer, onCancel } = CLOSERS[settings.eventState];
    const onNewToken = postStop ? (token) => state.accessTokenReceived(token) : undefined;
    const session = openSession(settings, { onNewToken, shown: warningsShown }, 'start');
    try {
        const { context, shipped } = await readContext(settings, startedAt);
        const made = settings.services.map((service) => {
            const deploymentId = settings.deploymentId ?? (0,external_node_crypto_namespaceObject.randomUUID)();
            const { attributes, warnings } = startAttributes({ ...settings, service }, deploymentId, context, shipped);
            return { window: { service, deploymentId, startedAt: startedAt.toISOString(), attributes }, warnings };
        });
        // Every service's attributes are cut the same way: each warning once.
        reportWarnings([...new Set(made.flatMap(({ warnings }) => warnings))]);
        const windows = made.map(({ window }) => window);
        state.windowsOpened(settings, windows, postStop);
        if (postStop)
            state.warningsShown(warningsShown);
        state.setOutputs({ startedAt: startedAt.toISOString(), ...windowIds(windows) });
        state.setShippedOutputs(windows[0]?.attributes ?? {});
        exitPromptlyOnCancel(`before Last9 confirmed the start event; ${onCancel}`);
        const outcomes = await Promise.all(windows.map((window) => deliver(settings, changeEvent(settings, 'start', startedAt, window.attributes), session)));
        if (postStop) {
            state.startDelivered(outcomes.map((outcome) => (typeof outcome === 'boolean' ? outcome : undefined)));
            // With what Last9's answers made the step say.
            state.warningsShown(warningsShown);
        }
        state.setOutputs({ delivered: String(outcomes.every((outcome) => outcome === true)) });
        for (const [index, window] of windows.entries()) {
            if (outcomes[index] === true)
                log.info(`Last9: deployment window ${window.deploymentId} started for ${window.service} in ${settings.env}; ${closer}.`);
        }
        if (settings.eventState === 'both') {
            for (const window of windows)
                state.windowClosed({ ...settings, service: window.service }, window);
            const stops = windows.map((window, index) => ({ service: window.service, window, start: { state: 'start', at: window.startedAt, delivered: outcomes[index] } }));
            await sendStops(settings, state, stops, session);
        }
    }
    finally {
        session?.dispose();
    }
}
/**
 * An explicit stop, for each service: closes the window named by deployment_id, else the newest
 * window this job opened for the service, env and event name and did not close yet, else sends a
 * point marker (a stop with its own id and no duration). A window already closed is not stopped
 * again.
 */
async function stopWindows(settings, state) {
    const session = openSession(settings, {}, 'stop');
    // Read only for a window this job did not open, and then once.
    let shared;
    try {
        const stops = [];
        const ofOtherJobs = [];
        for (const service of settings.services) {
            const serviceSettings = { ...settings, service };
            const window = findWindow(serviceSettings, state);
            if (window === 'closed')
                continue;
            const deploymentId = window?.deploymentId ?? (0,external_node_crypto_namespaceObject.randomUUID)();
            // A window opened in this job: the stop repeats its start's attributes, so the two pair on every label.
            let attributes = window?.attributes;
            if (!attributes) {
                if (window)
                    ofOtherJobs.push(deploymentId);
                const { context, shipped } = await (shared ??= readContext(settings, window?.startedAt ? new Date(window.startedAt) : new Date()));
                const made = startAttributes(serviceSettings, deploymentId, context, shipped);
                reportWarnings(made.warnings);
                attributes = made.attributes;
            }
            if (window)
                state.windowClosed(serviceSettings, window);
            stops.push({ service, window: { deploymentId, startedAt: window?.startedAt, attributes } });
        }
        if (ofOtherJobs.length > 0 && !settings.resultGiven) {
            log.notice(`Last9: the result sent with the stop of ${ofOtherJobs.length === 1 ? 'window' : 'windows'} ${quoteList(ofOtherJobs)}, opened in another job, is this job's status (${settings.jobStatus ?? 'unknown'}); give result: (say \${{ contains(needs.*.result, 'failure') && 'failure' || 'success' }}) for the result of the jobs the window spans.`);
        }
        if (stops.length > 0)
            await sendStops(settings, state, stops, session);
    }
    finally {
        session?.dispose();
    }
}
/** The window an explicit stop closes; 'closed' when it was closed already (said so). */
function findWindow(settings, state) {
    if (!settings.deploymentId) {
        const window = state.newestOpenWindow(settings);
        if (!window)
            log.info(`Last9: no open ${settings.eventName} window for ${settings.service} in ${settings.env}; sending a point marker.`);
        return window;
    }
    const known = state.window(settings, settings.deploymentId);
    if (known?.closed) {
        state.setOutputs({ deploymentId: known.deploymentId });
        log.info(`Last9: deployment window ${known.deploymentId} was already closed in this job; nothing to send.`);
        return 'closed';
    }
    return { deploymentId: settings.deploymentId, startedAt: settings.startedAt?.toISOString() ?? known?.startedAt, attributes: known?.attributes };
}
/**
 * The lookups of what shipped may take this long at most. They are part of timeout_seconds, and
 * take at most half of it, so that the event itself still has time to go out.
 */
const LOOKUP_BUDGET_MS = 5_000;
/**
 * The GitHub context of the step and, unless link_changes is false, what shipped: once for all the
 * windows it opens. What could not be found out is said in one notice.
 */
async function readContext(settings, deployStartedAt) {
    const { context, notice } = readGithubContext();
    if (notice && settings.includeGithubAttributes)
        log.notice(`Last9: ${notice}`);
    if (!settings.linkChanges || !settings.includeGithubAttributes)
        return { context, shipped: {} };
    const changes = await lookUpShipped(context, {
        token: settings.githubToken,
        environment: settings.githubEnvironment,
        deployStartedMs: deployStartedAt.getTime(),
        budgetMs: Math.min(LOOKUP_BUDGET_MS, Math.floor(settings.timeoutMs / 2)),
        debug: log.debug,
        named: settings,
    });
    const missing = describeMissing(changes.missing);
    if (missing)
        log.notice(`Last9: ${missing}`);
    return { context, shipped: shippedAttributes(changes) };
}

;// CONCATENATED MODULE: ./src/steps/post-step.ts
// The post step, which the runner runs at the end of the job whatever happened: stops the windows
// this step's main part opened, unless a stop step already did. A window step's always; a start
// step's only when the job failed or was cancelled — its stop step may never have run — and
// otherwise says the window is left open for a later job.





async function post_step_run() {
    maskTokens();
    await guard(async () => {
        const state = new StepState(runnerFiles());
        const saved = state.postState();
        if (!saved) {
            log.debug('No window was opened by this step (event_state stop or both, or a configuration error); nothing to close.');
            return;
        }
        if (saved.accessToken)
            log.mask(saved.accessToken.token);
        const { settings } = readStepSettings(saved.warningsShown);
        if (!settings)
            return;
        const open = saved.windows.flatMap((window, index) => {
            const windowSettings = { ...settings, service: window.service };
            if (!state.window(windowSettings, window.deploymentId)?.closed)
                return [{ window, windowSettings, index }];
            log.info(`Last9: deployment window ${window.deploymentId} was already closed by a stop step; nothing to send.`);
            return [];
        });
        if (open.length === 0)
            return;
        const jobFailed = settings.jobStatus === 'failure' || settings.jobStatus === 'cancelled';
        if (saved.stop === 'if-the-job-failed' && !jobFailed) {
            for (const { window } of open)
                log.info(`Last9: deployment window ${window.deploymentId} of ${window.service} is still open: left for a stop step in a later job.`);
            return;
        }
        for (const { window, windowSettings } of open)
            state.windowClosed(windowSettings, window);
        const stops = open.map(({ window, index }) => ({
            service: window.service,
            window,
            start: { state: 'start', at: window.startedAt, delivered: settings.dryRun ? 'dry-run' : saved.startDelivered[index] },
        }));
        const session = openSession(settings, { cachedToken: saved.accessToken, shown: saved.warningsShown }, 'stop');
        try {
            await sendStops(settings, state, stops, session);
        }
        finally {
            session?.dispose();
        }
    });
}

;// CONCATENATED MODULE: ./src/steps.ts
// Both steps in one bundle (dist/steps.js), which the two entries share.



var __webpack_exports__runMain = __webpack_exports__.V;
var __webpack_exports__runPost = __webpack_exports__.a;
export { __webpack_exports__runMain as runMain, __webpack_exports__runPost as runPost };
