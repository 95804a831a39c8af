package org.zwfw.sdk.bench;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zwfw.sdk.credential.SdHashAlgorithm;
import org.zwfw.sdk.credential.SdJwtVerifier;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.JwsVerifier;
import org.zwfw.sdk.crypto.KeySet;
import org.zwfw.sdk.crypto.ParsedJws;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.crypto.VerificationPolicy;

/**
 * What the strict decoding of a verification costs (base64url, UTF-8 validation, JSON), the
 * SDK's way against the library way ({@link LibraryWay}), beside the whole verification it is
 * part of, on the exact inputs of two verify paths ({@code path}): an ES256 RNAT-sized token
 * ({@code token}: three base64url segments, two JSON objects) and an ES256 SD-JWT presentation
 * ({@code presentation}: two JWTs and ten disclosures, 16 base64url segments, 14 JSON texts).
 *
 * <ul>
 *   <li>{@link #sdkParse}: the SDK's public parsing of those parts ({@link ParsedJws#parse} of
 *       each JWT; until 2026-12-06 also {@code SdJwt.parse} for the split and the disclosures,
 *       which is internal since the issue-9 API review, so the presentation path's
 *       {@code sdkParse} now covers its two JWTs only): all three decodings plus splitting and
 *       the header object;</li>
 *   <li>{@link #libraryParse}: the same decodings of the same parts the library way;</li>
 *   <li>{@link #libraryBase64}, {@link #libraryUtf8}, {@link #libraryJson}: each decoding alone,
 *       the library way, on the same parts;</li>
 *   <li>{@link #wholeVerify}: the whole verification ({@link JwsVerifier#verify},
 *       {@link SdJwtVerifier#verify}), the path the share is taken of.</li>
 * </ul>
 * sdk-bench reaches the SDK only through its public API, so the SDK's decoders are not timed one by
 * one: {@code libraryParse − sdkParse} is what replacing all three costs per verification, and each
 * {@code library*} figure bounds what replacing that one alone can cost (the SDK's own takes more
 * than zero). Divided by {@code wholeVerify}, they are shares of the path. {@link PairedRatio}
 * times them in interleaved pairs, over the thread's CPU time (the figures to read on a busy
 * machine: the share sought is a few per cent, below the wall-clock noise of a whole verification).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ParsingBenchmark {

    /** {@code token} or {@code presentation}. */
    @Param({"token", "presentation"})
    public String path = "token";

    private final LibraryWay library = new LibraryWay(VerificationPolicy.DEFAULT_MAX_JSON_DEPTH);
    private String compact;
    private String[] jwts;
    /** The base64url segments: ascii text and their ranges {from, to}. */
    private byte[][] segmentText;
    private int[][] segmentRange;
    /** The decoded JSON texts (headers, payloads, disclosures). */
    private byte[][] jsonTexts;
    private JwsVerifier tokenVerifier;
    private SdJwtVerifier presentationVerifier;

    @Setup
    public void setup() {
        List<String> jwtList = new ArrayList<>();
        List<String> disclosures = new ArrayList<>();
        if (path.equals("token")) {
            Tokens t = new Tokens(JwsAlgorithm.ES256);
            compact = t.compact;
            jwtList.add(compact);
            tokenVerifier = JwsVerifier.builder().keys(t.key.verificationKey()).expectedType("rnat+jwt").build();
        } else if (path.equals("presentation")) {
            SigningKey issuer = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-ES256-2026");
            compact = PresentationVerifyBenchmark.present(issuer, SigningKey.generate(JwsAlgorithm.ES256),
                    SdHashAlgorithm.SHA_256).compact();
            presentationVerifier = SdJwtVerifier.builder().keys(KeySet.of(issuer.verificationKey()))
                    .keyBindingRequired(true).audience(PresentationVerifyBenchmark.AUD)
                    .clock(Clock.fixed(PresentationVerifyBenchmark.NOW, ZoneOffset.UTC)).build();
            String[] parts = compact.split("~", -1);
            jwtList.add(parts[0]);
            for (int i = 1; i < parts.length - 1; i++) {
                disclosures.add(parts[i]);
            }
            jwtList.add(parts[parts.length - 1]);
        } else {
            throw new IllegalArgumentException("path " + path);
        }
        jwts = jwtList.toArray(new String[0]);
        List<byte[]> texts = new ArrayList<>();
        List<int[]> ranges = new ArrayList<>();
        List<byte[]> json = new ArrayList<>();
        for (String jwt : jwts) {
            byte[] ascii = jwt.getBytes(StandardCharsets.US_ASCII);
            int d1 = jwt.indexOf('.');
            int d2 = jwt.indexOf('.', d1 + 1);
            int[][] rs = {{0, d1}, {d1 + 1, d2}, {d2 + 1, ascii.length}};
            for (int k = 0; k < 3; k++) {
                texts.add(ascii);
                ranges.add(rs[k]);
            }
            json.add(Base64.getUrlDecoder().decode(jwt.substring(0, d1)));
            json.add(Base64.getUrlDecoder().decode(jwt.substring(d1 + 1, d2)));
        }
        for (String d : disclosures) {
            byte[] ascii = d.getBytes(StandardCharsets.US_ASCII);
            texts.add(ascii);
            ranges.add(new int[] {0, ascii.length});
            json.add(Base64.getUrlDecoder().decode(d));
        }
        segmentText = texts.toArray(new byte[0][]);
        segmentRange = ranges.toArray(new int[0][]);
        jsonTexts = json.toArray(new byte[0][]);
        if (!wholeVerifyIsValid() || !sdkParseIsWellFormed() || libraryParseCount() != jsonTexts.length) {
            throw new IllegalStateException("benchmark setup is not what it claims");
        }
    }

    private boolean wholeVerifyIsValid() {
        return tokenVerifier != null ? tokenVerifier.verify(compact).isValid()
                : presentationVerifier.verify(compact, PresentationVerifyBenchmark.NONCE).isValid();
    }

    private boolean sdkParseIsWellFormed() {
        for (String jwt : jwts) {
            if (!ParsedJws.parse(jwt, VerificationPolicy.DEFAULT).isWellFormed()) {
                return false;
            }
        }
        return true;
    }

    private int libraryParseCount() {
        int n = 0;
        for (byte[] j : jsonTexts) {
            if (library.utf8(j) && library.json(j) != null) {
                n++;
            }
        }
        return n;
    }

    /** The whole verification of the path. */
    @Benchmark
    public Object wholeVerify() {
        return tokenVerifier != null ? tokenVerifier.verify(compact)
                : presentationVerifier.verify(compact, PresentationVerifyBenchmark.NONCE);
    }

    /** The SDK's public parsing of every part the verification decodes. */
    @Benchmark
    public Object[] sdkParse() {
        Object[] out = new Object[jwts.length];
        for (int i = 0; i < jwts.length; i++) {
            out[i] = ParsedJws.parse(jwts[i], VerificationPolicy.DEFAULT);
        }
        return out;
    }

    /** The same decodings, the library way: split, base64url, UTF-8 and JSON of every part. */
    @Benchmark
    public Object[] libraryParse() {
        Object[] out = new Object[jsonTexts.length + jwts.length];
        int o = 0;
        for (String jwt : jwts) {
            byte[] ascii = jwt.getBytes(StandardCharsets.ISO_8859_1);
            int d1 = jwt.indexOf('.');
            int d2 = jwt.indexOf('.', d1 + 1);
            byte[] header = library.base64url(ascii, 0, d1);
            byte[] payload = library.base64url(ascii, d1 + 1, d2);
            out[o++] = library.base64url(ascii, d2 + 1, ascii.length);
            out[o++] = library.utf8(header) ? library.json(header) : null;
            out[o++] = library.utf8(payload) ? library.json(payload) : null;
        }
        if (presentationVerifier != null) {
            String[] parts = compact.split("~", -1);
            for (int i = 1; i < parts.length - 1; i++) {
                byte[] ascii = parts[i].getBytes(StandardCharsets.ISO_8859_1);
                byte[] json = library.base64url(ascii, 0, ascii.length);
                out[o++] = library.utf8(json) ? library.json(json) : null;
            }
        }
        return out;
    }

    /** Base64url alone, the library way, on every segment. */
    @Benchmark
    public Object[] libraryBase64() {
        Object[] out = new Object[segmentText.length];
        for (int i = 0; i < segmentText.length; i++) {
            out[i] = library.base64url(segmentText[i], segmentRange[i][0], segmentRange[i][1]);
        }
        return out;
    }

    /** UTF-8 validation alone, the library way, on every JSON text. */
    @Benchmark
    public int libraryUtf8() {
        int ok = 0;
        for (byte[] j : jsonTexts) {
            ok += library.utf8(j) ? 1 : 0;
        }
        return ok;
    }

    /** JSON alone, the library way (Jackson, strict), on every JSON text. */
    @Benchmark
    public Object[] libraryJson() {
        Object[] out = new Object[jsonTexts.length];
        for (int i = 0; i < jsonTexts.length; i++) {
            out[i] = library.json(jsonTexts[i]);
        }
        return out;
    }
}
