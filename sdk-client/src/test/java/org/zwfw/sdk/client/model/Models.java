package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.zwfw.sdk.sandbox.internal.openapi.ApiDocument;

/** Which record models which schema of the document, and what the tests share. */
final class Models {

    static final ApiDocument DOC = ApiDocument.load();
    static final ObjectMapper MAPPER = ModelJson.newMapper();

    /** Every record and the JSON Pointer of the schema it models. */
    static final Map<Class<?>, String> SCHEMAS = new LinkedHashMap<>();

    /**
     * Object schemas of {@code components/schemas} that no record models, each for a reason. The
     * planned e-SSC operations ({@code x-zwfw-status: planned}) get models when they are specified.
     */
    static final Map<String, String> NOT_MODELLED = Map.ofEntries(
            Map.entry("Jwk", "keys stay JSON maps (JwkSet.keys) for sdk-core's key parser"),
            Map.entry("EventCommon", "its members are in each event record"),
            Map.entry("Applicant", "oneOf: the sealed interface Applicant"),
            Map.entry("CaseForm", "oneOf: the sealed interface CaseForm"),
            Map.entry("MaterialSubmission", "oneOf: the sealed interface MaterialSubmission"),
            Map.entry("SscIssueRequest", "planned"),
            Map.entry("SscCard", "planned"),
            Map.entry("SscStatusRequest", "planned"),
            Map.entry("SscQrRequest", "planned"),
            Map.entry("SscQrCode", "planned"),
            Map.entry("SscQrVerificationRequest", "planned"),
            Map.entry("SscQrVerification", "planned"),
            Map.entry("Finding", "planned (only in SscQrVerification)"));

    /** Numbers compare by value (a YAML int and a Java long are the same JSON number). */
    static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static final String S = "/components/schemas/";

    static {
        for (Class<?> c : new Class<?>[] {Department.class, TimeLimit.class, Fee.class, Material.class,
            ServiceItemSummary.class, ServiceItem.class, ServiceItemPage.class, Upload.class, PersonApplicant.class,
            OrganizationApplicant.class, MaskedApplicant.class, HolderConsent.class, UploadMaterial.class,
            EcertMaterial.class, CaseSubmission.class, PensionRetirementForm.class, GenericForm.class, CaseMaterial.class,
            CaseDecision.class, CaseHistoryEntry.class, Case.class, CasePage.class, WithdrawRequest.class,
            CancelRequest.class, ServiceHall.class, ServiceHallPage.class, Slot.class, SlotList.class,
            AppointmentRequest.class, Appointment.class, Issuer.class, IssuerList.class, IssuanceRequest.class,
            StatusReference.class, IssuedCredential.class, StatusEntry.class, StatusChange.class, EcertUseRequest.class,
            EcertUse.class, JwkSet.class, Problem.class, ProblemError.class, CaseStatusChangedEvent.class,
            EcertStatusChangedEvent.class, SscCardStatusChangedEvent.class}) {
            SCHEMAS.put(c, S + c.getSimpleName());
        }
        SCHEMAS.put(SatisfiedBy.class, S + "Material/properties/satisfied_by");
        SCHEMAS.put(InsuredPeriod.class, S + "PensionRetirementForm/properties/other_insured_regions/items");
        SCHEMAS.put(PensionPayment.class, S + "PensionRetirementForm/properties/payment");
        SCHEMAS.put(Declaration.class, S + "PensionRetirementForm/properties/declaration");
        SCHEMAS.put(StatusListReference.class, S + "StatusReference/properties/status_list");
        SCHEMAS.put(CaseStatusChangedData.class, S + "CaseStatusChangedEvent/allOf/1/properties/data");
        SCHEMAS.put(EcertStatusChangedData.class, S + "EcertStatusChangedEvent/allOf/1/properties/data");
        SCHEMAS.put(SscCardStatusChangedData.class, S + "SscCardStatusChangedEvent/allOf/1/properties/data");
    }

    private Models() {
    }

    /** The record that models a {@code components/schemas} entry, or null. */
    static Class<?> forSchema(String name) {
        for (Map.Entry<Class<?>, String> e : SCHEMAS.entrySet()) {
            if (e.getValue().equals(S + name)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The names of the object schemas of {@code components/schemas}. */
    static Set<String> objectSchemas() {
        Set<String> out = new java.util.TreeSet<>();
        DOC.at("/components/schemas").properties().forEach(e -> {
            JsonNode s = e.getValue();
            if ("object".equals(s.path("type").asText()) || s.has("properties") || s.has("allOf") || s.has("oneOf")
                    && s.path("oneOf").get(0).has("$ref")) {
                out.add(e.getKey());
            }
        });
        return out;
    }
}
