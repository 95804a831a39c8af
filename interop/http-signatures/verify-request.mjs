// Verifies a request as the platform does (spec/api-signing.md §6 steps 2 to 11).
// stdin: {"request": {method, target, scheme, headers, body | body_base64}, "context": {time,
//         authorities, app_id, app_keys, nonces_seen}} (the vector's context), or an array of them.
// stdout: {"valid": true | false | null (sm2-sm3: every other check passed, signature not checked),
//          "codes": [the first failing check's code], "message", "signature_base", "signature_checked"}
import { main, outcome, verifyRequest } from './profile.mjs';

await main(({ request, context }) => outcome((state) => verifyRequest(request, context, state)));
