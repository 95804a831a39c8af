package org.zwfw.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;

/**
 * The vectors one generator produces for one folder of {@code spec/vectors/}.
 *
 * <p>On every build {@link #writeOrCompare()} checks that the committed files are exactly what
 * the generator produces: the same file names and, file by file, the same JSON. With
 * {@code -Dzwfw.writeVectors=true} it writes the files instead (to regenerate after a deliberate
 * change).
 *
 * <p>Generators are deterministic: fixed times, keys drawn from {@link #random(String)} (a
 * seeded stream per label), salts, decoys and status indexes from seeded streams too. The one
 * thing that stays random is the per-signature k of SM2 ({@link #RANDOMIZED_SIGNATURES}),
 * which the SDK draws itself. So in any compact JWS (also
 * inside an SD-JWT, a QR text or the context) whose header names one of these algorithms, the
 * signature part is left out of the comparison, and so is the {@code sd_hash} of a key-binding
 * JWT that follows an SM2-signed issuer JWT (it hashes that signature) with the key-binding
 * JWT's own signature. A status list's {@code lst} is compared by what it
 * inflates to (ZLIB output may differ between the zlib builds of two JDKs), and the signature
 * over it is then left out too. Headers, payloads, disclosures and every other member are
 * compared exactly. The committed signatures themselves are checked by
 * {@link ConformanceVectorsTest}, which runs every vector and requires its exact outcome codes:
 * a vector whose signature should verify and did not would report {@code SIGNATURE_INVALID}.
 */
final class GeneratedVectors {

    static final String WRITE_PROPERTY = "zwfw.writeVectors";

    /**
     * JWS algorithms whose signatures differ on each signing of the same input: SM2 draws a
     * fresh k per signature (GB/T 32918.2). ES256 is deterministic in this SDK (RFC 6979) and
     * Ed25519 by construction, so their signatures are compared exactly.
     */
    static final Set<String> RANDOMIZED_SIGNATURES = Set.of("SGD_SM3_SM2", "SM2SM3", "SM2");

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Map<String, String> files = new TreeMap<>();

