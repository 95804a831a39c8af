package org.zwfw.sdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.sandbox.internal.openapi.DocumentExample;

/** Every example of the OpenAPI document validates against the schema it illustrates. */
class DocumentExamplesTest {

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<DocumentExample> examples = Models.DOC.examples();
        assertThat(examples).hasSizeGreaterThan(100);
        List<String> violations = new ArrayList<>();
        for (DocumentExample e : examples) {
            for (String v : Models.DOC.validate(e.schemaPointer(), e.value())) {
                violations.add(e.where() + ": " + v);
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyNamedExampleIsUsedByAMediaType() {
        assertThat(Models.DOC.unusedExamples()).isEmpty();
    }

    @Test
    void aWrongExampleIsFound() {
        DocumentExample first = Models.DOC.examples().stream().filter(e -> "PensionItem".equals(
                e.where().replaceAll(".*/components/examples/(\\w+)\\)$", "$1"))).findFirst().orElseThrow();
        var broken = first.value().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("visits_required", -1);
        assertThat(Models.DOC.validate(first.schemaPointer(), broken)).singleElement().asString().contains("/visits_required");
    }
}
