package org.zwfw.sdk.httpsig;

/**
 * The signature base a message's own {@code zwfw} signature covers, for debugging a signature
 * that does not verify: compare it with the base the signer logged. Building it checks only
 * what building needs (the fields parse, every covered component has a value); it says nothing
 * about whether the signature is valid.
 */
public final class SignatureBases {

    private SignatureBases() {
    }

    /**
     * @param request a signed request or webhook delivery, as received
     * @return its signature base (ASCII, lines separated by LF)
     * @throws IllegalArgumentException when the message has no {@code zwfw} signature that parses,
     *                                  or a covered component has no value; the message says which
     */
    public static String of(RequestMessage request) {
        try {
            ParsedSignature sig = ParsedSignature.parse(request.fields());
            return SignatureBase.build(sig.components(), sig.signatureParams(), request, null);
        } catch (Refusal r) {
            throw new IllegalArgumentException(r.finding.code() + ": " + r.getMessage());
        }
    }

    /**
     * @param response a signed response, as received
     * @param sent     the request it answers, as sent
     * @return its signature base
     * @throws IllegalArgumentException as {@link #of(RequestMessage)}
     */
    public static String of(ResponseMessage response, RequestMessage sent) {
        try {
            ParsedSignature sig = ParsedSignature.parse(response.fields());
            return SignatureBase.build(sig.components(), sig.signatureParams(), sent, response);
        } catch (Refusal r) {
            throw new IllegalArgumentException(r.finding.code() + ": " + r.getMessage());
        }
    }
}
