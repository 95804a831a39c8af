package org.zwfw.sdk.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A service item (事项) with everything an applicant needs to know: materials, fees, form and assurance level.
 *
 * @param itemCode {@code item_code}, required
 * @param name {@code name}, required
 * @param department {@code department}, required
 * @param regionCode {@code region_code}, required
 * @param handlingModes {@code handling_modes}, required
 * @param visitsRequired {@code visits_required}, required: 跑动次数
 * @param timeLimit {@code time_limit}, required
 * @param free {@code free}, required: no charge (不收费)
 * @param materials {@code materials}, required
 * @param fees {@code fees}, required: empty when free
 * @param formType {@code form_type}, required: the form a case of this item carries
 * @param minAssuranceLevel {@code min_assurance_level}, required: the least real-name level of a consent
 * @param legalBasis {@code legal_basis}, required: 设定依据
 * @param eligibility {@code eligibility}: 受理条件
 * @param result {@code result}: 审批结果
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceItem(
        @JsonProperty(value = "item_code", required = true) String itemCode,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "department", required = true) Department department,
        @JsonProperty(value = "region_code", required = true) String regionCode,
        @JsonProperty(value = "handling_modes", required = true) List<HandlingMode> handlingModes,
        @JsonProperty(value = "visits_required", required = true) int visitsRequired,
        @JsonProperty(value = "time_limit", required = true) TimeLimit timeLimit,
        @JsonProperty(value = "free", required = true) boolean free,
        @JsonProperty(value = "materials", required = true) List<Material> materials,
        @JsonProperty(value = "fees", required = true) List<Fee> fees,
        @JsonProperty(value = "form_type", required = true) String formType,
        @JsonProperty(value = "min_assurance_level", required = true) String minAssuranceLevel,
        @JsonProperty(value = "legal_basis", required = true) String legalBasis,
        @JsonProperty("eligibility") String eligibility,
        @JsonProperty("result") String result) {

    /** Checks that every required member is present. */
    public ServiceItem {
        Require.present(itemCode, "item_code");
        Require.present(name, "name");
        Require.present(department, "department");
        Require.present(regionCode, "region_code");
        Require.present(handlingModes, "handling_modes");
        Require.present(timeLimit, "time_limit");
        Require.present(materials, "materials");
        Require.present(fees, "fees");
        Require.present(formType, "form_type");
        Require.present(minAssuranceLevel, "min_assurance_level");
        Require.present(legalBasis, "legal_basis");
        handlingModes = handlingModes == null ? null : List.copyOf(handlingModes);
        materials = materials == null ? null : List.copyOf(materials);
        fees = fees == null ? null : List.copyOf(fees);
    }
}
