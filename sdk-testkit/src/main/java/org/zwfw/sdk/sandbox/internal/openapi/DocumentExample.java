package org.zwfw.sdk.sandbox.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One example of the OpenAPI document with the schema it illustrates.
 *
 * @param where         where the example stands, for messages (a JSON Pointer into the document,
 *                      and the name of a {@code components/examples} entry it refers to)
 * @param schemaPointer the JSON Pointer of its schema in the document
 * @param schemaName    the {@code components/schemas} name when that schema is one, else {@code null}
 * @param value         the example value
 */
public record DocumentExample(String where, String schemaPointer, String schemaName, JsonNode value) {
}
