package org.zwfw.sdk.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zwfw.sdk.crypto.KeyFormatException;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.VerificationKey;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListFormatException;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;

/**
 * Loads what {@code --trust} and {@code --trust-anchor} name. Usage problems (an unreadable file,
 * an anchor that is not a public key, a signed list without an anchor) are exit-2 errors; a trust
 * list that does not verify is a result with {@code TRUST_LIST_INVALID} or
 * {@code TRUST_LIST_EXPIRED} that fails every input needing it.
 */
final class TrustSetup {

    private TrustSetup() {
    }

    /**
     * @return the pinned anchor keys of a JWK or JWK Set file
     * @throws CliException exit 2 when the file cannot be read, is not UTF-8 text of at most 16 MiB, or
     *                      holds no usable public key
     */
    static KeySet anchor(String file, InputStream stdin) {
        return publicKeys("--trust-anchor", file, stdin, "(zwfw keys public)");
    }

    /**
     * Reads a public JWK or JWK Set named by an option ({@code --trust-anchor}, {@code --jwks}).
     *
     * @throws CliException exit 2 naming the option and file: unreadable, not a JWK (Set), a
     *                      private key, no usable key
     */
    static KeySet publicKeys(String option, String file, InputStream stdin, String hint) {
        Inputs.Read read = readOption(option, file, stdin);
        if (read.code() != null) {
            // a usage problem like any other unusable key file, not an invalid input
            throw CliException.usage(option + " " + file + ": not a JWK or JWK Set: " + read.problem());
        }
        String text = read.text().strip();
        KeySet keys;
        try {
            Map<String, Object> members = JsonInput.object(text);
            if (members == null) {
                throw CliException.usage(option + " " + file + ": not a JWK or JWK Set (JSON object)");
            }
            if (members.containsKey("d")) {
                throw CliException.usage(option + " " + file + ": a private key; give the public key " + hint);
            }
            keys = members.containsKey("keys") ? KeySet.parse(text) : KeySet.of(VerificationKey.fromJwk(text));
        } catch (KeyFormatException e) {
            throw CliException.usage(option + " " + file + ": not a usable public key: " + e.getMessage());
        }
        if (keys.isEmpty()) {
            throw CliException.usage(option + " " + file + ": the JWK Set has no key of a supported type");
        }
        return keys;
    }

    /**
     * Loads {@code --trust}: local trust JSON {@code {"issuers": [...]}} or a signed
     * {@code trustlist+jwt}, which needs the anchor.
     *
     * @return the list, or why it cannot be used (messages start with "--trust: ")
     * @throws CliException exit 2 when the file cannot be read, or it is signed and no anchor is given
     */
    static VerificationResult<TrustList> load(String file, KeySet anchor, Clock clock, InputStream stdin) {
        Inputs.Read read = readOption("--trust", file, stdin);
        if (read.code() != null) {
            return invalid(List.of(new Finding(read.code(), read.problem())));
        }
        String text = read.text().strip();
        if (text.startsWith("{")) {
            try {
                return VerificationResult.valid(TrustList.parseLocal(text), List.of());
            } catch (TrustListFormatException e) {
                List<Finding> problems = new ArrayList<>();
                for (Finding p : e.findings()) {
                    problems.add(new Finding(p.code(), "local trust list: " + p.message()));
                }
                return invalid(problems);
            }
        }
        if (anchor == null) {
            if (text.chars().filter(c -> c == '.').count() == 2) {
                throw CliException.usage("--trust " + file + " is a signed trust list: --trust-anchor FILE (the"
                        + " pinned anchor's JWK or JWK Set) is required to verify it");
            }
            return invalid(List.of(new Finding(OutcomeCode.MALFORMED, "neither a signed trust list (trustlist+jwt)"
                    + " nor local trust JSON {\"issuers\": [...]}")));
        }
        VerificationResult<TrustList> r = TrustListVerifier.builder(anchor).clock(clock).build().verify(text);
        return prefixed(r);
    }

    /** Reads an option's file; a file that cannot be read is exit 2 naming the option. */
    private static Inputs.Read readOption(String option, String file, InputStream stdin) {
        try {
            return Inputs.read(file, stdin);
        } catch (CliException e) {
            throw new CliException(e.exitCode(), option + ": " + e.getMessage());
        }
    }


    private static VerificationResult<TrustList> invalid(List<Finding> causes) {
        List<Finding> all = new ArrayList<>();
        all.add(new Finding(OutcomeCode.TRUST_LIST_INVALID, "the trust list cannot be used"));
        all.addAll(causes);
        return prefixed(VerificationResult.invalid(all, List.of()));
    }

    private static VerificationResult<TrustList> prefixed(VerificationResult<TrustList> r) {
        List<Finding> errors = prefix(r.errors());
        List<Finding> warnings = prefix(r.warnings());
        return r.isValid() ? VerificationResult.valid(r.value().orElseThrow(), warnings)
                : VerificationResult.invalid(errors, warnings);
    }

    private static List<Finding> prefix(List<Finding> list) {
        List<Finding> out = new ArrayList<>(list.size());
        for (Finding f : list) {
            out.add(new Finding(f.code(), "--trust: " + f.message()));
        }
        return out;
    }
}
