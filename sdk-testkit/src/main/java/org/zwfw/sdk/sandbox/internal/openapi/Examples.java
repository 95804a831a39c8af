package org.zwfw.sdk.sandbox.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the examples of the document with the schemas they illustrate. */
final class Examples {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
    private static final Set<String> SCHEMA_MEMBERS = Set.of("items", "additionalProperties", "not", "if", "then", "else",
            "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties");
    private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

    private final ApiDocument document;
    private final List<DocumentExample> found = new ArrayList<>();
    private final Set<String> visited = new LinkedHashSet<>();
    private final Set<String> usedNamedExamples = new LinkedHashSet<>();

    private Examples(ApiDocument document) {
        this.document = document;
    }

    static List<DocumentExample> collect(ApiDocument document) {
        return walk(document).found;
    }

    static List<String> unused(ApiDocument document) {
        Examples e = walk(document);
        List<String> out = new ArrayList<>();
        document.root().path("components").path("examples").fieldNames().forEachRemaining(name -> {
            if (!e.usedNamedExamples.contains(name)) {
                out.add(name);
            }
        });
        return out;
    }

    private static Examples walk(ApiDocument document) {
        Examples e = new Examples(document);
        e.pathItems("/paths");
        e.pathItems("/webhooks");
        for (String kind : List.of("responses", "requestBodies")) {
            e.each("/components/" + kind, e::contentHolder);
        }
        e.each("/components/parameters", e::parameterOrHeader);
        e.each("/components/headers", e::parameterOrHeader);
        e.each("/components/schemas", e::schema);
        return e;
    }

    private void pathItems(String pointer) {
        each(pointer, item -> {
            eachElement(Pointers.append(item, "parameters"), this::parameterOrHeader);
            for (String method : names(item)) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                String op = Pointers.append(item, method);
                eachElement(Pointers.append(op, "parameters"), this::parameterOrHeader);
                if (document.at(op).has("requestBody")) {
                    contentHolder(Pointers.append(op, "requestBody"));
                }
                each(Pointers.append(op, "responses"), this::contentHolder);
            }
        });
    }

    private void contentHolder(String pointer) {
        String p = document.resolve(pointer);
        if (!visited.add(p)) {
            return;
        }
        each(Pointers.append(p, "headers"), this::parameterOrHeader);
        each(Pointers.append(p, "content"), mediaType -> {
            String schema = Pointers.append(mediaType, "schema");
            exampleMembers(mediaType, schema, true);
        });
    }

    private void parameterOrHeader(String pointer) {
        String p = document.resolve(pointer);
        if (!visited.add(p)) {
            return;
        }
        exampleMembers(p, Pointers.append(p, "schema"), false);
    }

    private void exampleMembers(String holder, String schema, boolean mediaType) {
        JsonNode node = document.at(holder);
        if (document.at(schema).isMissingNode()) {
            return;
        }
        if (node.has("example")) {
            add(Pointers.append(holder, "example"), schema, node.get("example"));
        }
        each(Pointers.append(holder, "examples"), example -> {
            String target = document.resolve(example);
            String prefix = "/components/examples/";
            if (mediaType && target.startsWith(prefix)) {
                usedNamedExamples.add(target.substring(prefix.length()).replace("~1", "/").replace("~0", "~"));
            }
            JsonNode value = document.at(target).get("value");
            if (value != null) {
                add(example.equals(target) ? example : example + " (" + target + ")", schema, value);
            }
        });
    }

    private void schema(String pointer) {
        JsonNode node = document.at(pointer);
        if (!node.isObject()) {
            return;
        }
        JsonNode examples = node.get("examples");
        if (examples != null && examples.isArray()) {
            for (int i = 0; i < examples.size(); i++) {
                add(Pointers.append(pointer, "examples", Integer.toString(i)), pointer, examples.get(i));
            }
        }
        for (String key : names(pointer)) {
            String child = Pointers.append(pointer, key);
            if (SCHEMA_MAPS.contains(key)) {
                each(child, this::schema);
            } else if (SCHEMA_MEMBERS.contains(key)) {
                schema(child);
            } else if (SCHEMA_ARRAYS.contains(key)) {
                eachElement(child, this::schema);
            }
        }
    }

    private void add(String where, String schema, JsonNode value) {
        found.add(new DocumentExample(where, schema, schemaName(schema), value));
    }

    private String schemaName(String schema) {
        String prefix = "/components/schemas/";
        if (schema.startsWith(prefix) && schema.indexOf('/', prefix.length()) < 0) {
            return schema.substring(prefix.length());
        }
        JsonNode node = document.at(schema);
        JsonNode ref = node.get("$ref");
        if (ref != null && node.size() == 1 && ref.asText().startsWith("#" + prefix)) {
            return ref.asText().substring(1 + prefix.length());
        }
        return null;
    }

    private List<String> names(String pointer) {
        List<String> out = new ArrayList<>();
        document.at(pointer).fieldNames().forEachRemaining(out::add);
        return out;
    }

    private void each(String pointer, java.util.function.Consumer<String> action) {
        for (Iterator<String> it = names(pointer).iterator(); it.hasNext(); ) {
            action.accept(Pointers.append(pointer, it.next()));
        }
    }

    private void eachElement(String pointer, java.util.function.Consumer<String> action) {
        JsonNode array = document.at(pointer);
        for (int i = 0; i < array.size() && array.isArray(); i++) {
            action.accept(Pointers.append(pointer, Integer.toString(i)));
        }
    }
}
