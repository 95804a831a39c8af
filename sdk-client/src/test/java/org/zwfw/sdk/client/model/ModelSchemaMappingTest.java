package org.zwfw.sdk.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every record component is a property of its schema and every property a component, with the
 * same required-ness; the type ids of sealed types ({@code kind}, {@code form_type}, {@code type})
 * stand for their const properties. Every object schema is modelled or excluded with a reason.
 */
class ModelSchemaMappingTest {

    @Test
    void componentsAndPropertiesAgree() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, String> e : Models.SCHEMAS.entrySet()) {
            problems.addAll(compare(e.getKey(), e.getValue()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyObjectSchemaIsModelledOrExcludedForAReason() {
        List<String> missing = new ArrayList<>();
        for (String name : Models.objectSchemas()) {
            if (Models.forSchema(name) == null && !Models.NOT_MODELLED.containsKey(name)) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(Models.objectSchemas()).containsAll(Models.NOT_MODELLED.keySet());
    }

    @Test
    void problemCodesAreTheDocumentsCodes() {
        List<ProblemCode> codes = new ArrayList<>();
        Models.DOC.at("/components/schemas/ProblemCode/oneOf").forEach(c -> codes.add(ProblemCode.of(c.get("const").asText())));
        assertThat(ProblemCode.known()).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void enumsAreTheDocumentsEnums() {
        assertEnum(CaseStatus.class, "CaseStatus", "UNKNOWN");
        assertEnum(HandlingMode.class, "HandlingMode", null);
        assertEnum(AppointmentStatus.class, "AppointmentStatus", null);
        assertEnum(EcertStatus.class, "StatusName", null);
        assertEnum(SscCardStatus.class, "SscCardStatus", null);
        assertEnum(MaterialRequirement.class, "Material/properties/requirement", null);
        assertEnum(DayKind.class, "TimeLimit/properties/day_kind", null);
        assertEnum(RetirementType.class, "PensionRetirementForm/properties/retirement_type", null);
        assertEnum(PaymentMethod.class, "PensionRetirementForm/properties/payment/properties/method", null);
        assertEnum(MaterialSource.class, "CaseMaterial/properties/source", null);
        assertEnum(MaterialStatus.class, "CaseMaterial/properties/status", null);
        assertEnum(DecisionResult.class, "CaseDecision/properties/result", null);
        assertEnum(ApplicantKind.class, "MaskedApplicant/properties/kind", null);
    }

    private static void assertEnum(Class<? extends Enum<?>> type, String schema, String extra) {
        List<String> values = new ArrayList<>();
        Models.DOC.at("/components/schemas/" + schema + "/enum").forEach(v -> values.add(v.asText()));
        if (extra != null) {
            values.add(extra);
        }
        List<String> names = new ArrayList<>();
        for (Enum<?> c : type.getEnumConstants()) {
            names.add(c.name());
        }
        assertThat(names).as(type.getSimpleName()).containsExactlyElementsOf(values);
    }

    /** Compares one record with its schema: every difference, as a sentence. */
    static List<String> compare(Class<?> record, String pointer) {
        Map<String, Boolean> properties = new TreeMap<>();
        collect(pointer, properties);
        Map<String, Boolean> components = new TreeMap<>();
        for (RecordComponent rc : record.getRecordComponents()) {
            JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
            if (p == null) {
                components.put("(" + rc.getName() + " has no @JsonProperty)", false);
                continue;
            }
            components.put(p.value(), p.required());
            if (rc.getType().isPrimitive() && !p.required()) {
                components.put(p.value() + " (a primitive for an optional member)", false);
            }
        }
        for (Class<?> parent : record.getInterfaces()) {
            JsonTypeInfo info = parent.getAnnotation(JsonTypeInfo.class);
            if (info != null && info.use() == JsonTypeInfo.Id.NAME) {
                components.put(info.property(), true);
                JsonTypeName name = record.getAnnotation(JsonTypeName.class);
                JsonNode constant = findConst(pointer, info.property());
                if (name == null || constant == null || !constant.asText().equals(name.value())) {
                    components.put(info.property() + " (type name is not the schema's const)", false);
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!components.equals(properties)) {
            out.add(record.getSimpleName() + " vs " + pointer + ":\n  record " + components + "\n  schema " + properties);
        }
        return out;
    }

    private static void collect(String pointer, Map<String, Boolean> into) {
        JsonNode node = Models.DOC.at(pointer);
        if (node.has("$ref")) {
            collect(node.get("$ref").asText().substring(1), into);
        }
        node.path("properties").fieldNames().forEachRemaining(n -> into.putIfAbsent(n, false));
        node.path("required").forEach(r -> into.put(r.asText(), true));
        for (int i = 0; i < node.path("allOf").size(); i++) {
            collect(pointer + "/allOf/" + i, into);
        }
    }

    private static JsonNode findConst(String pointer, String property) {
        JsonNode node = Models.DOC.at(pointer);
        JsonNode c = node.path("properties").path(property).get("const");
        if (c != null) {
            return c;
        }
        for (int i = 0; i < node.path("allOf").size(); i++) {
            JsonNode found = findConst(pointer + "/allOf/" + i, property);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
