/**
 * node-fetch for Jest: citation-js requires node-fetch 3, which is ESM-only. Node (22 and
 * newer, and 20.19+) requires it natively, so the server loads the real package, but
 * Jest's own CommonJS loader cannot. citation-js fetches only remote inputs (URLs, DOIs),
 * which Briefgraph never gives it; under Jest those calls would use Node's built-in fetch.
 */
module.exports = globalThis.fetch;
module.exports.default = globalThis.fetch;
module.exports.Headers = globalThis.Headers;
module.exports.Request = globalThis.Request;
module.exports.Response = globalThis.Response;
