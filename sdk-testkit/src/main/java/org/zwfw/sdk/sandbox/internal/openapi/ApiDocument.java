package org.zwfw.sdk.sandbox.internal.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service-network API's OpenAPI 3.1 document (spec/openapi/zwfw-api.yaml, copied onto the
 * class path by the build) and checks of requests, responses and values against it.
 *
 * <p>A check finds the operation by method and concrete path (the path template with the most
 * literal segments wins), the response by status (else {@code default}), the media type by the
 * content type without parameters, and validates the body with networknt's JSON Schema 2020-12
 * validator in the document's own dialect (OpenAPI 3.1, so {@code discriminator} and
 * {@code example} are known keywords). {@code format} is asserted ({@code date-time},
 * {@code date}, {@code uri}, ...), which 2020-12 leaves to the validator's choice: a value that
 * only looks right is a drift too. A JSON body is read strictly (duplicate member names, trailing
 * content); a body of another media type is validated as one JSON string of its UTF-8 text.
 *
 * <p>Violations are sentences for a test's failure message. They name places (JSON Pointers and
 * keywords), never the values found there, so that a response with personal data does not put it
 * into a build log. Immutable and thread-safe once loaded.
 */
public final class ApiDocument {

    /** The IRI the document is known by inside the validator; it is never fetched. */
    static final String BASE = "https://zwfw-sdk.invalid/openapi/zwfw-api.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode root;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private ApiDocument(JsonNode root) {
        this.root = root;
        String text = root.toString();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(), b -> b
                .schemaRegistryConfig(config)
                .schemas(iri -> BASE.equals(iri) ? text : null));
    }

    /**
     * Loads the document from the class path.
     *
     * @return the document
     * @throws UncheckedIOException when it is missing or does not read
     */
    public static ApiDocument load() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("zwfw-api.yaml")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("zwfw-api.yaml is not on the class path next to "
                        + ApiDocument.class.getName() + " (the sdk-testkit build copies it from spec/openapi)"));
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a document from YAML or JSON text.
     *
     * @param in the document
     * @return the document
     * @throws IOException when it does not read
     */
    public static ApiDocument parse(InputStream in) throws IOException {
        YAMLMapper yaml = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        return new ApiDocument(yaml.readTree(in));
    }

    /**
     * Returns the document as a tree.
     *
     * @return the root node; do not change it
     */
    public JsonNode root() {
        return root;
    }

    /**
     * Checks a response against the document.
     *
     * @param method      the request's method
     * @param path        the request's concrete path (a query is ignored)
     * @param status      the response's status
     * @param contentType the response's {@code Content-Type}, or {@code null} when it had none
     * @param body        the response's content, empty when there was none
     * @return every violation found, empty when the response conforms
     */
    public List<String> checkResponse(String method, String path, int status, String contentType, byte[] body) {
        List<String> out = new ArrayList<>();
        Operation op = operation(method, path, out);
        if (op == null) {
            return out;
        }
        JsonNode responses = op.node.path("responses");
        String key = Integer.toString(status);
        if (!responses.has(key)) {
            key = responses.has(key.charAt(0) + "XX") ? key.charAt(0) + "XX" : "default";
        }
        JsonNode response = responses.get(key);
        String where = op.label + " " + status + (key.equals(Integer.toString(status)) ? "" : " (as " + key + ")");
        if (response == null) {
            out.add(where + ": the document declares no response " + status + " and no default");
            return out;
        }
        checkContent(where, resolve(op.pointer + "/responses/" + key), contentType, body, out);
        return out;
    }

    /**
     * Checks a request's body against the document.
     *
     * @param method      the request's method
     * @param path        the request's concrete path (a query is ignored)
     * @param contentType the request's {@code Content-Type}, or {@code null} when it had none
     * @param body        the request's content, empty when there was none
     * @return every violation found, empty when the body conforms
     */
    public List<String> checkRequest(String method, String path, String contentType, byte[] body) {
        List<String> out = new ArrayList<>();
        Operation op = operation(method, path, out);
        if (op == null) {
            return out;
        }
        String where = op.label + " request";
        if (!op.node.has("requestBody")) {
            if (body.length > 0) {
                out.add(where + ": the operation takes no body, but one was sent");
            }
            return out;
        }
        String requestBody = resolve(op.pointer + "/requestBody");
        if (body.length == 0 && contentType == null) {
            if (at(requestBody).path("required").asBoolean(false)) {
                out.add(where + ": the body is required");
            }
            return out;
        }
        checkContent(where, requestBody, contentType, body, out);
        return out;
    }

    /**
     * Validates a value against a schema of the document.
     *
     * @param schemaPointer the schema's JSON Pointer in the document, such as
     *                      {@code /components/schemas/Case}
     * @param value         the value
     * @return every violation, each with the JSON Pointer of its place in the value; empty when it conforms
     */
    public List<String> validate(String schemaPointer, JsonNode value) {
        List<Error> errors = schema(schemaPointer).validate(value);
        List<String> out = new ArrayList<>(errors.size());
        for (Error e : errors) {
            String at = e.getInstanceLocation().toString();
            out.add((at.isEmpty() ? "/" : at) + ": " + e.getMessage() + " (" + e.getKeyword() + " of "
                    + e.getSchemaLocation().getFragment() + ")");
        }
        return out;
    }

    /**
     * Returns every example of the document with its schema: the examples of media types (inline,
     * or from {@code components/examples}) in paths, webhooks and {@code components/responses};
     * parameter and header examples; and the {@code examples} of schemas. A
     * {@code components/examples} entry that no media type refers to is an example of nothing and
     * is reported by {@link #unusedExamples()}.
     *
     * @return the examples in document order
     */
    public List<DocumentExample> examples() {
        return Examples.collect(this);
    }

    /**
     * Returns the {@code components/examples} entries that no media type refers to.
     *
     * @return their names
     */
    public List<String> unusedExamples() {
        return Examples.unused(this);
    }

    /**
     * Follows OpenAPI references (to a response, request body, parameter, header or example; not
     * schema references, which the validator follows) until an object without one.
     *
     * @param pointer the JSON Pointer of a node that may be a reference
     * @return the JSON Pointer of the node it stands for
     */
    public String resolve(String pointer) {
        for (int hops = 0; ; hops++) {
            JsonNode ref = at(pointer).get("$ref");
            if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#/")) {
                return pointer;
            }
            if (hops == 16) {
                throw new IllegalStateException("a $ref loop in the document at " + pointer);
            }
            pointer = ref.asText().substring(1);
        }
    }

    /**
     * Returns the node at a JSON Pointer of the document.
     *
     * @param pointer the pointer
     * @return the node, a missing node when there is none
     */
    public JsonNode at(String pointer) {
        return root.at(pointer);
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            JsonNode node = at(p);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("no schema at " + p + " in the document");
            }
            return registry.getSchema(SchemaLocation.of(BASE + "#" + Pointers.fragment(p)));
        });
    }

    private void checkContent(String where, String holder, String contentType, byte[] body, List<String> out) {
        JsonNode content = at(holder).get("content");
        if (content == null || content.isEmpty()) {
            if (body.length > 0) {
                out.add(where + ": the document declares no content, but " + body.length + " bytes came");
            }
            return;
        }
        if (contentType == null) {
            out.add(where + ": no Content-Type; the document declares " + names(content));
            return;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String key = null;
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            if (candidate.toLowerCase(Locale.ROOT).equals(mediaType)) {
                key = candidate;
            }
        }
        if (key == null) {
            out.add(where + ": Content-Type " + mediaType + " is not one the document declares (" + names(content) + ")");
            return;
        }
        String schemaPointer = Pointers.append(holder, "content", key, "schema");
        if (at(schemaPointer).isMissingNode()) {
            return;
        }
        JsonNode value;
        if (mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            try {
                value = JSON.readTree(body);
            } catch (IOException e) {
                out.add(where + ": the " + mediaType + " body is not one well-formed JSON value");
                return;
            }
            if (value == null || value.isMissingNode()) {
                out.add(where + ": the " + mediaType + " body is empty");
                return;
            }
        } else {
            value = TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
        }
        for (String v : validate(schemaPointer, value)) {
            out.add(where + " " + mediaType + " body " + v);
        }
    }

    private Operation operation(String method, String path, List<String> out) {
        String m = method.toLowerCase(Locale.ROOT);
        String template = Paths.match(root.path("paths"), path);
        if (template == null) {
            out.add(method + " " + path + ": no path of the document matches");
            return null;
        }
        JsonNode op = root.path("paths").path(template).get(m);
        if (op == null) {
            out.add(method + " " + template + ": the document declares no " + method + " on this path");
            return null;
        }
        return new Operation(method.toUpperCase(Locale.ROOT) + " " + template, Pointers.append("/paths", template, m), op);
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private record Operation(String label, String pointer, JsonNode node) {
    }
}