    /** @param folder the folder below {@code spec/vectors/}, e.g. {@code jws} */
    GeneratedVectors(String folder) {
        this(folder, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param folder the folder below {@code spec/vectors/}
     * @param mask   what else a comparison leaves out, for randomized parts that are not compact
     *               JWS (an HTTP message signature made with SM2)
     */
    GeneratedVectors(String folder, java.util.function.UnaryOperator<JsonNode> mask) {
        this.dir = ConformanceVectorsTest.ROOT.resolve(folder);
        this.mask = mask;
    }

    private final java.util.function.UnaryOperator<JsonNode> mask;

    /** A key whose private part is fixed by its label, so the vectors' public keys never change. */
    static SigningKey key(JwsAlgorithm alg, String label) {
        return SigningKey.generate(alg, random(label));
    }

    /** A reproducible stream of bytes: SHA-256 over the label and a counter. */
    static SecureRandom random(String label) {
        return new SeededRandom(label);
    }

    /** Adds one vector (a JSON object) under {@code name.json}. */
    void add(String name, Object vector) {
        try {
            String previous = files.put(name + ".json", MAPPER.writeValueAsString(vector) + "\n");
            assertThat(previous).as("vector %s produced twice", name).isNull();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files when {@code zwfw.writeVectors} is true, otherwise compares them. */
    void writeOrCompare() throws IOException {
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } else {
            compare();
        }
    }

    private void compare() throws IOException {
        Set<String> committed;
        try (Stream<Path> s = Files.list(dir)) {
            committed = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String hint = " (after a deliberate change to the generator, regenerate with -D" + WRITE_PROPERTY
                + "=true and review the diff)";
        assertThat(committed).as("vector files in %s%s", dir, hint).isEqualTo(files.keySet());
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            JsonNode want = comparable(mask.apply(MAPPER.readTree(dir.resolve(f.getKey()).toFile())));
            JsonNode got = comparable(mask.apply(MAPPER.readTree(f.getValue())));
            if (!want.equals(got)) {
                differences.add(f.getKey() + " at " + firstDifference("", want, got));
            }
        }
        assertThat(differences).as("committed vectors in %s that differ from what the generator produces%s",
                dir, hint).isEmpty();
    }

    /** The vector with every randomized part replaced by a placeholder. */
    static JsonNode comparable(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(comparable(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), comparable(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(e -> copy.add(comparable(e)));
            return copy;
        }
        return node;
    }

    private static String comparable(String text) {
        String prefix = text.startsWith("ZWFWQR1:") ? "ZWFWQR1:" : "";
        String[] segments = text.substring(prefix.length()).split("~", -1);
        StringBuilder out = new StringBuilder(prefix);
        boolean issuerRandomized = false;
        for (int i = 0; i < segments.length; i++) {
            String[] parts = segments[i].split("\\.", -1);
            JsonNode header = parts.length == 3 ? decodeObject(parts[0]) : null;
            out.append(i == 0 ? "" : "~");
            if (header == null) {
                out.append(segments[i]);
                continue;
            }
            boolean randomized = RANDOMIZED_SIGNATURES.contains(header.path("alg").asText());
            // A key-binding JWT hashes the issuer-signed JWT (sd_hash): random when that signature is.
            boolean derived = i > 0 && issuerRandomized && "kb+jwt".equals(header.path("typ").asText());
            out.append(comparableJws(parts, randomized || derived, derived));
            issuerRandomized |= i == 0 && randomized;
        }
        return out.toString();
    }

    private static String comparableJws(String[] parts, boolean randomSignature, boolean randomSdHash) {
        JsonNode claims = decodeObject(parts[1]);
        boolean compressed = claims != null && claims.path("status_list") instanceof ObjectNode
                && claims.path("status_list").path("lst").isTextual();
        String joined = String.join(".", parts);
        if (!randomSignature && !compressed) {
            return joined;
        }
        String payload = parts[1];
        if (randomSdHash && claims != null && claims.has("sd_hash")) {
            ((ObjectNode) claims).put("sd_hash", "<hash over a randomized signature>");
            payload = claims.toString();
        }
        if (compressed) {
            ObjectNode list = (ObjectNode) claims.get("status_list");
            list.put("lst", inflated(list.get("lst").asText()));
            payload = claims.toString();
        }
        return parts[0] + "." + payload + ".<signature not compared>";
    }

    /**
     * What a compressed status list holds, independent of the compressor: ZLIB output may differ
     * between zlib builds (JDKs), and so then do the signed bytes; the statuses may not.
     */
    private static String inflated(String lst) {
        for (boolean raw : new boolean[] {false, true}) {
            Inflater inflater = new Inflater(raw);
            try {
                inflater.setInput(Base64.getUrlDecoder().decode(lst));
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[65536];
                long total = 0;
                while (!inflater.finished() && total <= 64L << 20) {
                    int n = inflater.inflate(buf);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    sha.update(buf, 0, n);
                    total += n;
                }
                if (inflater.finished()) {
                    return (raw ? "deflate" : "zlib") + ":" + total + " bytes, sha-256 "
                            + java.util.HexFormat.of().formatHex(sha.digest());
                }
            } catch (IllegalArgumentException | java.util.zip.DataFormatException | NoSuchAlgorithmException e) {
                // not compressed data of this kind: try the next, else compare the text itself
            } finally {
                inflater.end();
            }
        }
        return lst;
    }

    private static JsonNode decodeObject(String base64url) {
        try {
            JsonNode n = MAPPER.readTree(Base64.getUrlDecoder().decode(base64url));
            return n != null && n.isObject() ? n : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static String firstDifference(String path, JsonNode want, JsonNode got) {
        if (want.isObject() && got.isObject()) {
            Set<String> names = new TreeSet<>();
            want.fieldNames().forEachRemaining(names::add);
            got.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!want.path(n).equals(got.path(n))) {
                    return firstDifference(path + "/" + n, want.path(n), got.path(n));
                }
            }
        }
        if (want.isArray() && got.isArray() && want.size() == got.size()) {
            for (int i = 0; i < want.size(); i++) {
                if (!want.get(i).equals(got.get(i))) {
                    return firstDifference(path + "/" + i, want.get(i), got.get(i));
                }
            }
        }
        return (path.isEmpty() ? "/" : path) + ": " + cut(want, got);
    }

    private static String cut(JsonNode want, JsonNode got) {
        if (want.isTextual() && got.isTextual()) {
            String a = want.asText();
            String b = got.asText();
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            int from = Math.max(0, i - 20);
            return "first difference at character " + i + ": committed \"..." + a.substring(from, Math.min(a.length(),
                    i + 40)) + "...\", generated \"..." + b.substring(from, Math.min(b.length(), i + 40)) + "...\"";
        }
        return "committed " + cut(want) + ", generated " + cut(got);
    }

    private static String cut(JsonNode n) {
        String s = n.toString();
        return s.length() <= 160 ? s : s.substring(0, 160) + "...";
    }

    /** SHA-256 in counter mode over a label: the same bytes on every run, for test data only. */
    private static final class SeededRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;
        private final byte[] label;
        private long counter;

        SeededRandom(String label) {
            this.label = label.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            int done = 0;
            while (done < bytes.length) {
                byte[] block = block(counter++);
                int n = Math.min(block.length, bytes.length - done);
                System.arraycopy(block, 0, bytes, done, n);
                done += n;
            }
        }

        private byte[] block(long n) {
            try {
                MessageDigest d = MessageDigest.getInstance("SHA-256");
                d.update(label);
                for (int i = 0; i < 8; i++) {
                    d.update((byte) (n >>> (8 * i)));
                }
                return d.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
