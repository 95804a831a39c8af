// Verifies a response as the client does (spec/api-signing.md §7.2): bound to the request it sent.
// stdin: {"response": {status, headers, body}, "request": the request as sent (with its signature),
//         "context": {time, platform_keys}}, or an array of them.
// stdout: {"valid": true | false | null (sm2-sm3: signature not checked), "codes", "message",
//          "signature_base", "signature_checked"}
import { main, outcome, verifyResponse } from './profile.mjs';

await main(({ response, request, context }) => outcome((state) => verifyResponse(response, request, context, state)));
