// Verifies a webhook delivery as the receiver does (spec/api-signing.md §9 steps 1 to 7), the base
// built from the registered URL (D22).
// stdin: {"webhook": {method, target, scheme, headers, body}, "context": {time, webhook_url,
//         receiver_app_id, platform_keys, nonces_seen}}, or an array of them.
// stdout: {"valid": true | false | null (sm2-sm3: signature not checked), "codes", "message",
//          "signature_base", "signature_checked"}
import { main, outcome, verifyWebhook } from './profile.mjs';

await main(({ webhook, context }) => outcome((state) => verifyWebhook(webhook, context, state)));
