package org.zwfw.sdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.internal.openapi.DocumentExample;

/**
 * Every example of a modelled schema reads into its record and writes back to the same JSON,
 * which validates against the schema: the model omits nothing and adds nothing.
 */
class ExampleRoundTripTest {

    @Test
    void everyExampleOfAModelledSchemaRoundTrips() throws Exception {
        int checked = 0;
        List<String> problems = new ArrayList<>();
        for (DocumentExample e : Models.DOC.examples()) {
            if (e.schemaName() == null || !Models.objectSchemas().contains(e.schemaName())) {
                continue;
            }
            Class<?> model = Models.forSchema(e.schemaName());
            if (model == null) {
                assertThat(Models.NOT_MODELLED).as("example %s of schema %s", e.where(), e.schemaName())
                        .containsKey(e.schemaName());
                continue;
            }
            Object read = Models.MAPPER.treeToValue(e.value(), model);
            JsonNode written = Models.MAPPER.valueToTree(read);
            for (String v : Models.DOC.validate(e.schemaPointer(), written)) {
                problems.add(e.where() + " written back: " + v);
            }
            if (!written.equals(Models.NUMBERS_BY_VALUE, e.value())) {
                problems.add(e.where() + " (" + model.getSimpleName() + ") written back differs:\n  " + e.value() + "\n  " + written);
            }
            checked++;
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("examples read into records").isGreaterThanOrEqualTo(25);
    }
}
